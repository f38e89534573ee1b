import type { InstitutionType, Region } from '../preventive/model.ts';

/**
 * Complaints and reports of torture (p14.7, p15.6). People who report torture in places of
 * detention fear reprisals: the narrative, the complainant's name and contact and anything that
 * identifies a person are sealed in the complainant's browser to the council's public key
 * (libsodium sealed boxes: X25519 + XSalsa20-Poly1305). The server stores that ciphertext and
 * only the few plain fields the Council counts and routes by, chosen so they identify nobody:
 * a category, a region, a type of institution, a month (never a day).
 */
export const CATEGORIES = ['torture', 'ill-treatment', 'conditions', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

/** received → accepted for consideration by the Chairperson (p15.6) → considered, with a decision. */
export const STATUSES = ['received', 'accepted', 'considered'] as const;
export type Status = (typeof STATUSES)[number];

export const DECISIONS = ['referred-to-prosecutor', 'visit-planned', 'recommendation', 'outside-mandate', 'no-grounds'] as const;
export type Decision = (typeof DECISIONS)[number];

/** A text for the minutes (p14.7): in the two languages the minutes are kept in. */
export type Bilingual = { kk: string; ru: string };

/**
 * A public key of the council for complaints, made in the browser of the Commissioner's Office
 * (the private key never reaches the server). The newest key in force takes new complaints; an
 * older one is retired from the date the next took effect, and is kept: the complaints sealed to
 * it name it by `keyId`, and the desk asks for its private key to read them.
 */
export type ComplaintKey = {
  councilId: string;
  id: string;
  /** base64 of the 32-byte X25519 public key. */
  publicKey: string;
  /** The first 16 bytes of its SHA-256, in hex groups: what people compare aloud. */
  fingerprint: string;
  activeFrom: string;
  by: string;
  /** Real time of publication: orders two keys of one date. */
  publishedAt: string;
};

export type Consideration = {
  status: 'accepted' | 'considered';
  decision?: Decision;
  /** What the minutes say (p14.7): written by the Chairperson with no private data (p29). */
  summary: Bilingual;
  on: string;
  by: string;
};

export type Complaint = {
  councilId: string;
  id: string;
  /** The legal date it was received; no time of day is kept (a time narrows who sent it). */
  receivedOn: string;
  keyId: string;
  /** base64 of the sealed box: the narrative, name and contact, only the private key opens it. */
  sealed: string;
  /** base64 of a public key the browser derived from the receipt: the reply is sealed to it. */
  replyKey?: string;
  category: Category;
  region?: Region;
  institutionType?: InstitutionType;
  institutionId?: string;
  /** 'YYYY-MM': the month, never a day. */
  occurredIn?: string;
  status: Status;
  consideration?: Consideration;
  /** The Chairperson's reply, sealed in the browser to `replyKey`. */
  reply?: { sealed: string };
};

/** What the desk lists: everything but the sealed parts. */
export type ComplaintSummary = Omit<Complaint, 'sealed' | 'replyKey' | 'reply'> & { replied: boolean };

export function summaryOf(c: Complaint): ComplaintSummary {
  const { sealed: _sealed, replyKey: _replyKey, reply, ...plain } = c;
  return { ...plain, replied: Boolean(reply) };
}
