import * as z from 'zod';
import { IsoDate, Text } from '../api/schemas.ts';
import { COUNCIL_ROLES } from '../http/roles.ts';
import * as G from '../meetings/schemas.ts';
import * as M from '../membership/schemas.ts';

/**
 * Schemas of the read models and of the person's own routes: the queries they take and the
 * answers they give (OpenAPI shows them; the integration tests check every answer against them).
 * Every id a page shows comes with the name of what it names beside it.
 */

/** `?limit=` (1–200, default 50) and `?cursor=` (the `next` of the page before). */
export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).optional().meta({ description: 'Items per page, 1–200 (default 50)' }),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,2048}$/)
    .optional()
    .meta({ description: 'The `next` of the page before (opaque); a cursor of another list is a 400 naming query.cursor' }),
});

const DATES_IN_ORDER = {
  code: 'dates-out-of-order',
  message: { kk: '«дейін» күні «бастап» күнінен ерте болмауы керек', ru: 'дата «по» не может быть раньше даты «с»', en: 'must not be before `from`' },
};
export const MeetingsQuery = PageQuery.extend({
  from: IsoDate.optional().meta({ description: 'Meetings dated on or after (default: all)' }),
  to: IsoDate.optional().meta({ description: 'Meetings dated on or before (default: all)' }),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], params: DATES_IN_ORDER });

const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.string().optional().meta({ description: 'The cursor of the next page; none on the last' }) });

const Named = z.object({ id: z.string(), name: z.string() });
const Bilingual = z.object({ kk: z.string(), ru: z.string() });
const HeldRole = z.enum(COUNCIL_ROLES);

export const CouncilView = z.object({
  id: z.string(),
  name: Text,
  seats: z.number(),
  createdOn: IsoDate,
  chairperson: z.object({ sub: z.string(), name: z.string() }).meta({ description: 'The Commissioner (p15.1)' }),
  secretary: z.object({ memberId: z.string(), name: z.string() }).optional().meta({ description: 'The Secretary today (p9)' }),
  myRoles: z.array(z.enum(['admin', ...COUNCIL_ROLES])).meta({ description: "The caller's roles in this council today" }),
});

export const CandidateItem = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['eligible', 'ineligible', 'withdrawn', 'elected']),
  appliedOn: IsoDate,
  profile: z.string().optional().meta({ description: 'A short public profile, shown on the ballot' }),
  withdrawnOn: IsoDate.optional(),
  memberId: z.string().optional().meta({ description: 'Once elected' }),
  sub: z.string().optional().meta({ description: 'Only to the administrator, the Chairperson and the Secretary' }),
  facts: M.EligibilityFacts.optional().meta({ description: 'Private: only to the administrator, the Chairperson and the Secretary' }),
  documents: z.array(z.string()).optional().meta({ description: 'Private: only to the administrator, the Chairperson and the Secretary' }),
  eligibility: M.CandidateResponse.shape.eligibility.optional(),
});
export const CandidatesPage = pageOf(CandidateItem);

export const CommissionsPage = pageOf(z.object({ id: z.string(), formedOn: IsoDate, voters: z.array(z.object({ sub: z.string() })).meta({ description: 'A voter is recorded by user id only' }) }));

const CandidateName = z.object({ id: z.string(), name: z.string(), profile: z.string().optional() });
export const ElectionItem = z.object({
  id: z.string(),
  kind: z.enum(['first', 'renewal', 'vacancy']),
  date: IsoDate,
  termStart: IsoDate,
  seats: z.number(),
  round: z.number(),
  status: z.enum(['open', 'closing', 'closed']),
  commissionId: z.string(),
  previousRoundId: z.string().optional(),
  candidates: z.array(CandidateName).meta({ description: "Every candidate of the round, by name: the names of the ids of its result too" }),
});
export const ElectionsPage = pageOf(ElectionItem);
export const ElectionView = M.ElectionResponse.extend({
  candidates: z.array(CandidateName),
  myBallot: z.enum(['cast', 'not-cast']).optional().meta({ description: "Only to a voter of the round's commission, from their own receipt: whether they voted (never how)" }),
});

export const LotsPage = pageOf(M.LotResponse.extend({ members: z.array(Named).meta({ description: 'The names of the members its result names' }) }));

export const MeetingItem = z.object({
  id: z.string(),
  date: IsoDate,
  kind: z.enum(['regular', 'extraordinary']),
  status: z.enum(['convened', 'held']),
  number: z.number().optional(),
  place: Bilingual.optional(),
  region: Bilingual.optional(),
  sealed: z.boolean().meta({ description: 'Both signed the minutes (p28)' }),
  openMotions: z.number(),
});
export const MeetingsPage = pageOf(MeetingItem);

const ActingNamed = z.union([
  z.object({ capacity: z.literal('chairperson'), id: z.literal('chairperson'), name: z.string() }),
  z.object({ capacity: z.literal('member-on-instruction'), memberId: z.string(), instruction: z.string(), id: z.string(), name: z.string() }),
]);
export const MeetingView = G.MeetingDetail.extend({
  presiding: ActingNamed,
  convenedBy: ActingNamed,
  secretary: z.object({ memberId: z.string(), name: z.string() }).optional().meta({ description: 'The Secretary on the meeting date (p9): keeps the minutes' }),
  agenda: z.array(G.MeetingResponse.shape.agenda.element.extend({ submitter: Named.optional().meta({ description: 'Who put the item on the agenda' }) })),
  attendance: z
    .array(z.object({ id: z.string(), name: z.string(), present: z.boolean().nullable().meta({ description: 'null: not recorded' }), capacity: z.enum(['chairperson', 'secretary', 'member']) }))
    .meta({ description: 'Everyone sitting on the meeting date: the Chairperson first, the Secretary, then the members in office by name' }),
  motions: z.array(
    G.MotionResponse.extend({
      subject: Named.optional().meta({ description: 'Termination or suspension: whose powers' }),
      votes: z.array(z.object({ voterId: z.string(), name: z.string(), choice: z.enum(['for', 'against', 'abstain']), enteredBy: Named.optional() })),
      notVoted: z.array(Named).meta({ description: 'Present and not voted' }),
    }),
  ),
  me: z.object({ id: z.string().optional(), isPresiding: z.boolean(), isSecretary: z.boolean(), isChairperson: z.boolean() }).meta({ description: 'Who the caller is at this meeting, on its date' }),
});

export const DemandsPage = pageOf(G.DemandResponse.extend({ signatories: z.array(Named) }));

export const LeavingNoticesPage = pageOf(
  z.object({
    id: z.string(),
    memberId: z.string(),
    name: z.string(),
    kind: z.enum(['renunciation', 'notice']),
    noticeDate: IsoDate,
    statement: z.string().optional(),
    acceptedOn: IsoDate.optional(),
    receivedOn: IsoDate.optional(),
  }),
);

export const AuditPage = M.AuditResponse.extend({
  entries: z.array(M.AuditResponse.shape.entries.element.extend({ byName: z.string().optional().meta({ description: 'Who, by the name the council records' }) })),
  next: z.string().optional(),
});

const Notice = G.NoticesResponse.shape.notices.element;
export const Todo = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('notice'), notice: Notice }),
  z.object({ kind: z.literal('sign-minutes'), meetingId: z.string(), date: IsoDate, role: z.enum(['chairperson', 'secretary']) }),
  z.object({ kind: z.literal('next-meeting'), meetingId: z.string(), date: IsoDate }),
  z.object({ kind: z.literal('vote'), meetingId: z.string(), motionId: z.string(), date: IsoDate, title: Bilingual }),
  z.object({ kind: z.literal('sign-demand'), demandId: z.string(), reason: Bilingual }),
  z.object({ kind: z.literal('ballot'), electionId: z.string(), date: IsoDate }),
]);

export const MeResponse = z.object({
  sub: z.string(),
  admin: z.boolean(),
  name: z.string().optional().meta({ description: "The caller's name as a council records it" }),
  councils: z.array(
    z.object({
      id: z.string(),
      name: Text,
      roles: z.array(HeldRole).meta({ description: 'Held today (the administrator sees every council, with the roles held there, if any)' }),
      memberId: z.string().optional().meta({ description: "The caller's member record in this council, when a member in office today" }),
      todo: z.array(Todo).meta({ description: 'What the caller must do now in this council' }),
    }),
  ),
});

export const Notification = z.object({
  id: z.string(),
  councilId: z.string(),
  kind: z.string().meta({ description: "The to-do it announces: a notice's kind, sign-minutes, next-meeting, vote, sign-demand, ballot" }),
  text: Text,
  link: z.object({ page: z.enum(['notices', 'meeting', 'minutes', 'motion', 'demand', 'election', 'leaving-notices', 'complaints']), ids: z.record(z.string(), z.string()) }),
  createdAt: z.string().meta({ description: 'Real time (UTC)' }),
  readAt: z.string().optional(),
});
export const NotificationsPage = pageOf(Notification);

export const CalendarLink = z.object({
  url: z.string().meta({ description: "The feed's address, relative to the site (a calendar app needs the site's origin before it): anyone holding it reads the meetings" }),
});
export const CalendarRevoked = z.object({ revoked: z.boolean().meta({ description: 'false: there was no feed to revoke' }) });
