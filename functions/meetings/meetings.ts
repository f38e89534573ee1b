import { auditEntry } from '../audit.ts';
import { ConflictError, ForbiddenError, InvalidInputError } from '../errors.ts';
import { newId } from '../ids.ts';
import { authorize, type Caller } from '../membership/access.ts';
import { actorAt, meetingEnded, meetingFor, refuseIfSealed, sittingOn, type MeetingDeps, type Sitting } from './deps.ts';
import { kazakhstanTime } from './labels.ts';
import type { Acting, AgendaItem, Meeting } from './model.ts';
import { CHAIRPERSON, CLOCK_TIME, CLOCK_TIME_MESSAGE } from './model.ts';
import type { Bilingual } from './minutes-doc.ts';
import type { Attendance } from './store.ts';

export type ConveneInput = {
  kind: 'regular' | 'extraordinary';
  date: string;
  place?: Bilingual;
  region?: Bilingual;
  /** "HH:MM", Kazakhstan time. */
  startTime?: string;
  /** When a member convenes or presides: the Chairperson's instruction (p17.2, p20, p23). */
  instruction?: string;
  presidingMemberId?: string;
  agenda: { title: Bilingual }[];
  invited: Meeting['invited'];
  /** `item`: the agenda item (its place in `agenda`, from 1) the official is heard on. */
  hearings: { speaker: string; subject: Bilingual; item?: number }[];
  demandId?: string;
};

/**
 * Convenes a meeting (p19–p21, p23): by the Chairperson, or by a member on the Chairperson's
 * instruction (recorded). An extraordinary meeting may answer a demand of a third of the
 * members (p21), which then stops tracking. The store gives it the next number of the council's
 * meetings of that calendar year, in the same write.
 */
export async function convene(deps: MeetingDeps, caller: Caller, councilId: string, input: ConveneInput): Promise<Meeting> {
  checkTime(input.startTime, 'startTime');
  input.hearings.forEach(({ item }, i) => {
    if (item !== undefined && !(Number.isInteger(item) && item >= 1 && item <= input.agenda.length)) throw notAnItem(`body.hearings.${i}.item`, input.agenda.length);
  });
  const held = await authorize(deps, caller, councilId, input.date);
  await deps.law.assertInForce(input.date);
  const { members } = await sittingOn(deps, held.people, input.date);
  const actor = actorAt(held);
  if (!actor.isChairperson && !input.instruction) throw instructionRequired('instruction');
  const convenedBy: Acting = actor.isChairperson ? { capacity: 'chairperson' } : { capacity: 'member-on-instruction', memberId: actor.id, instruction: input.instruction! };
  let presiding: Acting = { capacity: 'chairperson' };
  if (input.presidingMemberId) {
    if (!members.some((m) => m.id === input.presidingMemberId)) {
      throw new InvalidInputError([{ field: 'body.presidingMemberId', code: 'not-a-member', message: { kk: 'осы күні өкілеттігі бар мүше емес', ru: 'не член с полномочиями на эту дату', en: 'is not a member in office on that date' } }]);
    }
    if (!input.instruction) throw instructionRequired('instruction');
    presiding = { capacity: 'member-on-instruction', memberId: input.presidingMemberId, instruction: input.instruction };
  }
  const demand = input.demandId ? await deps.meetings.getDemand(councilId, input.demandId) : undefined;
  if (input.demandId && (!demand || demand.status !== 'may-convene' || input.kind !== 'extraordinary')) {
    throw new ConflictError('demand-not-due', {
      kk: 'Бұл талап бойынша кезектен тыс отырыс шақыру қажет емес (21-тармақ)',
      ru: 'По этому требованию не нужно созывать внеочередное заседание (п. 21)',
      en: 'This demand does not call for an extraordinary meeting (p21)',
    });
  }
  const agenda = input.agenda.map((item) => ({ id: newId(), title: item.title, submittedBy: actor.id }));
  const meeting: Omit<Meeting, 'number'> = {
    id: newId(),
    councilId,
    kind: input.kind,
    date: input.date,
    place: input.place,
    region: input.region,
    startTime: input.startTime,
    convenedBy,
    presiding,
    agenda,
    invited: input.invited,
    hearings: input.hearings.map(({ item, ...hearing }) => (item === undefined ? hearing : { ...hearing, itemId: agenda[item - 1]!.id })),
    demandId: input.demandId,
    status: 'convened',
    revision: 0,
    openMotions: 0,
    signatures: [],
    voidedSignatures: [],
  };
  const audit = auditEntry(councilId, caller.identity!.sub, 'meeting-convened', { kind: 'meeting', id: meeting.id }, { on: input.date, point: input.kind === 'extraordinary' ? 'p21' : 'p20' });
  return deps.meetings.putMeeting(meeting, demand ? { ...demand, status: 'convened', meetingId: meeting.id } : undefined, { audit });
}

/** p17.3: a member puts an item on the agenda. */
export async function addAgendaItem(deps: MeetingDeps, caller: Caller, councilId: string, meetingId: string, title: Bilingual): Promise<AgendaItem> {
  const { meeting, held } = await meetingFor(deps, caller, councilId, meetingId);
  refuseIfSealed(meeting);
  if (meeting.status !== 'convened') throw meetingEnded();
  const item: AgendaItem = { id: newId(), title, submittedBy: actorAt(held).id };
  await deps.meetings.addAgendaItem(meeting, item);
  return item;
}

/** Records who is present: the attendee, the Secretary (who draws up the minutes, p16) or the Chairperson. */
export async function setAttendance(deps: MeetingDeps, caller: Caller, councilId: string, meetingId: string, attendeeId: string, present: boolean) {
  const { meeting, held } = await meetingFor(deps, caller, councilId, meetingId);
  refuseIfSealed(meeting);
  const sitting = await sittingOn(deps, held.people, meeting.date);
  if (!sitting.ids.includes(attendeeId) && attendeeId !== CHAIRPERSON) {
    throw new InvalidInputError([{ field: 'attendeeId', code: 'not-sitting', message: { kk: 'отырыс күні Кеңес мүшесі емес', ru: 'не член Совета на дату заседания', en: 'is not a member of the Council on the meeting date' } }]);
  }
  const actor = actorAt(held);
  if (actor.id !== attendeeId && !actor.isChairperson && !actor.isSecretary) throw new ForbiddenError();
  await deps.meetings.setAttendance(meeting, attendeeId, present);
  return { meetingId, attendeeId, present, quorum: await quorumOf(deps, meeting, sitting) };
}

/**
 * The meeting's quorum (p22), from the `quorum` question: the members in office on its date
 * (with the Chairperson when `members.chairpersonCounts`), and those present. Nobody is taken
 * out of a quorum by anyone's declaration (p12 is renunciation of membership, not recusal).
 */
export async function quorumOf(deps: MeetingDeps, meeting: Meeting, sitting: Sitting, read?: Attendance[]) {
  const attendance = read ?? (await deps.meetings.listAttendance(meeting.councilId, meeting.id));
  const present = attendance.filter((a) => a.present && sitting.ids.includes(a.attendeeId)).map((a) => a.attendeeId);
  const facts = { membersTotal: sitting.total, membersPresent: present.length };
  const evaluation = await deps.law.decide('quorum', meeting.date, facts);
  return { ...facts, present, outcome: evaluation.outcome, reasons: evaluation.reasons, version: evaluation.version };
}

/**
 * Ends the meeting: every motion must be closed first. The end time is recorded for the
 * minutes: as given ("HH:MM"), or the time on Kazakhstan's clock now.
 */
export async function closeMeeting(deps: MeetingDeps, caller: Caller, councilId: string, meetingId: string, input: { endTime?: string; now: Date }) {
  checkTime(input.endTime, 'endTime');
  const { meeting, held } = await meetingFor(deps, caller, councilId, meetingId);
  if (!isPresiding(meeting, actorAt(held).id)) throw notPresiding();
  if (meeting.status !== 'convened') throw meetingEnded();
  if (meeting.openMotions > 0) {
    throw new ConflictError('motions-open', { kk: 'Барлық ұсыныстар бойынша дауыс беру аяқталмаған', ru: 'Голосование по всем вопросам не завершено', en: 'Some motions are still open' });
  }
  // A time typed by hand before the start is a slip; the clock's own time is taken as it is.
  if (input.endTime && meeting.startTime && input.endTime < meeting.startTime) {
    throw new InvalidInputError([{ field: 'body.endTime', code: 'before-start', message: { kk: `отырыс ${meeting.startTime} басталды: аяқталу уақыты одан ерте болмайды`, ru: `заседание началось в ${meeting.startTime}: окончание не может быть раньше`, en: `the meeting started at ${meeting.startTime}: it cannot end earlier` } }]);
  }
  const endTime = input.endTime ?? kazakhstanTime(input.now);
  await deps.meetings.markHeld(meeting, endTime, { audit: auditEntry(councilId, caller.identity!.sub, 'meeting-held', { kind: 'meeting', id: meeting.id }, { on: meeting.date, point: 'p24', details: { endTime } }) });
  return { ...meeting, status: 'held' as const, endTime };
}

/** GET a meeting: its council's people on its date or today; with its quorum (p22) and motions. */
export async function readMeeting(deps: MeetingDeps, caller: Caller, councilId: string, meetingId: string, today: string) {
  const { meeting, held } = await meetingFor(deps, caller, councilId, meetingId, [today]);
  const sitting = await sittingOn(deps, held.people, meeting.date);
  const [quorum, motions] = await Promise.all([quorumOf(deps, meeting, sitting), deps.meetings.listMotions(councilId, meetingId)]);
  return { ...meeting, quorum, motions };
}

export function isPresiding(meeting: Meeting, actorId: string): boolean {
  return meeting.presiding.capacity === 'chairperson' ? actorId === CHAIRPERSON : actorId === meeting.presiding.memberId;
}

export function notPresiding(): ForbiddenError {
  return new ForbiddenError('not-presiding', {
    kk: 'Мұны тек отырысқа төрағалық етуші жасайды (15-тармақтың 4) тармақшасы, 17-тармақтың 2) тармақшасы)',
    ru: 'Это делает только председательствующий на заседании (подп. 4) п. 15, подп. 2) п. 17)',
    en: 'Only the person presiding over the meeting can do this (p15.4, p17.2)',
  });
}

/** A time of day, "HH:MM" (the route's schema checks it first; this is the domain's own word). */
function checkTime(value: string | undefined, field: 'startTime' | 'endTime'): void {
  if (value !== undefined && !CLOCK_TIME.test(value)) throw new InvalidInputError([{ field: `body.${field}`, code: 'invalid-time', message: CLOCK_TIME_MESSAGE }]);
}

function notAnItem(field: string, items: number): InvalidInputError {
  const message = items
    ? { kk: `күн тәртібінде ${items} мәселе бар: 1-ден ${items}-ге дейінгі нөмір болуы керек`, ru: `вопросов в повестке дня: ${items}; нужен номер от 1 до ${items}`, en: `the agenda has ${items} items: give a number from 1 to ${items}` }
    : { kk: 'күн тәртібінде мәселе жоқ', ru: 'в повестке дня нет вопросов', en: 'the agenda has no items' };
  return new InvalidInputError([{ field, code: 'not-an-agenda-item', message }]);
}

function instructionRequired(field: string): InvalidInputError {
  return new InvalidInputError([
    {
      field: `body.${field}`,
      code: 'instruction-required',
      message: {
        kk: 'мүше отырысты тек Төрағаның тапсырмасы бойынша шақырады не оған төрағалық етеді (17, 20, 23-тармақтар)',
        ru: 'член созывает заседание или председательствует на нём только по поручению Председателя (пп. 17, 20, 23)',
        en: "a member convenes or presides only on the Chairperson's instruction (p17, p20, p23)",
      },
    },
  ]);
}
