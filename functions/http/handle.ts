import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { InvalidInputError, KenesError, PayloadTooLargeError, UnsupportedMediaTypeError, type FieldProblem } from '../errors.ts';
import { routeById, type Route, type RouteId } from '../api/routes.ts';
import { ID_MESSAGE, isId } from '../ids.ts';
import type { Caller } from '../membership/access.ts';
import { authorize, identify, type Identity } from './identity.ts';
import { logger } from './logger.ts';
import { count, METRIC, statusClass } from './metrics.ts';
import { checkOrigin } from './origin.ts';
import { parse } from './validate.ts';
import { IDEMPOTENCY_HEADER, idempotent } from './idempotency.ts';

/** Largest request body accepted, in bytes (forms and rule amendments fit well below). */
export const BODY_LIMIT = 256 * 1024;

export type Request<B = unknown, Q = unknown> = {
  body: B;
  query: Q;
  params: Record<string, string>;
  identity: Identity | undefined;
  /** The caller and what the route allows: council routes check it with `authorize` (functions/membership/access.ts). */
  caller: Caller;
  headers: Record<string, string | undefined>;
};

/**
 * What a handler returns: JSON by default, or a file (HTML, PDF, iCalendar); `headers` adds
 * response headers (a file's `content-disposition`). A replayed answer (Idempotency-Key) has none.
 */
export type Reply = { status?: number; json?: unknown; file?: { contentType: string; body: string | Buffer }; headers?: Record<string, string> };

type Event = APIGatewayProxyEventV2;
type Result = Exclude<APIGatewayProxyResultV2, string>;

/**
 * Wraps a route's logic in the one middleware stack of kenes: request size limit, header
 * normalisation, JSON body parsing, role check from the authorizer's claims, validation of
 * body and query with the route's own schemas, CORS, structured logs, and one error shape.
 *
 * @example
 * export const evaluate = handle('rules.evaluate', async ({ body }) => ({ json: await evaluateAt(body) }));
 */
export function handle(routeId: RouteId, logic: (request: Request<any, any>) => Promise<Reply>) {
  const route = routeById(routeId);
  const chain = middy<Event, Result, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use({ before: correlate })
    .use({ before: limitBodySize })
    .use(httpHeaderNormalizer())
    .use({ before: (request: { event: Event }) => checkOrigin(request.event.headers) })
    .use(httpCors({ origins: [process.env.KENES_WEB_ORIGIN ?? '*'], credentials: false }))
    .use({ onError: (request) => respondWithError(routeId, request) });
  // A body whose every field may be left out (`…/close`) may itself be left out: a request with none is not refused as a 415.
  if (route.body) chain.use(httpJsonBodyParser({ disableContentTypeError: route.body.safeParse(undefined).success }));
  return chain.handler(async function runRoute(event) {
    const identity = identify(event);
    // Global routes are checked here; a council route is checked by its logic against the
    // council's own records on the date (and must be: see below).
    const inCouncil = route.path.includes('{councilId}');
    authorize(identity, route.access, inCouncil);
    const caller: Caller = { identity, access: route.access };
    // Every problem of the request in one 400: the path's ids, the body, the query.
    const [params, body, query] = collect(
      () => pathIds(route, event.pathParameters),
      () => (route.body ? parse(route.body, event.body, 'body') : undefined),
      () => (route.query ? parse(route.query, event.queryStringParameters ?? {}, 'query') : (event.queryStringParameters ?? {})),
    );
    const request: Request = {
      body,
      query,
      params: params as Record<string, string>,
      identity,
      caller,
      headers: event.headers,
    };
    let extraHeaders: Record<string, string> = {};
    const answered = await idempotent(route, { key: event.headers?.[IDEMPOTENCY_HEADER], params: request.params, sub: identity?.sub, body: JSON.stringify(event.body ?? null) }, async () => {
      const reply = await logic(request);
      extraHeaders = reply.headers ?? {};
      if (inCouncil && route.access !== 'public' && !caller.checked) throw new Error(`${route.id} answered without checking its caller against the council`);
      if (reply.file) return { status: reply.status ?? route.status ?? 200, json: undefined, file: reply.file };
      return { status: reply.status ?? route.status ?? 200, json: reply.json ?? null };
    });
    const reply: Reply = answered;
    const status = answered.status;
    logger.info('request', { route: route.id, status });
    countAnswer(routeId, status);
    if (reply.file) {
      const binary = Buffer.isBuffer(reply.file.body);
      return {
        statusCode: status,
        headers: { ...extraHeaders, 'content-type': reply.file.contentType },
        body: binary ? (reply.file.body as Buffer).toString('base64') : (reply.file.body as string),
        isBase64Encoded: binary,
      };
    }
    const headers: Record<string, string> = { ...extraHeaders, 'content-type': 'application/json; charset=utf-8' };
    if ('replayed' in answered && answered.replayed) headers['idempotent-replayed'] = 'true';
    return { statusCode: status, headers, body: JSON.stringify(reply.json ?? null) };
  });
}

/** Runs each check; throws one InvalidInputError with the problems of all that failed. */
function collect(...checks: (() => unknown)[]): unknown[] {
  const problems: FieldProblem[] = [];
  const values = checks.map((check) => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      problems.push(...(error.details ?? []));
      return undefined;
    }
  });
  if (problems.length) throw new InvalidInputError(problems);
  return values;
}

/**
 * Every path parameter is an id (functions/ids.ts): checked here, before any handler builds a
 * key from it. A malformed one is a 400 naming it, never another item and never a 500.
 */
function pathIds(route: Route, given: Record<string, string | undefined> | undefined): Record<string, string> {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const problems = names.filter((name) => !isId(given?.[name])).map((name) => ({ field: `path.${name}`, code: 'invalid-id', message: ID_MESSAGE }));
  if (problems.length) throw new InvalidInputError(problems);
  return Object.fromEntries(names.map((name) => [name, given![name]!]));
}

async function limitBodySize(request: { event: Event }): Promise<void> {
  const body = request.event.body ?? '';
  const bytes = request.event.isBase64Encoded ? Math.floor((body.length * 3) / 4) : Buffer.byteLength(body);
  if (bytes > BODY_LIMIT) throw new PayloadTooLargeError(BODY_LIMIT);
}

/**
 * The API Gateway request id is the correlation id of every log line of the request
 * (`correlation_id`), the same name the access log gives `$context.requestId`
 * (infra/constructs/kenes-api.ts): one id joins the access log to the function's lines.
 */
async function correlate(request: { event: Event }): Promise<void> {
  const id = request.event.requestContext?.requestId;
  if (id) logger.setCorrelationId(id);
}

/** Counts an answered request by route and status class, and what it recorded (a vote, a ballot). */
function countAnswer(routeId: RouteId, status: number): void {
  count(METRIC.request, { route: routeId, statusClass: statusClass(status) });
  if (status >= 300) return;
  if (routeId === 'motions.vote') count(METRIC.vote);
  if (routeId === 'ballots.cast') count(METRIC.ballot);
}

/**
 * Turns any error into the one error shape; an unexpected one is a 500 that leaks nothing.
 *
 * An unexpected error is answered, not rethrown: rethrown, API Gateway would answer its own bare
 * 500 without our trilingual body or CORS headers. So Lambda's `Errors` metric does not see it:
 * the `UnexpectedError` metric counts it instead, and an alarm watches that metric
 * (infra/constructs/kenes-alarms.ts).
 */
async function respondWithError(routeId: RouteId, request: { error: unknown; response?: Result; event: Event }): Promise<Result> {
  const error = asKenesError(request.error);
  const status = error?.statusCode ?? 500;
  const body = error
    ? { code: error.code, message: error.text, field: error.field, details: error.details, reasons: error.reasons, existing: error.existing }
    : { code: 'internal-error', message: { kk: 'Ішкі қате', ru: 'Внутренняя ошибка', en: 'Internal error' } };
  if (error) {
    logger.info('refused', { status, code: error.code });
    count(METRIC.refusal, { code: error.code });
  } else {
    logger.error('unexpected error', { route: routeId, errorName: (request.error as Error)?.name, stack: (request.error as Error)?.stack });
    count(METRIC.unexpectedError);
  }
  countAnswer(routeId, status);
  request.response = {
    ...request.response,
    statusCode: status,
    headers: { ...request.response?.headers, 'content-type': 'application/json; charset=utf-8', ...(error?.retryAfter ? { 'retry-after': String(error.retryAfter) } : {}) },
    body: JSON.stringify({ error: body }),
  };
  return request.response;
}

/** middy's own parser errors (plain http errors) become ours, in three languages. */
function asKenesError(error: unknown): KenesError | undefined {
  if (error instanceof KenesError) return error;
  const http = error as { statusCode?: number; message?: string };
  if (http?.statusCode !== 415) return undefined;
  if (http.message === 'Unsupported Media Type') return new UnsupportedMediaTypeError();
  return new InvalidInputError([
    {
      field: 'body',
      code: 'malformed-json',
      message: { kk: 'жарамды JSON емес', ru: 'не является корректным JSON', en: 'is not valid JSON' },
    },
  ]);
}
