import { fork } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { lawDeps } from '../../functions/api/wiring-law.ts';
import { defaultRulesDir, seedLaw } from '../../functions/rules/index.ts';
import { documentClient } from '../../functions/store/client.ts';
import { NODE_OPTIONS } from '../../infra/constructs/kenes-function.ts';
import { repoRoot } from '../../infra/constructs/paths.ts';
import { createTable, startDynamo } from '../../infra/local/dynamo.ts';
import { LOCAL_TABLE, useDynamo } from '../../infra/local/environment.ts';
import { bundle } from './bundles.ts';
import { firstRequest } from './cold-start.ts';
import { localApi, meetingWithMotions } from './http.ts';

/**
 * `npx tsx test/bench/probes.ts`: where the time of the budgets not met goes (docs/performance.md
 * "Why the rest is not met"): a vote's DynamoDB calls timed one by one beside a bare PutItem, and
 * a cold start split into import and first request, with and without source maps, beside the
 * minimal handler. Figures on stderr; nothing asserted.
 */
const log = (line: string) => process.stderr.write(`${line}\n`);
process.stdout.write = (() => true) as never; // the handlers' log lines
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

const dynamo = await startDynamo();
useDynamo(dynamo.endpoint);
process.env.KENES_TABLE = LOCAL_TABLE;
await createTable(dynamo.endpoint, LOCAL_TABLE);
await seedLaw(lawDeps(), 'probes');

// A vote: each DynamoDB call timed on the one document client.
const api = await localApi();
const { M, motionIds, voters } = await meetingWithMotions(api.call, `probe-${Date.now().toString(36)}`, 3, 30);
const byCommand = new Map<string, number[]>();
documentClient().middlewareStack.add((next, context) => async (args) => {
  const started = performance.now();
  try {
    return await next(args);
  } finally {
    const name = (context as { commandName?: string }).commandName ?? '?';
    byCommand.set(name, [...(byCommand.get(name) ?? []), performance.now() - started]);
  }
}, { step: 'initialize', name: 'probeTiming' });
const votes: number[] = [];
for (const motion of motionIds)
  for (const [voterId, as] of voters) {
    const started = performance.now();
    const reply = await api.call('PUT', `${M}/motions/${motion}/votes/${voterId}`, { as, body: { choice: 'for' } });
    if (reply.status !== 200) throw new Error(reply.text);
    votes.push(performance.now() - started);
  }
api.close();
const bare = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
const puts: number[] = [];
for (let i = 0; i < 100; i++) {
  const started = performance.now();
  await bare.send(new PutItemCommand({ TableName: LOCAL_TABLE, Item: { pk: { S: 'PROBE' }, sk: { S: `PUT#${i}` } } }));
  puts.push(performance.now() - started);
}
log(`vote: ${median(votes).toFixed(1)} ms median over ${votes.length}`);
for (const [name, times] of byCommand) log(`  ${name}: ${times.length} calls, ${median(times).toFixed(1)} ms median`);
log(`bare PutItem: ${median(puts).toFixed(1)} ms median`);

// Cold starts: import and first request, with and without source maps, beside the minimal handler.
const env = { ...process.env, KENES_RULES_DIR: defaultRulesDir(), POWERTOOLS_LOG_LEVEL: 'SILENT' };
type Run = { importMs: number; firstMs: number };
const once = (file: string, name: string, event: unknown, nodeOptions: string) =>
  new Promise<Run>((resolve, reject) => {
    const child = fork(join(repoRoot, 'test/bench/cold-child.mjs'), [file, name, JSON.stringify(event)], { env: { ...env, NODE_OPTIONS: nodeOptions }, execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    child.once('message', (m) => resolve(m as Run));
    child.once('exit', (code) => code && reject(new Error(`${file} exited ${code}`)));
  });
const minimal = join(repoRoot, 'test/bench/minimal-handler.mjs');
for (const module of ['api/health.ts', 'api/meetings.ts']) {
  const built = await bundle(module, join(repoRoot, 'node_modules', '.cache', 'kenes-bench'));
  for (const [label, options] of [['source maps', NODE_OPTIONS], ['no source maps', '']] as const) {
    const ours: Run[] = [];
    const reference: Run[] = [];
    for (let i = 0; i < 5; i++) {
      reference.push(await once(minimal, 'handler', {}, options));
      ours.push(await once(built.file, 'router', firstRequest(module), options));
    }
    const show = (runs: Run[]) => `import ${median(runs.map((r) => r.importMs)).toFixed(0)} ms, first request ${median(runs.map((r) => r.firstMs)).toFixed(0)} ms`;
    log(`${module} (${label}): ${show(ours)}; minimal handler: ${show(reference)}`);
  }
}
await dynamo.stop();
process.exit(0);
