import { ConflictError, ForbiddenError, LegalRefusalError, NotFoundError } from '../errors.ts';
import type { Identity } from '../http/identity.ts';
import { councilOrFail, decideFor, newId, requireChairperson, type MembershipDeps } from './deps.ts';
import type { Member, Term } from './model.ts';

/** The member's term in force on `on`, if any. */
export function termOn(member: Member, on: string): Term | undefined {
  return member.terms.find((t) => t.start <= on && on < (t.endedOn ?? t.end));
}

export async function memberOrFail(deps: MembershipDeps, councilId: string, memberId: string): Promise<Member> {
  const member = await deps.store.getMember(councilId, memberId);
  if (!member) throw new NotFoundError('member-not-found', { kk: 'Мүше табылмады', ru: 'Член не найден', en: 'Member not found' });
  return member;
}

function activeTerm(member: Member): Term {
  const term = member.terms.find((t) => t.status === 'active');
  if (!term) {
    throw new ConflictError('membership-ended', { kk: 'Бұл мүшенің өкілеттігі тоқтатылған', ru: 'Полномочия этого члена прекращены', en: "This member's powers have ended" });
  }
  return term;
}

/** p9: the Commissioner appoints the Secretary from among the elected members; history is kept. */
export async function appointSecretary(deps: MembershipDeps, identity: Identity | undefined, councilId: string, input: { memberId: string; on: string }) {
  const council = await councilOrFail(deps, councilId);
  requireChairperson(council, identity);
  const member = await memberOrFail(deps, councilId, input.memberId);
  if (!termOn(member, input.on)) {
    throw new LegalRefusalError(
      'secretary-not-a-member',
      { kk: 'Хатшы сайланған мүшелер арасынан тағайындалады', ru: 'Секретарь назначается из числа избранных членов', en: 'The Secretary is appointed from among the elected members' },
      [{ point: 'p9', code: 'secretary-not-a-member', message: { kk: 'Бұл адамның осы күні өкілеттігі жоқ', ru: 'У этого лица нет полномочий на эту дату', en: 'This person holds no term on that date' } }],
    );
  }
  await deps.store.setSecretary(councilId, member.id, input.on, identity!.sub);
  return { councilId, secretaryMemberId: member.id, on: input.on, history: await deps.store.secretaryHistory(councilId) };
}

/** p12: a member may leave by a written notification to the Commissioner; only the member sends it. */
export async function sendLeavingNotice(deps: MembershipDeps, identity: Identity | undefined, councilId: string, memberId: string, input: { noticeDate: string; statement?: string }) {
  const member = await memberOrFail(deps, councilId, memberId);
  if (!identity || !member.sub || identity.sub !== member.sub) {
    throw new ForbiddenError('not-your-notice', { kk: 'Шығу туралы хабарламаны тек мүшенің өзі жібереді (12-тармақ)', ru: 'Уведомление о выходе направляет только сам член (п. 12)', en: 'Only the member can send their own leaving notice (p12)' });
  }
  activeTerm(member);
  const notice = { councilId, memberId, id: newId(), noticeDate: input.noticeDate, statement: input.statement };
  await deps.store.putLeavingNotice(notice);
  return notice;
}

/** p15.7: the Commissioner accepts the notice; membership ends from the acceptance. */
export async function acceptLeavingNotice(deps: MembershipDeps, identity: Identity | undefined, councilId: string, memberId: string, noticeId: string, input: { on: string }) {
  requireChairperson(await councilOrFail(deps, councilId), identity);
  const member = await memberOrFail(deps, councilId, memberId);
  const notice = await deps.store.getLeavingNotice(councilId, memberId, noticeId);
  if (!notice) throw new NotFoundError('notice-not-found', { kk: 'Хабарлама табылмады', ru: 'Уведомление не найдено', en: 'Notice not found' });
  if (input.on < notice.noticeDate) {
    throw new ConflictError('accepted-before-notice', { kk: 'Хабарлама жіберілгенге дейін қабылдау мүмкін емес', ru: 'Нельзя принять уведомление раньше его даты', en: 'A notice cannot be accepted before it was sent' });
  }
  const ended = await deps.store.endTerm(activeTerm(member), input.on, { kind: 'left', point: 'p15.7', ref: noticeId }, { leavingNotice: { ...notice, acceptedOn: input.on } });
  if (!ended) throw new ConflictError('membership-ended', { kk: 'Өкілеттік бұрын тоқтатылған', ru: 'Полномочия уже прекращены', en: 'The powers have already ended' });
  return { memberId, endedOn: input.on, point: 'p15.7' };
}

/**
 * p12 (2019 wording): when a circumstance casts doubt on a member's impartiality, the member
 * withdraws. kenes records a recusal from one agenda item: the member does not vote on it and is
 * not counted as taking part in that vote (see the README). The member or the Chairperson records it.
 */
export async function recordRecusal(
  deps: MembershipDeps,
  identity: Identity | undefined,
  councilId: string,
  memberId: string,
  input: { meetingId: string; itemId: string; reason: string; on: string },
) {
  const council = await councilOrFail(deps, councilId);
  const member = await memberOrFail(deps, councilId, memberId);
  const isSelf = identity && member.sub === identity.sub;
  if (!isSelf) requireChairperson(council, identity);
  const recusal = { councilId, memberId, id: newId(), ...input };
  await deps.store.putRecusal(recusal);
  return { ...recusal, point: 'p12' };
}

/**
 * p18: termination of a member's powers on one of its grounds. The `member-termination`
 * question decides whether the ground holds on the fact's date (ground 1 needs an adopted
 * termination vote, p25; ground 7 exists from Order No. 5 of 2019). Nothing is deleted.
 */
export async function terminateMember(
  deps: MembershipDeps,
  identity: Identity | undefined,
  councilId: string,
  memberId: string,
  input: { ground: number; factDate: string; evidence: string[]; decisionId?: string },
) {
  const council = await councilOrFail(deps, councilId);
  requireChairperson(council, identity);
  const member = await memberOrFail(deps, councilId, memberId);
  const term = activeTerm(member);
  const vote = input.decisionId ? await deps.store.getDecision(councilId, input.decisionId) : undefined;
  const voteAdopted = Boolean(vote && vote.question === 'termination-vote' && vote.outcome === 'adopted' && vote.subject.id === memberId);
  const evaluation = await decideFor(deps, councilId, { kind: 'member', id: memberId }, 'member-termination', input.factDate, {
    ground: input.ground,
    terminationVoteAdopted: voteAdopted,
  });
  if (evaluation.outcome !== 'terminated') {
    throw new LegalRefusalError('termination-refused', { kk: 'Өкілеттікті тоқтатуға негіз жоқ', ru: 'Нет основания для прекращения полномочий', en: 'No ground to terminate the powers' }, evaluation.reasons);
  }
  const id = newId();
  const point = `p18.${input.ground}`;
  const termination = { id, ground: input.ground, factDate: input.factDate, evidence: input.evidence, decisionId: input.decisionId, by: identity!.sub };
  const ended = await deps.store.endTerm(term, input.factDate, { kind: 'terminated', point, ref: id }, { termination });
  if (!ended) throw new ConflictError('membership-ended', { kk: 'Өкілеттік бұрын тоқтатылған', ru: 'Полномочия уже прекращены', en: 'The powers have already ended' });
  return { id, memberId, ground: input.ground, endedOn: input.factDate, point, reasons: evaluation.reasons, version: evaluation.version };
}
