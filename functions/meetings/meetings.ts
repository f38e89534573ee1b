import { auditEntry } from '../audit.ts';
import { ConflictError, ForbiddenError, InvalidInputError } from '../errors.ts';
import { newId } from '../ids.ts';
import { authorize, type Caller } from '../membership/access.ts';
import { actorAt, meetingEnded, meetingFor, refuseIfSealed, sittingOn, type MeetingDeps, type Sitting } from './deps.ts';
import type { Acting, AgendaItem, Meeting } from './model.ts';
import { CHAIRPERSON } from './model.ts';
import type { Bilingual } from './minutes-doc.ts';

export type ConveneInput = {
  kind: 'regular' | 'extraordinary';
  date: string;
  place?: string;
  region?: string;
  /** When a member convenes or presides: the Chairperson's instruction (p17.2, p20, p23). */
  instruction?: string;
  presidingMemberId?: string;
  agenda: { title: Bilingual }[];
  invited: Meeting['invited'];
  hearings: Meeting['hearings'];
  demandId?: string;
};

/**
 * Convenes a meeting (p19–p21, p23): by the Chairperson, or by a member on the Chairperson's
 * instruction (recorded). An extraordinary meeting may answer a demand of a third of the
 * members (p21), which then stops tracking.
 */
export async function convene(deps: MeetingDeps, caller: Caller, councilId: string, input: ConveneInput): Promise<Meeting> {
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
  const meeting: Meeting = {
    id: newId(),
    councilId,
    kind: input.kind,
    date: input.date,
    place: input.place,
    region: input.region,
    convenedBy,
    presiding,
    agenda: input.agenda.map((item) => ({ id: newId(), title: item.title, submittedBy: actor.id })),
    invited: input.invited,
    hearings: input.hearings,
    demandId: input.demandId,
    status: 'convened',
    revision: 0,
    openMotions: 0,
    signatures: [],
    voidedSignatures: [],
  };
  const audit = auditEntry(councilId, caller.identity!.sub, 'meeting-convened', { kind: 'meeting', id: meeting.id }, { on: input.date, point: input.kind === 'extraordinary' ? 'p21' : 'p20' });
  await deps.meetings.putMeeting(meeting, demand ? { ...demand, status: 'convened', meetingId: meeting.id } : undefined, { audit });
  return meeting;
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
export async function quorumOf(deps: MeetingDeps, meeting: Meeting, sitting: Sitting) {
  const attendance = await deps.meetings.listAttendance(meeting.councilId, meeting.id);
  const present = attendance.filter((a) => a.present && sitting.ids.includes(a.attendeeId)).map((a) => a.attendeeId);
  const facts = { membersTotal: sitting.total, membersPresent: present.length };
  const evaluation = await deps.law.decide('quorum', meeting.date, facts);
  return { ...facts, present, outcome: evaluation.outcome, reasons: evaluation.reasons, version: evaluation.version };
}

/** Ends the meeting: every motion must be closed first. */
export async function closeMeeting(deps: MeetingDeps, caller: Caller, councilId: string, meetingId: string) {
  const { meeting, held } = await meetingFor(deps, caller, councilId, meetingId);
  if (!isPresiding(meeting, actorAt(held).id)) throw notPresiding();
  if (meeting.status !== 'convened') throw meetingEnded();
  if (meeting.openMotions > 0) {
    throw new ConflictError('motions-open', { kk: 'Барлық ұсыныстар бойынша дауыс беру аяқталмаған', ru: 'Голосование по всем вопросам не завершено', en: 'Some motions are still open' });
  }
  await deps.meetings.markHeld(meeting, { audit: auditEntry(councilId, caller.identity!.sub, 'meeting-held', { kind: 'meeting', id: meeting.id }, { on: meeting.date, point: 'p24' }) });
  return { ...meeting, status: 'held' as const };
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
