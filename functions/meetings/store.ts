import type { Council } from '../membership/model.ts';
import type { Dissent, ExtraordinaryDemand, Meeting, Motion, Signature, VoteChoice, AgendaItem } from './model.ts';

export type Attendance = { attendeeId: string; present: boolean };
export type Recusal = { memberId: string; itemId: string; reason: string; on: string };
export type Notice = { id: string; to: 'chairperson'; kind: 'extraordinary-demand' | 'quarter-warning' | 'quarter-missed'; ref: string; on: string };
export type Correction = { id: string; contentHash: string; text: { kk: string; ru: string }; reason: string; by: string; on: string };

/**
 * What the meetings domain needs from storage. Every write on a meeting is refused with a
 * ConflictError (`minutes-signed`) once both signatures are in (p28): signed minutes are final.
 */
export interface MeetingStore {
  listCouncils(): Promise<Council[]>;

  putMeeting(meeting: Meeting, demand?: ExtraordinaryDemand): Promise<void>;
  getMeeting(councilId: string, meetingId: string): Promise<Meeting | undefined>;
  listMeetings(councilId: string, from: string, to: string): Promise<Meeting[]>;
  addAgendaItem(meeting: Meeting, item: AgendaItem): Promise<void>;
  /** Marks the meeting held (only if convened and unsigned). */
  markHeld(meeting: Meeting): Promise<void>;

  setAttendance(meeting: Meeting, attendeeId: string, present: boolean): Promise<void>;
  listAttendance(councilId: string, meetingId: string): Promise<Attendance[]>;
  listRecusals(councilId: string, meetingId: string): Promise<Recusal[]>;

  putMotion(meeting: Meeting, motion: Motion): Promise<void>;
  getMotion(councilId: string, meetingId: string, motionId: string): Promise<Motion | undefined>;
  listMotions(councilId: string, meetingId: string): Promise<Motion[]>;
  /** One vote per voter (the key), changeable while the motion is open and the voter present. */
  putVote(meeting: Meeting, motion: Motion, voterId: string, choice: VoteChoice): Promise<void>;
  listVotes(councilId: string, meetingId: string, motionId: string): Promise<{ voterId: string; choice: VoteChoice }[]>;
  /** Closes an open motion with its result (only once). */
  closeMotion(meeting: Meeting, motion: Motion): Promise<void>;
  putDissent(meeting: Meeting, motion: Motion, dissent: Dissent): Promise<void>;
  listDissents(councilId: string, meetingId: string): Promise<(Dissent & { motionId: string })[]>;

  /** Adds a signature (one per role); with `final`, seals the meeting in the same transaction. */
  putSignature(meeting: Meeting, signature: Signature, final: boolean): Promise<void>;
  listSignatures(councilId: string, meetingId: string): Promise<Signature[]>;
  putCorrection(meeting: Meeting, correction: Correction): Promise<void>;
  listCorrections(councilId: string, meetingId: string): Promise<Correction[]>;

  putDemand(demand: ExtraordinaryDemand): Promise<void>;
  getDemand(councilId: string, demandId: string): Promise<ExtraordinaryDemand | undefined>;
  /** Adds a signatory atomically (a second signature of the same member is a ConflictError); returns them all. */
  addSignatory(demand: ExtraordinaryDemand, memberId: string): Promise<string[]>;
  /** Records the demand's decision; moving from `collecting` to `must-convene` happens once, with its notice. */
  decideDemand(demand: ExtraordinaryDemand, decision: NonNullable<ExtraordinaryDemand['decision']>, status: ExtraordinaryDemand['status'], notice?: Notice): Promise<void>;

  /** Idempotent: false when this notice already exists. */
  putNotice(councilId: string, notice: Notice): Promise<boolean>;
  listNotices(councilId: string): Promise<Notice[]>;
}
