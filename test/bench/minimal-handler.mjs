// The bare reference of a cold start: a handler that creates a DynamoDB client and does one
// GetItem, nothing else (issue 13's "minimal handler").
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const endpoint = process.env.KENES_DYNAMO_ENDPOINT;
const client = new DynamoDBClient(endpoint ? { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {});

export async function handler() {
  await client.send(new GetItemCommand({ TableName: process.env.KENES_TABLE, Key: { pk: { S: 'HEALTH' }, sk: { S: 'HEALTH' } } }));
  return { statusCode: 200, body: '{"status":"ok"}' };
}
