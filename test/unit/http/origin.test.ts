import { afterEach, describe, expect, it, vi } from 'vitest';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { handle } from '../../../functions/http/handle.ts';
import { ORIGIN_HEADER, ORIGIN_SECRET_ENV } from '../../../functions/http/origin.ts';

/** A request that went around CloudFront (the execute-api endpoint) lacks CloudFront's header. */
const context = { functionName: 'test', awsRequestId: 'r', getRemainingTimeInMillis: () => 1000 } as unknown as Context;
const event = (headers: Record<string, string>) =>
  ({ version: '2.0', rawPath: '/v1/health', headers, requestContext: { http: { method: 'GET' }, requestId: 'req' } }) as unknown as APIGatewayProxyEventV2;
const health = handle('health', async () => ({ json: { ok: true } }));
const status = async (headers: Record<string, string>) => ((await health(event(headers), context)) as { statusCode: number; body: string });

afterEach(() => vi.unstubAllEnvs());

describe('Function: checkOrigin (through handle)', () => {
  it('answers a request that carries CloudFront’s header', async () => {
    vi.stubEnv(ORIGIN_SECRET_ENV, 's3cret-value');
    expect((await status({ [ORIGIN_HEADER]: 's3cret-value' })).statusCode).toBe(200);
  });

  it.each([
    ['without the header', {}],
    ['with another value', { [ORIGIN_HEADER]: 's3cret-valuf' }],
    ['with a longer value', { [ORIGIN_HEADER]: 's3cret-value-and-more' }],
  ])('refuses a request %s with a 403 in three languages', async (_name, headers) => {
    vi.stubEnv(ORIGIN_SECRET_ENV, 's3cret-value');
    const answer = await status(headers);
    expect(answer.statusCode).toBe(403);
    const { error } = JSON.parse(answer.body);
    expect(error.code).toBe('not-through-cloudfront');
    expect(Object.keys(error.message).sort()).toEqual(['en', 'kk', 'ru']);
  });

  it('checks nothing where no secret is set (npm start, the tests, an API behind its own domain)', async () => {
    expect((await status({})).statusCode).toBe(200);
  });
});
