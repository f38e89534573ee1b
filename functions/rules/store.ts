import type { DecisionRecord } from '../decisions.ts';
import type { Text } from '../text.ts';
import type { AmendmentCaseDoc, LawDocument, VersionDoc } from './document.ts';

/**
 * Where the law lives once it is data an administrator can amend: the act, every version ever
 * recorded (each written once, never rewritten), withdrawals, the head (the versions in force,
 * in order) and the audit log. The DynamoDB adapter is functions/store/law.ts; tests use an
 * in-memory one.
 */

/** Who recorded something (the token's `sub`, or the seeding process) and when (an ISO timestamp). */
export type Recorded = { by: string; at: string };

/** A version as recorded: the version document, the cases it brought, who recorded it and how. */
export type StoredVersion = {
  version: VersionDoc;
  cases: AmendmentCaseDoc[];
  recorded: Recorded & { source: 'seed' | 'publication' };
};

/** A mistaken version taken out of the law by a record that says so (the version itself stays). */
export type Withdrawal = { versionId: string; reason: Text; recorded: Recorded };

/**
 * The law head: the ids of the versions that make the law, in order, and a revision that every
 * change increments. Reading it is one small GetItem: the functions revalidate their cached
 * law against it.
 */
export type LawHead = { revision: number; versions: string[] };

export type AuditEntry = {
  id: string;
  /** `publication-date`: a correction recording the real publication date of a version. */
  action: 'seed' | 'publication' | 'publication-date' | 'withdrawal';
  versionId: string;
  /** The act, e.g. "Order No. 5 of 2019-04-03". */
  act: string;
  by: string;
  at: string;
  /** The head's revision this change produced. */
  revision: number;
  reason?: Text;
};

export type StoredLaw = { act: LawDocument['act']; head: LawHead; versions: StoredVersion[]; withdrawals: Withdrawal[] };

/** One change to the stored law, written all at once or not at all. */
export type LawCommit = {
  /** Seeding only: the act, written if absent. */
  act?: LawDocument['act'];
  /** New versions: each refused if its id exists. */
  versions: StoredVersion[];
  withdrawal?: Withdrawal;
  head: LawHead;
  /** The revision the change was prepared against (undefined: there is no head yet). */
  expectedRevision: number | undefined;
  audit: AuditEntry[];
};

export interface LawStore {
  /** The head, or undefined before the law is seeded. */
  head(): Promise<LawHead | undefined>;
  /** Everything but the audit log, or undefined before the law is seeded. */
  load(): Promise<StoredLaw | undefined>;
  /** Throws ConflictError when the head moved since `expectedRevision` or an id is taken. */
  commit(change: LawCommit): Promise<void>;
  /** The audit log, oldest first. */
  audit(): Promise<AuditEntry[]>;
  /** Decision records whose date is on or after `date` (the dry-run replays them). */
  decisionsFrom(date: string): Promise<DecisionRecord[]>;
}
