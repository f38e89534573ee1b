import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, type QueryCommandInput, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../errors.ts';
import { idSeed } from '../ids.ts';
import { documentClient } from './client.ts';
import { effectedItem } from './idempotency.ts';

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** How long one write may keep retrying transaction conflicts: well inside a function's 10 s. */
const CONFLICT_BUDGET_MS = 3_000;

/** DynamoDB's limit is 100 actions per transaction; kenes stays well below it. */
export const MAX_TRANSACTION_ITEMS = 50;

/**
 * One all-or-nothing write. Transaction conflicts (concurrent writers on one item) are retried
 * with jittered backoff for at most CONFLICT_BUDGET_MS, then answered 503 (retry later); a
 * failed condition is handed to `onConditionFailed` with the index of the item whose condition
 * failed, so the adapter can translate it into the domain's own error.
 */
export async function transact(given: TransactItems, onConditionFailed: (index: number) => Error): Promise<void> {
  // Under an Idempotency-Key, the key's record learns in this very transaction that the act was done.
  const seed = idSeed();
  const items = [...given, ...peopleVersionBumps(given), ...(seed ? [effectedItem(seed)] : [])];
  // The limit counts the act's own items; the version bump and the idempotency record add one or two (DynamoDB allows 100).
  if (given.length > MAX_TRANSACTION_ITEMS) throw new Error(`transaction of ${given.length} items: split it (at most ${MAX_TRANSACTION_ITEMS})`);
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (failed >= 0) throw onConditionFailed(failed);
      const conflict = reasons.some((r) => r.Code === 'TransactionConflict') || reasons.length === 0;
      if (!conflict) throw error;
      if (Date.now() - started > CONFLICT_BUDGET_MS) throw new StoreUnavailableError({ cause: error });
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(500, 10 * 2 ** attempt)));
    }
  }
}

/**
 * The records a council's people are read from (functions/store/membership.ts `people`): the
 * members and their terms, the Secretary's appointments, the election commissions, the staff,
 * the NPM participants. A write to any of them moves the council's `peopleVersion` in the same
 * transaction, so a function that keeps a council's people in memory knows, from the council
 * item alone, whether they are still current (functions/store/people-cache.ts).
 */
const PEOPLE_PREFIXES = ['MEMBER#', 'SECRETARY#', 'COMMISSION#', 'STAFF#', 'PARTICIPANT#'];

function peopleVersionBumps(items: TransactItems): TransactItems {
  const keyOf = (item: TransactItems[number]) => (item.Put?.Item ?? item.Update?.Key ?? item.Delete?.Key) as { pk?: string; sk?: string } | undefined;
  const councils = new Set<string>();
  for (const item of items) {
    const key = keyOf(item);
    if (key?.pk?.startsWith('COUNCIL#') && PEOPLE_PREFIXES.some((p) => key.sk?.startsWith(p))) councils.add(key.pk);
  }
  const TableName = (items[0]?.Put ?? items[0]?.Update ?? items[0]?.Delete ?? items[0]?.ConditionCheck)?.TableName;
  return [...councils].map((pk) => {
    // One action per item in a transaction: a write of the council item itself beside its people would need its own bump.
    if (items.some((item) => keyOf(item)?.pk === pk && keyOf(item)?.sk === 'COUNCIL')) throw new Error(`a transaction writes ${pk}'s council item and its people: bump peopleVersion in that write`);
    return { Update: { TableName, Key: { pk, sk: 'COUNCIL' }, UpdateExpression: 'ADD peopleVersion :one', ExpressionAttributeValues: { ':one': 1 } } };
  });
}

/** Splits many writes into transactions of at most MAX_TRANSACTION_ITEMS, in order. */
export function batches<T>(items: readonly T[], size = MAX_TRANSACTION_ITEMS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every page of a query. */
export async function queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}
