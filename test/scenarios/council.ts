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

/**
 * A decision of the Council adopted at a meeting on `date` (p24, p25): the Chairperson convenes,
 * everyone seated by `seatCouncil` attends and votes for, the motion is closed. The clock must
 * read `date` (setToday) while this runs. Returns the decision's id, for the acts resting on it
 * (a visit plan adopted, a reporting form approved, a participant excluded, a recommendation).
 */
export async function adoptDecision(api: Pick<Api, 'call'>, seated: Seated, date: string, title = { kk: 'Шешім', ru: 'Решение' }): Promise<{ decisionId: string; meetingId: string; motionId: string }> {
  const C = `/v1/councils/${seated.councilId}`;
  const chair = seated.people.chairperson;
  const convened = await api.call('POST', `${C}/meetings`, { as: chair, body: { kind: 'regular', date, agenda: [{ title }] } });
  expect(convened.status, convened.text).toBe(201);
  const M = `${C}/meetings/${convened.json.id}`;
  const attendees = ['chairperson', ...seated.memberIds];
  for (const id of attendees) expect((await api.call('PUT', `${M}/attendance/${id}`, { as: chair, body: { present: true } })).status).toBe(200);
  const put = await api.call('POST', `${M}/motions`, { as: chair, body: { itemId: convened.json.agenda[0].id, kind: 'ordinary', category: 'recommendation', title } });
  expect(put.status, put.text).toBe(201);
  // Each votes for themselves: the Chairperson, and members m1… by their own accounts.
  const voters: [string, { sub: string }][] = [['chairperson', chair], ...seated.memberIds.map((id, i): [string, { sub: string }] => [id, { sub: `${seated.councilId}-m${i + 1}` }])];
  for (const [id, as] of voters) {
    const voted = await api.call('PUT', `${M}/motions/${put.json.id}/votes/${id}`, { as, body: { choice: 'for' } });
    expect(voted.status, voted.text).toBeLessThan(300);
  }
  const closed = await api.call('POST', `${M}/motions/${put.json.id}/close`, { as: chair });
  expect(closed.status, closed.text).toBe(200);
  expect(closed.json.result.outcome).toBe('adopted');
  return { decisionId: closed.json.result.decisionId, meetingId: convened.json.id, motionId: put.json.id };
}
