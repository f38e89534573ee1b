import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { openapi } from '../../../functions/api/openapi.ts';
import { BODY_LIMIT } from '../../../functions/http/handle.ts';

const context = { functionName: 'test', awsRequestId: 'r', getRemainingTimeInMillis: () => 1000 } as unknown as Context;
const event = (over: Partial<APIGatewayProxyEventV2> = {}) =>
  ({ version: '2.0', rawPath: '/v1/openapi.json', headers: {}, requestContext: { http: { method: 'GET' } }, ...over }) as APIGatewayProxyEventV2;

describe('Function: handle (the middleware stack)', () => {
  it('answers JSON with CORS headers', async () => {
    const response = (await openapi(event({ headers: { Origin: 'http://example.org' } }), context)) as { statusCode: number; headers: Record<string, string>; body: string };
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.headers['Access-Control-Allow-Origin'] ?? response.headers['access-control-allow-origin']).toBe('*');
    expect(JSON.parse(response.body).openapi).toBe('3.1.0');
  });

  it('refuses a body over the limit with 413 in three languages', async () => {
    const response = (await openapi(event({ body: 'x'.repeat(BODY_LIMIT + 1) }), context)) as { statusCode: number; body: string };
    expect(response.statusCode).toBe(413);
    const { error } = JSON.parse(response.body);
    expect(error.code).toBe('payload-too-large');
    expect(Object.keys(error.message).sort()).toEqual(['en', 'kk', 'ru']);
  });
});
