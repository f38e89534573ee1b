import { newId } from '../ids.ts';
import type { Text } from '../text.ts';

/**
 * p29: the Council's participants do not disclose what they learn of a person's private life
 * without that person's consent. Every read of such data (a complaint, a visit report's private
 * fields) is written to an append-only access log of the council: who, when (real time), what,
 * and why (the reason the reader gave). Readable by the Chairperson and the administrator; no
 * route edits or deletes it. Written before the data is returned, so a read that left no record
 * returned nothing.
 */
export type AccessEntry = {
  id: string;
  councilId: string;
  /** Real time of the read (UTC). */
  at: string;
  by: string;
  what: { kind: string; id: string };
  /** The reason the reader gave, in their words. */
  why: string;
};

/** What the domain needs to keep the log (functions/store/privacy.ts). */
export type AccessLog = {
  /** Appends one entry (never overwrites). */
  record(entry: AccessEntry): Promise<void>;
  list(councilId: string, page: { limit: number; cursor?: string }): Promise<{ items: AccessEntry[]; next?: string }>;
};

/** An entry for a read by `by` of `what` now, with the reason given. */
export function accessEntry(councilId: string, by: string, what: AccessEntry['what'], why: string): AccessEntry {
  return { id: newId(), councilId, at: new Date().toISOString(), by, what, why };
}

/** Why a read of private data is refused without a reason (p29). */
export const REASON_REQUIRED: Text = {
  kk: 'жеке өмір туралы деректерді оқудың себебін көрсетіңіз (29-тармақ)',
  ru: 'укажите причину чтения сведений о частной жизни (п. 29)',
  en: 'give the reason for reading private-life data (p29)',
};
