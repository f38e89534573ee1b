import type { DecisionRecord } from '../decisions.ts';
import type { Candidate, Commission, Council, Election, ElectionResult, Lot, Member, Term } from './model.ts';

/**
 * What the membership domain needs from storage. The DynamoDB adapter
 * (functions/store/membership.ts) implements it; every write that must be all-or-nothing is
 * one method here, so the domain never leaves a half-written record.
 */
export type LeavingNotice = { councilId: string; memberId: string; id: string; noticeDate: string; statement?: string; acceptedOn?: string };
export type Termination = { id: string; ground: number; factDate: string; evidence: string[]; decisionId?: string; by: string };

export interface MembershipStore {
  createCouncil(council: Council): Promise<void>;
  getCouncil(councilId: string): Promise<Council | undefined>;

  putCandidate(candidate: Candidate): Promise<void>;
  getCandidate(councilId: string, candidateId: string): Promise<Candidate | undefined>;
  /** Replaces a candidate's declared facts while the candidate is still standing (else ConflictError). */
  updateCandidateFacts(councilId: string, candidateId: string, facts: Candidate['facts'], declaredOn: string): Promise<void>;
  /** Marks a candidate withdrawn unless already elected or withdrawn (then ConflictError). */
  withdrawCandidate(councilId: string, candidateId: string, on: string): Promise<void>;

  putCommission(commission: Commission): Promise<void>;
  getCommission(councilId: string, commissionId: string): Promise<Commission | undefined>;

  putElection(election: Election): Promise<void>;
  getElection(councilId: string, electionId: string): Promise<Election | undefined>;
  listElections(councilId: string): Promise<Election[]>;

  /**
   * One ballot per voter, in one transaction: the voter's receipt (no choice in it), the
   * ballot under the hash of the voter's receipt code (no voter, no time), the tally, all
   * under the condition that the round is open. A second ballot is a ConflictError.
   */
  castBallot(election: Election, voterSub: string, choices: string[], receiptHash: string): Promise<void>;
  ballotCounted(councilId: string, electionId: string, receiptHash: string): Promise<boolean>;
  tally(councilId: string, electionId: string): Promise<{ ballotsCast: number; votes: Record<string, number> }>;
  /** Closes the round (only if open), seats the elected with their terms, opens a run-off. */
  closeElection(input: { election: Election; result: ElectionResult; members: Member[]; runoff?: Election }): Promise<void>;

  listMembers(councilId: string): Promise<Member[]>;
  getMember(councilId: string, memberId: string): Promise<Member | undefined>;

  putLot(lot: Lot): Promise<void>;
  getLot(councilId: string, lotId: string): Promise<Lot | undefined>;
  /** Reveals (only once) and shortens the drawn terms, together. */
  revealLot(lot: Lot, shortened: Term[]): Promise<void>;

  setSecretary(councilId: string, memberId: string, on: string, by: string): Promise<void>;
  secretaryHistory(councilId: string): Promise<{ memberId: string; on: string; by: string }[]>;

  putLeavingNotice(notice: LeavingNotice): Promise<void>;
  getLeavingNotice(councilId: string, memberId: string, noticeId: string): Promise<LeavingNotice | undefined>;
  /**
   * Ends an active term (only if still active) with the member's status and the record that
   * ended it (an accepted leaving notice, a termination), in one transaction. False when the
   * term had already ended.
   */
  endTerm(term: Term, endedOn: string, ending: NonNullable<Term['ending']>, record?: { leavingNotice?: LeavingNotice; termination?: Termination }): Promise<boolean>;
  putRecusal(recusal: { councilId: string; memberId: string; id: string; meetingId: string; itemId: string; reason: string; on: string }): Promise<void>;

  putDecision(record: DecisionRecord): Promise<void>;
  getDecision(councilId: string, decisionId: string): Promise<DecisionRecord | undefined>;

  /** Active terms ending on or before `date`, across councils, through the end-date index. */
  termsEndingBy(date: string): Promise<Term[]>;
  /** Records that a term was flagged as needing an election; false when already flagged. */
  flagTerm(term: Term, on: string): Promise<boolean>;
  listFlags(councilId: string): Promise<{ memberId: string; termEnd: string; flaggedOn: string }[]>;
}
