import { auditEntry } from '../audit.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors.ts';
import { derivedId, newId } from '../ids.ts';
import type { Caller } from '../membership/access.ts';
import { askLaw } from '../membership/deps.ts';
import { actorAt, meetingChecked, meetingEnded, meetingFor, refuseIfSealed, sittingOn, voterNotPresent, type MeetingDeps } from './deps.ts';
import { isPresiding, notPresiding, quorumOf } from './meetings.ts';
import type { Bilingual } from './minutes-doc.ts';
import type { Dissent, Meeting, Motion, MotionKind, VoteChoice } from './model.ts';
import { CHAIRPERSON } from './model.ts';
import type { VotingContext } from './store.ts';

/** p26: the Council's decisions are recommendations; every result says so. */
const RECOMMENDATION = {
  point: 'p26',
  message: {
    kk: 'Кеңестің шешімдері ұсынымдық сипатта болады (26-тармақ)',
    ru: 'Решения Совета носят рекомендательный характер (п. 26)',
    en: "The Council's decisions are recommendations (p26)",
  },
} as const;

/** Which question of the law decides each kind of motion. */
const QUESTION: Record<MotionKind, string> = {
  ordinary: 'decision', // p25
  termination: 'termination-vote', // p25: two thirds of those taking part
  suspension: 'termination-vote', // p25: "terminate (suspend)"
  dissolution: 'dissolution', // p32: full membership
};

/** p17.4: a member puts a proposal to the vote, on an item of the agenda. */
export async function putMotion(
  deps: MeetingDeps,
  caller: Caller,
  councilId: string,
  meetingId: string,
  input: { itemId: string; kind: MotionKind; category?: Motion['category']; title: Bilingual; subjectMemberId?: string },
): Promise<Motion> {
  const { meeting, held } = await meetingFor(deps, caller, councilId, meetingId);
  refuseIfSealed(meeting);
  if (meeting.status !== 'convened') throw meetingEnded();
  actorAt(held);
  const { members } = await sittingOn(deps, held.people, meeting.date);
  if (!meeting.agenda.some((i) => i.id === input.itemId)) {
    throw new InvalidInputError([{ field: 'body.itemId', code: 'not-on-agenda', message: { kk: 'күн тәртібінде жоқ', ru: 'нет в повестке дня', en: 'is not on the agenda' } }]);
  }
  const needsSubject = input.kind === 'termination' || input.kind === 'suspension';
  if (needsSubject !== Boolean(input.subjectMemberId) || (input.subjectMemberId && !members.some((m) => m.id === input.subjectMemberId))) {
    throw new InvalidInputError([
      { field: 'body.subjectMemberId', code: 'subject', message: { kk: 'өкілеттігі тоқтатылатын мүшені (тек сол үшін) көрсетіңіз', ru: 'укажите члена, чьи полномочия прекращаются (только для этого)', en: 'name the member whose powers are at stake (and only then)' } },
    ]);
  }
  const motion: Motion = {
    id: newId(),
    councilId,
    meetingId,
    itemId: input.itemId,
    kind: input.kind,
    category: input.category ?? 'decision',
    title: input.title,
    subjectMemberId: input.subjectMemberId,
    status: 'open',
  };
  await deps.meetings.putMotion(meeting, motion);
  return motion;
}

/**
 * A vote (for, against, abstain): one per present member, changeable until the motion closes.
 * The voter, or the Secretary entering it for them (a show of hands): the vote then records who
 * entered it, and the minutes say so. Nothing is put to a vote while not quorate (p22).
 */
export async function castVote(deps: MeetingDeps, caller: Caller, councilId: string, meetingId: string, motionId: string, voterId: string, choice: VoteChoice) {
  // One read: the council's people, the meeting, the motion and the attendance, at one instant;
  // the write holds only if none of them changed in between (docs/performance.md).
  const context = await deps.meetings.votingContext(councilId, meetingId, motionId);
  caller.people = Promise.resolve(context?.people);
  const { meeting, motion, sitting, actor } = await openMotion(deps, caller, councilId, meetingId, motionId, false, context);
  if (actor.id !== voterId && !actor.isSecretary) throw new ForbiddenError();
  const quorum = await quorumOf(deps, meeting, sitting, context!.attendance);
  if (quorum.outcome !== 'quorate') {
    throw new ConflictError('not-quorate', { kk: 'Кворум жоқ: дауысқа салуға болмайды (22-тармақ)', ru: 'Нет кворума: ставить на голосование нельзя (п. 22)', en: 'Not quorate: nothing can be put to a vote (p22)' }, { reasons: quorum.reasons });
  }
  if (!quorum.present.includes(voterId)) {
    throw voterNotPresent();
  }
  const enteredBy = actor.id === voterId ? undefined : actor.id;
  await deps.meetings.putVote(meeting, motion, { voterId, choice, enteredBy }, context!.peopleVersion);
  return { motionId, voterId, choice, ...(enteredBy ? { enteredBy } : {}) };
}

/**
 * Closes a motion. First the motion leaves `open` (a conditional write: no vote is accepted
 * after), then the votes stored are counted, read consistently: every vote that was accepted,
 * each cast while its voter was present, and only those. The matching question decides (p25,
 * p32) and the explanation is kept with the motion and as a decision record. A close that
 * failed half-way is finished by calling it again.
 */
export async function closeMotion(deps: MeetingDeps, caller: Caller, councilId: string, meetingId: string, motionId: string) {
  const { meeting, motion, sitting, actor } = await openMotion(deps, caller, councilId, meetingId, motionId, true);
  if (!isPresiding(meeting, actor.id)) throw notPresiding();
  await deps.meetings.beginCloseMotion(meeting, motion);
  const stored = await deps.meetings.listVotes(councilId, meetingId, motionId);
  const quorum = await quorumOf(deps, meeting, sitting);
  const votes = stored.filter((v) => sitting.ids.includes(v.voterId));
  // A voter who left after voting still took part in the vote.
  const taking = new Set([...quorum.present, ...votes.map((v) => v.voterId)]);
  const count = (choice: VoteChoice) => votes.filter((v) => v.choice === choice).length;
  const facts: Record<string, unknown> = {
    membersTotal: quorum.membersTotal,
    membersPresent: taking.size,
    votesFor: count('for'),
    votesAgainst: count('against'),
    abstained: count('abstain'),
  };
  if (motion.kind === 'ordinary') {
    const presidingId = meeting.presiding.capacity === 'chairperson' ? CHAIRPERSON : meeting.presiding.memberId;
    // "Did not vote" is its own fact, not an abstention (p25's tie rule needs to know).
    facts.presidingVote = votes.find((v) => v.voterId === presidingId)?.choice ?? 'none';
  }
  // p32 "full membership": the seats, on the same basis as the members, for the reading that asks every seat filled.
  if (motion.kind === 'dissolution') facts.seats = sitting.seats;
  const subject = motion.subjectMemberId ? { kind: 'member', id: motion.subjectMemberId } : { kind: 'motion', id: motion.id };
  const ruling = await askLaw(deps, councilId, subject, QUESTION[motion.kind], meeting.date, facts, derivedId(motion.id, 'decision'));
  const closed: Motion = {
    ...motion,
    status: 'closed',
    result: { outcome: ruling.outcome, reasons: ruling.reasons, version: ruling.version, readings: ruling.readings, decisionId: ruling.decisionId, facts, nature: RECOMMENDATION },
  };
  const audit = auditEntry(councilId, caller.identity!.sub, 'motion-decided', { kind: 'motion', id: motion.id }, { on: meeting.date, point: ruling.reasons[0]?.point, details: { outcome: ruling.outcome, meetingId } });
  await deps.meetings.finishCloseMotion(meeting, closed, { decisions: [ruling.record], audit });
  return closed;
}

/** p17.5: a member's dissenting opinion, in writing, attached to the motion and the minutes. */
export async function addDissent(
  deps: MeetingDeps,
  caller: Caller,
  councilId: string,
  meetingId: string,
  motionId: string,
  input: { text: string; language: 'kk' | 'ru' | 'en'; writtenOn: string; memberId?: string },
) {
  const { meeting, held } = await meetingFor(deps, caller, councilId, meetingId);
  refuseIfSealed(meeting);
  const motion = await motionOrFail(deps, meeting, motionId);
  const actor = actorAt(held);
  const { memberId = actor.id, ...text } = input;
  // The Secretary may enter a member's written opinion for them; the record says who entered it.
  if (memberId !== actor.id) {
    if (!actor.isSecretary) throw new ForbiddenError();
    const sitting = await sittingOn(deps, held.people, meeting.date);
    if (!sitting.ids.includes(memberId)) throw notSitting('body.memberId');
  }
  const dissent: Dissent = { memberId, ...text, ...(memberId !== actor.id ? { enteredBy: actor.id } : {}) };
  await deps.meetings.putDissent(meeting, motion, dissent);
  return { motionId, ...dissent, point: 'p17.5' };
}

/** An open motion (or, for its close, one already closing) of a meeting in session, and who the caller is at it. */
async function openMotion(deps: MeetingDeps, caller: Caller, councilId: string, meetingId: string, motionId: string, closing = false, read?: VotingContext) {
  const { meeting, held } = read ? await meetingChecked(deps, caller, councilId, read.meeting) : await meetingFor(deps, caller, councilId, meetingId);
  refuseIfSealed(meeting);
  const motion = read ? found(read.motion) : await motionOrFail(deps, meeting, motionId);
  if (!(motion.status === 'open' || (closing && motion.status === 'closing'))) throw motionClosed();
  if (meeting.status !== 'convened') throw meetingEnded();
  const sitting = await sittingOn(deps, held.people, meeting.date);
  return { meeting, motion, sitting, actor: actorAt(held) };
}

async function motionOrFail(deps: MeetingDeps, meeting: Meeting, motionId: string): Promise<Motion> {
  return found(await deps.meetings.getMotion(meeting.councilId, meeting.id, motionId));
}

function found(motion: Motion | undefined): Motion {
  if (!motion) throw new NotFoundError('motion-not-found', { kk: 'Ұсыныс табылмады', ru: 'Вопрос не найден', en: 'Motion not found' });
  return motion;
}


function motionClosed(): ConflictError {
  return new ConflictError('motion-closed', { kk: 'Бұл мәселе бойынша дауыс беру аяқталды', ru: 'Голосование по этому вопросу завершено', en: 'Voting on this motion is closed' });
}

function notSitting(field: string): InvalidInputError {
  return new InvalidInputError([{ field, code: 'not-sitting', message: { kk: 'отырыс күні Кеңес мүшесі емес', ru: 'не член Совета на дату заседания', en: 'is not a member of the Council on the meeting date' } }]);
}
