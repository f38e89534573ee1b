import type { Reason } from '../errors.ts';
import type { Text } from '../text.ts';

/**
 * The minutes of a meeting as data (p28): what the Secretary draws up and the Chairperson and
 * the Secretary sign. The domain assembles it; renderers turn it into HTML and PDF in one of
 * the working languages (p30). Nothing here is computed: it is all recorded facts.
 */
export type WorkingLanguage = 'kk' | 'ru';
export type Bilingual = { kk: string; ru: string };

export type MinutesBody = {
  council: { id: string; name: Text };
  meeting: {
    id: string;
    kind: 'regular' | 'extraordinary';
    date: string;
    /** A field meeting in a region (p19). */
    field?: { region: string; place?: string };
    place?: string;
    convenedBy: { name: string; capacity: 'chairperson' | 'member-on-instruction' };
    presiding: { name: string; capacity: 'chairperson' | 'member-on-instruction' };
  };
  /** p28: the agenda. */
  agenda: { id: string; title: Bilingual; submittedBy?: string }[];
  /** p28: the names of those present. */
  present: { name: string; capacity: 'chairperson' | 'secretary' | 'member' }[];
  absent: { name: string }[];
  /** p14.4: officials and organisations invited. */
  invited: { name: string; organisation: string; position?: string }[];
  /** p14.5: officials' information heard. */
  hearings: { speaker: string; subject: Bilingual }[];
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
