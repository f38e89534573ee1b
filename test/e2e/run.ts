import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { membershipScenario, type Api } from '../scenarios/membership.ts';
import { meetingScenario } from '../scenarios/meeting.ts';
import { against } from './http.ts';

/**
 * `npm run e2e`: walks the membership scenario through HTTP against a running `npm start`
 * (BASE_URL, default http://localhost:3000), jobs included (`npm run job`). Each run uses a new
 * council, so it can run again on the same `.data/`.
 */
const base = process.env.BASE_URL ?? 'http://localhost:3000';
const run = promisify(execFile);

const api: Api = {
  call: against(base).call,
  async runJob(id, today) {
    const { stdout } = await run('npx', ['tsx', 'infra/local/job.ts', id, '--today', today], { env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'WARN' } });
    return JSON.parse(stdout.trim().split('\n').at(-1)!);
  },
};

const suffix = Date.now().toString(36);
const councilId = `demo-${suffix}`;
let failed = 0;
for (const step of [...membershipScenario(api, councilId), ...meetingScenario(api, `meet-${suffix}`)]) {
  try {
    await step.run();
    console.log(`✓ ${step.name}`);
  } catch (error) {
    failed++;
    console.log(`✗ ${step.name}\n  ${(error as Error).message}`);
    break;
  }
}
console.log(`\ncouncils ${councilId} and meet-${suffix}: e.g. ${base}/v1/councils/${councilId}/members?at=2022-03-05 (with a token)`);
process.exit(failed ? 1 : 0);
