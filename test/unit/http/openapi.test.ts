import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../functions/api/openapi-document.ts';
import { routes, type Route } from '../../../functions/api/routes.ts';

describe('Function: openApiDocument', () => {
  const document = openApiDocument();
  const resolve = (schema: { $ref?: string; type?: string }) =>
    schema.$ref ? (document.components.schemas as Record<string, { type?: string }>)[schema.$ref.replace('#/components/schemas/', '')]! : schema;

  it('resolves every $ref inside the document', () => {
    const text = JSON.stringify(document);
    for (const [, name] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      expect(document.components.schemas, name).toHaveProperty(name!);
    }
    expect(text).not.toContain('#/$defs/');
  });

  it('lists every route of the route table with its security', () => {
    for (const route of routes as readonly Route[]) {
      const operation = (document.paths[route.path] as Record<string, any>)[route.method.toLowerCase()];
      expect(operation, route.id).toBeDefined();
      expect(operation.operationId).toBe(route.id);
      expect(operation.security).toEqual(route.access === 'public' ? [] : [{ cognito: [] }]);
      if (route.access !== 'public') expect(operation['x-kenes-roles']).toEqual(route.access);
      if (route.body) expect(resolve(operation.requestBody.content['application/json'].schema).type).toBe('object');
      for (const name of route.path.matchAll(/\{(\w+)\}/g)) {
        expect(operation.parameters.map((p: { name: string }) => p.name)).toContain(name[1]);
      }
    }
  });

  it('has no operation that is not in the route table', () => {
    const operations = Object.values(document.paths).flatMap((p) => Object.values(p as object));
    expect(operations).toHaveLength(routes.length);
  });
});
