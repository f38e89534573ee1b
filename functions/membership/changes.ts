import { auditEntry } from '../audit.ts';
import { ConflictError, ForbiddenError, InvalidInputError, LegalRefusalError, NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { authorize, inOffice, type Caller } from './access.ts';
import { askLaw, type MembershipDeps } from './deps.ts';
import type { Member, Term } from './model.ts';
import type { LeavingNotice } from './store.ts';

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

/**
 * p12 (2019 wording): when a circumstance casts doubt on a member's impartiality, the member
 * renounces membership of the Council (`renunciation`); and a member may leave by notifying the
 * Commissioner (`notice`). Either way a written notice from the member, which the Commissioner
 * accepts (p15.7). Only the member sends it, and nobody else's declaration removes anyone from
 * a vote or a quorum. The `leaving` question answers first: before Order No. 5 the wording of
 * p12 is unknown, and the law refuses (422) rather than guess.
 */
export async function sendLeavingNotice(
  deps: MembershipDeps,
  caller: Caller,
  councilId: string,
  memberId: string,
  input: { noticeDate: string; statement?: string; kind: LeavingNotice['kind'] },
) {
  const { people } = await authorize(deps, caller, councilId, input.noticeDate);
  const member = memberIn(people.members, memberId);
  if (!member.sub || caller.identity?.sub !== member.sub) {
    throw new ForbiddenError('not-your-notice', { kk: 'Шығу туралы хабарламаны тек мүшенің өзі жібереді (12-тармақ)', ru: 'Уведомление о выходе направляет только сам член (п. 12)', en: 'Only the member can send their own leaving notice (p12)' });
  }
  activeTerm(member);
  const ruling = await deps.law.decide('leaving', input.noticeDate, { kind: input.kind });
  const notice: LeavingNotice = { councilId, memberId, id: newId(), kind: input.kind, noticeDate: input.noticeDate, statement: input.statement };
  await deps.store.putLeavingNotice(notice);
  return { ...notice, reasons: ruling.reasons, version: ruling.version };
}

/**
 * p15.7: the Commissioner accepts the notice. From which day the powers end is an open question
 * (p12, p18.2, p15.7): the reading `leaving.powersEnd` says: the acceptance, the notice's date,
 * or its receipt (`receivedOn`, recorded with the acceptance). The answer reports the reading.
 */
export async function acceptLeavingNotice(deps: MembershipDeps, caller: Caller, councilId: string, memberId: string, noticeId: string, input: { on: string; receivedOn?: string }) {
  const { people } = await authorize(deps, caller, councilId, input.on);
  const member = memberIn(people.members, memberId);
  const notice = await deps.store.getLeavingNotice(councilId, memberId, noticeId);
  if (!notice) throw new NotFoundError('notice-not-found', { kk: 'Хабарлама табылмады', ru: 'Уведомление не найдено', en: 'Notice not found' });
  const dates = [
    ['body.on', input.on],
    ['body.receivedOn', input.receivedOn],
  ] as const;
  const early = dates.filter(([, date]) => date !== undefined && date < notice.noticeDate);
  if (early.length) throw new InvalidInputError(early.map(([field]) => ({ field, code: 'before-notice', message: { kk: 'хабарлама жіберілген күннен бұрын болмайды', ru: 'не может быть раньше даты уведомления', en: 'cannot precede the notice' } })));
  if (input.receivedOn && input.receivedOn > input.on) {
    throw new InvalidInputError([{ field: 'body.receivedOn', code: 'after-acceptance', message: { kk: 'қабылданған күннен кейін болмайды', ru: 'не может быть позже принятия', en: 'cannot follow the acceptance' } }]);
  }
  const reading = await deps.law.reading('leaving.powersEnd', input.on);
  const endedOn = reading.value === 'notice-date' ? notice.noticeDate : reading.value === 'receipt' ? input.receivedOn : input.on;
  if (!endedOn) {
    throw new InvalidInputError([{ field: 'body.receivedOn', code: 'required', message: { kk: 'хабарлама түскен күн керек: өкілеттік сол күннен тоқтайды', ru: 'нужна дата получения уведомления: полномочия прекращаются с неё', en: 'is required: the powers end from the receipt' } }]);
  }
  const point = notice.kind === 'renunciation' ? 'p12' : 'p15.7';
  const audit = auditEntry(councilId, caller.identity!.sub, 'leaving-accepted', { kind: 'member', id: memberId }, { on: input.on, point, details: { noticeId, endedOn } });
  const accepted = { ...notice, acceptedOn: input.on, ...(input.receivedOn ? { receivedOn: input.receivedOn } : {}) };
  const ended = await deps.store.endTerm(activeTerm(member), endedOn, { kind: 'left', point, ref: noticeId }, { leavingNotice: accepted }, { audit });
  if (!ended) throw new ConflictError('membership-ended', { kk: 'Өкілеттік бұрын тоқтатылған', ru: 'Полномочия уже прекращены', en: 'The powers have already ended' });
  return { memberId, endedOn, point, readings: [reading] };
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
  // A termination decided by the Council takes effect no earlier than the vote that decided it.
  const endedOn = voteAdopted && vote!.at > input.factDate ? vote!.at : input.factDate;
  const ruling = await askLaw(deps, councilId, { kind: 'member', id: memberId }, 'member-termination', input.factDate, { ground: input.ground, terminationVoteAdopted: voteAdopted });
  if (ruling.outcome !== 'terminated') {
    throw new LegalRefusalError('termination-refused', { kk: 'Өкілеттікті тоқтатуға негіз жоқ', ru: 'Нет основания для прекращения полномочий', en: 'No ground to terminate the powers' }, ruling.reasons);
  }
  const id = newId();
  const point = `p18.${input.ground}`;
  const by = caller.identity!.sub;
  const termination = { id, ground: input.ground, factDate: input.factDate, evidence: input.evidence, decisionId: input.decisionId, by };
  const audit = auditEntry(councilId, by, 'membership-terminated', { kind: 'member', id: memberId }, { on: input.factDate, point, details: { terminationId: id } });
  const ended = await deps.store.endTerm(term, endedOn, { kind: 'terminated', point, ref: id }, { termination }, { decisions: [ruling.record], audit });
  if (!ended) throw new ConflictError('membership-ended', { kk: 'Өкілеттік бұрын тоқтатылған', ru: 'Полномочия уже прекращены', en: 'The powers have already ended' });
  return { id, memberId, ground: input.ground, endedOn, point, reasons: ruling.reasons, version: ruling.version, readings: ruling.readings };
}
