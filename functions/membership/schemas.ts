import * as z from 'zod';
import { Id, IsoDate, Text, TextInput, Words } from '../api/schemas.ts';
import { FACTS } from '../rules/facts.ts';
import { AUDIT_ACTIONS } from '../audit.ts';
import { Reading } from '../rules/schemas.ts';

/** Request and response schemas of the membership routes: the handlers validate with these, OpenAPI shows them. */
const Uniq = <T extends z.ZodArray<z.ZodString>>(list: T) =>
  list.refine((values) => new Set(values).size === values.length, {
    params: { code: 'duplicates', message: { kk: 'қайталанатын мәндер бар', ru: 'есть повторяющиеся значения', en: 'has duplicates' } },
  });

export const CreateCouncil = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{3,40}$/).optional().meta({ description: 'Optional readable id, e.g. "npm-council"' }),
  name: TextInput(300),
  seats: z.number().int().min(1).max(100).meta({ description: 'Seats filled by election (p8); the Commissioner sits besides them' }),
  chairpersonSub: Id.meta({ description: "The Commissioner's user id: the Chairperson (p15.1)" }),
  chairpersonName: Words(200).optional().meta({ description: "The Commissioner's name, as the minutes print it" }),
  createdOn: IsoDate.optional(),
});

/** The p4, p5, p8 facts: the very schema the `member-eligibility` question validates. */
export const EligibilityFacts = FACTS['member-eligibility'];

export const ApplyAsCandidate = z.strictObject({
  name: z.string().trim().min(1).max(200),
  profile: Words(500).optional().meta({ description: 'A short public profile, shown with the name on the ballot (no private data: it is public to the voters)' }),
  sub: Id.optional().meta({ description: "The person's user id, so that once elected they act as a member" }),
  appliedOn: IsoDate.optional().meta({ description: 'Application date; eligibility is judged on it (default: today)' }),
  facts: EligibilityFacts,
  documents: z.array(z.string().min(1).max(300)).max(50).default([]).meta({ description: 'References to supporting documents, never their content' }),
});

export const DeclareFacts = z.strictObject({ facts: EligibilityFacts, declaredOn: IsoDate.optional() });
export const Withdraw = z.strictObject({ on: IsoDate.optional() });

export const FormCommission = z.strictObject({ voters: Uniq(z.array(Id).min(1).max(200)), formedOn: IsoDate.optional() });

export const OpenElection = z.strictObject({
  commissionId: Id,
  date: IsoDate.meta({ description: "The election's legal date" }),
  seats: z.number().int().min(1).max(100),
  candidateIds: Uniq(z.array(Id).min(1).max(200)),
  kind: z.enum(['first', 'renewal', 'vacancy']).optional(),
  termStart: IsoDate.optional().meta({ description: 'When the terms of those elected begin (default: a renewal when the outgoing terms end, by the reading term.renewalStart; otherwise the election date)' }),
  vacancyOf: Uniq(z.array(Id).min(1).max(100)).optional().meta({ description: 'An election to a vacancy: the members whose seats are vacant' }),
});

/**
 * A receipt code: drawn by the voter's browser (at least 128 random bits, base64url), sent with
 * the ballot, and kept by the voter alone; the table keeps only its SHA-256. A retry with the
 * same code is the same ballot, answered with the same receipt.
 */
export const ReceiptCode = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22,64}$/)
  .meta({ description: 'A random code drawn by the voter (at least 16 random bytes, base64url, 22–64 characters)', example: 'q3J0c2VjcmV0LXJlY2VpcHQ' });
export const CastBallot = z.strictObject({ choices: Uniq(z.array(Id).max(100)), receipt: ReceiptCode });
export const BallotReceipt = z.object({ receipt: z.string() });
export const ReceiptQuery = z.strictObject({ receipt: ReceiptCode });

export const CommitLot = z.strictObject({ electionId: Id, on: IsoDate.optional() });
export const OnDate = z.strictObject({ on: IsoDate.optional() });

export const AppointSecretary = z.strictObject({ memberId: Id, on: IsoDate.optional() });
export const LeavingNotice = z.strictObject({
  kind: z.enum(['notice', 'renunciation']).default('notice').meta({ description: "p12: 'renunciation' of membership when a circumstance casts doubt on the member's impartiality, or a 'notice' of leaving" }),
  noticeDate: IsoDate.optional(),
  statement: z.string().max(5000).optional(),
});
export const AcceptLeaving = z.strictObject({
  on: IsoDate.optional().meta({ description: 'The acceptance (p15.7)' }),
  receivedOn: IsoDate.optional().meta({ description: "When the Commissioner received the notice (the powers end from it under the reading leaving.powersEnd = 'receipt')" }),
});
export const Termination = z
  .strictObject({
    ground: z.number().int().min(1).max(7).meta({ description: 'p18 ground: 1 violation, 2 application, 3 death, 4 emigration, 5 citizenship lost, 6 verdict, 7 other cases provided by law' }),
    factDate: IsoDate.meta({ description: 'The date of the fact; powers end from it' }),
    evidence: z.array(z.string().min(1).max(300)).min(1).max(50),
    decisionId: Id.optional().meta({ description: 'Ground 1: the adopted termination vote (p25)' }),
  })
  .refine((t) => t.ground !== 1 || t.decisionId, {
    path: ['decisionId'],
    params: { code: 'vote-required', message: { kk: '1-негіз үшін тоқтату туралы дауыс беру қажет (25-тармақ)', ru: 'для основания 1 нужно решение голосования о прекращении (п. 25)', en: 'ground 1 needs the termination vote (p25)' } },
  });

export const AuthoriseStaff = z.strictObject({ name: Words(200).meta({ description: "The person's name, as pages show it" }), on: IsoDate.optional() });
export const StaffResponse = z.object({ councilId: z.string(), sub: z.string(), name: z.string(), on: IsoDate, by: z.string(), revokedOn: IsoDate.optional() });
export const StaffList = z.object({ items: z.array(StaffResponse) });

export const CompositionQuery = z.strictObject({ at: IsoDate.optional() });

/* Response schemas: OpenAPI shows them, and the integration tests check every answer against them. */
const Reason = z.object({ point: z.string(), code: z.string(), message: Text, numbers: z.record(z.string(), z.unknown()).optional() });
const Version = z.object({ id: z.string(), act: z.string(), title: z.object({ kk: z.string(), ru: z.string(), en: z.string() }).optional().meta({ description: "The act's title in kk, ru and en" }) });
const Term = z.object({
  memberId: z.string(),
  councilId: z.string(),
  start: IsoDate,
  end: IsoDate,
  status: z.enum(['active', 'ended']),
  cohort: z.enum(['first-short', 'first-long', 'regular']),
  endedOn: IsoDate.optional(),
  ending: z.object({ kind: z.enum(['expired', 'left', 'terminated']), point: z.string(), ref: z.string().optional() }).optional(),
});

export const CouncilResponse = z.object({ id: z.string(), name: Text, seats: z.number(), chairpersonSub: z.string(), chairpersonName: z.string().optional(), createdOn: IsoDate });

export const CandidateResponse = z.object({
  id: z.string(),
  councilId: z.string(),
  name: z.string(),
  profile: z.string().optional(),
  sub: z.string().optional(),
  appliedOn: IsoDate,
  facts: EligibilityFacts,
  documents: z.array(z.string()),
  status: z.enum(['eligible', 'ineligible', 'withdrawn', 'elected']),
  eligibility: z.object({ outcome: z.string(), reasons: z.array(Reason), version: Version }),
});

export const CommissionResponse = z.object({ id: z.string(), councilId: z.string(), voters: z.array(z.string()), formedOn: IsoDate });

export const ElectionResponse = z.object({
  id: z.string(),
  councilId: z.string(),
  commissionId: z.string(),
  kind: z.enum(['first', 'renewal', 'vacancy']),
  date: IsoDate,
  termStart: IsoDate,
  seats: z.number(),
  candidateIds: z.array(z.string()),
  round: z.number(),
  previousRoundId: z.string().optional(),
  vacancyOf: z.array(z.string()).optional(),
  termEnd: IsoDate.optional(),
  status: z.enum(['open', 'closing', 'closed']),
  readings: z.array(Reading).optional().meta({ description: 'On opening: the readings that set its terms (term.renewalStart, term.vacancy)' }),
  result: z
    .object({
      ballotsCast: z.number(),
      votes: z.record(z.string(), z.number()),
      elected: z.array(z.string()),
      ineligible: z.array(z.string()),
      decisions: z.array(z.object({ candidateId: z.string(), outcome: z.string(), reasons: z.array(Reason), version: Version })),
      runoff: z.object({ electionId: z.string(), candidates: z.array(z.string()), seats: z.number(), cause: z.enum(['tie', 'unfilled']) }).optional(),
    })
    .optional(),
});

const MemberResponse = z.object({ id: z.string(), councilId: z.string(), candidateId: z.string(), name: z.string(), sub: z.string().optional(), electionId: z.string(), status: z.enum(['active', 'ended']), terms: z.array(Term) });
export const CloseElectionResponse = z.object({ election: ElectionResponse, members: z.array(MemberResponse), readings: z.array(Reading).meta({ description: 'The readings of open questions this close applied' }) });
export const ReceiptCheck = z.object({ counted: z.boolean() });

export const LotResponse = z.object({
  id: z.string(),
  councilId: z.string(),
  electionId: z.string(),
  commitment: z.string().meta({ description: 'SHA-256 of the seed, published before the draw' }),
  committedOn: IsoDate,
  seed: z.string().optional().meta({ description: 'Only once revealed' }),
  revealedOn: IsoDate.optional(),
  result: z.object({ ordered: z.array(z.string()), short: z.array(z.string()), long: z.array(z.string()), rounding: z.enum(['down', 'up']) }).optional(),
  readings: z.array(Reading).optional().meta({ description: 'On the reveal: the readings it applied (lot.base, lot.halfRounding, term.boundary)' }),
});

export const CompositionResponse = z.object({
  councilId: z.string(),
  at: IsoDate,
  chairperson: z.object({ sub: z.string(), point: z.string() }),
  secretaryMemberId: z.string().optional().meta({ description: 'The Secretary on `at` (p9)' }),
  secretaries: z.array(z.object({ memberId: z.string(), on: IsoDate })),
  seats: z.number(),
  current: z.array(z.object({ id: z.string(), name: z.string(), roles: z.array(z.string()), termStart: IsoDate, termEnd: IsoDate, cohort: z.string() })),
  vacancies: z.number(),
  history: z.array(z.object({ id: z.string(), name: z.string(), status: z.string(), electionId: z.string(), terms: z.array(Term) })),
});

export const AuditResponse = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      councilId: z.string(),
      recordedAt: z.string().meta({ description: 'Real time of the record (UTC), not a legal date' }),
      by: z.string(),
      action: z.enum(AUDIT_ACTIONS),
      subject: z.object({ kind: z.string(), id: z.string() }),
      on: IsoDate.optional().meta({ description: 'The legal date of the act' }),
      point: z.string().optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});
