import { expect } from 'vitest';
import type { Api } from './membership.ts';
import { clean, receiptCode } from './membership.ts';

/** The people of one council, by their user ids, as its own records make them. */
export type People = { chairperson: { sub: string }; secretary: { sub: string }; member: { sub: string }; voter: { sub: string }; staff: { sub: string } };
export type Seated = { councilId: string; people: People; memberIds: string[]; electionId: string; commissionId: string };

export const admin = { sub: 'office-admin', roles: ['admin' as const] };
export const outsider = { sub: 'nobody-at-all' };

/**
 * A small council seated through HTTP on dates when the act was in force: three members elected
 * on 2020-02-01 by a one-voter commission, the first of them appointed Secretary on 2020-02-02.
 * Its people are `<id>-chair`, `<id>-m1` (the Secretary), `<id>-m2`, `<id>-m3`, `<id>-voter`, and
 * `<id>-staff` (Office staff the Chairperson authorised on 2020-01-20).
 */
export async function seatCouncil(api: Pick<Api, 'call'>, councilId: string, seats = 3): Promise<Seated> {
  const people: People = { chairperson: { sub: `${councilId}-chair` }, secretary: { sub: `${councilId}-m1` }, member: { sub: `${councilId}-m2` }, voter: { sub: `${councilId}-voter` }, staff: { sub: `${councilId}-staff` } };
  const C = `/v1/councils/${councilId}`;
  const name = { kk: 'Үйлестіру кеңесі', ru: 'Координационный совет', en: 'Coordination Council' };
  const created = await api.call('POST', '/v1/councils', { as: admin, body: { id: councilId, name, seats, chairpersonSub: people.chairperson.sub, chairpersonName: 'Төраға', createdOn: '2020-01-01' } });
  expect(created.status, created.text).toBe(201);
  const candidateIds: string[] = [];
  for (let i = 1; i <= seats; i++) {
    const applied = await api.call('POST', `${C}/candidates`, { as: admin, body: { name: `Мүше ${i}`, sub: `${councilId}-m${i}`, appliedOn: '2020-01-10', facts: clean } });
    expect(applied.status, applied.text).toBe(201);
    candidateIds.push(applied.json.id);
  }
  const commission = await api.call('POST', `${C}/commissions`, { as: people.chairperson, body: { voters: [people.voter.sub], formedOn: '2020-01-15' } });
  expect(commission.status, commission.text).toBe(201);
  const election = await api.call('POST', `${C}/elections`, { as: people.chairperson, body: { commissionId: commission.json.id, date: '2020-02-01', seats, candidateIds } });
  expect(election.status, election.text).toBe(201);
  const ballot = await api.call('POST', `${C}/elections/${election.json.id}/ballots`, { as: people.voter, body: { choices: candidateIds, receipt: receiptCode() } });
  expect(ballot.status, ballot.text).toBe(201);
  const closed = await api.call('POST', `${C}/elections/${election.json.id}/close`, { as: people.chairperson });
  expect(closed.status, closed.text).toBe(200);
  const memberIds = candidateIds.map((c) => closed.json.members.find((m: { candidateId: string }) => m.candidateId === c).id as string);
  const appointed = await api.call('PUT', `${C}/secretary`, { as: people.chairperson, body: { memberId: memberIds[0], on: '2020-02-02' } });
  expect(appointed.status, appointed.text).toBe(200);
  const staff = await api.call('PUT', `${C}/staff/${people.staff.sub}`, { as: people.chairperson, body: { name: 'Кеңсе қызметкері', on: '2020-01-20' } });
  expect(staff.status, staff.text).toBe(200);
  return { councilId, people, memberIds, electionId: election.json.id, commissionId: commission.json.id };
}
