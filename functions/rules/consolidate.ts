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

/**
 * The day a version enters into force: its explicit date if it gives one, else "after N
 * calendar days from the day of its first official publication" (order.p2): published on D,
 * the N days are D+1 … D+N, so in force from D+N+1.
 *
 * @example
 * inForceFrom({ calendarDaysAfterPublication: 10 }, { publishedOn: '2019-04-03' }); // '2019-04-14'
 */
export function inForceFrom(
  act: { calendarDaysAfterPublication: number },
  version: Pick<VersionDoc, 'publishedOn' | 'calendarDaysAfterPublication' | 'inForceFrom'>,
): string {
  if (version.inForceFrom) return version.inForceFrom.date;
  return addDays(version.publishedOn, (version.calendarDaysAfterPublication ?? act.calendarDaysAfterPublication) + 1);
}
