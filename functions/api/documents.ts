import { today } from '../clock.ts';
import { dispatch } from '../http/dispatch.ts';
import { disposition } from '../http/disposition.ts';
import { handle } from '../http/handle.ts';
import { minutesFileName } from '../meetings/labels.ts';
import { readMinutes } from '../meetings/minutes.ts';
import { renderMinutesPdf } from '../meetings/render-pdf.ts';
import { annualReport } from '../reports/annual.ts';
import { renderAnnualPdf } from '../reports/annual-pdf.ts';
import { meetingDeps, reportDeps } from './wiring.ts';
import * as self from './documents.ts';

/**
 * The documents printed as PDF (the minutes, p28; the annual report, p14.13), in functions of
 * their own: pdfmake and the fonts that carry the Kazakh letters ship only here, so no other
 * function's cold start pays for them (docs/performance.md).
 */

export const getMinutesPdf = handle('minutes.pdf', async ({ query, params, caller }) => {
  const lang = query.lang ?? 'kk';
  const doc = await readMinutes(meetingDeps(), caller, params.councilId!, params.meetingId!, today());
  return { file: { contentType: 'application/pdf', body: await renderMinutesPdf(doc, lang) }, headers: { 'content-disposition': disposition('attachment', minutesFileName(doc.meeting, lang, 'pdf')) } };
});

export const getAnnualReportPdf = handle('annualReports.pdf', async ({ query, params, caller }) => {
  const lang = query.lang ?? 'kk';
  const report = await annualReport(reportDeps(), caller, params.councilId!, params.year!, today());
  return { file: { contentType: 'application/pdf', body: await renderAnnualPdf(report, lang) }, headers: { 'content-disposition': `attachment; filename="annual-report-${report.year}-${lang}.pdf"` } };
});

export const router = dispatch(self);
