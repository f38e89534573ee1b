import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { routes, type Route } from '../../functions/api/routes.ts';
import { ROUTER } from '../../functions/http/dispatch.ts';
import { httpApiEvent, lambdaContext } from './event.ts';
import { MintRequest, type LocalTokens } from './tokens.ts';
import { localPeople } from './people.ts';
import { InvalidInputError } from '../../functions/errors.ts';
import { parse } from '../../functions/http/validate.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The handler module CDK bundles for a route or job: `functions/<module>`. */
export function entryOf(module: string): string {
  return join(repoRoot, 'functions', module);
}

export type Handler = (event: unknown, context: Context) => Promise<APIGatewayProxyResultV2>;

/** Loads the very export Lambda invokes: `functions/<module>`'s `<handler>`. */
export function loadHandler(target: { module: string; handler: string }): Promise<Handler> {
  // Once per module and export, as a Lambda instance loads its module once: a dynamic import per
  // request costs a round trip to the TypeScript loader's thread under tsx.
  const key = `${target.module}#${target.handler}`;
  let found = handlers.get(key);
  if (!found) {
    found = (async () => {
      const module = (await import(pathToFileURL(entryOf(target.module)).href)) as Record<string, Handler>;
      const handler = module[target.handler];
      if (typeof handler !== 'function') throw new Error(`functions/${target.module} has no export ${target.handler}`);
      return handler;
    })();
    // A module that failed to load is tried again on the next request.
    found.catch(() => handlers.delete(key));
    handlers.set(key, found);
  }
  return found;
}
const handlers = new Map<string, Promise<Handler>>();

const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
  'access-control-allow-headers': 'authorization,content-type,idempotency-key',
  'access-control-expose-headers': 'retry-after,idempotent-replayed',
  'access-control-max-age': '3600',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * The local stand-in for API Gateway + CloudFront: routes `/v1/*` to the route table's handler
 * exports as HTTP API v2 events (401 for a missing or bad token on a non-public route, as the
 * JWT authorizer does), mints dev tokens at `POST /v1/local/tokens`, and serves `web/` at `/`.
 * It holds no business logic.
 */
export function createLocalServer(tokens: LocalTokens, options: { onInvoke?: (route: Route, handler: Handler) => void; throttle?: Throttle } = {}): Server {
  const webRoot = join(repoRoot, 'web');
  const buckets = options.throttle ? tokenBuckets(options.throttle) : undefined;

  return createServer(async function serve(req: IncomingMessage, res: ServerResponse) {
    try {
      // Loopback names only: a web page that rebinds its own domain to 127.0.0.1 (DNS rebinding)
      // must not reach the token mint or the API of a developer's machine.
      if (!LOOPBACK_HOST.test(req.headers.host ?? '')) return send(res, 421, { 'content-type': 'text/plain' }, 'Misdirected Request: use http://127.0.0.1 or http://localhost');
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const method = (req.method ?? 'GET').toUpperCase();
      const body = await readBody(req);
      if (method === 'OPTIONS') return send(res, 204, CORS, '');
      if (method === 'POST' && url.pathname === '/v1/local/tokens') return await mint(res, tokens, body);
      if (method === 'GET' && url.pathname === '/v1/local/people') return await people(res);
      if (method === 'GET' && url.pathname === '/config.json') return send(res, 200, { 'content-type': TYPES['.json']!, 'cache-control': 'no-store' }, JSON.stringify(LOCAL_CONFIG));
      if (!url.pathname.startsWith('/v1/')) return await serveWeb(res, webRoot, url.pathname);

      const found = findRoute(method, url.pathname);
      if (!found) return send(res, 404, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Not Found' }));

      if (found.route.access === 'public' && buckets) {
        const wait = buckets.take(found.route.id);
        if (wait) return send(res, 429, { ...CORS, 'content-type': 'application/json; charset=utf-8', 'retry-after': String(wait) }, JSON.stringify({ error: { code: 'too-many-requests', message: TOO_MANY_REQUESTS } }));
      }
      const claims = await claimsOf(req, tokens);
      if (found.route.access !== 'public' && !claims) {
        return send(res, 401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' }, JSON.stringify({ message: 'Unauthorized' }));
      }
      const { pathParameters } = found;
      const event = httpApiEvent({ route: found.route, method, url, headers: req.headers, body, pathParameters, claims });
      // What Lambda runs for the route: its module's router (functions/http/dispatch.ts).
      const handler = await loadHandler({ module: found.route.module, handler: ROUTER });
      options.onInvoke?.(found.route, handler);
      const result = await handler(event, lambdaContext(found.route));
      return reply(res, result);
    } catch (error) {
      // A handler never throws (middy turns errors into responses): this is the server's own fault.
      console.error('local server error', error);
      return send(res, 502, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Internal Server Error' }));
    }
  });
}

/** Requests per second a route takes, and the burst it absorbs at once. */
export type Throttle = { rateLimit: number; burstLimit: number };

/**
 * The local equivalent of API Gateway's throttle on each public route (anyone may call them: a
 * complaint's intake, the key, a receipt's status, the law). The numbers are PUBLIC_ROUTE_THROTTLE
 * of infra/constructs/kenes-api.ts, repeated because importing it would load aws-cdk-lib into
 * the local server; test/infra/complaints-privacy.test.ts keeps the two equal. Enforced only
 * when the server is created with it (`npm start`), so tests are not throttled unless they ask.
 */
export const LOCAL_PUBLIC_THROTTLE: Throttle = { rateLimit: 5, burstLimit: 10 };

const TOO_MANY_REQUESTS = {
  kk: 'Сұраулар тым көп: біраз күтіп, қайталаңыз',
  ru: 'Слишком много запросов: подождите немного и повторите',
  en: 'Too many requests: wait a moment and try again',
};

/** A token bucket per route: `take` answers 0 when a request may pass, else the seconds to wait. */
function tokenBuckets(throttle: Throttle, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(routeId: string): number {
      const t = now();
      const bucket = buckets.get(routeId) ?? { tokens: throttle.burstLimit, at: t };
      bucket.tokens = Math.min(throttle.burstLimit, bucket.tokens + ((t - bucket.at) / 1000) * throttle.rateLimit);
      bucket.at = t;
      buckets.set(routeId, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / throttle.rateLimit));
    },
  };
}

const matchers = (routes as readonly Route[]).map((route) => ({ route, pattern: pathPattern(route.path) }));

/** The route API Gateway would pick for a method and path, with its path parameters. */
export function findRoute(method: string, pathname: string): { route: Route; pathParameters: Record<string, string> } | undefined {
  for (const { route, pattern } of matchers) {
    const match = route.method === method ? pattern.exec(pathname) : null;
    if (match) return { route, pathParameters: Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)])) };
  }
  return undefined;
}

function pathPattern(path: string): RegExp {
  const segments = path.split('/').map((segment) => {
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    return name ? `(?<${name}>[^/]+)` : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${segments.join('/')}$`);
}

async function claimsOf(req: IncomingMessage, tokens: LocalTokens) {
  const header = req.headers.authorization ?? '';
  const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
  return token ? tokens.verify(token) : undefined;
}

async function mint(res: ServerResponse, tokens: LocalTokens, body: Buffer) {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    json = undefined;
  }
  let request: ReturnType<typeof MintRequest.parse>;
  try {
    request = parse(MintRequest, json, 'body');
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const { code, text: message, field, details } = error;
    return send(res, 400, { 'content-type': 'application/json' }, JSON.stringify({ error: { code, message, field, details } }));
  }
  const token = await tokens.mint(request.sub, request.roles);
  return send(res, 201, { 'content-type': 'application/json' }, JSON.stringify({ token, sub: request.sub, roles: request.roles }));
}

/** The web app's runtime configuration locally: the dev sign-in (on AWS the stack deploys Cognito's). */
export const LOCAL_CONFIG = { auth: { mode: 'local' } } as const;

/**
 * The browser libraries the web app loads (web/vendor.json): `/vendor/<name>` is
 * `node_modules/<file>`, a name ending in `/` a folder of them. The one list the local server
 * serves from and the deployment copies.
 */
export function vendorFiles(): { url: string; file: string }[] {
  const { files } = JSON.parse(readFileSync(join(repoRoot, 'web', 'vendor.json'), 'utf8')) as { files: Record<string, string> };
  return Object.entries(files).map(([name, file]) => ({ url: `/vendor/${name}`, file: join(repoRoot, 'node_modules', file) }));
}

/** The node_modules file behind a `/vendor/…` path, only when web/vendor.json lists it (or its folder). */
function vendorFile(pathname: string): string | undefined {
  for (const { url, file } of vendorFiles()) {
    if (pathname === url && !url.endsWith('/')) return file;
    if (url.endsWith('/') && pathname.startsWith(url) && pathname.endsWith('.js')) {
      const inside = resolve(file, `.${normalize(`/${pathname.slice(url.length)}`)}`);
      if (inside.startsWith(file)) return inside;
    }
  }
  return undefined;
}

/**
 * The web app: its files, the vendored libraries, and index.html for every other app path (the
 * pages route on the client: /councils/…, /law/…), so a link to a page can be sent.
 */
async function serveWeb(res: ServerResponse, root: string, pathname: string) {
  if (pathname.startsWith('/vendor/')) {
    const file = vendorFile(decodeURIComponent(pathname));
    if (!file) return send(res, 404, { 'content-type': 'text/plain' }, 'Not Found');
    try {
      return send(res, 200, { 'content-type': TYPES['.js']! }, await readFile(file));
    } catch {
      return send(res, 404, { 'content-type': 'text/plain' }, 'Not Found');
    }
  }
  const last = pathname.split('/').pop() ?? '';
  if (!last.includes('.')) {
    const asFile = resolve(root, `.${normalize(decodeURIComponent(pathname))}`);
    const isFile = asFile.startsWith(root) && (await stat(asFile).then((s) => s.isFile(), () => false));
    if (!isFile) return serveStatic(res, root, '/');
  }
  return serveStatic(res, root, pathname);
}

/** `GET /v1/local/people` (local only): the people of the councils in the table, for the dev sign-in. */
async function people(res: ServerResponse) {
  const listed = await localPeople();
  return send(res, 200, { 'content-type': 'application/json', 'cache-control': 'no-store' }, JSON.stringify(listed));
}

async function serveStatic(res: ServerResponse, root: string, pathname: string) {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = resolve(root, `.${relative}`);
  if (!file.startsWith(root)) return send(res, 404, { 'content-type': 'text/plain' }, 'Not Found');
  if (file === root || pathname.endsWith('/')) file = join(file, 'index.html');
  try {
    const content = await readFile(file);
    return send(res, 200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }, content);
  } catch {
    return send(res, 404, { 'content-type': 'text/plain' }, 'Not Found');
  }
}

function reply(res: ServerResponse, result: APIGatewayProxyResultV2) {
  if (typeof result === 'string') return send(res, 200, { 'content-type': 'application/json' }, result);
  const body = result.body ?? '';
  const headers = { ...CORS, ...(result.headers as Record<string, string> | undefined) };
  return send(res, result.statusCode ?? 200, headers, result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer) {
  res.writeHead(status, headers);
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
