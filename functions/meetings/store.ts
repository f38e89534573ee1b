import type { Council, CouncilPeople } from '../membership/model.ts';
import type { Trail } from '../membership/store.ts';
import type { MinutesBody } from './minutes-doc.ts';
import type { Dissent, ExtraordinaryDemand, Meeting, Motion, Signature, Vote, AgendaItem } from './model.ts';

export type Attendance = { attendeeId: string; present: boolean };
/** What a vote is judged on (MeetingStore.votingContext); `peopleVersion` guards the vote's write. */
export type VotingContext = { people: CouncilPeople; peopleVersion: number; meeting?: Meeting; motion?: Motion; attendance: Attendance[] };
export type Notice = { id: string; to: 'chairperson'; kind: 'extraordinary-demand' | 'quarter-warning' | 'quarter-missed'; ref: string; on: string };
export type Correction = { id: string; contentHash: string; text: { kk: string; ru: string }; reason: string; by: string; on: string };

/**
 * What the meetings domain needs from storage.
 *
 * The seal (p28): every write that feeds a meeting's minutes carries one guard on the meeting
 * item in its own transaction. While the meeting is `convened` the guard is a condition on
 * that status (signatures come only after the meeting is held). Once `held`, the guard is an
 * update that refuses a sealed meeting, counts the revision, and voids a pending signature:
 * a change after the first signature asks for it again, it never freezes the minutes.
 * A refused guard is a ConflictError: `minutes-signed` when sealed, `meeting-changed` otherwise.
 */
export interface MeetingStore {
  listCouncils(): Promise<Council[]>;

  /**
   * A new meeting with its number: the next of the council's meetings of the calendar year of
   * its date, counted in the same write (concurrent conveners never share a number).
   */
  putMeeting(meeting: Omit<Meeting, 'number'>, demand: ExtraordinaryDemand | undefined, trail: Trail): Promise<Meeting>;
  getMeeting(councilId: string, meetingId: string): Promise<Meeting | undefined>;
  listMeetings(councilId: string, from: string, to: string): Promise<Meeting[]>;
  addAgendaItem(meeting: Meeting, item: AgendaItem): Promise<void>;
  /** Marks the meeting held at `endTime` ("HH:MM"), only from convened, with no motion open. */
  markHeld(meeting: Meeting, endTime: string, trail: Trail): Promise<void>;

  setAttendance(meeting: Meeting, attendeeId: string, present: boolean): Promise<void>;
  listAttendance(councilId: string, meetingId: string): Promise<Attendance[]>;

  putMotion(meeting: Meeting, motion: Motion): Promise<void>;
  getMotion(councilId: string, meetingId: string, motionId: string): Promise<Motion | undefined>;
  listMotions(councilId: string, meetingId: string): Promise<Motion[]>;
  /**
   * Everything a vote is judged on, read at one instant: the council's people, the meeting, the
   * motion and the attendance. `undefined` when there is no such council.
   */
  votingContext(councilId: string, meetingId: string, motionId: string): Promise<VotingContext | undefined>;
  /**
   * One vote per voter (the key), changeable while the motion is open, its voter present and the
   * council's people as they were read (`peopleVersion` of the voting context): conditions in
   * the same transaction.
   */
  putVote(meeting: Meeting, motion: Motion, vote: Vote, peopleVersion: number): Promise<void>;
  listVotes(councilId: string, meetingId: string, motionId: string): Promise<Vote[]>;
  /** Moves the motion out of `open` (only from open, or already closing): no vote is accepted after. */
  beginCloseMotion(meeting: Meeting, motion: Motion): Promise<void>;
  /** Writes the result (only from closing), with its decision record and audit. */
  finishCloseMotion(meeting: Meeting, motion: Motion, trail: Trail): Promise<void>;
  putDissent(meeting: Meeting, motion: Motion, dissent: Dissent): Promise<void>;
  listDissents(councilId: string, meetingId: string): Promise<(Dissent & { motionId: string })[]>;

  /**
   * A signature on the content of `revision` (the one the signer read): `replace` voids the
   * pending signatures (their content differs); `seal` completes the minutes. The exact content
   * signed is stored under its hash, so what was signed never changes.
   */
  putSignature(meeting: Meeting, input: { signature: Signature; content: MinutesBody; replace: boolean; seal: boolean; voidedAt: string }, trail: Trail): Promise<void>;
  /** The exact content signed under `hash`. */
  signedContent(councilId: string, meetingId: string, hash: string): Promise<MinutesBody | undefined>;
  /** A correction of sealed minutes: a document of its own, referencing the signed hash. */
  putCorrection(meeting: Meeting, correction: Correction, trail: Trail): Promise<void>;
  listCorrections(councilId: string, meetingId: string): Promise<Correction[]>;

  /** A new demand with its first signature and decision, and the Chairperson's notice when already due: one write. */
  putDemand(demand: ExtraordinaryDemand, notice: Notice | undefined, trail: Trail): Promise<void>;
  getDemand(councilId: string, demandId: string): Promise<ExtraordinaryDemand | undefined>;
  /** Adds a signatory atomically (a second signature of the same member is a ConflictError); returns them all. */
  addSignatory(demand: ExtraordinaryDemand, memberId: string): Promise<string[]>;
  /** Records the demand's decision; moving from `collecting` to `may-convene` happens once, with its notice. */
  decideDemand(demand: ExtraordinaryDemand, decision: NonNullable<ExtraordinaryDemand['decision']>, status: ExtraordinaryDemand['status'], notice: Notice | undefined, trail: Trail): Promise<void>;

  /** Idempotent: false when this notice already exists. */
  putNotice(councilId: string, notice: Notice): Promise<boolean>;
  listNotices(councilId: string): Promise<Notice[]>;
}
