import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../audit.ts';
import type { DecisionRecord } from '../decisions.ts';
import type { Trail } from '../membership/store.ts';
import { keys } from './keys.ts';

export type Items = NonNullable<TransactWriteCommandInput['TransactItems']>;

/**
 * The records that go with an act, in its own transaction: the law's answers it rests on
 * (decision records, dated in the cross-council index the amendment dry-run replays) and its
 * audit record. Both are written once: a retry of a finished act fails on its own condition first.
 */
export function trailItems(TableName: string, trail: Trail): Items {
  return [...(trail.decisions ?? []).map((d) => decisionPut(TableName, d)), ...(trail.audit ? [auditPut(TableName, trail.audit)] : [])];
}

export function decisionPut(TableName: string, d: DecisionRecord): Items[number] {
  return { Put: { TableName, Item: { ...d, ...keys.decision(d.councilId, d.id), ...keys.decisionByDate(d.councilId, d.id, d.at), type: 'decision' } } };
}

export function auditPut(TableName: string, entry: AuditEntry): Items[number] {
  return { Put: { TableName, Item: { ...entry, ...keys.audit(entry.councilId, entry.recordedAt, entry.id), type: 'audit' }, ConditionExpression: 'attribute_not_exists(pk)' } };
}
