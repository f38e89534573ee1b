import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeById } from '../../functions/api/routes.ts';
import { complaintRoutes } from '../../functions/api/routes/complaints.ts';
import { tableGrants } from '../../functions/store/grants.ts';
import { PARTITIONS } from '../../functions/store/keys.ts';
import { accessOf, KenesApi, PUBLIC_ROUTE_THROTTLE } from '../../infra/constructs/kenes-api.ts';
import { KenesAuth } from '../../infra/constructs/kenes-auth.ts';
import { KenesTable } from '../../infra/constructs/kenes-table.ts';
import { createLocalServer, LOCAL_PUBLIC_THROTTLE } from '../../infra/local/server.ts';
import { localTokens } from '../../infra/local/tokens.ts';

/**
 * A complaint's receipt travels in a path (`GET /v1/complaints/{receipt}`): no log may keep it.
 * API Gateway's access log names the route key (`GET /v1/complaints/{receipt}`), never the path;
 * the public routes are throttled on AWS and, locally, by the same numbers.
 */
let template: Template;
beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Complaints');
  const table = new KenesTable(stack, 'Table');
  const auth = new KenesAuth(stack, 'Auth', { webUrl: 'https://council.example.kz/' });
  new KenesApi(stack, 'Api', { table, userPool: auth.userPool, client: auth.client, corsOrigins: ['*'], routes: complaintRoutes });
  template = Template.fromStack(stack);
}, 120_000);

describe('complaints: what the logs and the throttle see', () => {
  const stage = () => Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!;

  it('the access log names the route key, never the path that carries the receipt', () => {
    const format = JSON.parse(stage().Properties.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format.routeKey).toBe('$context.routeKey');
    expect(Object.values(format).filter((v) => /\$context\.(path|resourcePath)|requestOverride|\$input|querystring/i.test(v))).toEqual([]);
  });

  it('throttles each public complaints route on its own', () => {
    const settings = stage().Properties.RouteSettings as Record<string, unknown>;
    for (const id of ['complaints.send', 'complaints.status', 'complaintKeys.current'] as const) {
      const route = routeById(id);
      expect(settings[`${route.method} ${route.path}`], id).toEqual({ ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit, ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit });
    }
  });

  it('the public reads run in a function that reads only councils and receipts, and writes nothing', () => {
    expect(accessOf(routeById('complaints.status'))).toBe('public');
    const grant = tableGrants['api/complaints.ts'].public!;
    expect(grant.flatMap((g) => g.actions).every((a) => a === 'GetItem' || a === 'Query')).toBe(true);
    expect([...new Set(grant.flatMap((g) => g.partitions))].sort()).toEqual([`${PARTITIONS.complaintReceipts}#*`, 'COUNCIL#*']);
  });
});

describe('the local server throttles public routes like API Gateway, when asked', () => {
  const servers: ReturnType<typeof createLocalServer>[] = [];
  afterAll(async () => {
    for (const server of servers) await new Promise((done) => server.close(done));
  });
  async function serve(throttle?: { rateLimit: number; burstLimit: number }) {
    const server = createLocalServer(localTokens(), { throttle });
    servers.push(server);
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('uses the numbers of the AWS throttle', () => {
    expect(LOCAL_PUBLIC_THROTTLE).toEqual({ rateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit, burstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit });
  });

  it('answers a burst past the limit with 429, the one error shape and Retry-After', async () => {
    // One token per 100 s: however slow the machine, none comes back during the five requests.
    const base = await serve({ rateLimit: 0.01, burstLimit: 3 });
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${base}/v1/openapi.json`);
      statuses.push(response.status);
      if (response.status === 429) refused ??= response;
      else await response.arrayBuffer();
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = await refused!.json();
    expect(body.error.code).toBe('too-many-requests');
    expect(Object.keys(body.error.message).sort()).toEqual(['en', 'kk', 'ru']);
  });

  it('throttles nothing when created without a limit (the tests)', async () => {
    const base = await serve();
    for (let i = 0; i < 15; i++) expect((await fetch(`${base}/v1/openapi.json`).then(async (r) => (await r.arrayBuffer(), r.status)))).toBe(200);
  });
});
