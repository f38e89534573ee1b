import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { commitmentOf, draw } from '../../functions/membership/lot.ts';
import type { Role } from '../../functions/http/roles.ts';

/**
 * The life of a council, step by step, through HTTP only: a first election with the lot, the
 * Secretary, then a half-renewal election prompted by the term-expiry job, leaving and
 * termination, and the repeal. The integration test runs it against the local server in
 * process; `npm run e2e` runs it against a running `npm start`. Every action carries its own
 * legal date (2020–2022, when the act was in force).
 */
export type Reply = { status: number; json: any; text: string; headers?: Headers };
export type Api = {
  call: (method: string, path: string, options?: { body?: unknown; as?: { sub: string; roles?: Role[] }; headers?: Record<string, string> }) => Promise<Reply>;
  /** Runs a scheduled job as the scheduler would, with the clock set to `today`. */
  runJob: (id: string, today: string) => Promise<Record<string, number>>;
};
export type Step = { name: string; run: () => Promise<void> };

const admin = { sub: 'office-admin', roles: ['admin' as const] };
const chair = { sub: 'commissioner' };
const voter = (i: number) => ({ sub: `voter-${i}` });
/** A receipt code as the voter's browser draws it: 16 random bytes, base64url. */
export const receiptCode = () => randomBytes(16).toString('base64url');
export const clean = {
  citizenOfKazakhstan: true,
  unexpungedCriminalRecord: false,
  suspectOrAccused: false,
  legalCapacity: 'full',
  psychiatricOrNarcologicalRegistration: false,
  releasedFromLiabilityOnNonRehabilitatingGrounds: false,
  dismissedOnNegativeGrounds: false,
  expelledFromBar: false,
  advocateLicenceRevoked: false,
};

export function membershipScenario(api: Api, councilId = 'npm'): Step[] {
  const steps: Step[] = [];
  const step = (name: string, run: () => Promise<void>) => steps.push({ name, run });
  const C = `/v1/councils/${councilId}`;
  const candidates: string[] = [];

  async function apply(name: string, appliedOn: string, facts: object = clean, sub?: string) {
    return api.call('POST', `${C}/candidates`, { as: admin, body: { name, appliedOn, facts, sub, documents: [`passport:${name}`] } });
  }
  async function voteAll(electionId: string, voters: number[], choices: (i: number) => string[]) {
    return Promise.all(voters.map(async (i) => api.call('POST', `${C}/elections/${electionId}/ballots`, { as: voter(i), body: { choices: choices(i), receipt: receiptCode() } })));
  }

  step('creates the council (admin only)', async () => {
    const body = { id: councilId, name: { kk: 'Үйлестіру кеңесі', ru: 'Координационный совет', en: 'Coordination Council' }, seats: 10, chairpersonSub: 'commissioner' };
    expect((await api.call('POST', '/v1/councils', { body })).status).toBe(401);
    expect((await api.call('POST', '/v1/councils', { body, as: chair })).status).toBe(403);
    const created = await api.call('POST', '/v1/councils', { body, as: admin });
    expect(created.status).toBe(201);
    expect((await api.call('POST', '/v1/councils', { body, as: admin })).status).toBe(409);
  });

  step('registers eligible candidates and refuses an ineligible one citing every failing point', async () => {
    for (let i = 1; i <= 12; i++) {
      const response = await apply(`Candidate ${i}`, '2020-02-01', clean, `person-${i}`);
      expect(response.status, JSON.stringify(response.json)).toBe(201);
      candidates.push(response.json.id);
    }
    const refused = await apply('Refused', '2020-02-01', { ...clean, citizenOfKazakhstan: false, unexpungedCriminalRecord: true, legalCapacity: 'limited' });
    expect(refused.status).toBe(422);
    expect(refused.json.error.reasons.map((r: { point: string }) => r.point).sort()).toEqual(['p4.1', 'p4.3', 'p8']);
    for (const reason of refused.json.error.reasons) expect(Object.keys(reason.message).sort()).toEqual(['en', 'kk', 'ru']);
    const bad = await apply('Bad', 'not-a-date', { ...clean, legalCapacity: 'none' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['body.appliedOn', 'body.facts.legalCapacity']);
  });

  let electionId = '';
  let commissionId = '';
  const receipts: string[] = [];

  step('lets only the Chairperson form the commission and open the first election', async () => {
    const voters = Array.from({ length: 15 }, (_, i) => `voter-${i + 1}`);
    expect((await api.call('POST', `${C}/commissions`, { as: { sub: 'someone' }, body: { voters } })).status).toBe(403);
    const commission = await api.call('POST', `${C}/commissions`, { as: chair, body: { voters, formedOn: '2020-02-20' } });
    expect(commission.status).toBe(201);
    commissionId = commission.json.id;
    const election = await api.call('POST', `${C}/elections`, {
      as: chair,
      body: { commissionId, date: '2020-03-02', seats: 10, candidateIds: candidates },
    });
    expect(election.status, JSON.stringify(election.json)).toBe(201);
    expect(election.json.kind).toBe('first');
    electionId = election.json.id;
  });

  step('takes one secret ballot per commission voter and gives a receipt', async () => {
    // Voters 1–15 all vote for candidates 1–10; candidates 11 and 12 get nothing.
    const results = await voteAll(electionId, Array.from({ length: 15 }, (_, i) => i + 1), () => candidates.slice(0, 10));
    for (const r of results) expect(r.status).toBe(201);
    receipts.push(...results.map((r) => r.json.receipt));
    const again = await voteAll(electionId, [1], () => candidates.slice(0, 1));
    expect(again[0]!.status).toBe(409);
    expect(again[0]!.json.error.code).toBe('already-voted');
    const outsider = await api.call('POST', `${C}/elections/${electionId}/ballots`, { as: { sub: 'voter-99' }, body: { choices: [], receipt: receiptCode() } });
    expect(outsider.status).toBe(403);
    const counted = await api.call('GET', `${C}/elections/${electionId}/receipts?receipt=${receipts[0]}`, { as: voter(1) });
    expect(counted.json).toEqual({ counted: true });
    const forged = await api.call('GET', `${C}/elections/${electionId}/receipts?receipt=${receiptCode()}`, { as: voter(1) });
    expect(forged.json).toEqual({ counted: false });
    expect((await api.call('GET', `${C}/elections/${electionId}/receipts?receipt=forged`, { as: voter(1) })).status).toBe(400);
  });

  step('takes a new declaration of facts and a withdrawal before the round closes', async () => {
    const as = admin;
    const declared = await api.call('PUT', `${C}/candidates/${candidates[11]}/facts`, { as, body: { facts: { ...clean, suspectOrAccused: true }, declaredOn: '2020-03-01' } });
    expect(declared.status).toBe(200);
    expect((await api.call('POST', `${C}/candidates/${candidates[10]}/withdrawal`, { as, body: { on: '2020-03-01' } })).status).toBe(200);
    expect((await api.call('POST', `${C}/candidates/${candidates[10]}/withdrawal`, { as, body: {} })).status).toBe(409);
  });

  step('closes the round: ten elected by simple majority (p10), each decision recorded', async () => {
    const closed = await api.call('POST', `${C}/elections/${electionId}/close`, { as: chair });
    expect(closed.status, JSON.stringify(closed.json)).toBe(200);
    expect(closed.json.election.result.elected.sort()).toEqual(candidates.slice(0, 10).sort());
    expect(closed.json.election.result.ballotsCast).toBe(15);
    // Eligibility judged again on the election date (p4.2), and the withdrawn one left out.
    const decisionOf = (id: string) => closed.json.election.result.decisions.find((d: { candidateId: string }) => d.candidateId === id);
    expect(decisionOf(candidates[11]!)).toMatchObject({ outcome: 'ineligible', reasons: [{ point: 'p4.2' }] });
    expect(decisionOf(candidates[10]!).outcome).toBe('withdrawn');
    expect(closed.json.election.result.ineligible.sort()).toEqual([candidates[10], candidates[11]].sort());
    expect((await api.call('POST', `${C}/elections/${electionId}/close`, { as: chair })).status).toBe(409);
    const late = await voteAll(electionId, [1], () => []);
    expect(late[0]!.status).toBe(409);
  });

  step('draws lots verifiably: half of the first members get two-year terms (p11)', async () => {
    const lot = await api.call('POST', `${C}/lots`, { as: chair, body: { electionId, on: '2020-03-03' } });
    expect(lot.status).toBe(201);
    expect(lot.json.seed).toBeUndefined();
    const revealed = await api.call('POST', `${C}/lots/${lot.json.id}/reveal`, { as: chair, body: { on: '2020-03-04' } });
    expect(revealed.status, JSON.stringify(revealed.json)).toBe(200);
    expect(commitmentOf(revealed.json.seed)).toBe(lot.json.commitment);
    const recomputed = draw(revealed.json.seed, revealed.json.result.ordered, 'down');
    expect(revealed.json.result.short).toEqual(recomputed.short);
    expect(revealed.json.result.short).toHaveLength(5);
    const members = await api.call('GET', `${C}/members?at=2020-03-05`, { as: chair });
    const ends = members.json.current.map((m: { termEnd: string }) => m.termEnd).sort();
    expect(ends).toEqual([...Array(5).fill('2022-03-02'), ...Array(5).fill('2024-03-02')]);
    expect((await api.call('POST', `${C}/lots/${lot.json.id}/reveal`, { as: chair, body: {} })).status).toBe(409);
  });

  step('appoints the Secretary from among the elected members only (p9)', async () => {
    const members = (await api.call('GET', `${C}/members?at=2020-03-05`, { as: chair })).json.current;
    const appointed = await api.call('PUT', `${C}/secretary`, { as: chair, body: { memberId: members[0].id, on: '2020-03-05' } });
    expect(appointed.status).toBe(200);
    expect(appointed.json.history).toHaveLength(1);
    expect((await api.call('PUT', `${C}/secretary`, { as: chair, body: { memberId: 'nobody' } })).status).toBe(404);
    const after = await api.call('GET', `${C}/members?at=2020-03-05`, { as: chair });
    expect(after.json.current.find((m: { id: string }) => m.id === members[0].id).roles).toContain('secretary');
  });

  step('warns the Chairperson of the short half’s election in time, with p11’s deadline, once; a renewal answers it', async () => {
    // p11: elections no later than a month before the powers end (2022-03-02): by 2022-02-02.
    // The warning comes three months before that deadline (election.warningBeforeDeadline).
    expect((await api.runJob('term-expiry', '2021-10-20')).flagged).toBe(0);
    const first = await api.runJob('term-expiry', '2021-11-15');
    expect(first.flagged).toBe(5);
    expect((await api.runJob('term-expiry', '2021-11-15')).flagged).toBe(0);
    const due = (await api.call('GET', `${C}/notices`, { as: chair })).json.notices.filter((n: { kind: string }) => n.kind === 'election-due');
    expect(due).toMatchObject([{ termEnd: '2022-03-02', deadline: '2022-02-02', on: '2021-11-15' }]);
    expect(due[0].memberIds).toHaveLength(5);

        const fresh: string[] = [];
    for (let i = 13; i <= 18; i++) fresh.push((await apply(`Candidate ${i}`, '2022-02-01', clean, `person-${i}`)).json.id);
    const renewal = await api.call('POST', `${C}/elections`, {
      as: chair,
      body: { commissionId, date: '2022-02-15', termStart: '2022-03-02', seats: 5, candidateIds: fresh },
    });
    expect(renewal.status).toBe(201);
    expect(renewal.json.kind).toBe('renewal');
    // An election for that half is under way: the duty is answered, the notice goes.
    expect((await api.call('GET', `${C}/notices`, { as: chair })).json.notices.filter((n: { kind: string }) => n.kind === 'election-due')).toEqual([]);
    // 9 of 15 for the first four; the last seat is a tie (fresh[4] and fresh[5], 8 each): a run-off.
    await voteAll(renewal.json.id, Array.from({ length: 15 }, (_, i) => i + 1), (i) => [
      ...(i === 8 || i > 10 ? [] : fresh.slice(0, 4)),
      ...(i <= 8 ? [fresh[4]!] : []),
      ...(i >= 8 ? [fresh[5]!] : []),
    ]);
    const closed = await api.call('POST', `${C}/elections/${renewal.json.id}/close`, { as: chair });
    expect(closed.json.election.result.elected.sort()).toEqual(fresh.slice(0, 4).sort());
    const runoff = closed.json.election.result.runoff;
    expect(runoff).toMatchObject({ seats: 1, cause: 'tie' });
    expect(runoff.candidates.sort()).toEqual([fresh[4], fresh[5]].sort());
    await voteAll(runoff.electionId, Array.from({ length: 15 }, (_, i) => i + 1), (i) => [i <= 10 ? fresh[4]! : fresh[5]!]);
    const second = await api.call('POST', `${C}/elections/${runoff.electionId}/close`, { as: chair });
    expect(second.json.election.result.elected).toEqual([fresh[4]]);

    const closedJob = await api.runJob('term-expiry', '2022-03-03');
    expect(closedJob.closed).toBe(5);
    expect((await api.runJob('term-expiry', '2022-03-03')).closed).toBe(0);
    const members = await api.call('GET', `${C}/members?at=2022-03-05`, { as: chair });
    expect(members.json.current).toHaveLength(10);
    expect(members.json.vacancies).toBe(0);
    expect(members.json.history.filter((m: { status: string }) => m.status === 'ended')).toHaveLength(5);
  });

  step('ends a membership by the member’s own notice, from its acceptance (p12, p15.7)', async () => {
    const members = (await api.call('GET', `${C}/members?at=2022-04-01`, { as: chair })).json.current;
    const target = members.find((m: { name: string }) => m.name === 'Candidate 13');
    expect((await api.call('POST', `${C}/members/${target.id}/leaving`, { as: { sub: 'person-1' }, body: {} })).status).toBe(403);
    const notice = await api.call('POST', `${C}/members/${target.id}/leaving`, { as: { sub: 'person-13' }, body: { noticeDate: '2022-04-01', statement: 'Жеке себептермен' } });
    expect(notice.status).toBe(201);
    expect(notice.json.statement).toBe('Жеке себептермен');
    const accepted = await api.call('POST', `${C}/members/${target.id}/leaving/${notice.json.id}/acceptance`, { as: chair, body: { on: '2022-04-05' } });
    expect(accepted.json).toMatchObject({ endedOn: '2022-04-05', point: 'p15.7' });
    const after = (await api.call('GET', `${C}/members?at=2022-04-06`, { as: chair })).json;
    expect(after.vacancies).toBe(1);
    expect(after.history.find((m: { id: string }) => m.id === target.id).terms[0].ending).toMatchObject({ kind: 'left', point: 'p15.7' });
  });

  step('terminates powers on a fact, and refuses a violation without a termination vote (p18, p25)', async () => {
    const members = (await api.call('GET', `${C}/members?at=2022-04-06`, { as: chair })).json.current;
    const [a, b] = members;
    const noVote = await api.call('POST', `${C}/members/${a.id}/terminations`, { as: chair, body: { ground: 1, factDate: '2022-04-10', evidence: ['act-1'] } });
    expect(noVote.status).toBe(400);
    const fakeVote = await api.call('POST', `${C}/members/${a.id}/terminations`, { as: chair, body: { ground: 1, factDate: '2022-04-10', evidence: ['act-1'], decisionId: 'none' } });
    expect(fakeVote.status).toBe(422);
    expect(fakeVote.json.error.reasons[0].point).toBe('p25');
    const death = await api.call('POST', `${C}/members/${b.id}/terminations`, { as: chair, body: { ground: 3, factDate: '2022-04-10', evidence: ['certificate-7'] } });
    expect(death.status, JSON.stringify(death.json)).toBe(201);
    expect(death.json.point).toBe('p18.3');
    expect((await api.call('POST', `${C}/members/${b.id}/terminations`, { as: chair, body: { ground: 3, factDate: '2022-04-10', evidence: ['x'] } })).status).toBe(409);
  });

  step('refuses an application dated after the repeal, citing Order No. 1 of 2023', async () => {
    const late = await apply('Late', '2023-02-01');
    expect(late.status).toBe(422);
    expect(late.json.error.code).toBe('act-repealed');
    expect(JSON.stringify(late.json.error.reasons)).toContain('No. 1');
  });

  return steps;
}
