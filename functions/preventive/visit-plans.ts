import { auditEntry } from '../audit.ts';
import { ConflictError, InvalidInputError, LegalRefusalError, NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { adoptedDecision } from '../meetings/adopted.ts';
import { authorize, type Caller } from '../membership/access.ts';
import { askLaw, type Ruling } from '../membership/deps.ts';
import type { PreventiveDeps } from './deps.ts';
import type { Institution, PlannedVisit, VisitPlan } from './model.ts';
import { totalTiyn, visitProblems } from './plan-checks.ts';
import { institutionTypeName, regionName } from './regions.ts';

export type DraftInput = { title: VisitPlan['title']; period: VisitPlan['period']; budgetTiyn: number; visits: PlannedVisit[]; on: string };

/**
 * p14.6: the Council sets the list of institutions to visit and the timing within the allocated
 * budget. A plan is drafted with its visits and budget; whether it is within the budget is the
 * law's answer (rules/questions/visit-plan.yaml), asked on the date it is drafted: over budget,
 * it is refused with the amounts in tenge; after the repeal, the law refuses and says so.
 */
export async function draftVisitPlan(deps: PreventiveDeps, caller: Caller, councilId: string, input: DraftInput): Promise<VisitPlan> {
  await authorize(deps, caller, councilId, input.on);
  const [institutions, participants] = await Promise.all([deps.preventive.listInstitutions(councilId), deps.preventive.listParticipants(councilId)]);
  const problems = visitProblems(input.period, input.visits, new Set(institutions.map((i) => i.id)), new Set(participants.map((p) => p.id)));
  if (problems.length) throw new InvalidInputError(problems);
  const plan: VisitPlan = {
    councilId,
    id: newId(),
    title: input.title,
    period: input.period,
    budgetTiyn: input.budgetTiyn,
    visits: input.visits,
    totalTiyn: totalTiyn(input.visits),
    draftedOn: input.on,
    status: 'draft',
  };
  const ruling = await withinBudget(deps, plan, input.on);
  await deps.preventive.putVisitPlan(plan, {
    decisions: [ruling.record],
    audit: auditEntry(councilId, caller.identity!.sub, 'visit-plan-drafted', { kind: 'visit-plan', id: plan.id }, { on: input.on, point: 'p14.6', details: { totalTiyn: plan.totalTiyn, budgetTiyn: plan.budgetTiyn } }),
  });
  return plan;
}

/**
 * A plan takes effect when a Council decision adopts it (p14.6 with p24): the decision must be
 * adopted, and the budget is judged again on the decision's date. Adopted once (409 after).
 */
export async function adoptVisitPlan(deps: PreventiveDeps, caller: Caller, councilId: string, planId: string, input: { decisionId: string; today: string }): Promise<VisitPlan> {
  await authorize(deps, caller, councilId, input.today);
  const plan = await deps.preventive.getVisitPlan(councilId, planId);
  if (!plan) throw planNotFound();
  if (plan.status !== 'draft') throw alreadyAdopted(plan.id);
  const decision = await adoptedDecision(deps, councilId, input.decisionId);
  const ruling = await withinBudget(deps, plan, decision.at);
  const adopted: VisitPlan = { ...plan, status: 'adopted', adoption: { decisionId: decision.id, motionId: decision.motionId, adoptedOn: decision.at } };
  await deps.preventive.adoptVisitPlan(adopted, {
    decisions: [ruling.record],
    audit: auditEntry(councilId, caller.identity!.sub, 'visit-plan-adopted', { kind: 'visit-plan', id: plan.id }, { on: decision.at, point: 'p14.6', details: { decisionId: decision.id, motionId: decision.motionId } }),
  });
  return adopted;
}

/** The law's answer on the budget: `over-budget` becomes a 422 with the law's reasons (p14.6), amounts in tenge. */
async function withinBudget(deps: PreventiveDeps, plan: VisitPlan, at: string): Promise<Ruling> {
  const ruling = await askLaw(deps, plan.councilId, { kind: 'visit-plan', id: plan.id }, 'visit-plan', at, { totalTiyn: plan.totalTiyn, budgetTiyn: plan.budgetTiyn });
  if (ruling.outcome === 'over-budget') {
    // The amounts are in the law's reason (rendered in tenge); the headline says what is wrong.
    throw new LegalRefusalError('over-budget', OVER_BUDGET, ruling.reasons);
  }
  return ruling;
}

/** A plan as it is read: each visit with the institution's name, type and region in words. */
export type PlanView = VisitPlan & { visits: (PlannedVisit & { institution?: { name: Institution['name']; type: Institution['type']; region: Institution['region']; typeName: Institution['name']; regionName: Institution['name'] } })[] };

function view(plan: VisitPlan, institutions: Map<string, Institution>): PlanView {
  return {
    ...plan,
    visits: plan.visits.map((visit) => {
      const found = institutions.get(visit.institutionId);
      return found ? { ...visit, institution: { name: found.name, type: found.type, region: found.region, typeName: institutionTypeName(found.type), regionName: regionName(found.region) } } : visit;
    }),
  };
}

export async function listVisitPlans(deps: PreventiveDeps, caller: Caller, councilId: string, today: string): Promise<{ items: PlanView[] }> {
  await authorize(deps, caller, councilId, today);
  const [plans, institutions] = await Promise.all([deps.preventive.listVisitPlans(councilId), deps.preventive.listInstitutions(councilId)]);
  const byId = new Map(institutions.map((i) => [i.id, i]));
  return { items: plans.map((p) => view(p, byId)) };
}

export async function readVisitPlan(deps: PreventiveDeps, caller: Caller, councilId: string, planId: string, today: string): Promise<PlanView> {
  await authorize(deps, caller, councilId, today);
  const [plan, institutions] = await Promise.all([deps.preventive.getVisitPlan(councilId, planId), deps.preventive.listInstitutions(councilId)]);
  if (!plan) throw planNotFound();
  return view(plan, new Map(institutions.map((i) => [i.id, i])));
}

const OVER_BUDGET = { kk: 'Жоспардың құны бөлінген бюджеттік қаражаттан асады', ru: 'Стоимость плана превышает выделенные бюджетные средства', en: 'The plan costs more than the allocated budget' };

const planNotFound = () => new NotFoundError('visit-plan-not-found', { kk: 'Мұндай бару жоспары жоқ', ru: 'Такого плана посещений нет', en: 'No such visit plan' });

export const alreadyAdopted = (id: string) =>
  new ConflictError('visit-plan-adopted', { kk: 'Бұл жоспар бұрын қабылданған', ru: 'Этот план уже принят', en: 'This plan was already adopted' }, { existing: { kind: 'visit-plan', id } });
