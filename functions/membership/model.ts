import type { z } from 'zod';
import type { FACTS } from '../rules/facts.ts';
import type { Text } from '../text.ts';
import type { Evaluation } from '../decisions.ts';

/** A Coordination Council: the tenant every key starts from. Its Chairperson is the Commissioner (p15.1). */
export type Council = {
  id: string;
  name: Text;
  /** Seats filled by election (p8); the Commissioner sits besides them. */
  seats: number;
  chairpersonSub: string;
  /** The Commissioner's name, as the minutes print it. */
  chairpersonName?: string;
  createdOn: string;
};

/** The Commissioner's appointment of the Secretary from among the members (p9), dated. */
export type SecretaryAppointment = { councilId: string; memberId: string; on: string; by: string };

/**
 * Everyone who holds a role in a council, from its own records: the council (its Chairperson),
 * its members with their terms, the Secretary's appointments, the election commissions.
 */
export type CouncilPeople = {
  council: Council;
  members: Member[];
  secretaries: SecretaryAppointment[];
  commissions: Commission[];
  staff: StaffAuthorisation[];
  participants: ParticipantRecord[];
};

/**
 * A member of the Commissioner's Office staff whom the Chairperson authorised for this council's
 * preventive-mechanism work (p31: the Office supports the Council; p15.6: the Chairperson accepts
 * complaints and may have staff read them), from `on` until `revokedOn`. Revoking keeps the record.
 */
export type StaffAuthorisation = { councilId: string; sub: string; name: string; on: string; by: string; revokedOn?: string };

/**
 * An NPM participant as the access check needs one (p14.8: the Council selects participants for
 * visits): who (their account, when they have one), since when, until when. The preventive
 * mechanism's own record (functions/preventive) carries more; these fields are the contract.
 */
export type ParticipantRecord = { councilId: string; id: string; name: string; sub?: string; selectedOn: string; endedOn?: string };

/** The p4, p5, p8 facts a candidate declares (names fixed by the member-eligibility question). */
export type EligibilityFacts = z.output<(typeof FACTS)['member-eligibility']>;

export type Candidate = {
  id: string;
  councilId: string;
  name: string;
  /** A short public profile (at most 500 characters), shown with the name on the ballot: never private data. */
  profile?: string;
  /** The person's account, so that once elected they can act as a member. */
  sub?: string;
  appliedOn: string;
  facts: EligibilityFacts;
  /** References to supporting documents (register numbers, file ids), never their content. */
  documents: string[];
  status: 'eligible' | 'ineligible' | 'withdrawn' | 'elected';
  eligibility: Pick<Evaluation, 'outcome' | 'reasons' | 'version'>;
  withdrawnOn?: string;
};

/** The election commission formed by the Commissioner (p8); its members are the voters. */
export type Commission = { id: string; councilId: string; voters: string[]; formedOn: string };

export type ElectionKind = 'first' | 'renewal' | 'vacancy';

export type Election = {
  id: string;
  councilId: string;
  commissionId: string;
  kind: ElectionKind;
  /** The election's legal date: eligibility and the election question are judged on it. */
  date: string;
  /** When the terms of those elected begin (for a renewal: when the ending terms end). */
  termStart: string;
  seats: number;
  candidateIds: string[];
  round: number;
  previousRoundId?: string;
  /** An election to a vacancy: the members whose seats are vacant (p11 keeps the halves staggered). */
  vacancyOf?: string[];
  /** When the terms of those elected end, if fixed by the seats they fill (`term.vacancy`: rest of the seat's term). */
  termEnd?: string;
  /** `closing`: no ballot is accepted any more and the count is being written (p10). */
  status: 'open' | 'closing' | 'closed';
  result?: ElectionResult;
};

export type ElectionResult = {
  ballotsCast: number;
  votes: Record<string, number>;
  elected: string[];
  /** Candidates no longer eligible on the election date (p4, p5, p8 checked again). */
  ineligible: string[];
  decisions: { candidateId: string; outcome: string; reasons: Evaluation['reasons']; version: Evaluation['version'] }[];
  runoff?: { electionId: string; candidates: string[]; seats: number; cause: 'tie' | 'unfilled' };
};

export type TermEnding = 'expired' | 'left' | 'terminated';

export type Term = {
  memberId: string;
  councilId: string;
  start: string;
  end: string;
  status: 'active' | 'ended';
  /** `short`: the first election's half whose powers end after two years (p11). */
  cohort: 'first-short' | 'first-long' | 'regular';
  endedOn?: string;
  ending?: { kind: TermEnding; point: string; ref?: string };
};

export type Member = {
  id: string;
  councilId: string;
  candidateId: string;
  name: string;
  sub?: string;
  electionId: string;
  status: 'active' | 'ended';
  terms: Term[];
};

export type Lot = {
  id: string;
  councilId: string;
  electionId: string;
  commitment: string;
  committedOn: string;
  /** Kept out of every response until revealed. */
  seed: string;
  revealedOn?: string;
  result?: { ordered: string[]; short: string[]; long: string[]; rounding: 'down' | 'up' };
};
