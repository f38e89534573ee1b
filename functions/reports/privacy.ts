import { fieldsOf } from './form-schema.ts';
import type { JsonSchema, VisitReport } from './model.ts';

/** The paths of a form's private-life fields (p29: `x-private: true`). */
export function privatePaths(schema: JsonSchema): string[] {
  return fieldsOf(schema).filter((f) => f.private).map((f) => f.path);
}

function has(answers: Record<string, unknown>, path: string[]): boolean {
  let at: unknown = answers;
  for (const step of path) {
    if (typeof at !== 'object' || at === null || !(step in at)) return false;
    at = (at as Record<string, unknown>)[step];
  }
  return true;
}

function without(answers: Record<string, unknown>, path: string[]): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined || !(head in answers)) return answers;
  const { [head]: value, ...others } = answers;
  if (!rest.length) return others;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...others, [head]: without(value as Record<string, unknown>, rest) } : answers;
}

/**
 * A report's answers with its private-life fields removed (p29), except those in `keep`; lists
 * the removed paths that held a value, so the reader knows what is withheld.
 *
 * @example
 * redact(report, form, new Set()); // { answers: { …without 'detainee' }, redacted: ['detainee'] }
 */
export function redact(answers: Record<string, unknown>, schema: JsonSchema, keep: ReadonlySet<string>): { answers: Record<string, unknown>; redacted: string[] } {
  const redacted: string[] = [];
  let out = answers;
  for (const path of privatePaths(schema)) {
    if (keep.has(path)) continue;
    const steps = path.split('.');
    if (!has(out, steps)) continue;
    out = without(out, steps);
    redacted.push(path);
  }
  return { answers: out, redacted };
}

/** The private fields of a report that hold a value and whose subject consented (p29): they may appear in minutes and reports. */
export function consented(report: VisitReport): Set<string> {
  return new Set(report.consents.map((c) => c.field));
}
