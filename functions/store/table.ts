/**
 * The one DynamoDB table of kenes, as plain data: the CDK stack and the local
 * starter both build the table from this definition, so key schema and indexes
 * cannot drift between AWS and `npm start`.
 *
 * Single-table design: every key of a council's data starts from the council
 * (`COUNCIL#<id>`); the law's versions live under `LAW#`.
 *
 * @example
 * import { tableDefinition } from './table.ts';
 * tableDefinition.indexes.map((index) => index.name); // ['gsi1', 'gsi2']
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Items with this attribute (epoch seconds) expire by DynamoDB TTL. */
  timeToLiveAttribute: 'expiresAt',
  indexes: [
    /** Second access path inside a council (e.g. a member's history). */
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /**
     * Date-bucketed across councils (e.g. `TERMEND#2021-05` / `2021-05-31#...`):
     * the scheduled jobs read one window through it, never a scan.
     */
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;

export type IndexName = (typeof tableDefinition.indexes)[number]['name'];

/** Environment variable through which every function learns the table's name. */
export const TABLE_NAME_ENV = 'KENES_TABLE';
