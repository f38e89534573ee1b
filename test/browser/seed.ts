import { expect } from 'vitest';
import { clean, receiptCode, type Api } from '../scenarios/membership.ts';

/**
 * The data the browser journeys need, seeded through HTTP as `seatCouncil()` does, with names a
 * person recognises: a council whose first election is closed (its members by name, the first
 * of them its Secretary), and its commission's voter. Dates when the act was in force.
 */
export const admin = { sub: 'office-admin', roles: ['admin' as const] };

export type Council = { id: string; chair: { sub: string; name: string }; members: { sub: string; name: string; id: string }[]; voter: { sub: string }; commissionId: string };

export async function council(api: Pick<Api, 'call'>, id: string, names: { kk: string; ru: string; en: string }, chairName: string, memberNames: string[], options: { close?: boolean } = {}) {
  const C = `/v1/councils/${id}`;
  const chair = { sub: `${id}-chair`, name: chairName };
  const created = await api.call('POST', '/v1/councils', { as: admin, body: { id, name: names, seats: memberNames.length, chairpersonSub: chair.sub, chairpersonName: chairName, createdOn: '2020-01-01' } });
  expect(created.status, created.text).toBe(201);
  const candidates: string[] = [];
  for (const [i, name] of memberNames.entries()) {
    const applied = await api.call('POST', `${C}/candidates`, { as: admin, body: { name, sub: `${id}-m${i + 1}`, appliedOn: '2020-01-10', facts: clean, profile: `${name}: құқық қорғаушы, ${10 + i} жыл тәжірибе.` } });
    expect(applied.status, applied.text).toBe(201);
    candidates.push(applied.json.id);
  }
  const voter = { sub: `${id}-voter` };
  const commission = await api.call('POST', `${C}/commissions`, { as: chair, body: { voters: [voter.sub], formedOn: '2020-01-15' } });
  expect(commission.status, commission.text).toBe(201);
  const election = await api.call('POST', `${C}/elections`, { as: chair, body: { commissionId: commission.json.id, date: '2020-02-01', seats: memberNames.length, candidateIds: candidates } });
  expect(election.status, election.text).toBe(201);
  if (options.close === false) return { id, chair, members: [], voter, commissionId: commission.json.id, electionId: election.json.id as string, candidates };
  const ballot = await api.call('POST', `${C}/elections/${election.json.id}/ballots`, { as: voter, body: { choices: candidates, receipt: receiptCode() } });
  expect(ballot.status, ballot.text).toBe(201);
  const closed = await api.call('POST', `${C}/elections/${election.json.id}/close`, { as: chair });
  expect(closed.status, closed.text).toBe(200);
  const members = candidates.map((candidateId, i) => ({ sub: `${id}-m${i + 1}`, name: memberNames[i]!, id: closed.json.members.find((m: { candidateId: string }) => m.candidateId === candidateId).id as string }));
  const appointed = await api.call('PUT', `${C}/secretary`, { as: chair, body: { memberId: members[0]!.id, on: '2020-02-02' } });
  expect(appointed.status, appointed.text).toBe(200);
  return { id, chair, members, voter, commissionId: commission.json.id as string, electionId: election.json.id as string, candidates };
}
