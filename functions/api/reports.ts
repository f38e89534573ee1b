import { today } from '../clock.ts';
import { handle, type Request } from '../http/handle.ts';
import { dispatch } from '../http/dispatch.ts';
import { annualReport } from '../reports/annual.ts';
import { renderAnnualHtml } from '../reports/annual-render.ts';
import * as forms from '../reports/forms.ts';
import * as recommendations from '../reports/recommendations.ts';
import * as visits from '../reports/visits.ts';
import { reportDeps } from './wiring.ts';
import * as self from './reports.ts';

/** Handlers of the reporting form, visit reports, recommendations and the annual report: each validates (the route's schemas), calls the domain, answers. */


export const approveForm = handle('reportingForms.approve', async ({ body, params, caller }) => ({ json: await forms.approveForm(reportDeps(), caller, params.councilId!, body, today()) }));
export const listForms = handle('reportingForms.list', async ({ params, caller }) => ({ json: await forms.listForms(reportDeps(), caller, params.councilId!, today()) }));
export const getForm = handle('reportingForms.get', async ({ params, caller }) => ({ json: await forms.getForm(reportDeps(), caller, params.councilId!, params.formId!, today()) }));

export const fileReport = handle('visitReports.file', async ({ body, params, caller }) => ({ json: await visits.fileReport(reportDeps(), caller, params.councilId!, body, today()) }));
export const listReports = handle('visitReports.list', async ({ params, caller }) => ({ json: await visits.listReports(reportDeps(), caller, params.councilId!, today()) }));
export const getReport = handle('visitReports.get', async ({ query, params, caller }) => ({
  json: await visits.readReport(reportDeps(), caller, params.councilId!, params.reportId!, visits.reasonOf(query.reason), today()),
}));
export const recordConsent = handle('visitReports.consent', async ({ body, params, caller }) => ({ json: await visits.recordConsent(reportDeps(), caller, params.councilId!, params.reportId!, body, today()) }));
export const listAccessLog = handle('accessLog.list', async ({ query, params, caller }) => ({
  json: await visits.readAccessLog(reportDeps(), caller, params.councilId!, { limit: query.limit ?? 50, cursor: query.cursor }, today()),
}));

export const analyseReports = handle('visitReports.analysis', async ({ query, params, caller }) => ({ json: await visits.analyseReports(reportDeps(), caller, params.councilId!, query, today()) }));

export const makeRecommendation = handle('recommendations.make', async ({ body, params, caller }) => ({ json: await recommendations.makeRecommendation(reportDeps(), caller, params.councilId!, body, today()) }));
export const listRecommendations = handle('recommendations.list', async ({ query, params, caller }) => ({ json: await recommendations.listRecommendations(reportDeps(), caller, params.councilId!, query.status, today()) }));
export const sendRecommendation = handle('recommendations.send', async ({ body, params, caller }) => ({ json: await recommendations.sendRecommendation(reportDeps(), caller, params.councilId!, params.recommendationId!, body, today()) }));
export const recordResponse = handle('recommendations.respond', async ({ body, params, caller }) => ({ json: await recommendations.recordResponse(reportDeps(), caller, params.councilId!, params.recommendationId!, body, today()) }));

/** The annual report as JSON or HTML, in kk (the default, p30) or ru; its PDF: functions/api/documents.ts. */
async function annualReply(request: Request<unknown, { lang?: 'kk' | 'ru' }>, format: 'json' | 'html') {
  const report = await annualReport(reportDeps(), request.caller, request.params.councilId!, request.params.year!, today());
  const lang = request.query.lang ?? 'kk';
  const name = `annual-report-${report.year}-${lang}`;
  if (format === 'html') return { file: { contentType: 'text/html; charset=utf-8', body: renderAnnualHtml(report, lang) }, headers: { 'content-disposition': `inline; filename="${name}.html"` } };
  return { json: report };
}
export const getAnnualReport = handle('annualReports.get', (request) => annualReply(request, 'json'));
export const getAnnualReportHtml = handle('annualReports.html', (request) => annualReply(request, 'html'));

export const router = dispatch(self);
