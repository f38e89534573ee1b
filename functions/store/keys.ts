import { InvalidInputError } from '../errors.ts';
import { ID_MESSAGE } from '../ids.ts';

/**
 * Every part of a key is an id, a date or a hash: never a separator. A part that is not is
 * refused here, before any key reaches the table (ids from requests are checked earlier, at the
 * HTTP layer, against the same pattern: this is the last line, not the first).
 */
export function part(value: string): string {
  if (typeof value !== 'string' || !KEY_PART.test(value)) throw new InvalidKeyError();
  return value;
}
/** An id (functions/ids.ts), an ISO date or time, or a hex hash: `#` never. */
const KEY_PART = /^[A-Za-z0-9_-]{1,64}$|^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z)?$|^[0-9a-f]{64}$/;

/** A key part that is not an id: a 400, never another item, never a 500. */
export class InvalidKeyError extends InvalidInputError {
  constructor() {
    super([{ field: 'id', code: 'invalid-id', message: ID_MESSAGE }]);
    this.name = 'InvalidKeyError';
  }
}

/**
 * The partitions that are not a council's: the law, its audit log, and the cross-council index
 * partitions. IAM grants name them (infra: `dynamodb:LeadingKeys`), so each function can touch
 * only the partitions it serves.
 */
export const PARTITIONS = {
  law: 'LAW',
  lawAudit: 'LAW#AUDIT',
  councils: 'COUNCILS',
  termEnds: 'TERMEND',
  decisions: 'DECISION',
  health: 'HEALTH',
  complaintReceipts: 'COMPLAINTRECEIPT',
} as const;

/**
 * Key layout of the one table. Every key of a council's data starts from the council;
 * gsi2 holds date-sorted cross-council entries (active term ends, decisions by date).
 */
export const keys = {
  council: (cid: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: 'COUNCIL' }),
  candidate: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `CANDIDATE#${part(id)}` }),
  /** One standing candidacy per person (by account): the guard names it while it stands. */
  candidacy: (cid: string, sub: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `CANDIDACY#${part(sub)}` }),
  commission: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `COMMISSION#${part(id)}` }),
  election: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `ELECTION#${part(id)}` }),
  voter: (cid: string, id: string, sub: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `ELECTION#${part(id)}#VOTER#${part(sub)}` }),
  ballot: (cid: string, id: string, receiptHash: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `ELECTION#${part(id)}#BALLOT#${part(receiptHash)}` }),
  member: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `MEMBER#${part(id)}` }),
  term: (cid: string, mid: string, start: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `MEMBER#${part(mid)}#TERM#${part(start)}` }),
  leaving: (cid: string, mid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `MEMBER#${part(mid)}#LEAVING#${part(id)}` }),
  meeting: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `MEETING#${part(id)}` }),
  meetingByDate: (cid: string, id: string, date: string) => ({ gsi1pk: `COUNCIL#${part(cid)}#MEETINGS`, gsi1sk: `${part(date)}#${part(id)}` }),
  meetingsOf: (cid: string) => ({ gsi1pk: `COUNCIL#${part(cid)}#MEETINGS` }),
  attendance: (cid: string, mid: string, attendeeId: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `MEETING#${part(mid)}#ATTENDANCE#${part(attendeeId)}` }),
  motion: (cid: string, mid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `MEETING#${part(mid)}#MOTION#${part(id)}` }),
  vote: (cid: string, mid: string, moid: string, voterId: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `MEETING#${part(mid)}#VOTE#${part(moid)}#${part(voterId)}` }),
  dissent: (cid: string, mid: string, moid: string, memberId: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `MEETING#${part(mid)}#DISSENT#${part(moid)}#${part(memberId)}` }),
  /** The exact content of signed minutes, under its SHA-256: never rewritten with other content. */
  minutes: (cid: string, mid: string, hash: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `MEETING#${part(mid)}#MINUTES#${part(hash)}` }),
  /** The count of a council's meetings convened for dates in one calendar year: their numbers ("№ 3"). */
  meetingCount: (cid: string, year: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `COUNTER#MEETINGS#${part(year)}` }),
  correction: (cid: string, mid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `MEETING#${part(mid)}#CORRECTION#${part(id)}` }),
  demand: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `DEMAND#${part(id)}` }),
  notice: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `NOTICE#${part(id)}` }),
  /** Every council, for the jobs that visit them all. */
  councilList: (cid: string) => ({ gsi1pk: PARTITIONS.councils, gsi1sk: part(cid) }),
  termination: (cid: string, mid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `MEMBER#${part(mid)}#TERMINATION#${part(id)}` }),
  lot: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `LOT#${part(id)}` }),
  /** p29: the append-only log of reads of private-life data, by the real time of the read. */
  access: (cid: string, at: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `ACCESS#${part(at)}#${part(id)}` }),
  /** The Office staff the Chairperson authorised for the council's preventive-mechanism work. */
  staff: (cid: string, sub: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `STAFF#${part(sub)}` }),
  /** An NPM participant (p14.8); the preventive mechanism's records of them sit under it. */
  participant: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `PARTICIPANT#${part(id)}` }),
  /** One appointment per date: who is Secretary on a date is never ambiguous (p9). */
  secretary: (cid: string, on: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `SECRETARY#${part(on)}` }),
  /** The guard that makes the lot of p11 one per council: it names the lot. */
  firstLot: (cid: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: 'FIRSTLOT' }),
  /**
   * A person's own partition, by their user id (`sub`): the outbox of notifications (one item
   * per stable id, so a to-do is notified once), newest first through gsi1, and the pointer to
   * their calendar secret. Only the person reads it (the `/v1/me…` routes).
   */
  notification: (sub: string, id: string) => ({ pk: `PERSON#${part(sub)}`, sk: `NOTIFICATION#${part(id)}` }),
  notificationByTime: (sub: string, id: string, createdAt: string) => ({ gsi1pk: `PERSON#${part(sub)}#NOTIFICATIONS`, gsi1sk: `${part(createdAt)}#${part(id)}` }),
  notificationsOf: (sub: string) => ({ gsi1pk: `PERSON#${part(sub)}#NOTIFICATIONS` }),
  /** Sparse: present only while a notification's e-mail is still to be sent (Amazon SES, on AWS). */
  emailPending: (sub: string, id: string, createdAt: string) => ({ gsi2pk: 'OUTBOX', gsi2sk: `${part(createdAt)}#${part(sub)}#${part(id)}` }),
  calendarOf: (sub: string) => ({ pk: `PERSON#${part(sub)}`, sk: 'CALENDAR' }),
  /** A calendar feed's secret, under its SHA-256 only: the secret itself is never stored. */
  calendarSecret: (hash: string) => ({ pk: `CALENDAR#${part(hash)}`, sk: 'CALENDAR' }),
  /** Where a complaint's receipt leads (p29): under the receipt's hash only, outside any council (functions/complaints/receipt.ts). */
  complaintReceipt: (hash: string) => ({ pk: `${PARTITIONS.complaintReceipts}#${part(hash)}`, sk: 'RECEIPT' }),
  /** Sorted by the real time of the record. */
  audit: (cid: string, recordedAt: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `AUDIT#${part(recordedAt)}#${part(id)}` }),
  flag: (cid: string, mid: string, end: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `FLAG#TERM#${part(mid)}#${part(end)}` }),
  decision: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `DECISION#${part(id)}` }),
  /** Sparse: present only while a term is active, so the job reads live terms only. */
  termEnd: (cid: string, mid: string, end: string) => ({ gsi2pk: PARTITIONS.termEnds, gsi2sk: `${part(end)}#${part(cid)}#${part(mid)}` }),
  decisionByDate: (cid: string, id: string, at: string) => ({ gsi2pk: PARTITIONS.decisions, gsi2sk: `${part(at)}#${part(cid)}#${part(id)}` }),
  /** A request under an Idempotency-Key: a partition per key (functions/store/idempotency.ts). */
  idempotency: (scope: string) => ({ pk: `IDEMPOTENCY#${part(scope)}`, sk: 'IDEMPOTENCY' }),
  /** The law: one partition holds the act, the head, every version and every withdrawal (one Query loads it). */
  lawAct: () => ({ pk: PARTITIONS.law, sk: 'ACT' }),
  lawHead: () => ({ pk: PARTITIONS.law, sk: 'HEAD' }),
  lawVersion: (id: string) => ({ pk: PARTITIONS.law, sk: `VERSION#${part(id)}` }),
  lawWithdrawal: (versionId: string) => ({ pk: PARTITIONS.law, sk: `WITHDRAWAL#${part(versionId)}` }),
  /**
   * The audit log apart, so loading the law does not grow with it. Sorted by the head's
   * revision (each change of the law makes one), then by the entry's place in that change.
   */
  lawAudit: (revision: number, n: number) => ({ pk: PARTITIONS.lawAudit, sk: `REVISION#${String(revision).padStart(10, '0')}#${String(n).padStart(4, '0')}` }),
};

/**
 * A sort-key prefix inside a council's partition, for a Query: labels are constants, ids are
 * checked like every key part. `within('c1', 'MEETING', mid, 'VOTE')` is `MEETING#<mid>#VOTE#`.
 */
export function within(cid: string, label: string, ...rest: string[]): { pk: string; prefix: string } {
  const parts = [label, ...rest.map((p, i) => (i % 2 === 0 ? part(p) : p))];
  return { pk: `COUNCIL#${part(cid)}`, prefix: `${parts.join('#')}#` };
}

// `peopleVersion`: the council item's count of writes to its people (functions/store/people-cache.ts), not the council's own data.
const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'type', 'peopleVersion'];

/** An item without its key attributes: the domain never sees the table's layout. */
export function fromItem<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  return Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRIBUTES.includes(k))) as T;
}
