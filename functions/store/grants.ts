import { PARTITIONS } from './keys.ts';
import type { IndexName } from './table.ts';

/**
 * The item-level DynamoDB actions kenes calls, by their IAM names. TransactWriteItems has no
 * IAM action of its own: each of its items is authorized as the action it performs (Put as
 * PutItem, Update as UpdateItem, ConditionCheck as ConditionCheckItem). Scan, DeleteItem and
 * the batch actions are never called, so they can never be granted.
 */
export type ItemAction = 'GetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'ConditionCheckItem';

/**
 * One permission: these actions, on the table or on one of its indexes, on items whose
 * partition key is one of `partitions`. For an index, the partition key is the index's own
 * (`gsi1pk`, `gsi2pk`), since that is the key a Query on the index gives.
 */
export type PartitionAccess = {
  /** The table itself, or the index queried (only `Query` applies to an index). */
  on: 'table' | IndexName;
  actions: readonly ItemAction[];
  /** Partition key values, as IAM `StringLike` patterns: `*` is any run of characters. */
  partitions: readonly string[];
};

/** Everything one function may do to the table. */
export type TableGrant = readonly PartitionAccess[];

/**
 * Which function of a module the grant is for: the route groups by their table access (`read`,
 * `write`, functions/api/routes.ts), `public` for the routes of a module anyone may call when
 * that module also serves signed-in routes with the same access (they get a function of their
 * own, so a token-less caller reaches only what those routes serve), and `seed` for the law's
 * deploy-time seed (infra/constructs/kenes-law-seed.ts).
 */
export type GrantKind = 'read' | 'write' | 'public' | 'seed';

/** Reads: one item (ConsistentRead), or one partition (Query). */
const READ = ['GetItem', 'Query'] as const;
/** Writes: single puts and updates, and the three kinds of items of a TransactWriteItems. */
const WRITE = ['PutItem', 'UpdateItem', 'ConditionCheckItem'] as const;
/** Index reads: an index can only be queried. */
const QUERY = ['Query'] as const;

/** Every partition of a council's own records (`keys.council(id).pk` and every key beside it). */
export const COUNCIL_PARTITIONS = 'COUNCIL#*';
/** A council's meetings by date, in gsi1 (`keys.meetingsOf(id).gsi1pk`). */
export const MEETINGS_BY_DATE = 'COUNCIL#*#MEETINGS';
/**
 * Idempotency records of a write request (`keys.idempotency(scope).pk`): read first (GetItem),
 * then written with the request's outcome (Put, Update), and marked in the act's own transaction.
 */
export const IDEMPOTENCY_PARTITIONS = 'IDEMPOTENCY#*';
/** A person's own partition (`keys.notification(sub, …).pk`): their outbox and their calendar secret's pointer. */
export const PERSON_PARTITIONS = 'PERSON#*';
/** A person's notifications by time, in gsi1 (`keys.notificationsOf(sub).gsi1pk`). */
export const NOTIFICATIONS_BY_TIME = 'PERSON#*#NOTIFICATIONS';
/** A calendar feed's record, under the SHA-256 of its secret (`keys.calendarSecret(hash).pk`). */
export const CALENDAR_PARTITIONS = 'CALENDAR#*';
/** The e-mails still to send, in gsi2 (`keys.emailPending(…).gsi2pk`). */
export const EMAIL_OUTBOX = 'OUTBOX';
/** An amendment dry-run's own partition: the run and its changes (`dryRunKeys.run(id).pk`, functions/store/law.ts). */
export const DRY_RUN_PARTITIONS = 'DRYRUN#*';

/** The law as every function loads it: the head (GetItem) and the whole LAW partition (Query). */
const READ_LAW: PartitionAccess = { on: 'table', actions: READ, partitions: [PARTITIONS.law] };

/** A council function's reads: its council's records and the law it decides by. */
const READ_COUNCILS_AND_LAW: PartitionAccess = { on: 'table', actions: READ, partitions: [COUNCIL_PARTITIONS, PARTITIONS.law] };

/** The meetings' reads: the council's records, the law, the meetings by date. */
const MEETING_READS: PartitionAccess[] = [READ_COUNCILS_AND_LAW, { on: 'gsi1', actions: QUERY, partitions: [MEETINGS_BY_DATE] }];
/** The meetings' writes: the same reads, the council's partition, the idempotency records. */
const MEETING_WRITES: PartitionAccess[] = [
  ...MEETING_READS,
  { on: 'table', actions: ['GetItem'], partitions: [IDEMPOTENCY_PARTITIONS] },
  { on: 'table', actions: WRITE, partitions: [COUNCIL_PARTITIONS] },
  { on: 'table', actions: ['PutItem', 'UpdateItem'], partitions: [IDEMPOTENCY_PARTITIONS] },
];

/**
 * What each function may do to the table, as data: the partitions it reads and writes, per
 * handler module. The CDK stack turns each entry into IAM statements with a
 * `dynamodb:LeadingKeys` condition (infra/constructs/kenes-function.ts `bindTable`), so a
 * function can touch only the partitions listed here, whatever its code asks for.
 *
 * The lists follow the calls the stores make (functions/store/*.ts), not the routes' hopes:
 * a new call on a partition or an index not listed here works against DynamoDB Local and is
 * refused with AccessDeniedException on AWS. Add it here in the same change.
 *
 * @example
 * tableGrants['api/rules.ts'].read; // [{ on: 'table', actions: ['GetItem', 'Query'], partitions: ['LAW'] }]
 */
export const tableGrants = {
  /** GET /v1/health: one GetItem on the HEALTH item proves the table answers; nothing else. */
  'api/health.ts': {
    read: [{ on: 'table', actions: ['GetItem'], partitions: [PARTITIONS.health] }],
  },

  /**
   * The public questions (evaluate, versions): answered by the law alone, so the function that
   * anyone may call reads the LAW partition and nothing else (no ballot, no candidate's facts,
   * no decision record, not the law's audit log).
   */
  'api/rules.ts': {
    read: [READ_LAW],
  },

  'api/law.ts': {
    /** The public diff between two versions: the law alone, like api/rules.ts. */
    public: [READ_LAW],
    /**
     * Administrators' reads: the law, its audit log, and a dry-run's progress and report (its
     * own partition). No decision record: the dry-run job replays them (jobs/dry-run.ts).
     */
    read: [{ on: 'table', actions: READ, partitions: [PARTITIONS.law, PARTITIONS.lawAudit, DRY_RUN_PARTITIONS] }],
    /**
     * Publish and withdraw: the only routes that change the law. They read the law (and their
     * idempotency record) and write versions, withdrawals, the head and the audit log in one
     * transaction; no council partition. Starting a dry-run puts its run record (and only that).
     */
    write: [
      { on: 'table', actions: READ, partitions: [PARTITIONS.law] },
      { on: 'table', actions: ['GetItem'], partitions: [IDEMPOTENCY_PARTITIONS] },
      { on: 'table', actions: WRITE, partitions: [PARTITIONS.law, PARTITIONS.lawAudit] },
      { on: 'table', actions: ['PutItem', 'UpdateItem'], partitions: [IDEMPOTENCY_PARTITIONS] },
      { on: 'table', actions: ['PutItem', 'UpdateItem'], partitions: [DRY_RUN_PARTITIONS] },
    ],
    /**
     * The deploy-time seed (`seedOnDeploy`): reads the law to find the versions it lacks, and
     * writes them with their audit entries. It serves no request, so no idempotency record.
     */
    seed: [
      { on: 'table', actions: READ, partitions: [PARTITIONS.law] },
      { on: 'table', actions: WRITE, partitions: [PARTITIONS.law, PARTITIONS.lawAudit] },
    ],
  },

  /**
   * Membership (councils, candidates, elections, ballots, the lot, members): everything lives in
   * the council's partition, and the law is read to decide by it. No index is queried. The law
   * is never written here: a council function cannot change the law it is judged by.
   */
  'api/membership.ts': {
    read: [READ_COUNCILS_AND_LAW],
    write: [
      READ_COUNCILS_AND_LAW,
      { on: 'table', actions: ['GetItem'], partitions: [IDEMPOTENCY_PARTITIONS] },
      { on: 'table', actions: WRITE, partitions: [COUNCIL_PARTITIONS] },
      { on: 'table', actions: ['PutItem', 'UpdateItem'], partitions: [IDEMPOTENCY_PARTITIONS] },
    ],
  },

  /**
   * Meetings (convening, attendance, votes, minutes, demands, notices): the council's partition,
   * its meetings by date through gsi1, and the law. Never the law's partitions for writing.
   */
  'api/meetings.ts': { read: MEETING_READS, write: MEETING_WRITES },

  /**
   * The documents printed as PDF: the minutes (read, like the meetings), their signing and
   * corrections (written like the meetings, p28), and the annual report (which writes the p29
   * access log when it shows a consented private field).
   */
  'api/documents.ts': { read: MEETING_READS, write: MEETING_WRITES },

  /**
   * The preventive mechanism's work, each area its own function (functions/api/routes/): the
   * council's partition and the law, like the meetings. Each area's owner narrows its entry to
   * what its code calls (complaints also have a public intake and a receipt lookup).
   */
  'api/complaints.ts': {
    /** The desk's lists (complaints without their sealed text, the keys): the council's partition. */
    read: [READ_COUNCILS_AND_LAW],
    /**
     * The key in force and the status by receipt, to anyone: the council's records and the
     * receipt's record (`keys.complaintReceipt(hash).pk`), read only.
     */
    public: [{ on: 'table', actions: READ, partitions: [COUNCIL_PARTITIONS] }, { on: 'table', actions: ['GetItem'], partitions: [`${PARTITIONS.complaintReceipts}#*`] }],
    /** Intake (the complaint and its receipt's record, in one transaction), keys, the read's access log, consideration, re-sealing. */
    write: [
      READ_COUNCILS_AND_LAW,
      { on: 'table', actions: ['GetItem'], partitions: [IDEMPOTENCY_PARTITIONS, `${PARTITIONS.complaintReceipts}#*`] },
      { on: 'table', actions: WRITE, partitions: [COUNCIL_PARTITIONS] },
      { on: 'table', actions: ['PutItem'], partitions: [`${PARTITIONS.complaintReceipts}#*`] },
      { on: 'table', actions: ['PutItem', 'UpdateItem'], partitions: [IDEMPOTENCY_PARTITIONS] },
    ],
  },
  // Its registers sit in the council's partition; it reads the decisions they rest on there, and the law.
  'api/preventive.ts': {
    read: [READ_COUNCILS_AND_LAW],
    write: [
      READ_COUNCILS_AND_LAW,
      { on: 'table', actions: ['GetItem'], partitions: [IDEMPOTENCY_PARTITIONS] },
      { on: 'table', actions: WRITE, partitions: [COUNCIL_PARTITIONS] },
      { on: 'table', actions: ['PutItem', 'UpdateItem'], partitions: [IDEMPOTENCY_PARTITIONS] },
    ],
  },
  // The reports read and write only their council's partition (decisions, people, institutions
  // by key); `write` also serves the reads of private data, which log each read first (p29).
  'api/reports.ts': {
    read: [READ_COUNCILS_AND_LAW],
    write: [
      READ_COUNCILS_AND_LAW,
      { on: 'table', actions: ['GetItem'], partitions: [IDEMPOTENCY_PARTITIONS] },
      { on: 'table', actions: WRITE, partitions: [COUNCIL_PARTITIONS] },
      { on: 'table', actions: ['PutItem', 'UpdateItem'], partitions: [IDEMPOTENCY_PARTITIONS] },
    ],
  },

  /**
   * The council's read models (lists by pages, a council, an election with the voter's own
   * receipt, a meeting with its quorum): they only read, the council's partition, its meetings
   * by date, and the law (the quorum is the law's answer).
   */
  'api/reads.ts': {
    read: [READ_COUNCILS_AND_LAW, { on: 'gsi1', actions: QUERY, partitions: [MEETINGS_BY_DATE] }],
  },

  /**
   * The person's own routes. Reads (`/v1/me`, the outbox): every council through gsi1's
   * `COUNCILS` partition, each one's records and meetings by date (to-dos, roles), and the
   * caller's notifications by time. Writes (the calendar secret, a notification read): the
   * councils read again (which councils a feed serves), and only the person's own partition and
   * the calendar records; no council partition, and no idempotency record (they answer 200: a
   * record would keep the secret). The public feed reads a calendar record by its hash and the
   * meetings by date, nothing of a council's own records (ballots, facts, people).
   */
  'api/me.ts': {
    read: [
      { on: 'table', actions: READ, partitions: [COUNCIL_PARTITIONS] },
      { on: 'gsi1', actions: QUERY, partitions: [PARTITIONS.councils, MEETINGS_BY_DATE, NOTIFICATIONS_BY_TIME] },
    ],
    write: [
      { on: 'table', actions: READ, partitions: [COUNCIL_PARTITIONS, PERSON_PARTITIONS] },
      { on: 'gsi1', actions: QUERY, partitions: [PARTITIONS.councils] },
      { on: 'table', actions: ['PutItem', 'UpdateItem'], partitions: [PERSON_PARTITIONS, CALENDAR_PARTITIONS] },
    ],
    public: [
      { on: 'table', actions: ['GetItem'], partitions: [CALENDAR_PARTITIONS] },
      { on: 'gsi1', actions: QUERY, partitions: [PARTITIONS.councils, MEETINGS_BY_DATE] },
    ],
  },

  /**
   * Every 15 minutes, the notify job: every council through gsi1's `COUNCILS` partition, each
   * one's records and meetings by date (to-dos), each person's calendar pointer; it puts
   * notifications in the people's partitions, refreshes the calendar records, and reads the
   * e-mail outbox through gsi2's `OUTBOX` partition. It never writes a council's records.
   */
  'jobs/notify.ts': {
    write: [
      { on: 'table', actions: READ, partitions: [COUNCIL_PARTITIONS, PERSON_PARTITIONS] },
      { on: 'gsi1', actions: QUERY, partitions: [PARTITIONS.councils, MEETINGS_BY_DATE] },
      { on: 'gsi2', actions: QUERY, partitions: [EMAIL_OUTBOX] },
      { on: 'table', actions: ['PutItem', 'UpdateItem'], partitions: [PERSON_PARTITIONS, CALENDAR_PARTITIONS] },
    ],
  },

  /**
   * The amendment dry-run job (infra/constructs/kenes-dry-run.ts): reads the law, pages through
   * every council's decisions by date in gsi2's `DECISION` partition (a projection: never a
   * council's own partition), and writes only its run's partition: the cursor and the changes.
   */
  'jobs/dry-run.ts': {
    write: [
      { on: 'table', actions: READ, partitions: [PARTITIONS.law] },
      { on: 'gsi2', actions: QUERY, partitions: [PARTITIONS.decisions] },
      { on: 'table', actions: [...READ, 'PutItem', 'UpdateItem'], partitions: [DRY_RUN_PARTITIONS] },
    ],
  },

  /**
   * Daily term expiry (p11): the active term ends through gsi2's `TERMEND` partition, then the
   * councils' records: flags, ended terms, their decision and audit records.
   */
  'jobs/term-expiry.ts': {
    write: [
      READ_COUNCILS_AND_LAW,
      { on: 'gsi2', actions: QUERY, partitions: [PARTITIONS.termEnds] },
      { on: 'table', actions: WRITE, partitions: [COUNCIL_PARTITIONS] },
    ],
  },

  /**
   * Daily quarter check (p20): every council through gsi1's `COUNCILS` partition, each one's
   * meetings by date through gsi1, and notices into the council's partition.
   */
  'jobs/quarterly.ts': {
    write: [
      READ_COUNCILS_AND_LAW,
      { on: 'gsi1', actions: QUERY, partitions: [PARTITIONS.councils, MEETINGS_BY_DATE] },
      { on: 'table', actions: WRITE, partitions: [COUNCIL_PARTITIONS] },
    ],
  },
} as const satisfies Record<string, Partial<Record<GrantKind, TableGrant>>>;

/** A handler module that has table grants. */
export type GrantedModule = keyof typeof tableGrants;
