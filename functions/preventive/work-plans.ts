import { auditEntry } from '../audit.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { authorize, type Caller } from '../membership/access.ts';
import type { PreventiveDeps } from './deps.ts';
import type { WorkPlan } from './model.ts';

/** The Council's work plan for a year, drafted by the Chairperson, the Secretary or staff. */
export async function draftWorkPlan(deps: PreventiveDeps, caller: Caller, councilId: string, input: { year: number; items: WorkPlan['items']; today: string }): Promise<WorkPlan> {
  await authorize(deps, caller, councilId, input.today);
  const plan: WorkPlan = { councilId, id: newId(), year: input.year, items: input.items, status: 'draft' };
  await deps.preventive.putWorkPlan(plan, { audit: auditEntry(councilId, caller.identity!.sub, 'work-plan-drafted', { kind: 'work-plan', id: plan.id }, { on: input.today, point: 'p15.5', details: { year: plan.year } }) });
  return plan;
}

/**
 * p15.5: the Commissioner, as Chairperson, approves the Council's work plan. Only the
 * Chairperson on the date approves it; once approved it does not change (409).
 */
export async function approveWorkPlan(deps: PreventiveDeps, caller: Caller, councilId: string, planId: string, input: { on: string }): Promise<WorkPlan> {
  const { isChairperson } = await authorize(deps, caller, councilId, input.on);
  if (!isChairperson)
    throw new ForbiddenError('chairperson-only', {
      kk: 'Жұмыс жоспарын Үйлестіру кеңесінің Төрағасы ғана бекітеді (15-тармақтың 5) тармақшасы)',
      ru: 'План работы утверждает только Председатель Координационного совета (подп. 5) п. 15)',
      en: 'Only the Chairperson approves the work plan (p15.5)',
    });
  const plan = await deps.preventive.getWorkPlan(councilId, planId);
  if (!plan) throw new NotFoundError('work-plan-not-found', { kk: 'Мұндай жұмыс жоспары жоқ', ru: 'Такого плана работы нет', en: 'No such work plan' });
  if (plan.status !== 'draft') throw alreadyApproved(plan.id);
  const approved: WorkPlan = { ...plan, status: 'approved', approval: { by: caller.identity!.sub, on: input.on } };
  await deps.preventive.approveWorkPlan(approved, { audit: auditEntry(councilId, caller.identity!.sub, 'work-plan-approved', { kind: 'work-plan', id: plan.id }, { on: input.on, point: 'p15.5' }) });
  return approved;
}

export async function listWorkPlans(deps: PreventiveDeps, caller: Caller, councilId: string, today: string): Promise<{ items: WorkPlan[] }> {
  await authorize(deps, caller, councilId, today);
  return { items: await deps.preventive.listWorkPlans(councilId) };
}

export const alreadyApproved = (id: string) =>
  new ConflictError('work-plan-approved', { kk: 'Бұл жұмыс жоспары бұрын бекітілген', ru: 'Этот план работы уже утверждён', en: 'This work plan was already approved' }, { existing: { kind: 'work-plan', id } });
