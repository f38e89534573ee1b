import * as z from 'zod';
import { ErrorResponse } from './schemas.ts';
import { ID_PATTERN } from '../ids.ts';
import { routes, takesIdempotencyKey, type Route } from './routes.ts';

/**
 * The OpenAPI 3.1 document, generated from the route table and the very zod schemas the
 * handlers validate with: it cannot drift from what the API does.
 *
 * @example
 * openApiDocument().paths['/v1/health'].get.security; // []
 */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  components = { ErrorResponse: {} };
  components.ErrorResponse = jsonSchema(ErrorResponse, 'output');
  for (const route of routes as readonly Route[]) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'kenes',
      version: '1',
      description:
        'The Coordination Council under the Commissioner for Human Rights of Kazakhstan. Every legal outcome cites its point of the Regulation and speaks kk, ru and en.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        cognito: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito access/id token on AWS; locally a dev token from POST /v1/local/tokens. The only global role is `admin` (the `cognito:groups` claim); every other role (x-kenes-roles) is held in the path\'s council on the date, from its own records.',
        },
      },
      schemas: components,
    },
    paths,
  };
}

function operation(route: Route) {
  const isPublic = route.access === 'public';
  const errorRef = { $ref: '#/components/schemas/ErrorResponse' };
  const errors: Record<string, string> = { '400': 'Invalid input: every field and reason, in kk, ru and en' };
  if (!isPublic) Object.assign(errors, { '401': 'No valid token', '403': 'The caller lacks the role' });
  Object.assign(errors, { '404': 'Not found', '409': 'Conflicts with the current state', '413': 'Body too large', '422': 'Refused by the law: every reason cites its point' });
  if (route.table !== 'none') errors['503'] = 'The data store is not answering: retry after the Retry-After seconds (nothing was done twice)';
  const idempotencyKey = takesIdempotencyKey(route)
    ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'A key of the client\'s (a UUID): a retry with the same key gets the first answer and does nothing twice; the same key with another body is a 422', schema: { type: 'string', pattern: ID_PATTERN.source } }]
    : [];
  const status = String(route.status ?? 200);
  const success = route.responseType
    ? { description: 'OK', content: { [route.responseType]: {} } }
    : { description: 'OK', content: { 'application/json': { schema: route.response ? jsonSchema(route.response, 'output') : {} } } };
  return {
    operationId: route.id,
    summary: route.summary,
    security: isPublic ? [] : [{ cognito: [] }],
    ...(isPublic ? {} : { 'x-kenes-roles': route.access }),
    parameters: [...pathParameters(route.path), ...queryParameters(route.query), ...idempotencyKey],
    ...(route.body ? { requestBody: { required: !route.body.safeParse(undefined).success, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
    responses: {
      [status]: success,
      ...Object.fromEntries(Object.entries(errors).map(([code, description]) => [code, { description, content: { 'application/json': { schema: errorRef } } }])),
    },
  };
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string', pattern: ID_PATTERN.source } }));
}

function queryParameters(query: z.ZodType | undefined) {
  if (!query) return [];
  const schema = jsonSchema(query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: s }));
}

/** Named schemas (zod `.meta({ id })`) collected while the document is generated. */
let components: Record<string, unknown> = {};

/** A zod schema as JSON Schema; its named parts move to `components.schemas` and are referenced. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const raw = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema: _, $defs, ...rest } = JSON.parse(JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/')) as Record<string, any>;
  Object.assign(components, $defs ?? {});
  return rest;
}
