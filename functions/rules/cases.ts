import { KenesError } from '../errors.ts';
import type { Text } from '../text.ts';
import type { CaseDoc } from './document.ts';
import { evaluate } from './evaluate.ts';
import type { Law } from './law.ts';

const ASSUMED = 'publication-date-assumed';
const sorted = (list: readonly string[]) => [...new Set(list)].sort();
const same = (a: readonly string[], b: readonly string[]) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

/** "expected X, got Y" in the three languages; `what` is the case's own key (outcome, points, …). */
function mismatch(what: string, expected: unknown, got: unknown): Text {
  const e = typeof expected === 'string' ? expected : JSON.stringify(expected);
  const g = typeof got === 'string' ? got : JSON.stringify(got);
  return {
    kk: `${what}: күтілгені ${e}, заң берген жауап ${g}`,
    ru: `${what}: ожидалось ${e}, закон отвечает ${g}`,
    en: `${what}: expected ${e}, the law answers ${g}`,
  };
}

/**
 * Runs one case against a law: undefined when the law answers as the case expects, else what
 * differs (kk, ru, en). The same check runs for `npm test` and before an amendment is accepted.
 *
 * @example
 * await checkCase(law, 'quorum', { name: '…', at: '2020-01-01', facts: { membersTotal: 10, membersPresent: 6 }, outcome: 'quorate', points: ['p22'] }); // undefined
 */
export async function checkCase(law: Law, question: string, c: CaseDoc): Promise<Text | undefined> {
  // A case at the boundary of an assumed entry into force is set aside once the real date is recorded.
  if (c.assumedPublication?.some((id) => law.versions.find((v) => v.id === id)?.publishedOnAssumed === false)) return undefined;
  let answer;
  try {
    answer = await evaluate(law, { question, at: c.at, facts: c.facts }, { parameters: c.parameters });
  } catch (error) {
    // Rules that cannot run (e.g. an amendment comparing a word with a number) fail the case;
    // they must never reach a request as a 500.
    if (!(error instanceof KenesError)) return mismatch(c.refusal ? 'refusal' : 'outcome', c.outcome ?? c.refusal?.status, `error: ${(error as Error).message}`);
    if (!c.refusal) return mismatch('outcome', c.outcome, `${error.statusCode} ${error.code}`);
    if (error.statusCode !== c.refusal.status) return mismatch('refusal.status', c.refusal.status, `${error.statusCode} ${error.code}`);
    if (c.refusal.code && error.code !== c.refusal.code) return mismatch('refusal.code', c.refusal.code, error.code);
    const fields = error.details?.map((d) => d.field) ?? [];
    if (c.refusal.fields && !same(fields, c.refusal.fields)) return mismatch('refusal.fields', sorted(c.refusal.fields), sorted(fields));
    // The note that a date rests on an assumed publication is checked by `datesAssumed`, not as a point.
    const points = error.reasons?.filter((r) => r.code !== ASSUMED).map((r) => r.point) ?? [];
    if (!same(points, c.points)) return mismatch('points', sorted(c.points), sorted(points));
    const assumed = Boolean(error.reasons?.some((r) => r.code === ASSUMED));
    if (c.datesAssumed !== undefined && assumed !== c.datesAssumed) return mismatch('datesAssumed', c.datesAssumed, assumed);
    return undefined;
  }
  if (c.refusal) return mismatch('refusal', `${c.refusal.status}${c.refusal.code ? ` ${c.refusal.code}` : ''}`, answer.outcome);
  if (answer.outcome !== c.outcome) return mismatch('outcome', c.outcome, `${answer.outcome} (${sorted(answer.reasons.map((r) => r.point)).join(', ')})`);
  const points = answer.reasons.map((r) => r.point);
  if (!same(points, c.points)) return mismatch('points', sorted(c.points), sorted(points));
  const codes = answer.reasons.map((r) => r.code);
  if (c.codes && !same(codes, c.codes)) return mismatch('codes', sorted(c.codes), sorted(codes));
  if (c.version && answer.version.id !== c.version) return mismatch('version', c.version, answer.version.id);
  if (c.datesAssumed !== undefined && answer.dates.assumed !== c.datesAssumed) return mismatch('datesAssumed', c.datesAssumed, answer.dates.assumed);
  for (const [parameter, value] of Object.entries(c.readings ?? {})) {
    const used = answer.readings.find((r) => r.parameter === parameter)?.value;
    if (JSON.stringify(used) !== JSON.stringify(value)) return mismatch(`readings.${parameter}`, value, used ?? null);
  }
  return undefined;
}
