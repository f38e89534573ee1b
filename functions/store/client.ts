import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLE_NAME_ENV } from './table.ts';

/**
 * The document client and table name every store adapter uses. On Lambda the SDK finds its
 * region and credentials itself; locally `KENES_DYNAMO_ENDPOINT` points at DynamoDB Local.
 */
let client: DynamoDBDocumentClient | undefined;

export function documentClient(): DynamoDBDocumentClient {
  client ??= DynamoDBDocumentClient.from(
    new DynamoDBClient(
      process.env.KENES_DYNAMO_ENDPOINT
        ? { endpoint: process.env.KENES_DYNAMO_ENDPOINT, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {},
    ),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  return client;
}

export function tableName(): string {
  const name = process.env[TABLE_NAME_ENV];
  if (!name) throw new Error(`${TABLE_NAME_ENV} is not set`);
  return name;
}
