import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessEntry, AccessLog } from '../privacy/access-log.ts';
import { documentClient, tableName } from './client.ts';
import { fromItem, keys, within } from './keys.ts';
import { page } from './reads.ts';

/** The p29 access log on DynamoDB: each entry written once (attribute_not_exists), never updated. */
export function dynamoAccessLog(): AccessLog {
  const TableName = tableName();
  return {
    async record(entry) {
      await documentClient().send(new PutCommand({ TableName, Item: { ...entry, ...keys.access(entry.councilId, entry.at, entry.id), type: 'access' }, ConditionExpression: 'attribute_not_exists(pk)' }));
    },
    async list(councilId, request) {
      const { pk, prefix } = within(councilId, 'ACCESS');
      const found = await page(
        { TableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix }, ConsistentRead: true },
        request,
        ['pk', 'sk'],
        (key) => key.pk === pk && key.sk!.startsWith(prefix),
      );
      return { items: found.items.map((i) => fromItem<AccessEntry>(i)!), next: found.next };
    },
  };
}
