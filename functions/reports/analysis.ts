import type { Institution } from '../preventive/model.ts';
import { fieldsOf } from './form-schema.ts';
import type { Text } from '../text.ts';
import type { ReportingForm, VisitReport } from './model.ts';

/** How often a key was found; a finding's value comes with its words (the form's `x-choices`). */
export type Count = { key: string; count: number; words?: Text };
/** A finding's counts: the field (its path and labels) and each value found, how often. */
export type FindingCount = { field: string; labels: { kk: string; ru: string; en: string }; values: Count[] };
export type Analysis = { from: string; to: string; reports: number; byType: Count[]; byRegion: Count[]; byFinding: FindingCount[] };

const counted = (m: Map<string, number>): Count[] => [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

function valueAt(answers: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((at, step) => (typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[step] : undefined), answers);
}

/**
 * Processing and analysis of visit reports (p14.10) over a period (visit dates from..to,
 * inclusive): how many by institution type, by region, and each finding's values (the fields
 * marked `x-finding`, an enum or a list of enums). Private fields are never counted (p29): a
 * finding cannot be private.
 */
export function analyse(reports: VisitReport[], forms: ReportingForm[], institutions: Institution[], from: string, to: string): Analysis {
  const inPeriod = reports.filter((r) => r.visitDate >= from && r.visitDate <= to);
  const byType = new Map<string, number>();
  const byRegion = new Map<string, number>();
  const findings = new Map<string, { labels: FindingCount['labels']; values: Map<string, number>; words: Map<string, Text> }>();
  const formById = new Map(forms.map((f) => [f.id, f]));
  const institutionById = new Map(institutions.map((i) => [i.id, i]));
  for (const report of inPeriod) {
    const institution = institutionById.get(report.institutionId);
    bump(byType, institution?.type ?? 'unknown');
    bump(byRegion, institution?.region ?? 'unknown');
    const form = formById.get(report.formId);
    for (const field of form ? fieldsOf(form.schema).filter((f) => f.finding && !f.private) : []) {
      const entry = findings.get(field.path) ?? { labels: field.labels, values: new Map(), words: new Map() };
      for (const [value, words] of Object.entries(field.choices ?? {})) entry.words.set(value, words);
      findings.set(field.path, entry);
      const value = valueAt(report.answers, field.path);
      for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) bump(entry.values, String(v));
    }
  }
  return { from, to, reports: inPeriod.length, byType: counted(byType), byRegion: counted(byRegion), byFinding: [...findings].map(([field, e]) => ({ field, labels: e.labels, values: counted(e.values).map((c) => (e.words.has(c.key) ? { ...c, words: e.words.get(c.key)! } : c)) })) };
}
