import type { Bilingual } from '../meetings/minutes-doc.ts';

/** A JSON Schema as stored: a plain JSON object (draft 2020-12, checked by form-schema.ts). */
export type JsonSchema = { [key: string]: unknown };

/**
 * A version of the reporting form for visit reports (p14.9: the Council approves it), itself
 * data: a JSON Schema whose every property carries its labels (`x-labels`), its private-life
 * fields marked `x-private` (p29) and its findings to count marked `x-finding`.
 */
export type ReportingForm = {
  councilId: string;
  id: string;
  version: number;
  /** The date of the decision that approved it: the form governs visits from that date. */
  approvedOn: string;
  decisionId: string;
  schema: JsonSchema;
};

/** A visit report (p14.10), validated against the form version approved on its visit date. */
export type VisitReport = {
  councilId: string;
  id: string;
  institutionId: string;
  visitDate: string;
  visitPlanId?: string;
  participantIds: string[];
  answers: Record<string, unknown>;
  formId: string;
  formVersion: number;
  filedBy: string;
  filedOn: string;
  /** The private fields (paths) whose subject consented to their disclosure (p29). */
  consents: Consent[];
};

/** A person's recorded consent to disclose one private field of a report (p29). */
export type Consent = { field: string; givenOn: string; evidence: string; recordedBy: string };

export const RECOMMENDATION_KINDS = ['recommendation', 'legislative-proposal'] as const;
export const RESPONSE_STATUSES = ['accepted', 'partly', 'rejected'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/**
 * A recommendation to a state body (p14.11) or a proposal to improve legislation (p14.12), made
 * by a Council decision (p26: its decisions are recommendations), and its follow-up.
 */
export type Recommendation = {
  councilId: string;
  id: string;
  kind: (typeof RECOMMENDATION_KINDS)[number];
  text: Bilingual;
  addressee: string;
  decisionId: string;
  /** The decision's date. */
  madeOn: string;
  visitReportIds: string[];
  sending?: { sentOn: string; responseDueOn: string };
  response?: { receivedOn: string; status: ResponseStatus; summary: Bilingual };
};

/** Where a recommendation stands on a date: 'no-answer' once sent and past its due date unanswered. */
export type RecommendationStatus = 'drafted' | 'sent' | 'no-answer' | ResponseStatus;
