import * as z from 'zod';
import { Id, IsoDate, Text, Words } from '../api/schemas.ts';
import { Bilingual } from '../meetings/schemas.ts';
import { PageQuery } from '../reads/schemas.ts';
import { RECOMMENDATION_KINDS, RESPONSE_STATUSES } from './model.ts';

/** A JSON object whose shape the Council's form decides: bounded by the body limit here, checked by form-schema.ts and the form itself. */
const JsonObject = (description: string) =>
  z
    .unknown()
    .refine((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { params: { code: 'not-an-object', message: { kk: 'JSON нысаны болуы керек', ru: 'должно быть объектом JSON', en: 'must be a JSON object' } } })
    .meta({ description });

export const ApproveForm = z.strictObject({
  schema: JsonObject('The reporting form: a JSON Schema (draft 2020-12, type object), every property labelled with `x-labels: { kk, ru, en }`, private-life fields `x-private: true` (p29), findings to count `x-finding: true`; at most 64 KiB and 200 properties'),
  decisionId: Id.meta({ description: 'The adopted Council decision that approves it (p14.9)' }),
});
const Schema = z.record(z.string(), z.unknown());
export const FormResponse = z.object({ id: z.string(), councilId: z.string(), version: z.number().int(), approvedOn: IsoDate, decisionId: z.string(), schema: Schema });
export const FormsResponse = z.object({ items: z.array(FormResponse) });

export const FileReport = z.strictObject({
  institutionId: Id,
  visitDate: IsoDate,
  visitPlanId: Id.optional(),
  participantIds: z.array(Id).max(20).optional(),
  answers: JsonObject('The answers, as the form version approved on the visit date asks them (p14.9, p14.10)'),
});
export const ReportResponse = z.object({
  id: z.string(),
  councilId: z.string(),
  institutionId: z.string(),
  visitDate: IsoDate,
  visitPlanId: z.string().optional(),
  participantIds: z.array(z.string()),
  answers: Schema,
  formId: z.string(),
  formVersion: z.number().int(),
  filedBy: z.string(),
  filedOn: IsoDate,
  consents: z.array(z.object({ field: z.string(), givenOn: IsoDate, evidence: z.string(), recordedBy: z.string() })),
  redacted: z.array(z.string()).meta({ description: 'Private-life fields withheld from this reader (p29)' }),
});
export const ReportsResponse = z.object({ items: z.array(ReportResponse) });
export const ReadReportQuery = z.strictObject({
  reason: z.string().max(500).optional().meta({ description: 'Why the Chairperson or staff read the private-life fields (p29): the read is logged first; without it the report is redacted' }),
});

export const Consent = z.strictObject({
  field: z.string().trim().min(1).max(300).meta({ description: "The path of a private-life field of the report's form (dot-separated)" }),
  givenOn: IsoDate,
  evidence: Words(500).meta({ description: 'Where the signed consent is kept' }),
});
export const ConsentResponse = z.object({ reportId: z.string(), field: z.string(), givenOn: IsoDate, evidence: z.string(), recordedBy: z.string() });

export const AnalysisQuery = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .refine((q) => q.from <= q.to, { path: ['to'], params: { code: 'dates-out-of-order', message: { kk: '«дейін» күні «бастап» күнінен ерте болмауы керек', ru: 'дата «по» не может быть раньше даты «с»', en: 'must not be before `from`' } } });
const Count = z.object({ key: z.string(), count: z.number().int(), words: Text.optional().meta({ description: "A finding's value in words (the form's x-choices)" }) });
export const AnalysisResponse = z.object({
  from: IsoDate,
  to: IsoDate,
  reports: z.number().int(),
  byType: z.array(Count),
  byRegion: z.array(Count),
  byFinding: z.array(z.object({ field: z.string(), labels: Text, values: z.array(Count) })),
});

const Status = z.enum(['drafted', 'sent', 'no-answer', ...RESPONSE_STATUSES]);
export const MakeRecommendation = z.strictObject({
  kind: z.enum(RECOMMENDATION_KINDS),
  text: Bilingual,
  addressee: Words(300).meta({ description: 'The state body addressed' }),
  decisionId: Id.meta({ description: 'The adopted Council decision that made it (p26)' }),
  visitReportIds: z.array(Id).max(50).optional(),
});
export const SendRecommendation = z
  .strictObject({ sentOn: IsoDate, responseDueOn: IsoDate })
  .refine((b) => b.sentOn <= b.responseDueOn, { path: ['responseDueOn'], params: { code: 'dates-out-of-order', message: { kk: 'жауап беру мерзімі жіберілген күннен ерте болмауы керек', ru: 'срок ответа не может быть раньше даты отправки', en: 'must not be before sentOn' } } });
export const RecordResponse = z.strictObject({ receivedOn: IsoDate, status: z.enum(RESPONSE_STATUSES), summary: Bilingual });
export const RecommendationResponse = z.object({
  id: z.string(),
  councilId: z.string(),
  kind: z.enum(RECOMMENDATION_KINDS),
  text: z.object({ kk: z.string(), ru: z.string() }),
  addressee: z.string(),
  decisionId: z.string(),
  madeOn: IsoDate,
  visitReportIds: z.array(z.string()),
  sending: z.object({ sentOn: IsoDate, responseDueOn: IsoDate }).optional(),
  response: z.object({ receivedOn: IsoDate, status: z.enum(RESPONSE_STATUSES), summary: z.object({ kk: z.string(), ru: z.string() }) }).optional(),
  status: Status.meta({ description: "Where it stands today: 'no-answer' once sent and past its due date unanswered" }),
  overdue: z.boolean(),
});
export const RecommendationsQuery = z.strictObject({ status: Status.optional() });
export const RecommendationsResponse = z.object({ items: z.array(RecommendationResponse) });

export const AnnualQuery = z.strictObject({ lang: z.enum(['kk', 'ru']).optional() });
const Institution = z.object({ id: z.string(), name: Text, type: z.string(), typeName: Text, region: z.string(), regionName: Text });
export const AnnualResponse = z.object({
  councilId: z.string(),
  council: Text,
  year: z.number().int(),
  from: IsoDate,
  to: IsoDate,
  visits: z.array(
    z.object({
      id: z.string(),
      visitDate: IsoDate,
      formVersion: z.number().int(),
      institution: Institution.optional(),
      answers: z.array(z.object({ field: z.string(), labels: Text, value: z.unknown(), private: z.boolean() })),
      redacted: z.array(z.string()),
    }),
  ),
  analysis: AnalysisResponse,
  recommendations: z.array(RecommendationResponse),
  followUp: z.array(z.object({ status: z.string(), count: z.number().int() })),
});

export const AccessLogQuery = PageQuery;
export const AccessLogResponse = z.object({
  items: z.array(z.object({ id: z.string(), councilId: z.string(), at: z.string(), by: z.string(), byName: z.string().optional().meta({ description: 'Who, by the name the council records' }), what: z.object({ kind: z.string(), id: z.string() }), why: z.string() })),
  next: z.string().optional(),
});
