import { randomUUID } from 'node:crypto';
import type { Decide, DecisionRecord, Evaluation } from '../decisions.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { Identity } from '../http/identity.ts';
import type { Council } from './model.ts';
import type { MembershipStore } from './store.ts';

/** The law as the domain sees it: questions and dated parameters, nothing else. */
export type LawPort = {
  decide: Decide;
  /** A parameter's value in force on `at` (e.g. `term.years`). */
  parameter: <T = unknown>(name: string, at: string) => Promise<T>;
  /** Refuses (422, citing the act or the repealing order) when no version is in force on `at`. */
  assertInForce: (at: string) => Promise<void>;
};

export type MembershipDeps = { store: MembershipStore; law: LawPort };

export const newId = (): string => randomUUID();

/** Asks the law and keeps the answer as a decision record of the council (replayed by dry-runs). */
export async function decideFor(
  deps: MembershipDeps,
  councilId: string,
  subject: DecisionRecord['subject'],
  question: string,
  at: string,
  facts: Record<string, unknown>,
): Promise<Evaluation & { decisionId: string }> {
  const evaluation = await deps.law.decide(question, at, facts);
  const id = newId();
  await deps.store.putDecision({ ...evaluation, id, councilId, facts, subject });
  return { ...evaluation, decisionId: id };
}

export async function councilOrFail(deps: MembershipDeps, councilId: string): Promise<Council> {
  const council = await deps.store.getCouncil(councilId);
  if (!council) throw new NotFoundError('council-not-found', { kk: 'Кеңес табылмады', ru: 'Совет не найден', en: 'Council not found' });
  return council;
}

/**
 * Only the council's Chairperson, the Commissioner (p15), acts here: the `chair` role and,
 * the council's recorded Chairperson.
 */
export function requireChairperson(council: Council, identity: Identity | undefined): void {
  if (identity?.roles.includes('chair') && identity.sub === council.chairpersonSub) return;
  throw new ForbiddenError('not-the-chairperson', {
    kk: 'Мұны тек Кеңестің Төрағасы (Уәкіл) жасай алады (15-тармақ)',
    ru: 'Это может сделать только Председатель Совета (Уполномоченный) (п. 15)',
    en: "Only the Council's Chairperson (the Commissioner) can do this (p15)",
  });
}
