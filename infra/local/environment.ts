import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { lawDeps } from '../../functions/api/wiring-law.ts';
import { seedLaw, type SeedReport } from '../../functions/rules/index.ts';
import { DOCUMENTS_DIR_ENV } from '../../functions/store/files.ts';
import { TABLE_NAME_ENV } from '../../functions/store/table.ts';
import { createTable, privateTree, startDynamo, type LocalDynamo } from './dynamo.ts';
import { repoRoot } from './server.ts';

/**
 * Local data: `.data/` (KENES_DATA_DIR elsewhere), private to this user: the directory and
 * every directory in it 0700, every file 0600 — DynamoDB Local's database, the dev signing key,
 * local.json. It holds who voted next to how (see the README): never share it.
 */
export const DATA_DIR = process.env.KENES_DATA_DIR ? resolve(process.env.KENES_DATA_DIR) : join(repoRoot, '.data');
const STATE_FILE = join(DATA_DIR, 'local.json');
export const LOCAL_TABLE = 'kenes';

/**
 * Brings up what the handlers need locally: DynamoDB Local (persisted under `.data/`, or in
 * memory) with the table, and the environment variables the CDK function construct sets on
 * Lambda. Used by `npm start`, `npm run job` and the integration tests alike.
 */
export async function localEnvironment(options: { inMemory: boolean }): Promise<LocalDynamo> {
  if (!options.inMemory) privateTree(DATA_DIR);
  // The local equivalent of the documents bucket (signed minutes as PDF); in memory with the table.
  if (!options.inMemory) process.env[DOCUMENTS_DIR_ENV] ??= join(DATA_DIR, 'documents');
  const dynamo = await startDynamo(options.inMemory ? undefined : join(DATA_DIR, 'dynamodb'));
  await createTable(dynamo.endpoint, LOCAL_TABLE);
  useDynamo(dynamo.endpoint);
  return dynamo;
}

/**
 * Seeds the law into the local table from rules/ (the same function the deploy's custom
 * resource runs): versions already there are kept, never overwritten, so publications made on
 * an earlier run survive a restart.
 */
export function seedLocalLaw(): Promise<SeedReport> {
  return seedLaw(lawDeps(), 'npm start');
}

export function useDynamo(endpoint: string): void {
  process.env.KENES_DYNAMO_ENDPOINT = endpoint;
  process.env[TABLE_NAME_ENV] = LOCAL_TABLE;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}

/** The dev tokens' signing key: kept under `.data/` so tokens survive a restart. */
export function signingKey(inMemory: boolean): Uint8Array {
  if (inMemory) return randomBytes(32);
  const file = join(DATA_DIR, 'local-signing.key');
  privateTree(DATA_DIR);
  if (!existsSync(file)) writePrivate(file, randomBytes(32).toString('base64'));
  return Buffer.from(readFileSync(file, 'utf8'), 'base64');
}

/** Where a running `npm start` tells `npm run job` its DynamoDB endpoint. */
export function writeState(state: { endpoint: string; url: string; pid: number }): void {
  privateTree(DATA_DIR);
  writePrivate(STATE_FILE, JSON.stringify(state));
}

/** Writes a file only this user can read: 0600 when created, and chmod-ed if it existed. */
function writePrivate(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
}

export function readState(): { endpoint: string; url: string; pid: number } | undefined {
  try {
    const state = JSON.parse(readFileSync(STATE_FILE, 'utf8'));
    process.kill(state.pid, 0);
    return state;
  } catch {
    return undefined;
  }
}
