import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.ts';

/**
 * The record of a request sent with an `Idempotency-Key`: its body's fingerprint, and once done
 * the answer it got. Kept 24 hours (DynamoDB TTL on `expiresAt`), in a partition of its own
 * per key, with nothing that identifies a voter (the ballot route keeps no such record).
 */
export type IdempotencyRecord = {
  fingerprint: string;
  status: 'in-progress' | 'done';
  /** Until when an `in-progress` attempt holds the key (epoch ms): longer than a function may run. */
  leaseUntil: number;
  answer?: { status: number; json: unknown };
};

const KEEP_SECONDS = 24 * 3600;

const key = (scope: string) => ({ pk: `IDEMPOTENCY#${scope}`, sk: 'IDEMPOTENCY' });

export const idempotencyStore = {
  async get(scope: string): Promise<IdempotencyRecord | undefined> {
    const item = (await documentClient().send(new GetCommand({ TableName: tableName(), Key: key(scope), ConsistentRead: true }))).Item;
    return item as IdempotencyRecord | undefined;
  },

  /** Takes the key for this attempt: false when another attempt holds a live lease, or it is done. */
  async begin(scope: string, fingerprint: string, now: number, leaseMs: number): Promise<boolean> {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...key(scope), type: 'idempotency', fingerprint, status: 'in-progress', leaseUntil: now + leaseMs, expiresAt: Math.floor(now / 1000) + KEEP_SECONDS },
          // New, or an earlier attempt that failed or timed out and let its lease lapse.
          ConditionExpression: 'attribute_not_exists(pk) OR (#status = :progress AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':progress': 'in-progress', ':now': now },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
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
