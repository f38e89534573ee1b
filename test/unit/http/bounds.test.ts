import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { routes, type Route } from '../../../functions/api/routes.ts';

/**
 * Every count and text a request carries is bounded by its route's own schema (item 8 of the
 * trust issue): a string has a maximum length, a pattern or a fixed set of values; a list a
 * maximum number of items; a number a maximum. Refused with a 400 naming the field, before any
 * work. The law's amendment documents are the exception, bounded as a whole by the 256 KiB body
 * limit and checked point by point by the law itself (functions/rules/check.ts).
 */
const WHOLE_DOCUMENTS = new Set(['rules.publish', 'rules.dryRun', 'rules.evaluate']);

type Schema = Record<string, any>;

function unbounded(schema: Schema, path: string, defs: Record<string, Schema>): string[] {
  if (schema.$ref) return unbounded(defs[schema.$ref.split('/').pop()] ?? {}, path, defs);
  const parts = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  if (parts.length) return parts.flatMap((p: Schema) => unbounded(p, path, defs));
  if (schema.enum || 'const' in schema) return [];
  switch (schema.type) {
    case 'string':
      return schema.maxLength !== undefined || schema.format === 'date' || /\{\d+,\d+\}\$$|\{\d+\}\$/.test(schema.pattern ?? '') ? [] : [`${path}: text without a maximum`];
    case 'number':
    case 'integer':
      return schema.maximum !== undefined ? [] : [`${path}: number without a maximum`];
    case 'array':
      return [...(schema.maxItems !== undefined ? [] : [`${path}: list without a maximum`]), ...unbounded(schema.items ?? {}, `${path}[]`, defs)];
    case 'object': {
      const fields = Object.entries(schema.properties ?? {}).flatMap(([name, s]) => unbounded(s as Schema, `${path}.${name}`, defs));
      const open = schema.additionalProperties && schema.additionalProperties !== false ? [`${path}: open record`] : [];
      return [...fields, ...open];
    }
    default:
      return [];
  }
}

describe('Bounds: every request schema', () => {
  const checked = (routes as readonly Route[]).filter((r) => !WHOLE_DOCUMENTS.has(r.id));
  it.each(checked.filter((r) => r.body || r.query).map((r) => [r.id, r] as const))('%s bounds every text, list and number', (_id, route) => {
    const problems = (['body', 'query'] as const).flatMap((part) => {
      const schema = route[part];
      if (!schema) return [];
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Schema;
      return unbounded(json, part, json.$defs ?? {});
    });
    expect(problems).toEqual([]);
  });
});
