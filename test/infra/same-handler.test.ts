import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { App } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes, type Route } from '../../functions/api/routes.ts';
import { jobs } from '../../functions/jobs/jobs.ts';
import { ROUTER } from '../../functions/http/dispatch.ts';
import { accessOf } from '../../infra/constructs/kenes-api.ts';
import { KenesFunction } from '../../infra/constructs/kenes-function.ts';
import { LAW_SEED } from '../../infra/constructs/kenes-law-seed.ts';
import { DRY_RUN_JOB } from '../../infra/constructs/kenes-dry-run.ts';
import { KenesStack } from '../../infra/kenes-stack.ts';
import { createLocalServer, entryOf, type Handler } from '../../infra/local/server.ts';
import { localTokens } from '../../infra/local/tokens.ts';

/** The local server runs exactly what CDK bundles: same module file, same export. */
describe('the local server and the stack', () => {
  let bundled: KenesFunction[];
  beforeAll(() => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new KenesStack(app, 'Same');
    bundled = stack.node.findAll().filter((c): c is KenesFunction => c instanceof KenesFunction);
  });

  it('bundles, for every route, its module with the router; for every job and the law seed, its export', () => {
    const routeTargets = (routes as readonly Route[]).map((r) => ({ module: r.module, handler: ROUTER }));
    const targets = [...routeTargets, ...jobs, LAW_SEED, DRY_RUN_JOB];
    const distinct = new Set([...(routes as readonly Route[]).map((r) => `${r.module}#${accessOf(r)}`), ...[...jobs, LAW_SEED, DRY_RUN_JOB].map((t) => `${t.module}#${t.handler}`)]);
    expect(bundled).toHaveLength(distinct.size);
    for (const target of targets) {
      expect(bundled.some((fn) => fn.entry === entryOf(target.module) && fn.handler === target.handler), `${target.module}#${target.handler}`).toBe(true);
    }
  });

  it("dispatches every route to the export the route table names", async () => {
    for (const route of routes as readonly Route[]) {
      const module = (await import(pathToFileURL(entryOf(route.module)).href)) as Record<string, unknown>;
      expect(typeof module[route.handler], `${route.module}#${route.handler}`).toBe('function');
      expect(typeof module[ROUTER], `${route.module}#${ROUTER}`).toBe('function');
    }
  });

  it('hands a request through the local server to that very export', async () => {
    const invoked: { route: Route; handler: Handler }[] = [];
    const server = createLocalServer(localTokens(), { onInvoke: (route, handler) => invoked.push({ route, handler }) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/openapi.json`);
      expect(response.status).toBe(200);
      const [call] = invoked;
      expect(call?.route.id).toBe('openapi');
      const fn = bundled.find((f) => f.entry === entryOf(call!.route.module) && f.handler === ROUTER)!;
      const module = (await import(pathToFileURL(fn.entry).href)) as Record<string, unknown>;
      expect(call!.handler).toBe(module[fn.handler]);
    } finally {
      server.close();
    }
  });
});
