import { today } from '../clock.ts';
import { handle } from '../http/handle.ts';
import { dispatch } from '../http/dispatch.ts';
import type { PointPort, PreventiveDeps } from '../preventive/deps.ts';
import * as institutions from '../preventive/institutions.ts';
import * as participants from '../preventive/participants.ts';
import * as visitPlans from '../preventive/visit-plans.ts';
import * as workPlans from '../preventive/work-plans.ts';
import { versionInForce } from '../rules/law.ts';
import { dynamoPreventiveStore } from '../store/preventive.ts';
import { currentLaw, membershipDeps } from './wiring.ts';
import * as self from './preventive.ts';

/** Handlers of the preventive routes (institutions, visit plans, participants, the work plan). */

/** A point's wording in the law in force on a date (the act's refusal when none is). */
const pointOn: PointPort = async (point, at) => {
  const found = versionInForce(await currentLaw(), at);
  if (!found.inForce) throw found.refusal;
  const wording = found.version.state.points[point];
  return !wording ? 'absent' : wording.deleted ? 'deleted' : wording.unknown ? 'unknown' : 'known';
};

let wired: PreventiveDeps | undefined;
const deps = (): PreventiveDeps => (wired ??= { ...membershipDeps(), preventive: dynamoPreventiveStore(), pointOn });

export const addInstitution = handle('institutions.add', async ({ body, params, caller }) => ({
  status: 201,
  json: await institutions.addInstitution(deps(), caller, params.councilId!, { name: { ...body.name, en: body.name.en ?? body.name.ru }, type: body.type, region: body.region, addedOn: body.addedOn ?? today() }),
}));

export const listInstitutions = handle('institutions.list', async ({ params, caller }) => ({ json: await institutions.listInstitutions(deps(), caller, params.councilId!, today()) }));

export const draftVisitPlan = handle('visitPlans.draft', async ({ body, params, caller }) => ({
  status: 201,
  json: await visitPlans.draftVisitPlan(deps(), caller, params.councilId!, { ...body, on: body.on ?? today() }),
}));

export const listVisitPlans = handle('visitPlans.list', async ({ params, caller }) => ({ json: await visitPlans.listVisitPlans(deps(), caller, params.councilId!, today()) }));

export const getVisitPlan = handle('visitPlans.get', async ({ params, caller }) => ({ json: await visitPlans.readVisitPlan(deps(), caller, params.councilId!, params.planId!, today()) }));

export const adoptVisitPlan = handle('visitPlans.adopt', async ({ body, params, caller }) => ({
  json: await visitPlans.adoptVisitPlan(deps(), caller, params.councilId!, params.planId!, { decisionId: body.decisionId, today: today() }),
}));

export const selectParticipant = handle('participants.select', async ({ body, params, caller }) => ({
  status: 201,
  json: await participants.selectParticipant(deps(), caller, params.councilId!, { ...body, today: today() }),
}));

export const listParticipants = handle('participants.list', async ({ params, caller }) => ({ json: await participants.listParticipants(deps(), caller, params.councilId!, today()) }));

export const excludeParticipant = handle('participants.exclude', async ({ body, params, caller }) => ({
  json: await participants.excludeParticipant(deps(), caller, params.councilId!, params.participantId!, { ...body, today: today() }),
}));

export const draftWorkPlan = handle('workPlans.draft', async ({ body, params, caller }) => ({
  status: 201,
  json: await workPlans.draftWorkPlan(deps(), caller, params.councilId!, { ...body, today: today() }),
}));

export const listWorkPlans = handle('workPlans.list', async ({ params, caller }) => ({ json: await workPlans.listWorkPlans(deps(), caller, params.councilId!, today()) }));

export const approveWorkPlan = handle('workPlans.approve', async ({ body, params, caller }) => ({
  json: await workPlans.approveWorkPlan(deps(), caller, params.councilId!, params.planId!, { on: body.on ?? today() }),
}));

export const router = dispatch(self);
