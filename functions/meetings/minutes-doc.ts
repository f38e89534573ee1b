import type { Reason } from '../errors.ts';
import type { Text } from '../text.ts';

/**
 * The minutes of a meeting as data (p28): what the Secretary draws up and the Chairperson and
 * the Secretary sign. The domain assembles it; renderers turn it into HTML and PDF in one of
 * the working languages (p30). Nothing here is computed: it is all recorded facts.
 */
export type WorkingLanguage = 'kk' | 'ru';
export type Bilingual = { kk: string; ru: string };

/**
 * What the minutes record. Signed minutes are stored as the exact body signed and served as
 * signed forever: a field added later is optional, and bodies drawn up before it (without a
 * number or times, with the place as one string) still render.
 */
export type MinutesBody = {
  /** `parent`: the body the council sits under, as the heading of the minutes names it. */
  council: { id: string; name: Text; parent?: Bilingual };
  meeting: {
    id: string;
    kind: 'regular' | 'extraordinary';
    date: string;
    /** Its number in the council's meetings of that calendar year. */
    number?: number;
    /** A field meeting in a region (p19); before issue 11 the region was one string, with the place beside it. */
    field?: { region: Bilingual | string; place?: string };
    /** Where it sat; before issue 11 one string. */
    place?: Bilingual | string;
    /** "HH:MM", Kazakhstan time. */
    startTime?: string;
    endTime?: string;
    convenedBy: { name: string; capacity: 'chairperson' | 'member-on-instruction' };
    presiding: { name: string; capacity: 'chairperson' | 'member-on-instruction' };
    /** Who signs first (p28): the council's Chairperson. */
    chairperson?: { name: string };
    /** Who kept the minutes and signs them (p28): the Secretary in office on the meeting's date (p9, p16). */
    secretary?: { name: string };
  };
  /** p28: the agenda. */
  agenda: { id: string; title: Bilingual; submittedBy?: string }[];
  /** p28: the names of those present, the Chairperson first. */
  present: { name: string; capacity: 'chairperson' | 'secretary' | 'member' }[];
  absent: { name: string }[];
  /** p14.4: officials and organisations invited. */
  invited: { name: string; organisation: string; position?: string }[];
  /** p14.5: officials' information heard; `itemId`: the agenda item it was heard on. */
  hearings: { speaker: string; subject: Bilingual; itemId?: string }[];
  quorum: { outcome: string; reasons: Reason[] };
  /** p28: the results of the votes, each with the rule's explanation. */
  motions: {
    id: string;
    itemId?: string;
    kind: 'ordinary' | 'termination' | 'suspension' | 'dissolution';
    category: 'recommendation' | 'proposal' | 'decision';
    title: Bilingual;
    status: 'open' | 'closed';
    votes: { for: number; against: number; abstained: number };
    /** Votes the Secretary entered for members (a show of hands): who entered them, for whom. */
    entered?: { by: string; voters: string[] }[];
    result?: { outcome: string; reasons: Reason[]; version: { id: string; act: string; title?: Text } };
    /** p17.5: dissenting opinions, in writing, in the language they were written in. */
    dissents: { member: string; text: string; language: 'kk' | 'ru' | 'en'; enteredBy?: string }[];
  }[];
  /** p14.7: complaints and reports of torture received since the previous meeting. */
  complaints: { id: string; receivedOn: string; summary: Bilingual }[];
};

export type SignatureLine = { role: 'chairperson' | 'secretary'; name: string; signedAt: string; contentHash: string };

/** The minutes with their signatures: the body is what is signed; the rest is about the signing. */
export type MinutesDoc = MinutesBody & {
  /** p28: signed by the Chairperson and the Secretary, on this very content. */
  signatures: SignatureLine[];
  /** Signatures given on an earlier content, voided by a later change (when it was recorded): shown, and asked for again. */
  voidedSignatures: (SignatureLine & { voidedAt?: string })[];
  /** Whose signature is still needed. */
  awaiting: ('chairperson' | 'secretary')[];
  /** Both signed the same content: this is the stored signed text and it never changes. */
  sealed: boolean;
  /** Corrections of sealed minutes, each referencing the signed content. */
  corrections: { id: string; text: Bilingual; reason: string; on: string; contentHash: string }[];
  /** SHA-256 of the canonical JSON of the body (everything but the signing). */
  contentHash: string;
};
