import { auditEntry } from '../audit.ts';
import { LegalRefusalError, NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { adoptedDecision } from '../meetings/adopted.ts';
import { authorize, type Caller } from '../membership/access.ts';
import type { ReportDeps } from './deps.ts';
import { checkFormSchema } from './form-schema.ts';
import type { ReportingForm } from './model.ts';

/**
 * p14.9: the Council approves the reporting form for visit reports. A new version rests on an
 * adopted decision and governs visits from the decision's date; versions are numbered 1, 2, ….
 */
export async function approveForm(deps: ReportDeps, caller: Caller, councilId: string, input: { schema: unknown; decisionId: string }, today: string): Promise<ReportingForm> {
  await authorize(deps, caller, councilId, today);
  const schema = checkFormSchema(input.schema);
  const decision = await adoptedDecision(deps, councilId, input.decisionId);
  const forms = await deps.reports.listForms(councilId);
  const version = Math.max(0, ...forms.map((f) => f.version)) + 1;
  const form: ReportingForm = { councilId, id: newId(), version, approvedOn: decision.at, decisionId: decision.id, schema };
  await deps.reports.putForm(form, auditEntry(councilId, caller.identity!.sub, 'reporting-form-approved', { kind: 'reporting-form', id: form.id }, { on: form.approvedOn, point: 'p14.9', details: { version, decisionId: decision.id } }));
  return form;
}

export async function listForms(deps: ReportDeps, caller: Caller, councilId: string, today: string): Promise<{ items: ReportingForm[] }> {
  await authorize(deps, caller, councilId, today);
  return { items: (await deps.reports.listForms(councilId)).sort((a, b) => a.version - b.version) };
}

export async function getForm(deps: ReportDeps, caller: Caller, councilId: string, formId: string, today: string): Promise<ReportingForm> {
  await authorize(deps, caller, councilId, today);
  const form = (await deps.reports.listForms(councilId)).find((f) => f.id === formId);
  if (!form) throw formNotFound();
  return form;
}

export const formNotFound = () => new NotFoundError('reporting-form-not-found', { kk: 'Есеп нысаны табылмады', ru: 'Форма отчёта не найдена', en: 'Reporting form not found' });

/**
 * The form version approved on a visit date: the latest approved on or before it (a later
 * approval on the same date wins by its number). None: the visit cannot be reported yet (p14.9).
 */
export function formOn(forms: ReportingForm[], visitDate: string): ReportingForm {
  const found = forms.filter((f) => f.approvedOn <= visitDate).sort((a, b) => (a.approvedOn === b.approvedOn ? a.version - b.version : a.approvedOn < b.approvedOn ? -1 : 1)).at(-1);
  if (!found) {
    throw new LegalRefusalError('no-reporting-form', { kk: 'Бару күніне бекітілген есеп нысаны жоқ', ru: 'На дату посещения нет утверждённой формы отчёта', en: 'No reporting form was approved by the visit date' }, [
      {
        point: 'p14.9',
        code: 'no-reporting-form',
        message: {
          kk: 'Бару туралы есеп Кеңес бекіткен нысан бойынша жасалады (14-тармақтың 9) тармақшасы): бару күніне дейін бекітілген нысан жоқ',
          ru: 'Отчёт о посещении составляется по форме, утверждённой Советом (подп. 9) п. 14): на дату посещения форма не утверждена',
          en: 'A visit report follows the form the Council approved (p14.9): none was approved by the visit date',
        },
      },
    ]);
  }
  return found;
}
