import * as z from 'zod';
import { Id, IsoDate, Words } from '../api/schemas.ts';
import { CLOCK_TIME, CLOCK_TIME_MESSAGE } from './model.ts';
import { Reading } from '../rules/schemas.ts';

/** Request schemas of the meeting routes. Texts that go into the minutes come in both working languages (p30). */
export const Bilingual = z.strictObject({ kk: Words(2000), ru: Words(2000) });

/** A time of day in Kazakhstan, "HH:MM". */
export const ClockTime = z
  .string()
  .max(5)
  .refine((value) => CLOCK_TIME.test(value), { message: CLOCK_TIME_MESSAGE.en, params: { code: 'invalid-time', message: CLOCK_TIME_MESSAGE } })
  .meta({ description: 'A time of day in Kazakhstan, HH:MM (24 hours)', pattern: CLOCK_TIME.source, example: '10:00' });

export const Convene = z.strictObject({
  kind: z.enum(['regular', 'extraordinary']),
  date: IsoDate.meta({ description: "The meeting's legal date: quorum and votes are judged on it" }),
  place: z.strictObject({ kk: Words(300), ru: Words(300) }).optional().meta({ description: 'Where it sits, in both working languages, as the heading of the minutes names it ("Астана қ." / "г. Астана")' }),
  region: z.strictObject({ kk: Words(200), ru: Words(200) }).optional().meta({ description: 'A field meeting in a region (p19), in both working languages' }),
  startTime: ClockTime.optional().meta({ description: 'When it starts, HH:MM (Kazakhstan time)' }),
  instruction: z.string().max(300).optional().meta({ description: "The Chairperson's instruction when a member convenes or presides (p17.2, p20, p23)" }),
  presidingMemberId: Id.optional(),
  agenda: z.array(z.strictObject({ title: Bilingual })).max(100).default([]),
  invited: z.array(z.strictObject({ name: z.string().min(1).max(200), organisation: z.string().min(1).max(300), position: z.string().max(200).optional() })).max(100).default([]),
  hearings: z
    .array(
      z.strictObject({
        speaker: z.string().min(1).max(200),
        subject: Bilingual,
        item: z.int().min(1).max(100).optional().meta({ description: 'The agenda item (its place in `agenda`, from 1) the official is heard on' }),
      }),
    )
    .max(100)
    .default([]),
  demandId: Id.optional().meta({ description: 'The extraordinary demand (p21) this meeting answers' }),
});

export const AgendaItem = z.strictObject({ title: Bilingual });
/** Ending a meeting: when it ended (by default the time on Kazakhstan's clock now); the body may be left out. */
export const Close = z.strictObject({ endTime: ClockTime.optional().meta({ description: 'When the meeting ended, HH:MM (Kazakhstan time); default: now' }) }).optional();
export const Attendance = z.strictObject({ present: z.boolean() });
export const PutMotion = z.strictObject({
  itemId: Id,
  kind: z.enum(['ordinary', 'termination', 'suspension', 'dissolution']),
  category: z.enum(['recommendation', 'proposal', 'decision']).optional(),
  title: Bilingual,
  subjectMemberId: Id.optional(),
});
export const Vote = z.strictObject({ choice: z.enum(['for', 'against', 'abstain']) });
export const Dissent = z.strictObject({
  text: z.string().trim().min(1).max(20000),
  language: z.enum(['kk', 'ru', 'en']),
  writtenOn: IsoDate.optional(),
  memberId: Id.optional().meta({ description: "The Secretary entering a member's written opinion: whose it is (recorded as entered by the Secretary)" }),
});
export const MinutesQuery = z.strictObject({ lang: z.enum(['kk', 'ru']).optional() });
export const Sign = z.strictObject({ contentHash: z.string().regex(/^[0-9a-f]{64}$/).optional().meta({ description: 'The hash of the content the signer read' }) });
export const Correction = z.strictObject({ text: Bilingual, reason: z.string().trim().min(1).max(2000), on: IsoDate.optional() });
export const OpenDemand = z.strictObject({ reason: Bilingual, on: IsoDate.optional() });
export const SignDemand = z.strictObject({ on: IsoDate.optional() });

/* Response schemas: OpenAPI shows them, and the integration tests check every answer against them. */
const Text3 = z.object({ kk: z.string(), ru: z.string(), en: z.string() });
const Reason = z.object({ point: z.string(), code: z.string(), message: Text3, numbers: z.record(z.string(), z.unknown()).optional() });
const Version = z.object({ id: z.string(), act: z.string(), title: z.object({ kk: z.string(), ru: z.string(), en: z.string() }).optional().meta({ description: "The act's title in kk, ru and en" }) });
const Names = z.object({ kk: z.string(), ru: z.string() });
const Acting = z.union([
  z.object({ capacity: z.literal('chairperson') }),
  z.object({ capacity: z.literal('member-on-instruction'), memberId: z.string(), instruction: z.string() }),
]);

export const MeetingResponse = z.object({
  id: z.string(),
  councilId: z.string(),
  kind: z.enum(['regular', 'extraordinary']),
  date: IsoDate,
  number: z.number().optional().meta({ description: "Its number among the council's meetings of that calendar year, given at convening" }),
  place: Names.optional(),
  region: Names.optional().meta({ description: 'A field meeting in a region (p19)' }),
  startTime: z.string().optional(),
  endTime: z.string().optional().meta({ description: 'Recorded when the meeting ends' }),
  convenedBy: Acting,
  presiding: Acting,
  agenda: z.array(z.object({ id: z.string(), title: Names, submittedBy: z.string().optional() })),
  invited: z.array(z.object({ name: z.string(), organisation: z.string(), position: z.string().optional() })),
  hearings: z.array(z.object({ speaker: z.string(), subject: Names, itemId: z.string().optional() })),
  demandId: z.string().optional(),
  status: z.enum(['convened', 'held']),
  revision: z.number().meta({ description: 'Counts the changes to what the minutes record once the meeting is held' }),
  openMotions: z.number(),
  signatures: z.array(z.object({ role: z.enum(['chairperson', 'secretary']), sub: z.string(), name: z.string(), signedAt: z.string(), contentHash: z.string() })),
  voidedSignatures: z.array(z.object({ role: z.enum(['chairperson', 'secretary']), name: z.string(), signedAt: z.string(), contentHash: z.string(), voidedAt: z.string() }).loose()),
  sealedAt: z.string().optional().meta({ description: 'When both signed the same content (real time): the minutes never change after' }),
  sealedHash: z.string().optional(),
});

export const MotionResponse = z.object({
  id: z.string(),
  councilId: z.string(),
  meetingId: z.string(),
  itemId: z.string(),
  kind: z.enum(['ordinary', 'termination', 'suspension', 'dissolution']),
  category: z.enum(['recommendation', 'proposal', 'decision']),
  title: Names,
  subjectMemberId: z.string().optional(),
  status: z.enum(['open', 'closing', 'closed']),
  result: z
    .object({
      outcome: z.string(),
      reasons: z.array(Reason),
      version: Version,
      readings: z.array(Reading).optional().meta({ description: 'The readings of open questions the decision applied' }),
      decisionId: z.string(),
      facts: z.record(z.string(), z.unknown()),
      nature: z.object({ point: z.literal('p26'), message: Text3 }),
    })
    .optional(),
});

const Quorum = z.object({ membersTotal: z.number(), membersPresent: z.number(), present: z.array(z.string()), outcome: z.string(), reasons: z.array(Reason), version: Version });
export const MeetingDetail = MeetingResponse.extend({ quorum: Quorum, motions: z.array(MotionResponse) });
export const AttendanceResponse = z.object({ meetingId: z.string(), attendeeId: z.string(), present: z.boolean(), quorum: Quorum });

const SignatureLine = z.object({ role: z.enum(['chairperson', 'secretary']), name: z.string(), signedAt: z.string().meta({ description: 'Real time of the signature' }), contentHash: z.string() });

export const MinutesResponse = z.object({
  council: z.object({ id: z.string(), name: Text3, parent: Names.optional().meta({ description: 'The body the council sits under, as the heading names it' }) }),
  meeting: z
    .object({
      id: z.string(),
      kind: z.string(),
      date: IsoDate,
      number: z.number().optional(),
      place: z.union([Names, z.string()]).optional().meta({ description: 'In both working languages (one string in minutes drawn up before)' }),
      startTime: z.string().optional(),
      endTime: z.string().optional(),
      secretary: z.object({ name: z.string() }).optional().meta({ description: 'Who kept the minutes: the Secretary on the meeting date' }),
    })
    .loose(),
  agenda: z.array(z.object({ id: z.string(), title: Names }).loose()),
  present: z.array(z.object({ name: z.string(), capacity: z.enum(['chairperson', 'secretary', 'member']) })).meta({ description: 'The Chairperson first' }),
  absent: z.array(z.object({ name: z.string() })),
  invited: z.array(z.object({ name: z.string(), organisation: z.string() }).loose()),
  hearings: z.array(z.object({ speaker: z.string(), subject: Names, itemId: z.string().optional() })),
  quorum: z.object({ outcome: z.string(), reasons: z.array(Reason) }),
  motions: z.array(
    z.object({
      id: z.string(),
      title: Names,
      votes: z.object({ for: z.number(), against: z.number(), abstained: z.number() }),
      dissents: z.array(z.object({ member: z.string(), text: z.string(), language: z.enum(['kk', 'ru', 'en']) }).loose()),
    }).loose(),
  ),
  complaints: z.array(z.object({ id: z.string(), receivedOn: IsoDate, summary: Names })),
  signatures: z.array(SignatureLine),
  voidedSignatures: z.array(SignatureLine.extend({ voidedAt: z.string().optional() })),
  awaiting: z.array(z.enum(['chairperson', 'secretary'])),
  sealed: z.boolean(),
  corrections: z.array(z.object({ id: z.string(), text: Names, reason: z.string(), on: IsoDate, contentHash: z.string() })),
  contentHash: z.string().meta({ description: 'SHA-256 of the content the signatures cover (p28)' }),
});

export const SignatureResponse = z.object({ role: z.enum(['chairperson', 'secretary']), sub: z.string(), name: z.string(), signedAt: z.string(), contentHash: z.string(), sealed: z.boolean(), point: z.literal('p28') });

export const DemandResponse = z.object({
  id: z.string(),
  councilId: z.string(),
  reason: Names,
  signatories: z.array(z.string()),
  status: z.enum(['collecting', 'may-convene', 'convened']),
  decision: z.object({ outcome: z.string(), reasons: z.array(Reason), version: Version }).optional(),
  meetingId: z.string().optional(),
  openedOn: IsoDate,
});

export const NoticesResponse = z.object({
  notices: z.array(
    z.object({
      id: z.string(),
      to: z.literal('chairperson'),
      kind: z.enum(['extraordinary-demand', 'quarter-warning', 'quarter-missed', 'election-due', 'leaving-notice', 'recommendation-overdue', 'complaint-received']),
      ref: z.string().meta({ description: 'The demand, the quarter, the end date of the terms, or the leaving notice' }),
      on: IsoDate.meta({ description: 'Since when' }),
      termEnd: IsoDate.optional().meta({ description: 'election-due: when the terms end (p11)' }),
      deadline: IsoDate.optional().meta({ description: 'election-due: the last day to hold the election (p11: a month before the powers expire)' }),
      memberIds: z.array(z.string()).optional().meta({ description: 'election-due: the members whose terms end' }),
      memberId: z.string().optional().meta({ description: 'leaving-notice: the member; accept with POST …/members/{memberId}/leaving/{ref}/acceptance' }),
      leaving: z.enum(['renunciation', 'notice']).optional(),
      addressee: z.string().optional().meta({ description: 'recommendation-overdue: the state body that has not answered (p14.11, p14.12); ref is the recommendation' }),
      dueOn: IsoDate.optional().meta({ description: 'recommendation-overdue: the date its response was due' }),
    }),
  ),
});
