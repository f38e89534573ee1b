import { NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { authorize, type Caller } from '../membership/access.ts';
import { askLaw } from '../membership/deps.ts';
import { actorAt, sittingOn, type MeetingDeps } from './deps.ts';
import type { Bilingual } from './minutes-doc.ts';
import type { ExtraordinaryDemand } from './model.ts';

/**
 * p21: an extraordinary meeting "may be convened" (шақырылуы мүмкін) on the demand of at least a
 * third of the members: a valid demand makes it possible and puts it before the Chairperson, it
 * does not oblige. Members sign a demand one by one; each signature asks the
 * `extraordinary-meeting` question on its date; once it says `may-convene` the Chairperson is
 * notified that a valid demand is before them, until a meeting answering it is convened.
 */
export async function openDemand(deps: MeetingDeps, caller: Caller, councilId: string, input: { reason: Bilingual; on: string }) {
  const held = await authorize(deps, caller, councilId, input.on);
  await deps.law.assertInForce(input.on);
  const signer = actorAt(held);
  const id = newId();
  const sitting = await sittingOn(deps, held.people, input.on);
  const ruling = await askLaw(deps, councilId, { kind: 'demand', id }, 'extraordinary-meeting', input.on, { membersTotal: sitting.ids.length, membersDemanding: 1 });
  const decision = { outcome: ruling.outcome, reasons: ruling.reasons, version: ruling.version };
  const due = ruling.outcome === 'may-convene';
  const demand: ExtraordinaryDemand = { id, councilId, reason: input.reason, signatories: [signer.id], status: due ? 'may-convene' : 'collecting', decision, openedOn: input.on };
  // Opened and signed by its first member in one write, with the law's answer and, if due, the notice.
  await deps.meetings.putDemand(demand, due ? demandNotice(demand.id, input.on) : undefined, { decisions: [ruling.record] });
  return demand;
}

const demandNotice = (demandId: string, on: string) => ({ id: `demand-${demandId}`, to: 'chairperson', kind: 'extraordinary-demand', ref: demandId, on }) as const;

export async function signDemand(deps: MeetingDeps, caller: Caller, councilId: string, demandId: string, on: string) {
  await authorize(deps, caller, councilId);
  const demand = await demandOrFail(deps, councilId, demandId);
  const held = await authorize(deps, caller, councilId, on);
  const sitting = await sittingOn(deps, held.people, on);
  const signer = actorAt(held);
  const signatories = await deps.meetings.addSignatory(demand, signer.id);
  const facts = { membersTotal: sitting.ids.length, membersDemanding: signatories.filter((s) => sitting.ids.includes(s)).length };
  const ruling = await askLaw(deps, councilId, { kind: 'demand', id: demandId }, 'extraordinary-meeting', on, facts);
  const due = ruling.outcome === 'may-convene' && demand.status === 'collecting';
  const status = demand.status === 'convened' ? 'convened' : ruling.outcome === 'may-convene' ? 'may-convene' : 'collecting';
  const picked = { outcome: ruling.outcome, reasons: ruling.reasons, version: ruling.version };
  const notice = due ? demandNotice(demandId, on) : undefined;
  await deps.meetings.decideDemand(demand, picked, status, notice, { decisions: [ruling.record] });
  return { ...demand, signatories, status, decision: picked };
}

/** GET a demand: the council's people, on the day it was opened or today. */
export async function readDemand(deps: MeetingDeps, caller: Caller, councilId: string, demandId: string, today: string) {
  await authorize(deps, caller, councilId);
  const demand = await demandOrFail(deps, councilId, demandId);
  await authorize(deps, caller, councilId, [demand.openedOn, today]);
  return demand;
}

async function demandOrFail(deps: MeetingDeps, councilId: string, demandId: string): Promise<ExtraordinaryDemand> {
  const demand = await deps.meetings.getDemand(councilId, demandId);
  if (!demand) throw new NotFoundError('demand-not-found', { kk: 'Талап табылмады', ru: 'Требование не найдено', en: 'Demand not found' });
  return demand;
}
