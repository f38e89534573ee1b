import type { AuditEntry } from '../audit.ts';
import type { Candidate, Commission, Council, Election, Lot } from '../membership/model.ts';
import type { LeavingNotice } from '../membership/store.ts';
import type { ExtraordinaryDemand, Meeting } from '../meetings/model.ts';
import type { Text } from '../text.ts';

/** One page of a list: `next` is the opaque cursor of the page after it (none: this is the last). */
export type Page<T> = { items: T[]; next?: string };

/**
 * At most `limit` items after `cursor` (the `next` of the page before). The store checks the
 * cursor against the very list it is asked for: one it did not give for that list is a 400
 * naming `query.cursor`, never another council's records and never a 500.
 */
export type PageRequest = { limit: number; cursor?: string };

/** The kinds of a council's records that are listed, and what each one is. */
export type Records = {
  candidate: Candidate;
  commission: Commission;
  election: Election;
  lot: Lot;
  demand: ExtraordinaryDemand;
  leaving: LeavingNotice;
  audit: AuditEntry;
};
export type RecordKind = keyof Records;

/**
 * What the read models need from storage beyond the membership and meeting stores: lists by
 * pages (DynamoDB's own pagination, never a scan), every council, and a voter's own receipt.
 * The DynamoDB adapter is functions/store/reads.ts.
 */
export interface ReadStore {
  /** Every council (the cross-council `COUNCILS` index): councils are few, a list of them is small. */
  councils(): Promise<Council[]>;
  /** A page of one kind of a council's records, in the order of their keys (the audit log: oldest first). */
  page<K extends RecordKind>(councilId: string, kind: K, request: PageRequest): Promise<Page<Records[K]>>;
  /** Every record of one kind (for to-dos and names: bounded by the council's own life). */
  every<K extends RecordKind>(councilId: string, kind: K): Promise<Records[K][]>;
  /** A page of the council's meetings dated within [from, to], by date. */
  meetings(councilId: string, range: { from: string; to: string }, request: PageRequest): Promise<Page<Meeting>>;
  /**
   * Whether `sub` cast a ballot in the round: from the voter's own receipt item (who voted,
   * never how), for that voter alone. Nothing links the receipt to a ballot.
   */
  hasVoted(councilId: string, electionId: string, sub: string): Promise<boolean>;
}

/** Which page of the app a notification leads to, with the ids that page needs. */
export type Link = {
  page: 'notices' | 'meeting' | 'minutes' | 'motion' | 'demand' | 'election' | 'leaving-notices' | 'complaints';
  ids: Record<string, string>;
};

/** One notification in a person's outbox: a to-do that was new when the `notify` job saw it. */
export type Notification = {
  /** Stable: derived from the person and the to-do, so the same to-do is notified once. */
  id: string;
  sub: string;
  councilId: string;
  kind: string;
  text: Text;
  link: Link;
  /** Real time (UTC) it was put in the outbox. */
  createdAt: string;
  readAt?: string;
  /** Real time the e-mail was sent (on AWS with Amazon SES), or why it was not. */
  emailedAt?: string;
  emailSkipped?: 'no-address';
};

/**
 * A person's calendar feed. The table keeps the SHA-256 of the secret only; `councilIds` are the
 * councils where the person holds a role, as of `councilsOn` (refreshed when the secret is drawn
 * and by every `notify` run), so that the public feed reads no council's own records.
 */
export type CalendarFeed = { hash: string; sub: string; createdAt: string; councilIds: string[]; councilsOn: string; revokedAt?: string };

/** A person's own partition: their notifications and their calendar secret. */
export interface PersonStore {
  /** Newest first. */
  notifications(sub: string, request: PageRequest): Promise<Page<Notification>>;
  /**
   * Puts a notification unless one with its id exists (then false: nothing changes). With
   * `email`, it also waits in the outbox of e-mails until `emailDone`.
   */
  putNotification(notification: Notification, email: boolean): Promise<boolean>;
  /** Marks it read (the first time only); undefined when the person has no such notification. */
  markRead(sub: string, id: string, at: string): Promise<Notification | undefined>;
  /** Notifications whose e-mail is still to be sent, oldest first. */
  pendingEmails(limit: number): Promise<Notification[]>;
  emailDone(notification: Notification, outcome: { emailedAt: string } | { skipped: 'no-address' }): Promise<void>;

  /** The hash of the person's current calendar secret, if any. */
  calendarOf(sub: string): Promise<string | undefined>;
  /** The new secret becomes the person's one secret; the previous one (if still theirs) is revoked, together. */
  newCalendar(feed: CalendarFeed, previousHash: string | undefined): Promise<void>;
  /** Revokes the person's secret; false when they had none. */
  revokeCalendar(sub: string, at: string): Promise<boolean>;
  calendarByHash(hash: string): Promise<CalendarFeed | undefined>;
  /** Sets the councils of a feed still in force. */
  refreshCalendar(hash: string, councilIds: string[], on: string): Promise<void>;
}
