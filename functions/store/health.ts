import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.ts';
import { PARTITIONS } from './keys.ts';

/** Reads a key that need not exist: succeeds once the table answers. */
export async function pingTable(): Promise<void> {
  await documentClient().send(new GetCommand({ TableName: tableName(), Key: { pk: PARTITIONS.health, sk: 'HEALTH' } }));
}
