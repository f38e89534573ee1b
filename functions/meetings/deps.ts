import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import type { Identity } from '../http/identity.ts';
import type { MembershipDeps } from '../membership/deps.ts';
import type { Council, Member } from '../membership/model.ts';
import { termOn } from '../membership/changes.ts';
import type { Meeting } from './model.ts';
import { CHAIRPERSON } from './model.ts';
import type { MeetingStore } from './store.ts';

/** Complaints entered into the minutes (p14.7): the preventive mechanism's complaints register. */
export type ComplaintsSource = {
  receivedBetween(councilId: string, fromExclusive: string | undefined, toInclusive: string): Promise<{ id: string; receivedOn: string; summary: { kk: string; ru: string } }[]>;
};

export type MeetingDeps = MembershipDeps & { meetings: MeetingStore; complaints: ComplaintsSource };

export async function meetingOrFail(deps: MeetingDeps, councilId: string, meetingId: string): Promise<Meeting> {
  const meeting = await deps.meetings.getMeeting(councilId, meetingId);
  if (!meeting) throw new NotFoundError('meeting-not-found', { kk: 'Отырыс табылмады', ru: 'Заседание не найдено', en: 'Meeting not found' });
  return meeting;
}

export function refuseIfSigned(meeting: Meeting): void {
  if (meeting.signedAt) throw minutesSigned();
}

export function minutesSigned(): ConflictError {
  return new ConflictError('minutes-signed', {
    kk: 'Хаттамаға Төраға мен хатшы қол қойған: оны өзгертуге болмайды, тек түзету құжатын қосуға болады (28-тармақ)',
    ru: 'Протокол подписан Председателем и секретарём: его нельзя изменить, можно лишь приложить документ об исправлении (п. 28)',
    en: 'The minutes are signed by the Chairperson and the Secretary: they cannot change; add a correction document instead (p28)',
  });
}

/** Who sits on a date: the members in office, and the Chairperson as `chairperson` when counted. */
export type Sitting = { members: Member[]; chairpersonCounts: boolean; ids: string[] };

/** The members in office on the meeting's date, and the Chairperson as `chairperson`. */
export async function sittingOn(deps: MeetingDeps, council: Council, date: string): Promise<Sitting> {
  const members = (await deps.store.listMembers(council.id)).filter((m) => termOn(m, date));
  const chairpersonCounts = await deps.law.parameter<boolean>('members.chairpersonCounts', date);
  return { members, chairpersonCounts, ids: [...(chairpersonCounts ? [CHAIRPERSON] : []), ...members.map((m) => m.id)] };
}

/**
 * Resolves who the caller is at this meeting: the Chairperson, or a member in office on its date.
 * `allowSecretary`: the Secretary may act for another attendee (recording attendance and votes).
 */
export function actor(council: Council, members: Member[], identity: Identity | undefined): { id: string; isChairperson: boolean; isSecretary: boolean } {
  if (identity?.sub === council.chairpersonSub && identity.roles.includes('chair')) return { id: CHAIRPERSON, isChairperson: true, isSecretary: false };
  const member = members.find((m) => m.sub && m.sub === identity?.sub);
  if (!member) {
    throw new ForbiddenError('not-a-member', {
      kk: 'Мұны тек осы күні өкілеттігі бар Кеңес мүшесі немесе Төраға жасай алады',
      ru: 'Это может сделать только член Совета с полномочиями на эту дату или Председатель',
      en: 'Only a member in office on that date, or the Chairperson, can do this',
    });
  }
  return { id: member.id, isChairperson: false, isSecretary: member.id === council.secretaryMemberId };
}
