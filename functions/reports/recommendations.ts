import { auditEntry } from '../audit.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { adoptedDecision } from '../meetings/adopted.ts';
import type { Bilingual } from '../meetings/minutes-doc.ts';
import { authorize, type Caller } from '../membership/access.ts';
import type { ReportDeps } from './deps.ts';
import type { Recommendation, RecommendationStatus, ResponseStatus } from './model.ts';
import { statusOn } from './recommendation-status.ts';

export type RecommendationView = Recommendation & { status: RecommendationStatus; overdue: boolean };
export const viewOf = (r: Recommendation, today: string): RecommendationView => ({ ...r, status: statusOn(r, today), overdue: statusOn(r, today) === 'no-answer' });

/**
 * p14.11, p14.12: a recommendation to a state body, or a proposal to improve legislation, made by
 * an adopted Council decision (p26: the Council's decisions are recommendations), drafted until sent.
 */
export async function makeRecommendation(deps: ReportDeps, caller: Caller, councilId: string, input: { kind: Recommendation['kind']; text: Bilingual; addressee: string; decisionId: string; visitReportIds?: string[] }, today: string): Promise<RecommendationView> {
  await authorize(deps, caller, councilId, today);
  const decision = await adoptedDecision(deps, councilId, input.decisionId);
  const visitReportIds = input.visitReportIds ?? [];
  const found = await Promise.all(visitReportIds.map((id) => deps.reports.getReport(councilId, id)));
  const missing = visitReportIds.flatMap((id, i) => (found[i] ? [] : [i]));
  if (missing.length) throw new InvalidInputError(missing.map((i) => ({ field: `body.visitReportIds.${i}`, code: 'visit-report-not-found', message: { kk: 'мұндай бару туралы есеп жоқ', ru: 'такого отчёта о посещении нет', en: 'no such visit report' } })));
  const r: Recommendation = { councilId, id: newId(), kind: input.kind, text: input.text, addressee: input.addressee, decisionId: decision.id, madeOn: decision.at, visitReportIds };
  await deps.reports.putRecommendation(r, auditEntry(councilId, caller.identity!.sub, 'recommendation-made', { kind: 'recommendation', id: r.id }, { on: r.madeOn, point: r.kind === 'recommendation' ? 'p14.11' : 'p14.12', details: { decisionId: decision.id, addressee: r.addressee } }));
  return viewOf(r, today);
}

async function existing(deps: ReportDeps, councilId: string, id: string): Promise<Recommendation> {
  const r = await deps.reports.getRecommendation(councilId, id);
  if (!r) throw new NotFoundError('recommendation-not-found', { kk: 'Ұсыныс табылмады', ru: 'Рекомендация не найдена', en: 'Recommendation not found' });
  return r;
}

const DATES_ORDER = { kk: 'жауап беру мерзімі жіберілген күннен ерте болмауы керек', ru: 'срок ответа не может быть раньше даты отправки', en: 'must not be before the date sent' };

/** The recommendation sent to its addressee on a date, with the date its response is due. */
export async function sendRecommendation(deps: ReportDeps, caller: Caller, councilId: string, id: string, input: { sentOn: string; responseDueOn: string }, today: string): Promise<RecommendationView> {
  await authorize(deps, caller, councilId, today);
  const r = await existing(deps, councilId, id);
  if (r.sending) throw new ConflictError('recommendation-sent', { kk: 'Ұсыныс жіберіліп қойған', ru: 'Рекомендация уже отправлена', en: 'The recommendation was already sent' });
  const problems = [
    ...(input.sentOn < r.madeOn ? [{ field: 'body.sentOn', code: 'before-decision', message: { kk: 'шешім қабылданғанға дейін жіберуге болмайды', ru: 'нельзя отправить до принятия решения', en: 'must not be before the decision' } }] : []),
    ...(input.responseDueOn < input.sentOn ? [{ field: 'body.responseDueOn', code: 'dates-out-of-order', message: DATES_ORDER }] : []),
  ];
  if (problems.length) throw new InvalidInputError(problems);
  const sent: Recommendation = { ...r, sending: { sentOn: input.sentOn, responseDueOn: input.responseDueOn } };
  await deps.reports.putRecommendation(sent, auditEntry(councilId, caller.identity!.sub, 'recommendation-sent', { kind: 'recommendation', id }, { on: input.sentOn, point: 'p14.11', details: { responseDueOn: input.responseDueOn } }), r);
  return viewOf(sent, today);
}

/** The authority's response: accepted, partly, or rejected, with its summary. */
export async function recordResponse(deps: ReportDeps, caller: Caller, councilId: string, id: string, input: { receivedOn: string; status: ResponseStatus; summary: Bilingual }, today: string): Promise<RecommendationView> {
  await authorize(deps, caller, councilId, today);
  const r = await existing(deps, councilId, id);
  if (!r.sending) throw new ConflictError('recommendation-not-sent', { kk: 'Ұсыныс әлі жіберілмеген', ru: 'Рекомендация ещё не отправлена', en: 'The recommendation has not been sent' });
  if (r.response) throw new ConflictError('recommendation-answered', { kk: 'Жауап тіркеліп қойған', ru: 'Ответ уже записан', en: 'The response is already recorded' });
  if (input.receivedOn < r.sending.sentOn) throw new InvalidInputError([{ field: 'body.receivedOn', code: 'before-sent', message: { kk: 'жауап жіберілген күннен бұрын келмейді', ru: 'ответ не может прийти раньше отправки', en: 'must not be before the date sent' } }]);
  const answered: Recommendation = { ...r, response: input };
  await deps.reports.putRecommendation(answered, auditEntry(councilId, caller.identity!.sub, 'recommendation-answered', { kind: 'recommendation', id }, { on: input.receivedOn, point: 'p14.11', details: { status: input.status } }), r);
  return viewOf(answered, today);
}

export async function listRecommendations(deps: ReportDeps, caller: Caller, councilId: string, status: RecommendationStatus | undefined, today: string): Promise<{ items: RecommendationView[] }> {
  await authorize(deps, caller, councilId, today);
  const items = (await deps.reports.listRecommendations(councilId)).map((r) => viewOf(r, today)).filter((r) => !status || r.status === status);
  return { items: items.sort((a, b) => (a.madeOn < b.madeOn ? 1 : -1)) };
}
