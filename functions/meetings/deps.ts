import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import { authorize, inOffice, type Caller, type Held } from '../membership/access.ts';
import type { MembershipDeps } from '../membership/deps.ts';
import type { CouncilPeople, Member } from '../membership/model.ts';
import type { Meeting } from './model.ts';
import { CHAIRPERSON } from './model.ts';
import type { MeetingStore } from './store.ts';

/** Complaints entered into the minutes (p14.7): the preventive mechanism's complaints register. */
export type ComplaintsSource = {
  /** Complaints received up to a date and not yet accepted for consideration (p15.6): the Chairperson's notices. */
  awaiting(councilId: string, today: string): Promise<{ id: string; receivedOn: string }[]>;
  receivedBetween(councilId: string, fromExclusive: string | undefined, toInclusive: string): Promise<{ id: string; receivedOn: string; summary: { kk: string; ru: string } }[]>;
};

/** The recommendations and proposals (functions/reports), for the notices of overdue ones. */
export type RecommendationsSource = { listRecommendations(councilId: string): Promise<import('../reports/model.ts').Recommendation[]> };

export type MeetingDeps = MembershipDeps & { meetings: MeetingStore; complaints: ComplaintsSource; recommendations?: RecommendationsSource };

/**
 * The meeting, for a caller of its council: checked first against the council with no date
 * (an outsider learns nothing of its meetings), then on the meeting's date (`dates` adds more,
 * e.g. today for a reader). Returns the meeting and who the caller is at it.
 */
export async function meetingFor(deps: MeetingDeps, caller: Caller, councilId: string, meetingId: string, dates: string[] = []) {
  await authorize(deps, caller, councilId);
  return meetingChecked(deps, caller, councilId, await deps.meetings.getMeeting(councilId, meetingId), dates);
}

/** The same checks, on a meeting already read (a vote reads it with the council's people at one instant). */
export async function meetingChecked(deps: MeetingDeps, caller: Caller, councilId: string, meeting: Meeting | undefined, dates: string[] = []) {
  await authorize(deps, caller, councilId);
  if (!meeting) throw new NotFoundError('meeting-not-found', { kk: 'Отырыс табылмады', ru: 'Заседание не найдено', en: 'Meeting not found' });
  const held = await authorize(deps, caller, councilId, [meeting.date, ...dates]);
  return { meeting, held };
}

export function minutesSigned(): ConflictError {
  return new ConflictError('minutes-signed', {
    kk: 'Хаттамаға Төраға мен хатшы қол қойған: оны өзгертуге болмайды, тек түзету құжатын қосуға болады (28-тармақ)',
    ru: 'Протокол подписан Председателем и секретарём: его нельзя изменить, можно лишь приложить документ об исправлении (п. 28)',
    en: 'The minutes are signed by the Chairperson and the Secretary: they cannot change; add a correction document instead (p28)',
  });
}

export function meetingChanged(): ConflictError {
  return new ConflictError('meeting-changed', {
    kk: 'Отырыстың күйі осы уақытта өзгерді (аяқталды немесе қол қойылды): жаңартып, қайталаңыз',
    ru: 'Состояние заседания за это время изменилось (завершено или подписано): обновите и повторите',
    en: 'The meeting changed meanwhile (it ended or was signed): reload and try again',
  });
}

/** The voter is not marked present: refused before the write, and by the write's own condition. */
export function voterNotPresent(): ConflictError {
  return new ConflictError('not-present', { kk: 'Дауыс беруші отырыста жоқ', ru: 'Голосующий не присутствует на заседании', en: 'The voter is not present at the meeting' });
}

export function meetingEnded(): ConflictError {
  return new ConflictError('meeting-held', { kk: 'Отырыс аяқталған', ru: 'Заседание уже завершено', en: 'The meeting has already ended' });
}

/** Refuses a write on minutes already sealed (the store's guard refuses it again, atomically). */
export function refuseIfSealed(meeting: Meeting): void {
  if (meeting.sealedAt) throw minutesSigned();
}

/**
 * Who sits on a date: the members in office, and the Chairperson as `chairperson` when counted;
 * `total` is "the members" of p21, p22, p25 and p32 under the readings in force: with the
 * Chairperson or without (`members.chairpersonCounts`), the members in office or the seats
 * (`members.vacantSeats`).
 */
export type Sitting = { members: Member[]; chairpersonCounts: boolean; ids: string[]; total: number; seats: number };

/** The members in office on the meeting's date, and the Chairperson as `chairperson`. */
export async function sittingOn(deps: MeetingDeps, people: CouncilPeople, date: string): Promise<Sitting> {
  const members = people.members.filter((m) => inOffice(m, date));
  const [chairpersonCounts, vacantSeats] = await Promise.all([deps.law.parameter<boolean>('members.chairpersonCounts', date), deps.law.parameter<string>('members.vacantSeats', date)]);
  const chair = chairpersonCounts ? 1 : 0;
  const seats = chair + Math.max(people.council.seats, members.length);
  return { members, chairpersonCounts, ids: [...(chairpersonCounts ? [CHAIRPERSON] : []), ...members.map((m) => m.id)], total: vacantSeats === 'seats' ? seats : chair + members.length, seats };
}

/** Who the caller is at a meeting: the Chairperson (`chairperson`), or their member id on its date. */
export function actorAt(held: Held): { id: string; isChairperson: boolean; isSecretary: boolean } {
  if (held.isChairperson) return { id: CHAIRPERSON, isChairperson: true, isSecretary: false };
  if (held.member) return { id: held.member.id, isChairperson: false, isSecretary: held.isSecretary };
  throw new ForbiddenError('not-a-member', {
    kk: 'Мұны тек осы күні өкілеттігі бар Кеңес мүшесі немесе Төраға жасай алады',
    ru: 'Это может сделать только член Совета с полномочиями на эту дату или Председатель',
    en: 'Only a member in office on that date, or the Chairperson, can do this',
  });
}
