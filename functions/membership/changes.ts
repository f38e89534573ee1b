import { auditEntry } from '../audit.ts';
import { ConflictError, ForbiddenError, LegalRefusalError, NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { authorize, inOffice, type Caller } from './access.ts';
import { askLaw, type MembershipDeps } from './deps.ts';
import type { Member, Term } from './model.ts';

/** The member's term in force on `on`, if any. */
export function termOn(member: Member, on: string): Term | undefined {
  return member.terms.find((t) => t.start <= on && on < (t.endedOn ?? t.end));
}

function memberIn(members: Member[], memberId: string): Member {
  const member = members.find((m) => m.id === memberId);
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

/**
 * p9: the Commissioner appoints the Secretary from among the elected members. Each appointment
 * is a dated record: who is Secretary is always asked on a date (functions/membership/access.ts).
 */
export async function appointSecretary(deps: MembershipDeps, caller: Caller, councilId: string, input: { memberId: string; on: string }) {
  const { people } = await authorize(deps, caller, councilId, input.on);
  const member = memberIn(people.members, input.memberId);
  if (!inOffice(member, input.on)) {
    throw new LegalRefusalError(
      'secretary-not-a-member',
      { kk: 'Хатшы сайланған мүшелер арасынан тағайындалады', ru: 'Секретарь назначается из числа избранных членов', en: 'The Secretary is appointed from among the elected members' },
      [{ point: 'p9', code: 'secretary-not-a-member', message: { kk: 'Бұл адамның осы күні өкілеттігі жоқ', ru: 'У этого лица нет полномочий на эту дату', en: 'This person holds no term on that date' } }],
    );
  }
  const appointment = { councilId, memberId: member.id, on: input.on, by: caller.identity!.sub };
  await deps.store.appointSecretary(appointment, { audit: auditEntry(councilId, appointment.by, 'secretary-appointed', { kind: 'member', id: member.id }, { on: input.on, point: 'p9' }) });
  const history = [...people.secretaries, appointment].sort((a, b) => (a.on < b.on ? -1 : 1));
  return { councilId, secretaryMemberId: member.id, on: input.on, history };
}

/** p12: a member may leave by a written notification to the Commissioner; only the member sends it. */
export async function sendLeavingNotice(deps: MembershipDeps, caller: Caller, councilId: string, memberId: string, input: { noticeDate: string; statement?: string }) {
  const { people } = await authorize(deps, caller, councilId, input.noticeDate);
  const member = memberIn(people.members, memberId);
  if (!member.sub || caller.identity?.sub !== member.sub) {
    throw new ForbiddenError('not-your-notice', { kk: 'Шығу туралы хабарламаны тек мүшенің өзі жібереді (12-тармақ)', ru: 'Уведомление о выходе направляет только сам член (п. 12)', en: 'Only the member can send their own leaving notice (p12)' });
  }
  activeTerm(member);
  const notice = { councilId, memberId, id: newId(), noticeDate: input.noticeDate, statement: input.statement };
  await deps.store.putLeavingNotice(notice);
  return notice;
}

/** p15.7: the Commissioner accepts the notice; membership ends from the acceptance. */
export async function acceptLeavingNotice(deps: MembershipDeps, caller: Caller, councilId: string, memberId: string, noticeId: string, input: { on: string }) {
  const { people } = await authorize(deps, caller, councilId, input.on);
  const member = memberIn(people.members, memberId);
  const notice = await deps.store.getLeavingNotice(councilId, memberId, noticeId);
  if (!notice) throw new NotFoundError('notice-not-found', { kk: 'Хабарлама табылмады', ru: 'Уведомление не найдено', en: 'Notice not found' });
  if (input.on < notice.noticeDate) {
    throw new ConflictError('accepted-before-notice', { kk: 'Хабарлама жіберілгенге дейін қабылдау мүмкін емес', ru: 'Нельзя принять уведомление раньше его даты', en: 'A notice cannot be accepted before it was sent' });
  }
  const audit = auditEntry(councilId, caller.identity!.sub, 'leaving-accepted', { kind: 'member', id: memberId }, { on: input.on, point: 'p15.7', details: { noticeId } });
  const ended = await deps.store.endTerm(activeTerm(member), input.on, { kind: 'left', point: 'p15.7', ref: noticeId }, { leavingNotice: { ...notice, acceptedOn: input.on } }, { audit });
  if (!ended) throw new ConflictError('membership-ended', { kk: 'Өкілеттік бұрын тоқтатылған', ru: 'Полномочия уже прекращены', en: 'The powers have already ended' });
  return { memberId, endedOn: input.on, point: 'p15.7' };
}

/**
 * p18: termination of a member's powers on one of its grounds. The `member-termination`
 * question decides whether the ground holds on the fact's date (ground 1 needs an adopted
 * termination vote, p25; ground 7 exists from Order No. 5 of 2019). Nothing is deleted.
 */
export async function terminateMember(
  deps: MembershipDeps,
  caller: Caller,
  councilId: string,
  memberId: string,
  input: { ground: number; factDate: string; evidence: string[]; decisionId?: string },
) {
  const { people } = await authorize(deps, caller, councilId, input.factDate);
  const member = memberIn(people.members, memberId);
  const term = activeTerm(member);
  const vote = input.decisionId ? await deps.store.getDecision(councilId, input.decisionId) : undefined;
  const voteAdopted = Boolean(vote && vote.question === 'termination-vote' && vote.outcome === 'adopted' && vote.subject.id === memberId);
  const ruling = await askLaw(deps, councilId, { kind: 'member', id: memberId }, 'member-termination', input.factDate, { ground: input.ground, terminationVoteAdopted: voteAdopted });
  if (ruling.outcome !== 'terminated') {
    throw new LegalRefusalError('termination-refused', { kk: 'Өкілеттікті тоқтатуға негіз жоқ', ru: 'Нет основания для прекращения полномочий', en: 'No ground to terminate the powers' }, ruling.reasons);
  }
  const id = newId();
  const point = `p18.${input.ground}`;
  const by = caller.identity!.sub;
  const termination = { id, ground: input.ground, factDate: input.factDate, evidence: input.evidence, decisionId: input.decisionId, by };
  const audit = auditEntry(councilId, by, 'membership-terminated', { kind: 'member', id: memberId }, { on: input.factDate, point, details: { terminationId: id } });
  const ended = await deps.store.endTerm(term, input.factDate, { kind: 'terminated', point, ref: id }, { termination }, { decisions: [ruling.record], audit });
  if (!ended) throw new ConflictError('membership-ended', { kk: 'Өкілеттік бұрын тоқтатылған', ru: 'Полномочия уже прекращены', en: 'The powers have already ended' });
  return { id, memberId, ground: input.ground, endedOn: input.factDate, point, reasons: ruling.reasons, version: ruling.version };
}
