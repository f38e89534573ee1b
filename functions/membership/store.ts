import type { AuditEntry } from '../audit.ts';
import type { DecisionRecord } from '../decisions.ts';
import type { Candidate, Commission, Council, CouncilPeople, Election, ElectionResult, Lot, Member, SecretaryAppointment, StaffAuthorisation, Term } from './model.ts';

/**
 * What the membership domain needs from storage. The DynamoDB adapter
 * (functions/store/membership.ts) implements it. Every act is one method, written all or
 * nothing together with its decision records (the law's answers it rests on) and its audit
 * record: a refused or failed act leaves nothing behind.
 */
/**
 * A member's written notice (p12): `renunciation` of membership when a circumstance casts doubt
 * on their impartiality, or a `notice` of leaving; accepted by the Commissioner (p15.7).
 */
export type LeavingNotice = { councilId: string; memberId: string; id: string; kind: 'renunciation' | 'notice'; noticeDate: string; statement?: string; receivedOn?: string; acceptedOn?: string };
/** A term flagged by the term-expiry job: an election is due for its seat by `deadline` (p11). */
export type TermFlag = { memberId: string; termEnd: string; flaggedOn: string; deadline: string };
export type Termination = { id: string; ground: number; factDate: string; evidence: string[]; decisionId?: string; by: string };

/** What an act writes beside its own records. */
export type Trail = { decisions?: DecisionRecord[]; audit?: AuditEntry };

export interface MembershipStore {
  createCouncil(council: Council, trail: Trail): Promise<void>;
  getCouncil(councilId: string): Promise<Council | undefined>;
  /** The council and everyone holding a role in it (undefined: no such council). */
  people(councilId: string): Promise<CouncilPeople | undefined>;

  /**
   * A new candidate (ConflictError when the id exists). A candidate with an account takes the
   * person's candidacy guard in the same transaction: while one candidacy stands (until it is
   * withdrawn or elected), a second application of the same person is a ConflictError.
   */
  putCandidate(candidate: Candidate, trail: Trail): Promise<void>;
  /** The id of the person's standing candidacy, if any. */
  standingCandidacy(councilId: string, sub: string): Promise<string | undefined>;
  getCandidate(councilId: string, candidateId: string): Promise<Candidate | undefined>;
  listCandidates(councilId: string): Promise<Candidate[]>;
  /** Replaces a candidate's declared facts while the candidate is still standing (else ConflictError). */
  updateCandidateFacts(councilId: string, candidateId: string, facts: Candidate['facts'], declaredOn: string, trail: Trail): Promise<void>;
  /** Marks a candidate withdrawn unless already elected or withdrawn (then ConflictError). */
  withdrawCandidate(councilId: string, candidateId: string, on: string, trail: Trail): Promise<void>;

  putCommission(commission: Commission, trail: Trail): Promise<void>;
  getCommission(councilId: string, commissionId: string): Promise<Commission | undefined>;

  putElection(election: Election, trail: Trail): Promise<void>;
  getElection(councilId: string, electionId: string): Promise<Election | undefined>;
  listElections(councilId: string): Promise<Election[]>;

  /**
   * One ballot per voter, in one transaction: the voter's receipt (who voted, never how), the
   * ballot under the hash of the voter's receipt code (how, never who or when), and the
   * condition that the round is still open. `same` when this voter already cast this very ballot
   * (a retry); a ConflictError for a second, different ballot or a round no longer open.
   */
  castBallot(election: Election, voterSub: string, choices: string[], receiptHash: string): Promise<'cast' | 'same'>;
  ballotCounted(councilId: string, electionId: string, receiptHash: string): Promise<boolean>;
  /** Moves the round out of `open` (only from `open`, or already `closing`): no ballot is accepted after. */
  beginClose(election: Election): Promise<void>;
  /** Every ballot stored for the round, read consistently (the choices only). */
  ballots(councilId: string, electionId: string): Promise<string[][]>;
  /**
   * Writes a round's result: the elected members with their terms, the decision records, the
   * run-off, then the round `closed` (from `closing` only). Any size: the records are written in
   * bounded transactions under derived ids, so a retry rewrites the same records, never others.
   */
  finishClose(input: { election: Election; result: ElectionResult; members: Member[]; runoff?: Election } & Trail): Promise<void>;

  listMembers(councilId: string): Promise<Member[]>;
  getMember(councilId: string, memberId: string): Promise<Member | undefined>;

  /** The council's one lot (p11), with a guard naming it: a second is a ConflictError naming the first. */
  putLot(lot: Lot, trail: Trail): Promise<void>;
  getLot(councilId: string, lotId: string): Promise<Lot | undefined>;
  /** The id of the council's lot, if one was committed. */
  firstLotId(councilId: string): Promise<string | undefined>;
  /** Reveals (only once) and shortens the drawn terms, together. */
  revealLot(lot: Lot, shortened: Term[], trail: Trail): Promise<void>;

  /** The Chairperson's authorisation of Office staff (a second live one for a person is a ConflictError). */
  putStaff(staff: StaffAuthorisation, trail: Trail): Promise<void>;
  /** Records the revocation (only of a live authorisation). */
  revokeStaff(staff: StaffAuthorisation, trail: Trail): Promise<void>;

  /** A dated appointment of the Secretary (p9); one per date (a second is a ConflictError). */
  appointSecretary(appointment: SecretaryAppointment, trail: Trail): Promise<void>;

  putLeavingNotice(notice: LeavingNotice): Promise<void>;
  /** Every leaving notice of the council (accepted or not). */
  listLeavingNotices(councilId: string): Promise<LeavingNotice[]>;
  getLeavingNotice(councilId: string, memberId: string, noticeId: string): Promise<LeavingNotice | undefined>;
  /**
   * Ends an active term (only if still active) with the member's status and the record that
   * ended it (an accepted leaving notice, a termination), in one transaction. False when the
   * term had already ended.
   */
  endTerm(term: Term, endedOn: string, ending: NonNullable<Term['ending']>, record: { leavingNotice?: LeavingNotice; termination?: Termination }, trail: Trail): Promise<boolean>;

  getDecision(councilId: string, decisionId: string): Promise<DecisionRecord | undefined>;

  /** Active terms ending on or before `date`, across councils, through the end-date index. */
  termsEndingBy(date: string): Promise<Term[]>;
  /** Records that a term was flagged as needing an election; false when already flagged. */
  flagTerm(term: Term, on: string, deadline: string): Promise<boolean>;
  listFlags(councilId: string): Promise<TermFlag[]>;

}
