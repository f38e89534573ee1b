import type { AuditEntry } from '../audit.ts';
import type { MembershipDeps } from '../membership/deps.ts';
import type { AccessLog } from '../privacy/access-log.ts';
import type { Complaint, ComplaintKey, Status } from './model.ts';

/** Where a receipt leads: kept under the receipt's hash only (functions/complaints/receipt.ts). */
export type ReceiptRecord = { councilId: string; complaintId: string; sealedHash: string };

/** The complaints register's storage (adapter: functions/store/complaints.ts). */
export type ComplaintStore = {
  putKey(key: ComplaintKey, audit: AuditEntry): Promise<void>;
  keys(councilId: string): Promise<ComplaintKey[]>;
  institutionExists(councilId: string, id: string): Promise<boolean>;
  /** The complaint and its receipt record, both new, in one transaction; a used receipt is `'receipt-used'`. */
  receive(complaint: Complaint, receipt: { hash: string; sealedHash: string }): Promise<'received' | 'receipt-used'>;
  byReceipt(hash: string): Promise<ReceiptRecord | undefined>;
  get(councilId: string, id: string): Promise<Complaint | undefined>;
  list(councilId: string, page: { limit: number; cursor?: string }): Promise<{ items: Complaint[]; next?: string }>;
  /** Every complaint received in (from, to]. */
  receivedBetween(councilId: string, fromExclusive: string | undefined, toInclusive: string): Promise<Complaint[]>;
  /** Writes the new state if the complaint is still in `expected` (else a 409), with its audit entry. */
  update(complaint: Complaint, expected: { status: Status; keyId: string }, audit: AuditEntry): Promise<void>;
};

export type ComplaintDeps = MembershipDeps & { complaints: ComplaintStore; accessLog: AccessLog };
