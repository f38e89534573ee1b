import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { relative, sep } from 'node:path';
import { today } from '../../functions/clock.ts';
import { LOOPBACK } from './dynamo.ts';
import { DATA_DIR, localEnvironment, seedLocalLaw, signingKey, writeState } from './environment.ts';
import { createLocalServer, LOCAL_PUBLIC_THROTTLE } from './server.ts';
import { localTokens } from './tokens.ts';

/**
 * `npm start`: DynamoDB Local + the table + the local API server + the forms, one command.
 * `--in-memory` (or KENES_IN_MEMORY=1) keeps no data; PORT picks the port (default 3000);
 * KENES_TODAY sets the clock (default below: a date when the Regulation was in force).
 * On the first run (a fresh `.data/`) it walks the demo scenarios through the running API, so
 * a newcomer finds councils at work; `--no-demo` skips that.
 *
 * Local mode listens on 127.0.0.1 only, never on another interface: the server and DynamoDB
 * Local alike. Anyone who reaches the port can mint an admin token (POST /v1/local/tokens).
 */
const inMemory = process.argv.includes('--in-memory') || process.env.KENES_IN_MEMORY === '1';
const noDemo = process.argv.includes('--no-demo');
const port = Number(process.env.PORT ?? 3000);
// The act was repealed in 2023: a first run shows the Council at work while it was in force.
process.env.KENES_TODAY ??= '2020-06-15';
// Request logs are JSON lines for CloudWatch; locally only warnings (POWERTOOLS_LOG_LEVEL=INFO shows them).
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

if (!(await portIsFree(port))) {
  console.error(`Port ${port} is already in use. Stop what runs there or start on another port: PORT=3001 npm start`);
  process.exit(1);
}

const started = Date.now();
const dynamo = await localEnvironment({ inMemory }).catch((error: Error) => {
  console.error(`Could not start DynamoDB Local: ${error.message}`);
  process.exit(1);
});
// The law lives in the table: seed the real history from rules/ (idempotent, never overwrites).
const law = await seedLocalLaw().catch(async (error: Error) => {
  console.error(`Could not seed the law into the table: ${error.message}`);
  await dynamo.stop();
  process.exit(1);
});
// The public routes throttled as on AWS (PUBLIC_ROUTE_THROTTLE): a 429 with Retry-After beyond it.
const server = createLocalServer(localTokens(signingKey(inMemory)), { throttle: LOCAL_PUBLIC_THROTTLE });

async function stop(code = 0) {
  server.close();
  await dynamo.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is already in use: PORT=3001 npm start` : `Server error: ${error.message}`);
  void stop(1);
});

server.listen(port, LOOPBACK, () => {
  const url = `http://${LOOPBACK}:${port}`;
  writeState({ endpoint: dynamo.endpoint, url, pid: process.pid });
  console.log(
    [
      `kenes is running at ${url} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      `  forms:   ${url}/`,
      `  health:  ${url}/v1/health`,
      `  openapi: ${url}/v1/openapi.json`,
      `  token:   curl -s -X POST ${url}/v1/local/tokens -H 'content-type: application/json' -d '{"sub":"office-admin","roles":["admin"]}'  (council roles come from the council's records: the Chairperson's sub, members' subs, commission voters)`,
      `  today:   ${today()} (set KENES_TODAY=YYYY-MM-DD to change the clock)`,
      `  law:     ${law.added.length ? `seeded ${law.added.join(', ')}` : `${law.kept.length} versions of rules/ already in the table`}${law.differing.length ? ` (kept as stored, rules/ now differs: ${law.differing.join(', ')})` : ''}; amend it: npm run rules -- publish FILE`,
      `  data:    ${inMemory ? 'in memory' : `${shown(DATA_DIR)}/, readable by you only (npm start -- --in-memory keeps nothing)`}`,
      `  listens: ${LOOPBACK} only (DynamoDB Local at ${dynamo.endpoint})`,
      'Ctrl-C stops everything.',
    ].join('\n'),
  );
  if (law.added.length && !inMemory && !noDemo) runDemo(url);
});

/** The first run fills the fresh database through HTTP: the very scenarios `npm run e2e` walks. */
function runDemo(url: string) {
  console.log('demo: a fresh database: walking two councils through 2020–2022 (npm start -- --no-demo skips this)');
  const demo = spawn(process.execPath, ['--import', 'tsx', 'test/e2e/run.ts'], { env: { ...process.env, BASE_URL: url }, stdio: ['ignore', 'pipe', 'inherit'] });
  demo.stdout.on('data', (chunk: Buffer) => process.stdout.write(chunk.toString().replace(/^(?=.)/gm, 'demo: ')));
}

function shown(dir: string): string {
  return dir.startsWith(process.cwd() + sep) ? relative(process.cwd(), dir) : dir;
}

function portIsFree(candidate: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(candidate, LOOPBACK, () => probe.close(() => resolve(true)));
  });
}
