import { InvalidInputError } from '../errors.ts';
import { authorize, type Caller } from '../membership/access.ts';
import type { Institution } from '../preventive/model.ts';
import { institutionTypeName, regionName } from '../preventive/regions.ts';
import { accessEntry } from '../privacy/access-log.ts';
import type { Text } from '../text.ts';
import { analyse, type Analysis } from './analysis.ts';
import type { ReportDeps } from './deps.ts';
import { fieldsOf } from './form-schema.ts';
import type { ReportingForm, VisitReport } from './model.ts';
import { consented, redact } from './privacy.ts';
import { viewOf as recommendationView, type RecommendationView } from './recommendations.ts';

/** One answer of a report as the annual report prints it: the field's labels and the value. */
export type AnnualAnswer = { field: string; labels: Text; value: unknown; private: boolean; choices?: Record<string, Text> };
export type AnnualVisit = {
  id: string;
  visitDate: string;
  formVersion: number;
  institution: { id: string; name: Text; type: string; typeName: Text; region: string; regionName: Text } | undefined;
  answers: AnnualAnswer[];
  /** Private fields withheld: no recorded consent (p29). */
  redacted: string[];
};
export type AnnualReport = {
  councilId: string;
  council: Text;
  year: number;
  from: string;
  to: string;
  visits: AnnualVisit[];
  analysis: Analysis;
  recommendations: RecommendationView[];
  /** How many recommendations and proposals stand in each status at the year's end (or today, if sooner). */
  followUp: { status: string; count: number }[];
};

/** The year of an annual report: the act was in force from 2013 (p14.13). */
export function checkYear(year: string): number {
  const n = Number(year);
  if (!/^\d{4}$/.test(year) || n < 2013 || n > 2100) {
    throw new InvalidInputError([{ field: 'path.year', code: 'invalid-year', message: { kk: 'жыл 2013 мен 2100 аралығында болуы керек', ru: 'год должен быть от 2013 до 2100', en: 'must be a year from 2013 to 2100' } }]);
  }
  return n;
}

const named = (i: Institution | undefined): AnnualVisit['institution'] =>
  i && { id: i.id, name: i.name, type: i.type, typeName: institutionTypeName(i.type), region: i.region, regionName: regionName(i.region) };

function valueAt(answers: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((at, step) => (typeof at === 'object' && at !== null && !Array.isArray(at) ? (at as Record<string, unknown>)[step] : undefined), answers);
}

/** A report's printed answers: the form's fields in order, each with a value (leaf fields only). */
export function annualVisit(report: VisitReport, form: ReportingForm | undefined, institution: Institution | undefined): AnnualVisit {
  const { answers, redacted } = form ? redact(report.answers, form.schema, consented(report)) : { answers: {}, redacted: [] };
  const fields = form ? fieldsOf(form.schema).filter((f) => f.schema.type !== 'object') : [];
  const printed = fields.flatMap((f) => {
    const value = valueAt(answers, f.path);
    return value === undefined ? [] : [{ field: f.path, labels: f.labels, value, private: f.private, ...(f.choices ? { choices: f.choices } : {}) }];
  });
  return { id: report.id, visitDate: report.visitDate, formVersion: report.formVersion, institution: named(institution), answers: printed, redacted };
}

/**
 * p14.13: the annual consolidated report, built from the year's visit reports (by visit date),
 * their analysis, and the recommendations and proposals made that year with their follow-up.
 * Private fields appear only with their subject's recorded consent (p29), and then each such
 * read is written to the access log first (why: 'annual-report').
 */
export async function annualReport(deps: ReportDeps, caller: Caller, councilId: string, year: string, today: string): Promise<AnnualReport> {
  // Who asks is checked first: an outsider learns nothing, not even that the year is wrong.
  const { people } = await authorize(deps, caller, councilId, today);
  const y = checkYear(year);
  const from = `${y}-01-01`;
  const to = `${y}-12-31`;
  const [reports, forms, institutions, recommendations] = await Promise.all([
    deps.reports.listReports(councilId),
    deps.reports.listForms(councilId),
    deps.reports.listInstitutions(councilId),
    deps.reports.listRecommendations(councilId),
  ]);
  const ofYear = reports.filter((r) => r.visitDate >= from && r.visitDate <= to).sort((a, b) => (a.visitDate < b.visitDate ? -1 : a.visitDate > b.visitDate ? 1 : 0));
  const formById = new Map(forms.map((f) => [f.id, f]));
  const institutionById = new Map(institutions.map((i) => [i.id, i]));
  const visits = ofYear.map((r) => annualVisit(r, formById.get(r.formId), institutionById.get(r.institutionId)));
  const disclosed = visits.filter((v) => v.answers.some((a) => a.private));
  for (const v of disclosed) await deps.accessLog.record(accessEntry(councilId, caller.identity!.sub, { kind: 'visit-report', id: v.id }, 'annual-report'));
  const asOf = today < to ? today : to;
  const made = recommendations.filter((r) => r.madeOn >= from && r.madeOn <= to).map((r) => recommendationView(r, asOf)).sort((a, b) => (a.madeOn < b.madeOn ? -1 : 1));
  const counts = new Map<string, number>();
  for (const r of made) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return {
    councilId,
    council: people.council.name as Text,
    year: y,
    from,
    to,
    visits,
    analysis: analyse(ofYear, forms, institutions, from, to),
    recommendations: made,
    followUp: [...counts].map(([status, count]) => ({ status, count })),
  };
}
