import { today } from '../clock.ts';
import { dispatch } from '../http/dispatch.ts';
import { disposition } from '../http/disposition.ts';
import { handle } from '../http/handle.ts';
import { logger } from '../http/logger.ts';
import type { Caller } from '../membership/access.ts';
import { minutesFileName } from '../meetings/labels.ts';
import { addCorrection as correct, readMinutes, signMinutes as sign } from '../meetings/minutes.ts';
import { minutesPdf, storeMinutesPdfs } from '../meetings/minutes-file.ts';
import { renderMinutesPdf } from '../meetings/render-pdf.ts';
import { annualReport } from '../reports/annual.ts';
import { renderAnnualPdf } from '../reports/annual-pdf.ts';
import { documentFiles } from '../store/files.ts';
import { meetingDeps, reportDeps } from './wiring.ts';
import * as self from './documents.ts';

/**
 * The documents printed as PDF (the minutes, p28; the annual report, p14.13), in functions of
 * their own: pdfmake and the fonts that carry the Kazakh letters ship only here, so no other
 * function's cold start pays for them (docs/performance.md). The minutes are signed here too:
 * the signature that seals them, and each correction after, files their PDF in kk and ru
 * (functions/meetings/minutes-file.ts), so a download of signed minutes serves stored bytes.
 */

export const getMinutesPdf = handle('minutes.pdf', async ({ query, params, caller }) => {
  const lang = query.lang ?? 'kk';
  const doc = await readMinutes(meetingDeps(), caller, params.councilId!, params.meetingId!, today());
  return { file: { contentType: 'application/pdf', body: await minutesPdf(documentFiles(), renderMinutesPdf, doc, lang) }, headers: { 'content-disposition': disposition('attachment', minutesFileName(doc.meeting, lang, 'pdf')) } };
});

export const signMinutes = handle('minutes.sign', async ({ body, params, caller }) => {
  const signed = await sign(meetingDeps(), caller, params.councilId!, params.meetingId!, { contentHash: body.contentHash, now: new Date() });
  if (signed.sealed) await fileMinutes(caller, params.councilId!, params.meetingId!);
  return { json: signed };
});

export const addCorrection = handle('minutes.correct', async ({ body, params, caller }) => {
  const correction = await correct(meetingDeps(), caller, params.councilId!, params.meetingId!, { ...body, on: body.on ?? today() });
  await fileMinutes(caller, params.councilId!, params.meetingId!);
  return { json: correction };
});

/**
 * The signed minutes as PDF, stored. The signature or correction is already recorded: a
 * rendering that fails here is logged and made at the first download instead, never a refusal.
 */
async function fileMinutes(caller: Caller, councilId: string, meetingId: string): Promise<void> {
  try {
    const doc = await readMinutes(meetingDeps(), caller, councilId, meetingId, today());
    await storeMinutesPdfs(documentFiles(), renderMinutesPdf, doc);
  } catch (error) {
    logger.error('minutes-pdf-not-filed', { error });
  }
}

export const getAnnualReportPdf = handle('annualReports.pdf', async ({ query, params, caller }) => {
  const lang = query.lang ?? 'kk';
  const report = await annualReport(reportDeps(), caller, params.councilId!, params.year!, today());
  return { file: { contentType: 'application/pdf', body: await renderAnnualPdf(report, lang) }, headers: { 'content-disposition': `attachment; filename="annual-report-${report.year}-${lang}.pdf"` } };
});

export const router = dispatch(self);
