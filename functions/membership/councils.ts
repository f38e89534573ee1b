import { LegalRefusalError, NotFoundError } from '../errors.ts';
import type { Identity } from '../http/identity.ts';
import type { Text } from '../text.ts';
import { councilOrFail, decideFor, newId, requireChairperson, type MembershipDeps } from './deps.ts';
import type { Candidate, Commission, Council, EligibilityFacts } from './model.ts';

/** POST /v1/councils (admin): a council is a tenant; several live in one table. */
export async function createCouncil(
  deps: MembershipDeps,
  input: { id?: string; name: Text; seats: number; chairpersonSub: string; chairpersonName?: string; createdOn: string },
): Promise<Council> {
  const council: Council = { ...input, id: input.id ?? newId() };
  await deps.store.createCouncil(council);
  return council;
}

/**
 * A candidate's application (p4, p5, p8): eligibility is judged on the application date by the
 * version in force then. An ineligible application is refused with every failing point; the
 * decision itself is kept as a decision record.
 */
export async function applyAsCandidate(
  deps: MembershipDeps,
  councilId: string,
  input: { name: string; sub?: string; appliedOn: string; facts: EligibilityFacts; documents: string[] },
): Promise<Candidate> {
  await councilOrFail(deps, councilId);
  const id = newId();
  const evaluation = await decideFor(deps, councilId, { kind: 'candidate', id }, 'member-eligibility', input.appliedOn, input.facts);
  if (evaluation.outcome !== 'eligible') {
    throw new LegalRefusalError(
      'candidate-ineligible',
      {
        kk: 'Үміткер Кеңес мүшесі бола алмайды: ' + evaluation.reasons.map((r) => r.point).join(', '),
        ru: 'Кандидат не может быть членом Совета: ' + evaluation.reasons.map((r) => r.point).join(', '),
        en: 'The candidate cannot be a member of the Council: ' + evaluation.reasons.map((r) => r.point).join(', '),
      },
      evaluation.reasons,
    );
  }
  const candidate: Candidate = {
    id,
    councilId,
    name: input.name,
    sub: input.sub,
    appliedOn: input.appliedOn,
    facts: input.facts,
    documents: input.documents,
    status: 'eligible',
    eligibility: { outcome: evaluation.outcome, reasons: evaluation.reasons, version: evaluation.version },
  };
  await deps.store.putCandidate(candidate);
  return candidate;
}

/**
 * A candidate's facts changed (a new charge, a court decision): the new declaration replaces
 * the old one, and eligibility is judged again on the election date when the round closes.
 */
export async function declareFacts(deps: MembershipDeps, councilId: string, candidateId: string, facts: EligibilityFacts, declaredOn: string): Promise<void> {
  if (!(await deps.store.getCandidate(councilId, candidateId))) throw candidateNotFound();
  await deps.store.updateCandidateFacts(councilId, candidateId, facts, declaredOn);
}

export async function withdrawCandidate(deps: MembershipDeps, councilId: string, candidateId: string, on: string): Promise<void> {
  const candidate = await deps.store.getCandidate(councilId, candidateId);
  if (!candidate) throw candidateNotFound();
  await deps.store.withdrawCandidate(councilId, candidateId, on);
}

/** The commission that elects the members is formed by the Commissioner (p8). */
export async function formCommission(
  deps: MembershipDeps,
  identity: Identity | undefined,
  councilId: string,
  input: { voters: string[]; formedOn: string },
): Promise<Commission> {
  requireChairperson(await councilOrFail(deps, councilId), identity);
  const commission: Commission = { id: newId(), councilId, voters: input.voters, formedOn: input.formedOn };
  await deps.store.putCommission(commission);
  return commission;
}

export function candidateNotFound(): NotFoundError {
  return new NotFoundError('candidate-not-found', { kk: 'Үміткер табылмады', ru: 'Кандидат не найден', en: 'Candidate not found' });
}
