import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { routes, type Route } from '../../functions/api/routes.ts';
import { ROUTER } from '../../functions/http/dispatch.ts';
import { NODE_OPTIONS } from '../../infra/constructs/kenes-function.ts';
import { httpApiEvent } from '../../infra/local/event.ts';
import type { Bundle } from './bundles.ts';

const CHILD = fileURLToPath(new URL('./cold-child.mjs', import.meta.url));
const MINIMAL = fileURLToPath(new URL('./minimal-handler.mjs', import.meta.url));

export type ColdStart = { ms: number; importMs: number; status: number };

/**
 * The first request a cold function of this module serves: its first GET route (else its
 * first route), ids filled in, signed in as an administrator. A 404 or 403 still runs the
 * whole init: wiring, the law, the first table read.
 */
export function firstRequest(module: string): unknown {
  const own = routes.filter((r) => r.module === module) as Route[];
  const route = own.find((r) => r.method === 'GET') ?? own[0]!;
  const pathParameters = Object.fromEntries([...route.path.matchAll(/\{(\w+)\+?\}/g)].map((m) => [m[1]!, 'bench']));
  const path = route.path.replace(/\{(\w+)\+?\}/g, 'bench');
  return httpApiEvent({
    route,
    method: route.method,
    url: new URL(`http://127.0.0.1${path}`),
    headers: { 'content-type': 'application/json' },
    body: Buffer.alloc(0),
    pathParameters,
    claims: { sub: 'bench-admin', 'cognito:groups': ['admin'] },
  });
}

/** One cold start in a fresh `node` under the Lambda NODE_OPTIONS (or none: `sourceMaps: false`). */
function once(file: string, name: string, event: unknown, env: NodeJS.ProcessEnv, nodeOptions: string): Promise<ColdStart> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [file, name, JSON.stringify(event)], {
      env: { ...env, NODE_OPTIONS: nodeOptions },
      execArgv: [],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.once('message', (m: { totalMs: number; importMs: number; status: number }) => resolve({ ms: m.totalMs, importMs: m.importMs, status: m.status }));
    child.once('exit', (code) => code && reject(new Error(`cold start of ${file} exited ${code}: ${stderr.slice(-2000)}`)));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

export type ColdStartFigures = { minimalMs: number; functions: Record<string, { kb: number; mapKb: number; ms: number; ratio: number; status: number }> };

/**
 * Cold starts of every bundle beside the minimal handler, interleaved (minimal, function,
 * minimal, …) so that both meet the same machine; the median of `rounds` each.
 */
export async function measureColdStarts(bundles: Bundle[], env: NodeJS.ProcessEnv, rounds: number, log: (line: string) => void, nodeOptions = NODE_OPTIONS): Promise<ColdStartFigures> {
  const minimal: number[] = [];
  const functions: ColdStartFigures['functions'] = {};
  for (const bundle of bundles) {
    const event = firstRequest(bundle.module);
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < rounds; i++) {
      minimal.push((await once(MINIMAL, 'handler', {}, env, nodeOptions)).ms);
      const run = await once(bundle.file, ROUTER, event, env, nodeOptions);
      times.push(run.ms);
      status = run.status;
    }
    functions[name(bundle.module)] = { kb: Math.round(bundle.bytes / 1024), mapKb: Math.round(bundle.mapBytes / 1024), ms: median(times), ratio: 0, status };
    log(`cold start ${bundle.module}: ${median(times).toFixed(0)} ms (status ${status})`);
  }
  const minimalMs = median(minimal);
  for (const figures of Object.values(functions)) figures.ratio = figures.ms / minimalMs;
  return { minimalMs, functions };
}

/** `api/meetings.ts` → `meetings`: the key in the benchmark's JSON. */
export function name(module: string): string {
  return module.replace(/^api\//, '').replace(/\.ts$/, '');
}
