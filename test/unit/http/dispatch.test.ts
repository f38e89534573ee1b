import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { dispatch } from '../../../functions/http/dispatch.ts';

const event = (routeKey: string) => ({ routeKey }) as APIGatewayProxyEventV2;
const context = {} as Context;

describe('Function: dispatch', () => {
  it("hands the routeKey's route to the export the route table names", async () => {
    const calls: string[] = [];
    const router = dispatch({
      health: async () => (calls.push('health'), { statusCode: 200 }),
      openapi: async () => (calls.push('openapi'), { statusCode: 200 }),
    });
    await router(event('GET /v1/openapi.json'), context);
    await router(event('GET /v1/health'), context);
    expect(calls).toEqual(['openapi', 'health']);
  });

  it('answers 404 for a route this module does not serve', async () => {
    const router = dispatch({ health: async () => ({ statusCode: 200 }) });
    expect(await router(event('GET /v1/openapi.json'), context)).toMatchObject({ statusCode: 404 });
    expect(await router(event('GET /nowhere'), context)).toMatchObject({ statusCode: 404 });
  });
});
