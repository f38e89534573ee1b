import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { jobs, type Job } from '../../functions/jobs/jobs.ts';
import { lambdaContext } from './event.ts';
import { localEnvironment, readState, useDynamo } from './environment.ts';
import { loadHandler } from './server.ts';

/**
 * `npm run job -- <id> [--today YYYY-MM-DD]`: runs a scheduled function's very handler export
 * with the EventBridge event AWS would send. It uses the DynamoDB Local of a running
 * `npm start`, or starts its own on the same `.data/` when none runs.
 */
const { positionals, values } = parseArgs({ allowPositionals: true, options: { today: { type: 'string' }, 'in-memory': { type: 'boolean' } } });
const job = (jobs as readonly Job[]).find((j) => j.id === positionals[0]);
if (!job) {
  console.error(`Usage: npm run job -- <${jobs.map((j) => j.id).join('|')}> [--today YYYY-MM-DD]`);
  process.exit(2);
}
if (values.today) process.env.KENES_TODAY = values.today;
process.env.KENES_TODAY ??= '2020-06-15';

const running = values['in-memory'] ? undefined : readState();
const own = running ? undefined : await localEnvironment({ inMemory: Boolean(values['in-memory']) });
if (running) useDynamo(running.endpoint);

try {
  const handler = await loadHandler(job);
  const event = {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: 'local',
    time: new Date().toISOString(),
    region: 'local',
    resources: [`arn:aws:events:local:000000000000:rule/kenes-${job.id}`],
    detail: {},
  };
  // One line of JSON, last: what the job did (scripts read it).
  console.log(JSON.stringify(await handler(event, lambdaContext(job))));
} finally {
  await own?.stop();
}
