import type { Evaluation } from '../decisions.ts';
import type { Bilingual } from './minutes-doc.ts';

/** Who acts for the Chairperson: the Chairperson, or a member on the Chairperson's instruction (p17.2, p20, p23). */
export type Acting = { capacity: 'chairperson' } | { capacity: 'member-on-instruction'; memberId: string; instruction: string };

/** The Chairperson's own attendance and votes are recorded under this id (the Commissioner is no elected member). */
export const CHAIRPERSON = 'chairperson';

export type AgendaItem = { id: string; title: Bilingual; submittedBy?: string };

/** A time of day in Kazakhstan, "HH:MM" (24 hours): when a meeting starts and ends. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Why a time was refused, in the three languages. */
export const CLOCK_TIME_MESSAGE = {
  kk: 'уақыт СС:ММ пішімінде болуы керек (мысалы, 10:00)',
  ru: 'время должно быть в формате ЧЧ:ММ (например, 10:00)',
  en: 'must be a time HH:MM (for example 10:00)',
} as const;

export type Meeting = {
  id: string;
  councilId: string;
  kind: 'regular' | 'extraordinary';
  /** The meeting's legal date: quorum and every vote are judged on it. */
  date: string;
  /**
   * Its number among the council's meetings of the calendar year of its date ("№ 3"), given at
   * convening; meetings convened before numbering have none.
   */
  number?: number;
  /** Where it sits, in both working languages (p30), as the minutes' heading names it ("Астана қ." / "г. Астана"). */
  place?: Bilingual;
  /** A field meeting in a region (p19), in both working languages. */
  region?: Bilingual;
  /** When it starts and ends ("HH:MM", Kazakhstan time): the start set at convening, the end recorded at the close. */
  startTime?: string;
  endTime?: string;
  convenedBy: Acting;
  presiding: Acting;
  agenda: AgendaItem[];
  invited: { name: string; organisation: string; position?: string }[];
  /** p14.5: officials heard; `itemId`: the agenda item they spoke on, if one. */
  hearings: { speaker: string; subject: Bilingual; itemId?: string }[];
  /** The extraordinary demand this meeting answers (p21). */
  demandId?: string;
  status: 'convened' | 'held';
  /**
   * Counts every change to what the minutes record once the meeting is held: a signature is
   * given on one revision, and any later change voids it (visibly) instead of freezing the minutes.
   */
  revision: number;
  /** Motions not yet closed: the meeting can end only at 0. */
  openMotions: number;
  /** Signatures on the current content (p28): at most one per role. */
  signatures: Signature[];
  /** Signatures a later change voided: kept, shown, and asked for again. */
  voidedSignatures: (Signature & { voidedAt: string })[];
  /** Set once both the Chairperson and the Secretary signed the same content (p28): nothing changes after. */
  sealedAt?: string;
  /** The hash of the sealed content: the exact signed minutes are stored under it. */
  sealedHash?: string;
};

export type MotionKind = 'ordinary' | 'termination' | 'suspension' | 'dissolution';

export type Motion = {
  id: string;
  councilId: string;
  meetingId: string;
  itemId: string;
  kind: MotionKind;
  category: 'recommendation' | 'proposal' | 'decision';
  title: Bilingual;
  /** Termination or suspension: whose powers (p25). */
  subjectMemberId?: string;
  /** `closing`: no vote is accepted any more and the count is being written. */
  status: 'open' | 'closing' | 'closed';
  result?: Pick<Evaluation, 'outcome' | 'reasons' | 'version' | 'readings'> & {
    decisionId: string;
    facts: Record<string, unknown>;
    /** p26: decisions are recommendations. */
    nature: { point: 'p26'; message: { kk: string; ru: string; en: string } };
  };
};

export type VoteChoice = 'for' | 'against' | 'abstain';

/** A vote; `enteredBy`: the Secretary who entered it for the voter (a show of hands), if not the voter. */
export type Vote = { voterId: string; choice: VoteChoice; enteredBy?: string };

/** A dissenting opinion (p17.5); `enteredBy`: the Secretary who entered a member's written opinion. */
export type Dissent = { memberId: string; text: string; language: 'kk' | 'ru' | 'en'; writtenOn: string; enteredBy?: string };

/** A signature of the minutes (p28); `signedAt` is the real time it was given. */
export type Signature = { role: 'chairperson' | 'secretary'; sub: string; name: string; signedAt: string; contentHash: string };

export type ExtraordinaryDemand = {
  id: string;
  councilId: string;
  reason: Bilingual;
  signatories: string[];
  status: 'collecting' | 'may-convene' | 'convened';
  decision?: Pick<Evaluation, 'outcome' | 'reasons' | 'version'>;
  meetingId?: string;
  openedOn: string;
};

/**
 * A meeting as stored: before issue 11 `place` and `region` were one string each. Such a text
 * is kept as it was written, in both languages' places, so that old meetings still read.
 */
export function meetingFromStored(stored: Meeting): Meeting {
  const both = (value: unknown): Bilingual | undefined => (typeof value === 'string' ? { kk: value, ru: value } : (value as Bilingual | undefined));
  const { place, region } = stored as { place?: unknown; region?: unknown };
  return { ...stored, ...(place === undefined ? {} : { place: both(place) }), ...(region === undefined ? {} : { region: both(region) }) };
}
