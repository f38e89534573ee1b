import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors.ts';
import type { Identity } from '../http/identity.ts';
import { councilOrFail, decideFor, newId } from '../membership/deps.ts';
import { actor, meetingOrFail, refuseIfSigned, sittingOn, type MeetingDeps } from './deps.ts';
import { isPresiding, notPresiding, quorumOf } from './meetings.ts';
import type { Bilingual } from './minutes-doc.ts';
import type { Meeting, Motion, MotionKind, VoteChoice } from './model.ts';
import { CHAIRPERSON } from './model.ts';

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
  identity: Identity | undefined,
  councilId: string,
  meetingId: string,
  input: { itemId: string; kind: MotionKind; category?: Motion['category']; title: Bilingual; subjectMemberId?: string },
): Promise<Motion> {
  const council = await councilOrFail(deps, councilId);
  const meeting = await meetingOrFail(deps, councilId, meetingId);
  refuseIfSigned(meeting);
  const { members } = await sittingOn(deps, council, meeting.date);
  actor(council, members, identity);
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
 * The voter, or the Secretary recording it; recused members are refused (p12), and nothing is
 * put to a vote while the meeting is not quorate (p22).
 */
export async function castVote(deps: MeetingDeps, identity: Identity | undefined, councilId: string, meetingId: string, motionId: string, voterId: string, choice: VoteChoice) {
  const { meeting, motion, sitting, caller } = await openMotion(deps, identity, councilId, meetingId, motionId);
  if (caller.id !== voterId && !caller.isSecretary) throw new ForbiddenError();
  const recusals = await deps.meetings.listRecusals(councilId, meetingId);
  if (recusals.some((r) => r.memberId === voterId && r.itemId === motion.itemId)) {
    throw new ConflictError('recused', {
      kk: 'Бұл мүше осы мәселе бойынша бейтараптығына күмән болғандықтан өздігінен шеттетілген (12-тармақ)',
      ru: 'Этот член взял самоотвод по этому вопросу из-за сомнений в беспристрастности (п. 12)',
      en: 'This member is recused from this item: their impartiality is in doubt (p12)',
    });
  }
  const quorum = await quorumOf(deps, meeting, recusedFrom(recusals, motion), sitting);
  if (quorum.outcome !== 'quorate') {
    throw new ConflictError('not-quorate', { kk: 'Кворум жоқ: дауысқа салуға болмайды (22-тармақ)', ru: 'Нет кворума: ставить на голосование нельзя (п. 22)', en: 'Not quorate: nothing can be put to a vote (p22)' }, { reasons: quorum.reasons });
  }
  if (!quorum.present.includes(voterId)) {
    throw new ConflictError('not-present', { kk: 'Дауыс беруші отырыста жоқ', ru: 'Голосующий не присутствует на заседании', en: 'The voter is not present at the meeting' });
  }
  await deps.meetings.putVote(meeting, motion, voterId, choice);
  return { motionId, voterId, choice };
}

/**
 * Closes a motion: the matching question decides (p25, p32) from the votes of those present
 * and not recused, and the explanation is kept with the motion and as a decision record.
 */
export async function closeMotion(deps: MeetingDeps, identity: Identity | undefined, councilId: string, meetingId: string, motionId: string) {
  const { meeting, motion, sitting, caller } = await openMotion(deps, identity, councilId, meetingId, motionId);
  if (!isPresiding(meeting, caller.id)) throw notPresiding();
  const recusals = await deps.meetings.listRecusals(councilId, meetingId);
  const quorum = await quorumOf(deps, meeting, recusedFrom(recusals, motion), sitting);
  const votes = (await deps.meetings.listVotes(councilId, meetingId, motionId)).filter((v) => quorum.present.includes(v.voterId));
  const count = (choice: VoteChoice) => votes.filter((v) => v.choice === choice).length;
  const facts: Record<string, unknown> = {
    membersTotal: quorum.membersTotal,
    membersPresent: quorum.membersPresent,
    votesFor: count('for'),
    votesAgainst: count('against'),
    abstained: count('abstain'),
  };
  if (motion.kind === 'ordinary') {
    const presidingId = meeting.presiding.capacity === 'chairperson' ? CHAIRPERSON : meeting.presiding.memberId;
    facts.presidingVote = votes.find((v) => v.voterId === presidingId)?.choice ?? 'abstain';
  }
  const subject = motion.subjectMemberId ? { kind: 'member', id: motion.subjectMemberId } : { kind: 'motion', id: motion.id };
  const evaluation = await decideFor(deps, councilId, subject, QUESTION[motion.kind], meeting.date, facts);
  const closed: Motion = {
    ...motion,
    status: 'closed',
    result: { outcome: evaluation.outcome, reasons: evaluation.reasons, version: evaluation.version, decisionId: evaluation.decisionId, facts, nature: RECOMMENDATION },
  };
  await deps.meetings.closeMotion(meeting, closed);
  return closed;
}

/** p17.5: a member's dissenting opinion, in writing, attached to the motion and the minutes. */
export async function addDissent(
  deps: MeetingDeps,
  identity: Identity | undefined,
  councilId: string,
  meetingId: string,
  motionId: string,
  input: { text: string; language: 'kk' | 'ru' | 'en'; writtenOn: string },
) {
  const council = await councilOrFail(deps, councilId);
  const meeting = await meetingOrFail(deps, councilId, meetingId);
  refuseIfSigned(meeting);
  const motion = await motionOrFail(deps, meeting, motionId);
  const { members } = await sittingOn(deps, council, meeting.date);
  const caller = actor(council, members, identity);
  const dissent = { memberId: caller.id, ...input };
  await deps.meetings.putDissent(meeting, motion, dissent);
  return { motionId, ...dissent, point: 'p17.5' };
}

/** An open motion of an unsigned meeting, and who the caller is at it. */
async function openMotion(deps: MeetingDeps, identity: Identity | undefined, councilId: string, meetingId: string, motionId: string) {
  const council = await councilOrFail(deps, councilId);
  const meeting = await meetingOrFail(deps, councilId, meetingId);
  refuseIfSigned(meeting);
  const motion = await motionOrFail(deps, meeting, motionId);
  if (motion.status !== 'open') throw motionClosed();
  const sitting = await sittingOn(deps, council, meeting.date);
  return { meeting, motion, sitting, caller: actor(council, sitting.members, identity) };
}

async function motionOrFail(deps: MeetingDeps, meeting: Meeting, motionId: string): Promise<Motion> {
  const motion = await deps.meetings.getMotion(meeting.councilId, meeting.id, motionId);
  if (!motion) throw new NotFoundError('motion-not-found', { kk: 'Ұсыныс табылмады', ru: 'Вопрос не найден', en: 'Motion not found' });
  return motion;
}

function recusedFrom(recusals: { memberId: string; itemId: string }[], motion: Motion): string[] {
  return recusals.filter((r) => r.itemId === motion.itemId).map((r) => r.memberId);
}

function motionClosed(): ConflictError {
  return new ConflictError('motion-closed', { kk: 'Бұл мәселе бойынша дауыс беру аяқталды', ru: 'Голосование по этому вопросу завершено', en: 'Voting on this motion is closed' });
}
