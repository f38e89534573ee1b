import type { Text } from '../text.ts';

/**
 * The kinds of institution the preventive visits reach, as the laws named in the Regulation's
 * preamble type them (the Penal Code's institutions, the law on special institutions of
 * temporary isolation, the Health Code's compulsory treatment, the law on children's
 * institutions, the law on special social services).
 */
export const INSTITUTION_TYPES = ['penal', 'temporary-isolation', 'compulsory-treatment', 'children', 'social-services'] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** The regions of Kazakhstan (oblystar and the cities of republican significance), by a stable code; names in functions/preventive/regions.ts. */
export const REGIONS = [
  'abai', 'akmola', 'aktobe', 'almaty-region', 'atyrau', 'east-kazakhstan', 'zhambyl', 'zhetisu', 'west-kazakhstan', 'karaganda',
  'kostanay', 'kyzylorda', 'mangystau', 'pavlodar', 'north-kazakhstan', 'turkistan', 'ulytau', 'astana', 'almaty', 'shymkent',
] as const;
export type Region = (typeof REGIONS)[number];

/**
 * An institution subject to preventive visits, in one council's register. Shared by the visit
 * plans (functions/preventive) and the visit reports and their analysis (functions/reports):
 * stored at `keysPreventive.institution` (functions/store/keys-preventive.ts), type 'institution'.
 */
export type Institution = {
  councilId: string;
  id: string;
  name: Text;
  type: InstitutionType;
  region: Region;
  /** The legal date it entered the register. */
  addedOn: string;
};

/** A text in the Council's two working languages (p30), as the minutes and plans carry it. */
export type Bilingual = { kk: string; ru: string };

/** One visit of a plan (p14.6): which institution, when, at what cost (integer tiyn), by whom. */
export type PlannedVisit = { institutionId: string; from: string; to: string; costTiyn: number; participantIds?: string[] };

/**
 * A visit plan (p14.6): the institutions to visit and the timing over a period, within the
 * budget allocated. Drafted by the Chairperson, the Secretary or staff; it takes effect when a
 * Council decision adopts it (then it is `adopted` and never changes).
 */
export type VisitPlan = {
  councilId: string;
  id: string;
  title: Bilingual;
  period: { from: string; to: string };
  budgetTiyn: number;
  visits: PlannedVisit[];
  totalTiyn: number;
  /** The legal date it was drafted on (judged by the law in force then). */
  draftedOn: string;
  status: 'draft' | 'adopted';
  adoption?: { decisionId: string; motionId: string; adoptedOn: string };
};

/**
 * A participant's membership of a regional group (p14.8, p14.14): from a date, until the date a
 * decision of the members excluded them (kept, never deleted: the history is the record).
 */
export type GroupMembership = { region: Region; from: string; to?: string; excludedBy?: { decisionId: string; visitReportId?: string; on: string; reason: Bilingual } };

/**
 * An NPM participant (p14.8), selected by a Council decision. The first fields are the access
 * check's contract (ParticipantRecord, functions/membership/model.ts): kept exactly.
 */
export type Participant = {
  councilId: string;
  id: string;
  name: string;
  sub?: string;
  selectedOn: string;
  endedOn?: string;
  organisation?: string;
  selectedBy: { decisionId: string; motionId: string };
  groups: GroupMembership[];
};

/** The Council's work plan for a year (p15.5): approved by the Chairperson, unchangeable afterwards. */
export type WorkPlan = {
  councilId: string;
  id: string;
  year: number;
  items: { title: Bilingual; due?: string; responsible?: string }[];
  status: 'draft' | 'approved';
  approval?: { by: string; on: string };
};
