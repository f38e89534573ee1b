import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { routes, type Route } from '../api/routes.ts';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

/** The export every route's function runs: Lambda and the local server invoke `router`. */
export const ROUTER = 'router';

/**
 * One function serves the routes of one handler module (with the same table access): API
 * Gateway names the route in `routeKey`, and the route table names the export that handles it.
 * No decision is made here; it only keeps the stack small (one function per module, not per
 * route, under CloudFormation's 500 resources).
 *
 * @example
 * import * as self from './membership.ts';
 * export const router = dispatch(self);
 */
export function dispatch(exports: Record<string, unknown>): Handler {
  const byKey = new Map((routes as readonly Route[]).map((route) => [`${route.method} ${route.path}`, route]));
  return async function router(event, context) {
    const route = byKey.get(event.routeKey);
    const handler = route ? exports[route.handler] : undefined;
    if (typeof handler !== 'function') {
      return { statusCode: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Not Found' }) };
    }
    return (handler as Handler)(event, context);
  };
}
