import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { lawDeps } from '../../functions/api/wiring-law.ts';
import { dryRunDeps } from '../../functions/jobs/dry-run.ts';
import { buildLaw, defaultRulesDir, evaluate, readRulesDir, seedLaw } from '../../functions/rules/index.ts';
import { continueDryRun, startDryRun } from '../../functions/rules/dry-run-job.ts';
import { keys } from '../../functions/store/keys.ts';
import { TABLE_NAME_ENV } from '../../functions/store/table.ts';
import { createTable, localClient, startDynamo } from '../../infra/local/dynamo.ts';
import { useDynamo } from '../../infra/local/environment.ts';
import { amendmentFile } from '../unit/rules/amendment-files.ts';

/**
 * The amendment dry-run at scale (issue 13): `count` decision records, whole (~4 KB each, as
 * the councils' acts write them), seeded with BatchWrite into a fresh DynamoDB Local table, then
 * Order No. 7 of the example amendments dry-run by the job to completion, in invocations of
 * Lambda's 5 minutes (the job hands over as it would on AWS). Every decision falls in the range
 * it affects and asks the question it changes: the worst case. One in a hundred flips.
 *
 * Uses the DynamoDB Local of KENES_DYNAMO_ENDPOINT when set (npm run bench starts one), else
 * starts its own, once per process (stopDryRunDynamo stops it). `seconds` is the job alone (seeding is reported on stderr); `peakMb` is the
 * peak V8 heap while the job runs, sampled every 20 ms: what the job holds.
 *
 * @example
 * const { seconds, peakMb } = await measureDryRun(10_000);
 */
export async function measureDryRun(count: number): Promise<{ seconds: number; peakMb: number; seedSeconds: number; invocations: number; changed: number }> {
  if (!process.env.KENES_DYNAMO_ENDPOINT) {
    // One for every measure of this process: the handlers' DynamoDB client keeps its first endpoint.
    own ??= await startDynamo();
    useDynamo(own.endpoint);
  }
  const previousTable = process.env[TABLE_NAME_ENV];
  const table = `kenes-dry-run-${count}-${Date.now().toString(36)}`;
  process.env[TABLE_NAME_ENV] = table;
  try {
    await createTable(process.env.KENES_DYNAMO_ENDPOINT!, table);
    await seedLaw(lawDeps(), 'bench');
    let t = performance.now();
    await seedDecisions(table, count);
    const seedSeconds = (performance.now() - t) / 1000;
    process.stderr.write(`dry-run bench: seeded ${count} decisions in ${seedSeconds.toFixed(1)} s\n`);

    const deps = dryRunDeps();
    global.gc?.();
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
    t = performance.now();
    const started = await startDryRun(deps, amendmentFile('order-7-2021.yaml'));
    let invocations = 0;
    let result;
    do {
      const deadline = Date.now() + 300_000 - 5_000;
      result = await continueDryRun(deps, started.id, { timeLeft: () => deadline - Date.now() });
      invocations++;
    } while (result.next === 'continue');
    const seconds = (performance.now() - t) / 1000;
    clearInterval(sampler);
    if (result.run.status !== 'done' || result.run.examined !== count) throw new Error(`dry-run of ${count}: ${result.run.status}, ${result.run.examined} examined`);
    return { seconds, peakMb: peak / 2 ** 20, seedSeconds, invocations, changed: result.run.changed };
  } finally {
    if (previousTable === undefined) delete process.env[TABLE_NAME_ENV];
    else process.env[TABLE_NAME_ENV] = previousTable;
  }
}

let own: Awaited<ReturnType<typeof startDynamo>> | undefined;

/** Stops the DynamoDB Local that measureDryRun started, if it started one. */
export async function stopDryRunDynamo(): Promise<void> {
  await own?.stop();
  own = undefined;
}

/** `count` whole decision items over 2021-03-12..2022-12-31, 25 per BatchWrite, 8 batches at a time. */
export async function seedDecisions(TableName: string, count: number): Promise<void> {
  const law = buildLaw(readRulesDir(defaultRulesDir()));
  const days = 660;
  const answers = new Map<string, Awaited<ReturnType<typeof evaluate>>>();
  const item = async (n: number) => {
    const at = new Date(Date.UTC(2021, 2, 12 + (n % days))).toISOString().slice(0, 10);
    // One in a hundred: 4 for of 7 present, rejected under Order No. 15 (all members), adopted under No. 7 (present).
    const facts = { membersTotal: 11, membersPresent: 7, votesFor: n % 100 === 0 ? 4 : 6, votesAgainst: n % 100 === 0 ? 3 : 1, abstained: 0, presidingVote: 'for' };
    const key = `${at}:${facts.votesFor}`;
    if (!answers.has(key)) answers.set(key, await evaluate(law, { question: 'decision', at, facts }));
    const id = `d${n}`;
    const councilId = `council-${n % 20}`;
    return { ...answers.get(key)!, id, councilId, facts, subject: { kind: 'motion', id: `m${n}` }, ...keys.decision(councilId, id), ...keys.decisionByDate(councilId, id, at), type: 'decision' };
  };
  // Its own client, without the handlers' 2 s request timeout: a loaded DynamoDB Local takes longer to write 100 KB.
  const db = DynamoDBDocumentClient.from(localClient(process.env.KENES_DYNAMO_ENDPOINT!));
  const batches = Math.ceil(count / 25);
  let next = 0;
  const worker = async () => {
    for (let b = next++; b < batches; b = next++) {
      const items = await Promise.all(Array.from({ length: Math.min(25, count - b * 25) }, (_, i) => item(b * 25 + i)));
      let request: Record<string, any> | undefined = { [TableName]: items.map((Item) => ({ PutRequest: { Item } })) };
      while (request && Object.keys(request).length) request = (await db.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

// `npx tsx test/bench/dry-run.ts 10000 100000`: the figures alone, as JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
  const counts = process.argv.slice(2).map(Number);
  const out: Record<string, unknown> = {};
  try {
    for (const count of counts.length ? counts : [10_000]) out[count] = await measureDryRun(count);
  } finally {
    await stopDryRunDynamo();
  }
  console.log(JSON.stringify(out));
}
