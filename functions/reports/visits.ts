import { auditEntry } from '../audit.ts';
import { ForbiddenError, InvalidInputError, LegalRefusalError, NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { authorize, type Caller } from '../membership/access.ts';
import { accessEntry, REASON_REQUIRED } from '../privacy/access-log.ts';
import { personName } from '../reads/names.ts';
import { analyse } from './analysis.ts';
import { problemsOf } from './answers.ts';
import type { ReportDeps } from './deps.ts';
import { compiledForm } from './form-schema.ts';
import { formOn } from './forms.ts';
import type { ReportingForm, VisitReport } from './model.ts';
import { consented, privatePaths, redact } from './privacy.ts';

export type FileReport = { institutionId: string; visitDate: string; visitPlanId?: string; participantIds?: string[]; answers: Record<string, unknown> };
/** A report as read: `redacted` lists the private fields withheld from this reader (p29). */
export type ReportView = VisitReport & { redacted: string[] };

/**
 * p14.10: a visit report, checked against the form version approved on the visit date (p14.9)
 * with a standard JSON Schema validator; every mismatch refused at once, naming the field.
 */
export async function fileReport(deps: ReportDeps, caller: Caller, councilId: string, input: FileReport, today: string): Promise<ReportView> {
  const { people } = await authorize(deps, caller, councilId, today);
  const institution = await deps.reports.getInstitution(councilId, input.institutionId);
  if (!institution) throw new NotFoundError('institution-not-found', { kk: 'Мекеме тізілімде жоқ', ru: 'Учреждения нет в реестре', en: 'No such institution in the register' });
  const participantIds = input.participantIds ?? [];
  const unknown = participantIds.filter((id) => !people.participants.some((p) => p.id === id));
  if (unknown.length) {
    throw new InvalidInputError(unknown.map((id) => ({ field: `body.participantIds.${participantIds.indexOf(id)}`, code: 'participant-not-found', message: { kk: 'мұндай қатысушы жоқ', ru: 'такого участника нет', en: 'no such participant' } })));
  }
  const form = formOn(await deps.reports.listForms(councilId), input.visitDate);
  const validate = compiledForm(form.id, form.schema);
  if (!validate(input.answers)) throw new InvalidInputError(problemsOf(form.schema, validate.errors ?? []));
  const report: VisitReport = {
    councilId,
    id: newId(),
    institutionId: input.institutionId,
    visitDate: input.visitDate,
    ...(input.visitPlanId ? { visitPlanId: input.visitPlanId } : {}),
    participantIds,
    answers: input.answers,
    formId: form.id,
    formVersion: form.version,
    filedBy: caller.identity!.sub,
    filedOn: today,
    consents: [],
  };
  await deps.reports.putReport(report, auditEntry(councilId, report.filedBy, 'visit-report-filed', { kind: 'visit-report', id: report.id }, { on: input.visitDate, point: 'p14.10', details: { formVersion: form.version } }));
  return { ...report, redacted: [] };
}

async function formsById(deps: ReportDeps, councilId: string): Promise<Map<string, ReportingForm>> {
  return new Map((await deps.reports.listForms(councilId)).map((f) => [f.id, f]));
}

/** A report with its private fields removed but for `keep` (p29). */
export function viewOf(report: VisitReport, form: ReportingForm | undefined, keep: ReadonlySet<string>): ReportView {
  const { answers, redacted } = form ? redact(report.answers, form.schema, keep) : { answers: {}, redacted: Object.keys(report.answers) };
  return { ...report, answers, redacted };
}

/** The reports, newest visit first, each redacted (p29: no list shows private data). */
export async function listReports(deps: ReportDeps, caller: Caller, councilId: string, today: string): Promise<{ items: ReportView[] }> {
  await authorize(deps, caller, councilId, today);
  const [reports, forms] = await Promise.all([deps.reports.listReports(councilId), formsById(deps, councilId)]);
  return { items: reports.sort((a, b) => (a.visitDate < b.visitDate ? 1 : -1)).map((r) => viewOf(r, forms.get(r.formId), new Set())) };
}

/**
 * One report. Its private-life fields (p29) are shown only to the Chairperson and staff, and
 * only when they give a reason: the read is written to the access log first. Anyone else, or
 * without a reason, reads it redacted.
 */
export async function readReport(deps: ReportDeps, caller: Caller, councilId: string, reportId: string, reason: string | undefined, today: string): Promise<ReportView> {
  const { roles } = await authorize(deps, caller, councilId, today);
  const report = await deps.reports.getReport(councilId, reportId);
  if (!report) throw reportNotFound();
  const form = (await formsById(deps, councilId)).get(report.formId);
  const mayReadPrivate = roles.has('chairperson') || roles.has('staff');
  if (reason === undefined || !mayReadPrivate) return viewOf(report, form, new Set());
  const all = new Set(form ? privatePaths(form.schema) : []);
  await deps.accessLog.record(accessEntry(councilId, caller.identity!.sub, { kind: 'visit-report', id: report.id }, reason));
  return viewOf(report, form, all);
}

/** p29: the subject's consent to disclose one private field of a report, with where the signed consent is kept. */
export async function recordConsent(deps: ReportDeps, caller: Caller, councilId: string, reportId: string, input: { field: string; givenOn: string; evidence: string }, today: string) {
  await authorize(deps, caller, councilId, today);
  const report = await deps.reports.getReport(councilId, reportId);
  if (!report) throw reportNotFound();
  const form = (await formsById(deps, councilId)).get(report.formId);
  if (!form || !privatePaths(form.schema).includes(input.field)) {
    throw new InvalidInputError([{ field: 'body.field', code: 'not-a-private-field', message: { kk: 'бұл есеп нысанында мұндай жеке өмір туралы өріс жоқ', ru: 'в форме этого отчёта нет такого поля о частной жизни', en: "is not a private-life field of this report's form" } }]);
  }
  if (input.givenOn < report.visitDate) {
    throw new LegalRefusalError('consent-before-visit', { kk: 'Келісім барудан бұрын берілмейді', ru: 'Согласие не может предшествовать посещению', en: 'The consent cannot precede the visit' }, [
      { point: 'p29', code: 'consent-before-visit', message: { kk: 'Келісім бару кезінде немесе одан кейін алынады (29-тармақ)', ru: 'Согласие получают при посещении или после него (п. 29)', en: 'Consent is obtained at or after the visit (p29)' } },
    ]);
  }
  const consent = { field: input.field, givenOn: input.givenOn, evidence: input.evidence, recordedBy: caller.identity!.sub };
  await deps.reports.addConsent(councilId, reportId, consent, auditEntry(councilId, consent.recordedBy, 'consent-recorded', { kind: 'visit-report', id: reportId }, { on: input.givenOn, point: 'p29', details: { field: input.field } }));
  return { reportId, ...consent };
}

/** The p29 access log, for the Chairperson and the administrator. */
export async function readAccessLog(deps: ReportDeps, caller: Caller, councilId: string, page: { limit: number; cursor?: string }, today: string) {
  const { roles, people } = await authorize(deps, caller, councilId, today);
  if (!roles.has('chairperson') && !roles.has('admin')) throw new ForbiddenError();
  const found = await deps.accessLog.list(councilId, page);
  // Who read, by the name the council records (the Chairperson, a member, the staff).
  return { ...found, items: found.items.map((e) => ({ ...e, ...(personName(people, e.by) ? { byName: personName(people, e.by) } : {}) })) };
}

/** A read of private data needs a reason (p29): an empty one is none. */
export function reasonOf(given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  if (!given.trim()) throw new InvalidInputError([{ field: 'query.reason', code: 'reason-required', message: REASON_REQUIRED }]);
  return given.trim();
}

export const reportNotFound = () => new NotFoundError('visit-report-not-found', { kk: 'Бару туралы есеп табылмады', ru: 'Отчёт о посещении не найден', en: 'Visit report not found' });

export { consented };

/** p14.10: the reports of a period analysed by institution type, region and finding (no private data). */
export async function analyseReports(deps: ReportDeps, caller: Caller, councilId: string, period: { from: string; to: string }, today: string) {
  await authorize(deps, caller, councilId, today);
  const [reports, forms, institutions] = await Promise.all([deps.reports.listReports(councilId), deps.reports.listForms(councilId), deps.reports.listInstitutions(councilId)]);
  return analyse(reports, forms, institutions, period.from, period.to);
}
