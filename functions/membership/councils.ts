import { auditEntry } from '../audit.ts';
import { ConflictError, LegalRefusalError, NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Text } from '../text.ts';
import { authorize, type Caller } from './access.ts';
import { askLaw, type MembershipDeps } from './deps.ts';
import type { Candidate, Commission, Council, EligibilityFacts } from './model.ts';

/** POST /v1/councils (admin): a council is a tenant; several live in one table. */
export async function createCouncil(
  deps: MembershipDeps,
  by: string,
  input: { id?: string; name: Text; seats: number; chairpersonSub: string; chairpersonName?: string; createdOn: string },
): Promise<Council> {
  const council: Council = { ...input, id: input.id ?? newId() };
  await deps.store.createCouncil(council, { audit: auditEntry(council.id, by, 'council-created', { kind: 'council', id: council.id }, { on: council.createdOn, point: 'p15.1' }) });
  return council;
}

/**
 * A candidate's application (p4, p5, p8): eligibility is judged on the application date by the
 * version in force then. An ineligible application is refused with every failing point and
 * leaves nothing behind; an eligible one is written with the decision record it rests on. A
 * person (by account) stands once at a time: a second application while the first stands is a 409.
 */
export async function applyAsCandidate(
  deps: MembershipDeps,
  caller: Caller,
  councilId: string,
  input: { name: string; profile?: string; sub?: string; appliedOn: string; facts: EligibilityFacts; documents: string[] },
): Promise<Candidate> {
  await authorize(deps, caller, councilId, input.appliedOn);
  const standing = input.sub ? await deps.store.standingCandidacy(councilId, input.sub) : undefined;
  if (standing) throw alreadyStanding(standing);
  const id = newId();
  const ruling = await askLaw(deps, councilId, { kind: 'candidate', id }, 'member-eligibility', input.appliedOn, input.facts);
  if (ruling.outcome !== 'eligible') {
    throw new LegalRefusalError(
      'candidate-ineligible',
      {
        kk: 'Үміткер Кеңес мүшесі бола алмайды: әр себебі өз тармағымен төменде келтірілген',
        ru: 'Кандидат не может быть членом Совета: каждая причина приведена ниже со своим пунктом',
        en: `The candidate cannot be a member of the Council (${ruling.reasons.map((r) => r.point).join(', ')})`,
      },
      ruling.reasons,
    );
  }
  const candidate: Candidate = {
    id,
    councilId,
    name: input.name,
    profile: input.profile,
    sub: input.sub,
    appliedOn: input.appliedOn,
    facts: input.facts,
    documents: input.documents,
    status: 'eligible',
    eligibility: { outcome: ruling.outcome, reasons: ruling.reasons, version: ruling.version },
  };
  const by = caller.identity!.sub;
  try {
    await deps.store.putCandidate(candidate, { decisions: [ruling.record], audit: auditEntry(councilId, by, 'candidate-registered', { kind: 'candidate', id }, { on: input.appliedOn, point: 'p8' }) });
  } catch (error) {
    // Two applications of one person at once: the guard let one through; name it.
    const first = error instanceof ConflictError && error.code === 'already-a-candidate' && input.sub ? await deps.store.standingCandidacy(councilId, input.sub) : undefined;
    throw first ? alreadyStanding(first) : error;
  }
  return candidate;
}

/**
 * A candidate's facts changed (a new charge, a court decision): the new declaration replaces
 * the old one, and eligibility is judged again on the election date when the round closes.
 */
export async function declareFacts(deps: MembershipDeps, caller: Caller, councilId: string, candidateId: string, facts: EligibilityFacts, declaredOn: string): Promise<void> {
  await authorize(deps, caller, councilId, declaredOn);
  if (!(await deps.store.getCandidate(councilId, candidateId))) throw candidateNotFound();
  const audit = auditEntry(councilId, caller.identity!.sub, 'candidate-facts-declared', { kind: 'candidate', id: candidateId }, { on: declaredOn, point: 'p4' });
  await deps.store.updateCandidateFacts(councilId, candidateId, facts, declaredOn, { audit });
}

export async function withdrawCandidate(deps: MembershipDeps, caller: Caller, councilId: string, candidateId: string, on: string): Promise<void> {
  await authorize(deps, caller, councilId, on);
  if (!(await deps.store.getCandidate(councilId, candidateId))) throw candidateNotFound();
  await deps.store.withdrawCandidate(councilId, candidateId, on, { audit: auditEntry(councilId, caller.identity!.sub, 'candidate-withdrawn', { kind: 'candidate', id: candidateId }, { on }) });
}

/** The commission that elects the members is formed by the Commissioner (p8). */
export async function formCommission(deps: MembershipDeps, caller: Caller, councilId: string, input: { voters: string[]; formedOn: string }): Promise<Commission> {
  await authorize(deps, caller, councilId, input.formedOn);
  const commission: Commission = { id: newId(), councilId, voters: input.voters, formedOn: input.formedOn };
  const audit = auditEntry(councilId, caller.identity!.sub, 'commission-formed', { kind: 'commission', id: commission.id }, { on: input.formedOn, point: 'p8', details: { voters: input.voters } });
  await deps.store.putCommission(commission, { audit });
  return commission;
}

function alreadyStanding(candidateId: string): ConflictError {
  return new ConflictError(
    'already-a-candidate',
    { kk: 'Бұл адамның үміткерлігі тіркелген және әлі күшінде', ru: 'Кандидатура этого человека уже зарегистрирована и в силе', en: 'This person already stands as a candidate' },
    { field: 'body.sub', existing: { kind: 'candidate', id: candidateId } },
  );
}

export function candidateNotFound(): NotFoundError {
  return new NotFoundError('candidate-not-found', { kk: 'Үміткер табылмады', ru: 'Кандидат не найден', en: 'Candidate not found' });
}
