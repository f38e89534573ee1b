import { addDays } from '../clock.ts';
import { QUESTIONS } from './facts.ts';
import { versionInForce, type Law } from './law.ts';
import { parameterOf, referencesIn } from './params.ts';

/** Decisions dated from `from` to `until` (inclusive; null: no end) whose question is one of `questions`. */
export type ReplayRange = { from: string; until: string | null; questions: string[] };

/**
 * Where an amendment can change an outcome: the days on which the law with it and the law
 * without it would answer some question differently, with those questions. Between two
 * consecutive version boundaries (of either law) both laws stand still, so comparing what each
 * question reads on each boundary day is enough. Later versions carry an earlier amendment's
 * changes forward until one of them overrides them; the comparison sees exactly that, so the
 * replay is bounded by the versions the amendment really affects, not "from its date on".
 *
 * @example
 * affectedRanges(before, after); // [{ from: '2021-03-12', until: '2023-01-30', questions: ['decision', 'leaving'] }]
 */
export function affectedRanges(before: Law, after: Law): ReplayRange[] {
  const boundaries = [...new Set([...before.versions, ...after.versions].map((v) => v.inForceFrom))].sort();
  const ranges: ReplayRange[] = [];
  boundaries.forEach((day, i) => {
    const questions = QUESTIONS.filter((q) => questionBasis(before, q, day) !== questionBasis(after, q, day));
    const until = i + 1 < boundaries.length ? addDays(boundaries[i + 1]!, -1) : null;
    const last = ranges.at(-1);
    // Adjacent intervals that change the same questions are one range: one query, not two.
    if (last && last.until === addDays(day, -1) && same(last.questions, questions)) last.until = until;
    else if (questions.length) ranges.push({ from: day, until, questions: [...questions] });
  });
  return ranges;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Everything an answer to `question` on `day` rests on, as one string: the version's refusal,
 * or the question's document, the status of the points it depends on (unknown or deleted
 * wording refuses) and the parameters its rules and readings use. Equal strings, equal
 * outcomes for any facts (functions/rules/evaluate.ts reads nothing else). Texts are included:
 * a changed message replays the question needlessly, never wrongly.
 */
export function questionBasis(law: Law, question: string, day: string): string {
  const found = versionInForce(law, day);
  if (!found.inForce) return JSON.stringify({ refused: found.refusal.code, points: found.refusal.reasons?.map((r) => r.point) });
  const { points, parameters, questions } = found.version.state;
  const entry = questions[question];
  if (!entry) return 'absent';
  const { since: _since, ...definition } = entry;
  const names = new Set<string>(definition.readings);
  if ('rules' in definition) for (const ref of referencesIn(definition.rules)) names.add(parameterOf(ref, parameters) ?? ref);
  const used = [...names].sort().map((name) => {
    const { since: _s, ...value } = parameters[name] ?? { since: '' };
    return [name, value];
  });
  const wording = definition.dependsOn.map((p) => [p, !points[p] ? 'absent' : points[p]!.unknown ? 'unknown' : points[p]!.deleted ? 'deleted' : 'known']);
  return JSON.stringify({ definition, used, wording });
}
