import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, type QueryCommandInput, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.ts';

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/**
 * One all-or-nothing write. Transaction conflicts (concurrent writers on one item, e.g. many
 * ballots on one tally) are retried with jittered backoff; a failed condition is handed to
 * `onConditionFailed` with the index of the item whose condition failed, so the adapter can
 * translate it into the domain's own error.
 */
export async function transact(items: TransactItems, onConditionFailed: (index: number) => Error, attempts = 25): Promise<void> {
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
      if (!conflict || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 20 * 2 ** attempt)));
    }
  }
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
