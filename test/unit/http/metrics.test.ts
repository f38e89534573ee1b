import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { ConflictError } from '../../../functions/errors.ts';
import { handle } from '../../../functions/http/handle.ts';
import { logger } from '../../../functions/http/logger.ts';
import { METRIC } from '../../../functions/http/metrics.ts';
import { scheduled } from '../../../functions/jobs/scheduled.ts';

/**
 * What an operator sees of a request: EMF lines (CloudWatch turns them into metrics) and log
 * lines carrying API Gateway's request id. Read here from stdout, as CloudWatch reads them.
 */
const context = { functionName: 'test', awsRequestId: 'r', getRemainingTimeInMillis: () => 1000 } as unknown as Context;
type Answer = { statusCode: number; body: string };

let lines: string[];
beforeEach(() => {
  lines = [];
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  logger.setLogLevel('SILENT');
});

/** Every metric emitted, as `{ name, ...dimensions }`. */
function metrics(): Record<string, string>[] {
  return lines
    .map((line) => JSON.parse(line) as Record<string, any>)
    .filter((entry) => entry._aws?.CloudWatchMetrics)
    .flatMap((entry) =>
      (entry._aws.CloudWatchMetrics[0].Metrics as { Name: string }[]).map(({ Name }) => {
        const dims = (entry._aws.CloudWatchMetrics[0].Dimensions[0] as string[]).map((d) => [d, entry[d]]);
        return { name: Name, ...Object.fromEntries(dims) };
      }),
    );
}

const event = (over: Partial<APIGatewayProxyEventV2> = {}) =>
  ({ version: '2.0', rawPath: '/v1/health', headers: {}, requestContext: { http: { method: 'GET' }, requestId: 'req-42' }, ...over }) as APIGatewayProxyEventV2;

describe('Function: handle (metrics and correlation)', () => {
  it('counts an answer by route and status class, and logs the request id as correlation_id', async () => {
    logger.setLogLevel('INFO');
    const ok = handle('health', async () => ({ json: { ok: true } }));
    expect(((await ok(event(), context)) as Answer).statusCode).toBe(200);
    expect(metrics()).toContainEqual({ name: METRIC.request, service: 'kenes', route: 'health', statusClass: '2xx' });
    const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.message === 'request');
    expect(logged).toHaveLength(1);
    expect(logged[0].correlation_id).toBe('req-42');
  });

  it('counts a refusal by its code', async () => {
    const refused = handle('health', async () => ({ json: null }));
    const answer = (await refused(event({ body: 'x'.repeat(300 * 1024) }), context)) as Answer;
    expect(answer.statusCode).toBe(413);
    expect(metrics()).toEqual(
      expect.arrayContaining([
        { name: METRIC.refusal, service: 'kenes', code: 'payload-too-large' },
        { name: METRIC.request, service: 'kenes', route: 'health', statusClass: '4xx' },
      ]),
    );
    expect(metrics().some((m) => m.name === METRIC.unexpectedError)).toBe(false);
  });

  it('answers an unexpected error with a 500 that leaks nothing, and counts it for the alarm', async () => {
    const broken = handle('health', async () => {
      throw new Error('secret detail');
    });
    const answer = (await broken(event(), context)) as Answer;
    expect(answer.statusCode).toBe(500);
    expect(answer.body).not.toMatch(/secret detail/);
    expect(JSON.parse(answer.body).error.code).toBe('internal-error');
    expect(metrics()).toEqual(
      expect.arrayContaining([
        { name: METRIC.unexpectedError, service: 'kenes' },
        { name: METRIC.request, service: 'kenes', route: 'health', statusClass: '5xx' },
      ]),
    );
  });

  it('counts a vote recorded, and not a vote refused', async () => {
    const vote = (answer: () => Promise<void>) =>
      handle('motions.vote', async (request) => {
        await answer();
        request.caller.checked = true;
        return { json: {} };
      });
    // A fresh event per call: the body parser replaces the event's body with the parsed one.
    const voteEvent = () => event({
      body: JSON.stringify({ choice: 'for' }),
      headers: { 'content-type': 'application/json' },
      pathParameters: { councilId: 'npm', meetingId: 'm1', motionId: 'mo1', voterId: 'u1' },
      requestContext: { http: { method: 'PUT' }, requestId: 'req-43', authorizer: { jwt: { claims: { sub: 'u1' } } } } as any,
    });
    expect(((await vote(async () => {})(voteEvent(), context)) as Answer).statusCode).toBe(200);
    expect(metrics().filter((m) => m.name === METRIC.vote)).toEqual([{ name: METRIC.vote, service: 'kenes' }]);
    lines = [];
    const refused = vote(async () => {
      throw new ConflictError('not-quorate', { kk: '-', ru: '-', en: '-' });
    });
    expect(((await refused(voteEvent(), context)) as Answer).statusCode).toBe(409);
    expect(metrics().filter((m) => m.name === METRIC.vote)).toEqual([]);
  });

  it('prints no metric where none is read (npm start, tests: not on Lambda)', async () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', undefined as unknown as string);
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', undefined as unknown as string);
    await handle('health', async () => ({ json: null }))(event(), context);
    expect(metrics()).toEqual([]);
  });
});

describe('Function: scheduled (job outcomes)', () => {
  it('counts a success with the job id', async () => {
    await scheduled('term-expiry', async () => ({ flagged: 0 }))({} as never, context);
    expect(metrics()).toEqual([{ name: METRIC.jobSucceeded, service: 'kenes', job: 'term-expiry' }]);
  });

  it('counts a failure and rethrows it, so Lambda retries and the dead-letter queue keeps the run', async () => {
    const failing = scheduled('quarterly', async () => {
      throw new Error('table gone');
    });
    await expect(failing({} as never, context)).rejects.toThrow('table gone');
    expect(metrics()).toEqual([{ name: METRIC.jobFailed, service: 'kenes', job: 'quarterly' }]);
  });
});
