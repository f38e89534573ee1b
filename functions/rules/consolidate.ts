import { addDays } from '../clock.ts';
import type { ParameterEntryDoc, QuestionEntryDoc, VersionDoc, WordingDoc } from './document.ts';

type Since = { since: string };

/** The law as it stands under one version: every point, parameter and question, each with the version that last set it. */
export type State = {
  points: Record<string, WordingDoc & Since>;
  parameters: Record<string, ParameterEntryDoc & Since>;
  questions: Record<string, QuestionEntryDoc & Since>;
};

const EMPTY: State = { points: {}, parameters: {}, questions: {} };

/**
 * Folds the versions in order: each version's changes replace what they name, the rest stands.
 * An adoption after a repeal is a new act: it starts from nothing, or from the state of the
 * version it is `basedOn` (taken over as its own, so `since` names the new act). Returns the
 * consolidated state under each version (same order).
 *
 * @example
 * consolidate(doc.versions)[1].points.p25.since; // 'order-5-2019'
 */
export function consolidate(versions: readonly VersionDoc[]): State[] {
  const states: State[] = [];
  let state: State = EMPTY;
  versions.forEach((version, i) => {
    const since = { since: version.id };
    if (version.kind === 'adoption' && i > 0) {
      const base = version.basedOn ? states[versions.findIndex((v) => v.id === version.basedOn)] : undefined;
      state = base
        ? {
            points: mapValues(base.points, (w) => ({ ...w, ...since })),
            parameters: mapValues(base.parameters, (p) => ({ ...p, ...since })),
            questions: mapValues(base.questions, (q) => ({ ...q, ...since })),
          }
        : EMPTY;
    }
    state = {
      points: { ...state.points, ...mapValues(version.changes.points, (w) => ({ ...w, ...since })) },
      parameters: { ...state.parameters, ...mapValues(version.changes.parameters, (p) => ({ ...p, ...since })) },
      questions: { ...state.questions, ...mapValues(version.changes.questions, (q) => ({ ...q, ...since })) },
    };
    states.push(state);
  });
  return states;
}

function mapValues<T, U>(record: Record<string, T>, f: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
}

/** What the dates of a version need from the act: its own days after publication, its adoption and its registration. */
export type ActDates = { calendarDaysAfterPublication: number; adoptedOn: string; registration: { date: string } };
type Dated = Pick<VersionDoc, 'kind' | 'adoptedOn' | 'publishedOn' | 'publishedOnAssumed' | 'calendarDaysAfterPublication' | 'inForceFrom'>;

/**
 * A version's publication as the law counts it. The act's own adoption was registered by the
 * Ministry of Justice (Order No. 18: 2013-11-08, No. 8891), and a registrable act is published
 * only after it is registered: an ASSUMED publication date earlier than the registration is
 * read as the registration day, the earliest the act can have been published. A recorded date
 * before the registration is refused by check.ts.
 *
 * @example
 * publicationOf(act, { kind: 'adoption', adoptedOn: '2013-09-26', publishedOn: '2013-09-26', publishedOnAssumed: true }); // { on: '2013-11-08', assumed: true, registeredOn: '2013-11-08' }
 */
export function publicationOf(act: ActDates, version: Dated): { on: string; assumed: boolean; registeredOn?: string } {
  const registeredOn = version.kind === 'adoption' && version.adoptedOn === act.adoptedOn ? act.registration.date : undefined;
  const on = version.publishedOnAssumed && registeredOn && version.publishedOn < registeredOn ? registeredOn : version.publishedOn;
  return { on, assumed: version.publishedOnAssumed, ...(registeredOn ? { registeredOn } : {}) };
}

/**
 * The day a version enters into force: its explicit date if it gives one, else "after N
 * calendar days from the day of its first official publication" (order.p2): published on D,
 * the N days are D+1 … D+N, so in force from D+N+1.
 *
 * @example
 * inForceFrom(act, { kind: 'amendment', adoptedOn: '2019-04-03', publishedOn: '2019-04-03', publishedOnAssumed: true }); // '2019-04-14'
 */
export function inForceFrom(act: ActDates, version: Dated): string {
  if (version.inForceFrom) return version.inForceFrom.date;
  return addDays(publicationOf(act, version).on, (version.calendarDaysAfterPublication ?? act.calendarDaysAfterPublication) + 1);
}
