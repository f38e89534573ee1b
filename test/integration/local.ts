import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { createTable } from '../../infra/local/dynamo.ts';
import { LOCAL_TABLE, useDynamo } from '../../infra/local/environment.ts';
import { createLocalServer, findRoute } from '../../infra/local/server.ts';
import { ErrorResponse } from '../../functions/api/schemas.ts';
import { localTokens } from '../../infra/local/tokens.ts';
import type { Role } from '../../functions/http/roles.ts';

/**
 * A local server for one test file: the run's DynamoDB Local, a fresh table, and helpers to
 * call the API as a given role. Requests go through the same path as `npm start`.
 */
export async function startLocal(options: { endpoint?: string } = {}) {
  const endpoint = options.endpoint ?? inject('dynamoEndpoint');
  const table = `${LOCAL_TABLE}-${randomUUID().slice(0, 8)}`;
  useDynamo(endpoint);
  process.env.KENES_TABLE = table;
  await createTable(endpoint, table);
  const tokens = localTokens();
  const server = createLocalServer(tokens);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function call(method: string, path: string, options: { body?: unknown; as?: { sub: string; roles?: Role[] }; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    if (options.as) headers.authorization = `Bearer ${await tokens.mint(options.as.sub, options.as.roles ?? [])}`;
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    // Every answer must match what the OpenAPI document promises for it.
    const route = findRoute(method, new URL(path, base).pathname)?.route;
    const isJson = response.headers.get('content-type')?.includes('application/json');
    const promised = !isJson ? undefined : response.ok ? route?.response : response.status < 500 && route && json?.error ? ErrorResponse : undefined;
    if (promised) {
      const checked = promised.safeParse(json);
      if (!checked.success) throw new Error(`${method} ${path} answered ${response.status} unlike its schema: ${checked.error.message}`);
    }
    return { status: response.status, headers: response.headers, json, text };
  }

  return { base, table, endpoint, call, tokens, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Runs a scheduled job's handler as EventBridge would, with the clock at `today` for the run. */
export async function runJob(id: string, today: string, after?: string) {
  const { jobs } = await import('../../functions/jobs/jobs.ts');
  const { loadHandler } = await import('../../infra/local/server.ts');
  const { lambdaContext } = await import('../../infra/local/event.ts');
  const { setToday } = await import('../../functions/clock.ts');
  const job = jobs.find((j) => j.id === id)!;
  setToday(today);
  try {
    return (await (await loadHandler(job))({}, lambdaContext(job))) as never;
  } finally {
    setToday(after);
  }
}
