import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.ts';
import { keys } from './keys.ts';

/**
 * The record of a request sent with an `Idempotency-Key`: its body's fingerprint, and once done
 * the answer it got. Kept 24 hours (DynamoDB TTL on `expiresAt`), in a partition of its own
 * per key, with nothing that identifies a voter (the ballot route keeps no such record).
 */
export type IdempotencyRecord = {
  fingerprint: string;
  status: 'in-progress' | 'done';
  /** Set by the request's own write, in its transaction: the act was carried out (even if its answer was lost). */
  effected?: boolean;
  /** Until when an `in-progress` attempt holds the key (epoch ms): longer than a function may run. */
  leaseUntil: number;
  answer?: { status: number; json: unknown };
};

const KEEP_SECONDS = 24 * 3600;

const key = keys.idempotency;

/**
 * The item every write of a request under an `Idempotency-Key` adds to its transaction
 * (functions/store/transact.ts): the key's record learns that the act was carried out in the
 * very transaction that carried it out.
 */
export function effectedItem(scope: string) {
  return { Update: { TableName: tableName(), Key: key(scope), UpdateExpression: 'SET effected = :yes', ExpressionAttributeValues: { ':yes': true } } };
}

export const idempotencyStore = {
  async get(scope: string): Promise<IdempotencyRecord | undefined> {
    const item = (await documentClient().send(new GetCommand({ TableName: tableName(), Key: key(scope), ConsistentRead: true }))).Item;
    return item as IdempotencyRecord | undefined;
  },

  /**
   * Takes the key for this attempt: `taken` false when another attempt holds a live lease, or it
   * is done; `effected` when an earlier attempt, whose lease lapsed, had carried the act out.
   */
  async begin(scope: string, fingerprint: string, now: number, leaseMs: number): Promise<{ taken: boolean; effected: boolean }> {
    try {
      const { Attributes } = await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...key(scope), type: 'idempotency', fingerprint, status: 'in-progress', leaseUntil: now + leaseMs, expiresAt: Math.floor(now / 1000) + KEEP_SECONDS },
          // New, or an earlier attempt that failed or timed out and let its lease lapse.
          ConditionExpression: 'attribute_not_exists(pk) OR (#status = :progress AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':progress': 'in-progress', ':now': now },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return { taken: true, effected: Boolean(Attributes?.effected) };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return { taken: false, effected: false };
      throw error;
    }
  },

  /** The answer, for every retry to get the same. */
  async finish(scope: string, answer: IdempotencyRecord['answer']): Promise<void> {
    await documentClient().send(
      new UpdateCommand({ TableName: tableName(), Key: key(scope), UpdateExpression: 'SET #status = :done, answer = :answer', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':done': 'done', ':answer': answer } }),
    );
  },

  /** A refused attempt (4xx) wrote nothing: its lease ends now, so a corrected retry may run. */
  async release(scope: string): Promise<void> {
    await documentClient().send(new UpdateCommand({ TableName: tableName(), Key: key(scope), UpdateExpression: 'SET leaseUntil = :zero', ExpressionAttributeValues: { ':zero': 0 } }));
  },
};
