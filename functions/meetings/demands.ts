import { NotFoundError } from '../errors.ts';
import type { Identity } from '../http/identity.ts';
import { councilOrFail, decideFor, newId } from '../membership/deps.ts';
import { actor, sittingOn, type MeetingDeps } from './deps.ts';
import type { Bilingual } from './minutes-doc.ts';
import type { ExtraordinaryDemand } from './model.ts';

/**
 * p21: an extraordinary meeting may be convened on the demand of at least a third of the
 * members. Members sign a demand one by one; each signature asks the `extraordinary-meeting`
 * question on its date; once it says `must-convene` the Chairperson is notified, and the demand
 * is tracked until a meeting answering it is convened.
 */
export async function openDemand(deps: MeetingDeps, identity: Identity | undefined, councilId: string, input: { reason: Bilingual; on: string }) {
  const council = await councilOrFail(deps, councilId);
  await deps.law.assertInForce(input.on);
  const { members } = await sittingOn(deps, council, input.on);
  actor(council, members, identity);
  const demand: ExtraordinaryDemand = { id: newId(), councilId, reason: input.reason, signatories: [], status: 'collecting', openedOn: input.on };
  await deps.meetings.putDemand(demand);
  return signDemand(deps, identity, councilId, demand.id, input.on);
}

export async function signDemand(deps: MeetingDeps, identity: Identity | undefined, councilId: string, demandId: string, on: string) {
  const council = await councilOrFail(deps, councilId);
  const demand = await deps.meetings.getDemand(councilId, demandId);
  if (!demand) throw new NotFoundError('demand-not-found', { kk: 'Талап табылмады', ru: 'Требование не найдено', en: 'Demand not found' });
  const sitting = await sittingOn(deps, council, on);
  const signer = actor(council, sitting.members, identity);
  const signatories = await deps.meetings.addSignatory(demand, signer.id);
  const facts = { membersTotal: sitting.ids.length, membersDemanding: signatories.filter((s) => sitting.ids.includes(s)).length };
  const decision = await decideFor(deps, councilId, { kind: 'demand', id: demandId }, 'extraordinary-meeting', on, facts);
  const due = decision.outcome === 'must-convene' && demand.status === 'collecting';
  const status = demand.status === 'convened' ? 'convened' : decision.outcome === 'must-convene' ? 'must-convene' : 'collecting';
  const picked = { outcome: decision.outcome, reasons: decision.reasons, version: decision.version };
  await deps.meetings.decideDemand(demand, picked, status, due ? { id: `demand-${demandId}`, to: 'chairperson', kind: 'extraordinary-demand', ref: demandId, on } : undefined);
  return { ...demand, signatories, status, decision: picked };
}
