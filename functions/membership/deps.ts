import type { Decide, DecisionRecord, Evaluation } from '../decisions.ts';
import type { Reading } from '../rules/index.ts';
import { newId } from '../ids.ts';
import type { MembershipStore } from './store.ts';

/** The law as the domain sees it: questions and dated parameters, nothing else. */
export type LawPort = {
  decide: Decide;
  /** A parameter's value in force on `at` (e.g. `term.years`). */
  parameter: <T = unknown>(name: string, at: string) => Promise<T>;
  /** Refuses (422, citing the act or the repealing order) when no version is in force on `at`. */
  assertInForce: (at: string) => Promise<void>;
  /** An open question's reading in force on `at`, in words, to report in an answer that applied it. */
  reading: (name: string, at: string) => Promise<Reading>;
};

export type MembershipDeps = { store: MembershipStore; law: LawPort };

export type Ruling = Evaluation & { decisionId: string; record: DecisionRecord };

/**
 * Asks the law on behalf of a council act. The answer comes with its decision record, which the
 * act writes in its own transaction (replayed by an amendment's dry-run): an act refused or
 * failed leaves no record behind. `id` is derived where a retry must name the same record.
 */
export async function askLaw(
  deps: MembershipDeps,
  councilId: string,
  subject: DecisionRecord['subject'],
  question: string,
  at: string,
  facts: Record<string, unknown>,
  id: string = newId(),
): Promise<Ruling> {
  const evaluation = await deps.law.decide(question, at, facts);
  return { ...evaluation, decisionId: id, record: { ...evaluation, id, councilId, facts, subject } };
}
