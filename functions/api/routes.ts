import type { z } from 'zod';
import type { Role } from '../http/roles.ts';
import { HealthResponse } from './schemas.ts';

/**
 * Every HTTP route of kenes, as data: the one source for the CDK stack (one function per
 * route, the authorizer on every non-public route, the table grant), the local server (which
 * handler export to invoke) and the OpenAPI document (security, request and response schemas).
 * The handler validates with the very schemas listed here, so the document cannot drift.
 */
export type Route = {
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path, with `{name}` parameters. */
  path: string;
  /** Handler module, relative to `functions/`. */
  module: string;
  /** Named export of that module that Lambda invokes. */
  handler: string;
  /** `public`, or the roles allowed to call it (any one suffices). */
  access: 'public' | readonly Role[];
  /** What the function may do to the table: least privilege per route. */
  table: 'none' | 'read' | 'write';
  summary: string;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Response schema of the success status; `responseType` when not JSON. */
  response?: z.ZodType;
  status?: number;
  responseType?: string;
};

export const routes = [
  {
    id: 'health',
    method: 'GET',
    path: '/v1/health',
    module: 'api/health.ts',
    handler: 'health',
    access: 'public',
    table: 'read',
    summary: 'Health: 200 once the function can reach its table',
    response: HealthResponse,
  },
  {
    id: 'openapi',
    method: 'GET',
    path: '/v1/openapi.json',
    module: 'api/openapi.ts',
    handler: 'openapi',
    access: 'public',
    table: 'none',
    summary: 'This API as an OpenAPI 3.1 document',
  },
] as const satisfies readonly Route[];

export type RouteId = (typeof routes)[number]['id'];

export function routeById(id: RouteId): Route {
  const route = routes.find((r) => r.id === id);
  if (!route) throw new Error(`unknown route ${id}`);
  return route;
}
