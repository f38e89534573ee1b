import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { setToday } from '../../functions/clock.ts';
import { documentClient } from '../../functions/store/client.ts';
import { startLocal } from './local.ts';
import { clean, receiptCode } from '../scenarios/membership.ts';

/** One table per test file: the secret ballot under load (p10). */
const admin = { sub: 'office-admin', roles: ['admin'] as const };
const chair = { sub: 'commissioner', roles: [] as const };

describe('100 concurrent ballots', () => {
  let local: Awaited<ReturnType<typeof startLocal>>;
  beforeAll(async () => {
    local = await startLocal();
    setToday('2020-03-02');
  });
  afterAll(async () => {
    setToday(undefined);
    await local.close();
  });

  it('counts every ballot exactly once and stores nothing that links a voter to a choice', async () => {
    const C = '/v1/councils/big';
    const as = (u: { sub: string; roles: readonly string[] }) => ({ sub: u.sub, roles: [...u.roles] as never });
    await local.call('POST', '/v1/councils', { as: as(admin), body: { id: 'big', name: { kk: 'К', ru: 'К', en: 'C' }, seats: 3, chairpersonSub: 'commissioner' } });
    const ids: string[] = [];
    for (const name of ['A', 'B', 'C']) ids.push((await local.call('POST', `${C}/candidates`, { as: as(admin), body: { name, facts: clean } })).json.id);
    const voters = Array.from({ length: 100 }, (_, i) => `voter-${i + 1}`);
    const commission = await local.call('POST', `${C}/commissions`, { as: as(chair), body: { voters } });
    const election = await local.call('POST', `${C}/elections`, { as: as(chair), body: { commissionId: commission.json.id, date: '2020-03-02', seats: 3, candidateIds: ids } });
    const choicesOf = (i: number) => (i % 2 === 0 ? [ids[0]!, ids[1]!] : i % 3 === 0 ? [ids[2]!] : [ids[0]!]);
    // Every voter tries twice at once: 200 requests in flight.
    expect(election.status, JSON.stringify(election.json)).toBe(201);
    const attempts = await Promise.all(
      [...voters, ...voters].map((sub, n) =>
        local.call('POST', `${C}/elections/${election.json.id}/ballots`, { as: { sub }, body: { choices: choicesOf((n % 100) + 1), receipt: receiptCode() } }),
      ),
    );
    expect(attempts.filter((r) => r.status === 201)).toHaveLength(100);
    expect(attempts.filter((r) => r.status === 409)).toHaveLength(100);

    const expected = { [ids[0]!]: 0, [ids[1]!]: 0, [ids[2]!]: 0 };
    for (let i = 1; i <= 100; i++) for (const c of choicesOf(i)) expected[c]!++;
    const closed = await local.call('POST', `${C}/elections/${election.json.id}/close`, { as: as(chair) });
    expect(closed.json.election.result.ballotsCast).toBe(100);
    expect(closed.json.election.result.votes).toEqual(expected);

    const items = (await documentClient().send(new ScanCommand({ TableName: local.table }))).Items ?? [];
    const ballots = items.filter((i) => i.type === 'ballot');
    expect(ballots).toHaveLength(100);
    for (const ballot of ballots) {
      expect(Object.keys(ballot).sort()).toEqual(['choices', 'pk', 'sk', 'type']);
      expect(JSON.stringify(ballot)).not.toMatch(/voter-/);
    }
    const receipts = items.filter((i) => i.type === 'voter');
    expect(receipts).toHaveLength(100);
    for (const receipt of receipts) expect(receipt.choices).toBeUndefined();
  });
});
