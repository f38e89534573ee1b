import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type Route } from '../../functions/api/routes.ts';
import { setToday } from '../../functions/clock.ts';
import type { MinutesDoc } from '../../functions/meetings/minutes-doc.ts';
import { minutesFileKey } from '../../functions/meetings/minutes-file.ts';
import { documentClient } from '../../functions/store/client.ts';
import { documentFiles } from '../../functions/store/files.ts';
import { admin, outsider, seatCouncil, type Seated } from '../scenarios/council.ts';
import { clean, receiptCode } from '../scenarios/membership.ts';
import { startLocal } from './local.ts';

/**
 * The promises of the trust issue, each tried through HTTP as an attacker or a careless user
 * would: ids that address other items, other councils' people, closes racing ballots and votes,
 * seals, a second lot, the Secretary on a date, retries, bounds, and the audit log.
 */
let local: Awaited<ReturnType<typeof startLocal>>;
beforeAll(async () => {
  local = await startLocal();
  setToday('2020-06-10');
});
afterAll(async () => {
  setToday(undefined);
  await local.close();
});

const C = (s: Seated | string) => `/v1/councils/${typeof s === 'string' ? s : s.councilId}`;
/** Every item of the test's table (every page). */
async function scan(): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(new ScanCommand({ TableName: local.table, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}
const bilingual = { kk: 'Мәтін', ru: 'Текст' };

/** A held meeting of `s` on `date` with `present` (default: everyone) and one motion adopted. */
async function heldMeeting(s: Seated, date = '2020-06-10', present = s.memberIds) {
  const chair = s.people.chairperson;
  const convened = await local.call('POST', `${C(s)}/meetings`, { as: chair, body: { kind: 'regular', date, agenda: [{ title: bilingual }] } });
  expect(convened.status, convened.text).toBe(201);
  const M = `${C(s)}/meetings/${convened.json.id}`;
  for (const id of ['chairperson', ...present]) expect((await local.call('PUT', `${M}/attendance/${id}`, { as: chair, body: { present: true } })).status).toBe(200);
  const motion = await local.call('POST', `${M}/motions`, { as: chair, body: { itemId: convened.json.agenda[0].id, kind: 'ordinary', title: bilingual } });
  for (const id of ['chairperson', ...present]) {
    const as = id === 'chairperson' ? chair : { sub: `${s.councilId}-m${s.memberIds.indexOf(id) + 1}` };
    expect((await local.call('PUT', `${M}/motions/${motion.json.id}/votes/${id}`, { as, body: { choice: 'for' } })).status).toBe(200);
  }
  expect((await local.call('POST', `${M}/motions/${motion.json.id}/close`, { as: chair })).status).toBe(200);
  expect((await local.call('POST', `${M}/close`, { as: chair })).status).toBe(200);
  return { M, meetingId: convened.json.id as string, itemId: convened.json.agenda[0].id as string, motionId: motion.json.id as string };
}

describe('1. ids never reach a key unchecked', () => {
  let s: Seated;
  beforeAll(async () => {
    s = await seatCouncil(local, 'ids');
  });

  it('refuses an encoded "#" that would address the tally, a voter or a ballot: 400, never the item', async () => {
    for (const suffix of ['%23TALLY', `%23VOTER%23${s.people.voter.sub}`, `%23BALLOT%23${'a'.repeat(64)}`]) {
      const reply = await local.call('GET', `${C(s)}/elections/${s.electionId}${suffix}`, { as: s.people.voter });
      expect(reply.status, suffix).toBe(400);
      expect(reply.json.error.details[0]).toMatchObject({ field: 'path.electionId', code: 'invalid-id' });
      expect(Object.keys(reply.json.error.details[0].message).sort()).toEqual(['en', 'kk', 'ru']);
    }
  });

  it('answers 400 naming the parameter, never 500, for a 3 KB id or a "#" in every path parameter of every route', async () => {
    const bad = ['x'.repeat(3000), 'a%23b', 'a%2Fb', '%20'];
    const failures: string[] = [];
    for (const route of routes as readonly Route[]) {
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      for (const name of names) {
        for (const value of bad) {
          const path = route.path.replace(/\{(\w+)\}/g, (_, n: string) => (n === name ? value : n === 'councilId' ? s.councilId : 'ok-id'));
          const reply = await local.call(route.method, path, { as: admin, body: route.body ? {} : undefined });
          const named = reply.json?.error?.details?.some((d: { field: string }) => d.field === `path.${name}`);
          if (reply.status !== 400 || !named) failures.push(`${route.id} ${name}=${value.slice(0, 12)}: ${reply.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses an id with a separator in a body, naming the field', async () => {
    const reply = await local.call('POST', `${C(s)}/elections`, { as: s.people.chairperson, body: { commissionId: s.commissionId, date: '2020-06-10', seats: 1, candidateIds: ['a#CANDIDATE#b'] } });
    expect(reply.status).toBe(400);
    expect(reply.json.error.details.map((d: { field: string }) => d.field)).toEqual(['body.candidateIds.0']);
  });
});

describe('2. another council is not yours', () => {
  let x: Seated;
  let y: Seated;
  beforeAll(async () => {
    [x, y] = await Promise.all([seatCouncil(local, 'own-x'), seatCouncil(local, 'own-y')]);
  });

  it("refuses Y's Chairperson and Secretary writing X's candidates and reading X's composition", async () => {
    const candidate = await local.call('POST', `${C(x)}/candidates`, { as: admin, body: { name: 'Үміткер', appliedOn: '2020-06-10', facts: clean } });
    const planted = { facts: { ...clean, unexpungedCriminalRecord: true }, declaredOn: '2020-06-10' };
    for (const as of [y.people.chairperson, y.people.secretary]) {
      expect((await local.call('PUT', `${C(x)}/candidates/${candidate.json.id}/facts`, { as, body: planted })).status).toBe(403);
      expect((await local.call('POST', `${C(x)}/candidates`, { as, body: { name: 'Чужой', facts: clean } })).status).toBe(403);
      expect((await local.call('POST', `${C(x)}/candidates/${candidate.json.id}/withdrawal`, { as, body: {} })).status).toBe(403);
    }
    expect((await local.call('GET', `${C(x)}/members`, { as: y.people.member })).status).toBe(403);
    expect((await local.call('GET', `${C(x)}/members`, { as: x.people.member })).status).toBe(200);
  });

  it("refuses Y's Chairperson a correction to X's sealed minutes", async () => {
    const { M } = await heldMeeting(x);
    const minutes = await local.call('GET', `${M}/minutes`, { as: x.people.chairperson });
    await local.call('POST', `${M}/minutes/signatures`, { as: x.people.chairperson, body: { contentHash: minutes.json.contentHash } });
    await local.call('POST', `${M}/minutes/signatures`, { as: x.people.secretary, body: { contentHash: minutes.json.contentHash } });
    expect((await local.call('POST', `${M}/minutes/corrections`, { as: y.people.chairperson, body: { text: bilingual, reason: 'жалған' } })).status).toBe(403);
    expect((await local.call('GET', `${M}/minutes`, { as: y.people.member })).status).toBe(403);
  });
});

describe('3. a close counts exactly what was accepted', () => {
  it('counts every ballot that got 201 and no other, while 60 arrive during the close', async () => {
    const id = 'race-ballots';
    await local.call('POST', '/v1/councils', { as: admin, body: { id, name: { kk: 'К', ru: 'К', en: 'C' }, seats: 2, chairpersonSub: `${id}-chair`, createdOn: '2020-01-01' } });
    const candidates: string[] = [];
    for (const name of ['A', 'B']) candidates.push((await local.call('POST', `${C(id)}/candidates`, { as: admin, body: { name, appliedOn: '2020-01-10', facts: clean } })).json.id);
    const voters = Array.from({ length: 60 }, (_, i) => `${id}-voter-${i}`);
    const commission = await local.call('POST', `${C(id)}/commissions`, { as: { sub: `${id}-chair` }, body: { voters, formedOn: '2020-01-15' } });
    const election = await local.call('POST', `${C(id)}/elections`, { as: { sub: `${id}-chair` }, body: { commissionId: commission.json.id, date: '2020-02-01', seats: 2, candidateIds: candidates } });
    const E = `${C(id)}/elections/${election.json.id}`;
    let answered = 0;
    let close: Promise<{ status: number; json: any }> | undefined;
    const ballots = voters.map(async (sub, i) => {
      const receipt = receiptCode();
      const reply = await local.call('POST', `${E}/ballots`, { as: { sub }, body: { choices: [candidates[i % 2]!], receipt } });
      // The close starts while most ballots are still in flight.
      if (++answered === 10) close = local.call('POST', `${E}/close`, { as: { sub: `${id}-chair` } });
      return { sub, receipt, status: reply.status, code: reply.json?.error?.code };
    });
    const results = await Promise.all(ballots);
    const closed = await close!;
    expect(closed.status, JSON.stringify(closed.json)).toBe(200);
    const accepted = results.filter((r) => r.status === 201);
    // Not accepted: the round was closing (409), or the store asked for a retry (503); never counted.
    for (const r of results.filter((x) => x.status !== 201)) expect(['election-closed', 'store-unavailable']).toContain(r.code);
    expect(closed.json.election.result.ballotsCast).toBe(accepted.length);
    for (const r of results) {
      const check = await local.call('GET', `${E}/receipts?receipt=${r.receipt}`, { as: { sub: r.sub } });
      expect(check.json.counted, `${r.sub} got ${r.status}`).toBe(r.status === 201);
    }
  });

  it('counts every vote that got 200 and no other, while votes arrive during the close', async () => {
    const s = await seatCouncil(local, 'race-votes', 10);
    const chair = s.people.chairperson;
    const convened = await local.call('POST', `${C(s)}/meetings`, { as: chair, body: { kind: 'regular', date: '2020-06-10', agenda: [{ title: bilingual }] } });
    const M = `${C(s)}/meetings/${convened.json.id}`;
    for (const mid of ['chairperson', ...s.memberIds]) await local.call('PUT', `${M}/attendance/${mid}`, { as: chair, body: { present: true } });
    const motion = await local.call('POST', `${M}/motions`, { as: chair, body: { itemId: convened.json.agenda[0].id, kind: 'ordinary', title: bilingual } });
    expect((await local.call('PUT', `${M}/motions/${motion.json.id}/votes/chairperson`, { as: chair, body: { choice: 'for' } })).status).toBe(200);
    let answered = 0;
    let close: Promise<{ status: number; json: any }> | undefined;
    const votes = s.memberIds.map(async (mid, i) => {
      const reply = await local.call('PUT', `${M}/motions/${motion.json.id}/votes/${mid}`, { as: { sub: `${s.councilId}-m${i + 1}` }, body: { choice: i % 3 === 0 ? 'against' : 'for' } });
      if (++answered === 3) close = local.call('POST', `${M}/motions/${motion.json.id}/close`, { as: chair });
      return reply;
    });
    const results = await Promise.all(votes);
    const closed = await close!;
    expect(closed.status, JSON.stringify(closed.json)).toBe(200);
    const accepted = results.filter((r) => r.status === 200).length + 1; // and the Chairperson's
    for (const r of results.filter((x) => x.status !== 200)) expect(['motion-closed', 'store-unavailable']).toContain(r.json.error.code);
    const { votesFor, votesAgainst, abstained } = closed.json.result.facts;
    expect(votesFor + votesAgainst + abstained).toBe(accepted);
  });
});

describe('4. what is signed never changes, and a change before the seal asks for the signature again', () => {
  it('voids the first signature visibly when a dissent follows it, then seals with both', async () => {
    const s = await seatCouncil(local, 'seal-void');
    const { M, motionId } = await heldMeeting(s);
    const read = async () => (await local.call('GET', `${M}/minutes`, { as: s.people.chairperson })).json;
    const first = await read();
    expect((await local.call('POST', `${M}/minutes/signatures`, { as: s.people.chairperson, body: { contentHash: first.contentHash } })).status).toBe(201);
    expect((await read()).awaiting).toEqual(['secretary']);
    expect((await local.call('POST', `${M}/motions/${motionId}/dissents`, { as: s.people.member, body: { text: 'Келіспеймін', language: 'kk' } })).status).toBe(201);
    const changed = await read();
    expect(changed.contentHash).not.toBe(first.contentHash);
    expect(changed.signatures).toEqual([]);
    expect(changed.voidedSignatures).toMatchObject([{ role: 'chairperson', contentHash: first.contentHash }]);
    expect(changed.awaiting).toEqual(['chairperson', 'secretary']);
    // The Secretary signing the old content is asked to read again; the new content takes both.
    expect((await local.call('POST', `${M}/minutes/signatures`, { as: s.people.secretary, body: { contentHash: first.contentHash } })).json.error.code).toBe('minutes-changed');
    expect((await local.call('POST', `${M}/minutes/signatures`, { as: s.people.secretary, body: { contentHash: changed.contentHash } })).json.sealed).toBe(false);
    const sealed = await local.call('POST', `${M}/minutes/signatures`, { as: s.people.chairperson, body: { contentHash: changed.contentHash } });
    expect(sealed.json).toMatchObject({ sealed: true, contentHash: changed.contentHash });
  });

  it('voids the first signature when the record changes elsewhere (a backdated termination), never a dead end', async () => {
    const s = await seatCouncil(local, 'seal-elsewhere');
    const { M } = await heldMeeting(s);
    const first = (await local.call('GET', `${M}/minutes`, { as: s.people.chairperson })).json;
    await local.call('POST', `${M}/minutes/signatures`, { as: s.people.chairperson, body: { contentHash: first.contentHash } });
    // A death certified later, dated before the meeting: the minutes now show one fewer member.
    expect((await local.call('POST', `${C(s)}/members/${s.memberIds[2]}/terminations`, { as: s.people.chairperson, body: { ground: 3, factDate: '2020-06-01', evidence: ['куәлік'] } })).status).toBe(201);
    const now = (await local.call('GET', `${M}/minutes`, { as: s.people.chairperson })).json;
    expect(now.contentHash).not.toBe(first.contentHash);
    expect(now.awaiting).toEqual(['chairperson', 'secretary']);
    const second = await local.call('POST', `${M}/minutes/signatures`, { as: s.people.secretary, body: { contentHash: now.contentHash } });
    expect(second.json.sealed).toBe(false);
    expect((await local.call('POST', `${M}/minutes/signatures`, { as: s.people.chairperson, body: { contentHash: now.contentHash } })).json.sealed).toBe(true);
  });

  it('after both signatures: refuses every write that feeds the minutes, and keeps the signed content when appointments change later', async () => {
    const s = await seatCouncil(local, 'seal-held');
    const { M, motionId } = await heldMeeting(s);
    const signed = (await local.call('GET', `${M}/minutes`, { as: s.people.chairperson })).json;
    await local.call('POST', `${M}/minutes/signatures`, { as: s.people.chairperson, body: { contentHash: signed.contentHash } });
    await local.call('POST', `${M}/minutes/signatures`, { as: s.people.secretary, body: { contentHash: signed.contentHash } });
    const refused = [
      await local.call('POST', `${M}/motions/${motionId}/dissents`, { as: s.people.member, body: { text: 'Кеш', language: 'kk' } }),
      await local.call('PUT', `${M}/attendance/chairperson`, { as: s.people.chairperson, body: { present: false } }),
      await local.call('POST', `${M}/minutes/signatures`, { as: s.people.chairperson, body: {} }),
    ];
    expect(refused.map((r) => r.json.error.code)).toEqual(['minutes-signed', 'minutes-signed', 'minutes-signed']);
    // Later: a new Secretary (2022) and a member who leaves: the signed 2020 minutes do not move.
    expect((await local.call('PUT', `${C(s)}/secretary`, { as: s.people.chairperson, body: { memberId: s.memberIds[1], on: '2022-01-10' } })).status).toBe(200);
    const leaving = await local.call('POST', `${C(s)}/members/${s.memberIds[0]}/leaving`, { as: s.people.secretary, body: { noticeDate: '2020-06-01' } });
    expect((await local.call('POST', `${C(s)}/members/${s.memberIds[0]}/leaving/${leaving.json.id}/acceptance`, { as: s.people.chairperson, body: { on: '2020-06-02' } })).status).toBe(200);
    const after = (await local.call('GET', `${M}/minutes`, { as: s.people.chairperson })).json;
    expect(after.contentHash).toBe(signed.contentHash);
    expect(after.present).toEqual(signed.present);
    expect(after.sealed).toBe(true);
    // Corrections: the council's Chairperson or Secretary only.
    expect((await local.call('POST', `${M}/minutes/corrections`, { as: s.people.member, body: { text: bilingual, reason: 'қате' } })).status).toBe(403);
    const correction = await local.call('POST', `${M}/minutes/corrections`, { as: s.people.chairperson, body: { text: bilingual, reason: 'қате' } });
    expect(correction.json.contentHash).toBe(signed.contentHash);
  });

  it('files the signed minutes as PDF in kk and ru at the seal, serves those bytes, and files a corrected one beside them', async () => {
    const s = await seatCouncil(local, 'seal-pdf');
    const { M } = await heldMeeting(s);
    const read = async () => (await local.call('GET', `${M}/minutes`, { as: s.people.chairperson })).json as MinutesDoc;
    const pdf = async (lang: string) => {
      const response = await fetch(`${local.base}${M}/minutes.pdf?lang=${lang}`, { headers: { authorization: `Bearer ${await local.tokens.mint(s.people.member.sub, [])}` } });
      expect(response.status).toBe(200);
      return Buffer.from(await response.arrayBuffer());
    };
    const draft = await read();
    expect(await documentFiles().get(minutesFileKey({ ...draft, sealed: true }, 'kk'))).toBeUndefined();
    await local.call('POST', `${M}/minutes/signatures`, { as: s.people.chairperson, body: { contentHash: draft.contentHash } });
    // One signature does not seal: nothing is filed yet.
    expect(await documentFiles().get(minutesFileKey(await read(), 'kk'))).toBeUndefined();
    await local.call('POST', `${M}/minutes/signatures`, { as: s.people.secretary, body: { contentHash: draft.contentHash } });
    const sealed = await read();
    // Filed by the signature that sealed, before anyone downloaded.
    const filed = { kk: await documentFiles().get(minutesFileKey(sealed, 'kk')), ru: await documentFiles().get(minutesFileKey(sealed, 'ru')) };
    expect(filed.kk?.subarray(0, 4).toString()).toBe('%PDF');
    expect(filed.ru?.subarray(0, 4).toString()).toBe('%PDF');
    expect((await pdf('kk')).equals(filed.kk!)).toBe(true);
    expect((await pdf('ru')).equals(filed.ru!)).toBe(true);
    // A correction is another document (p28): filed beside the signed one, which stays as it was.
    await local.call('POST', `${M}/minutes/corrections`, { as: s.people.secretary, body: { text: { kk: 'Түзету мәтіні', ru: 'Текст исправления' }, reason: 'қате' } });
    const corrected = await read();
    const after = await documentFiles().get(minutesFileKey(corrected, 'ru'));
    expect(after && !after.equals(filed.ru!)).toBe(true);
    expect((await pdf('ru')).equals(after!)).toBe(true);
    expect((await documentFiles().get(minutesFileKey(sealed, 'ru')))!.equals(filed.ru!)).toBe(true);
  });
});

describe('5. one lot', () => {
  it('refuses a second lot for the first election with a 409 naming the first, even when several race', async () => {
    const s = await seatCouncil(local, 'one-lot', 4);
    const tries = await Promise.all(Array.from({ length: 5 }, () => local.call('POST', `${C(s)}/lots`, { as: s.people.chairperson, body: { electionId: s.electionId, on: '2020-02-03' } })));
    const made = tries.filter((t) => t.status === 201);
    expect(made).toHaveLength(1);
    for (const t of tries.filter((r) => r.status !== 201)) expect(t.json.error).toMatchObject({ code: 'lot-exists', existing: { kind: 'lot', id: made[0]!.json.id } });
    const again = await local.call('POST', `${C(s)}/lots`, { as: s.people.chairperson, body: { electionId: s.electionId, on: '2020-02-05' } });
    expect(again.json.error.existing.id).toBe(made[0]!.json.id);
  });
});

describe('6. the Secretary on a date', () => {
  it('answers who was Secretary on each date, and lets only the Secretary of the meeting date sign', async () => {
    const s = await seatCouncil(local, 'secretary-dates');
    const secretaryOn = async (at: string) => (await local.call('GET', `${C(s)}/members?at=${at}`, { as: s.people.chairperson })).json.secretaryMemberId;
    expect(await secretaryOn('2020-02-01')).toBeUndefined();
    expect(await secretaryOn('2020-03-01')).toBe(s.memberIds[0]);
    expect((await local.call('PUT', `${C(s)}/secretary`, { as: s.people.chairperson, body: { memberId: s.memberIds[1], on: '2022-01-10' } })).status).toBe(200);
    expect(await secretaryOn('2020-03-01')).toBe(s.memberIds[0]);
    expect(await secretaryOn('2022-02-01')).toBe(s.memberIds[1]);
    // The first Secretary leaves in 2021: from then until the next appointment there is none.
    const notice = await local.call('POST', `${C(s)}/members/${s.memberIds[0]}/leaving`, { as: s.people.secretary, body: { noticeDate: '2021-05-20' } });
    await local.call('POST', `${C(s)}/members/${s.memberIds[0]}/leaving/${notice.json.id}/acceptance`, { as: s.people.chairperson, body: { on: '2021-06-01' } });
    expect(await secretaryOn('2021-07-01')).toBeUndefined();
    expect(await secretaryOn('2021-05-01')).toBe(s.memberIds[0]);
    // A 2022 meeting: the former Secretary cannot sign its minutes; the 2022 Secretary can.
    setToday('2022-02-10');
    const { M } = await heldMeeting(s, '2022-02-10', s.memberIds.slice(1));
    const content = (await local.call('GET', `${M}/minutes`, { as: s.people.chairperson })).json;
    expect((await local.call('POST', `${M}/minutes/signatures`, { as: s.people.secretary, body: { contentHash: content.contentHash } })).status).toBe(403);
    const signed = await local.call('POST', `${M}/minutes/signatures`, { as: { sub: `${s.councilId}-m2` }, body: { contentHash: content.contentHash } });
    expect(signed.json).toMatchObject({ role: 'secretary', name: 'Мүше 2' });
    setToday('2020-06-10');
  });
});

describe('7. a retry never writes twice', () => {
  let s: Seated;
  beforeAll(async () => {
    s = await seatCouncil(local, 'retries');
  });

  it('answers a create retried with its Idempotency-Key with the first answer, once, on every kind of create', async () => {
    const chair = s.people.chairperson;
    const meeting = await local.call('POST', `${C(s)}/meetings`, { as: chair, body: { kind: 'regular', date: '2020-06-11', agenda: [{ title: bilingual }] } });
    const creates: [string, string, unknown, { sub: string; roles?: 'admin'[] }][] = [
      ['POST', '/v1/councils', { name: { kk: 'К', ru: 'К', en: 'C' }, seats: 3, chairpersonSub: 'someone' }, admin],
      ['POST', `${C(s)}/candidates`, { name: 'Қайталау', appliedOn: '2020-06-10', facts: clean }, admin],
      ['POST', `${C(s)}/commissions`, { voters: ['v-again'], formedOn: '2020-06-10' }, chair],
      ['POST', `${C(s)}/meetings`, { kind: 'regular', date: '2020-06-12' }, chair],
      ['POST', `${C(s)}/meetings/${meeting.json.id}/agenda`, { title: bilingual }, chair],
      ['POST', `${C(s)}/meetings/${meeting.json.id}/motions`, { itemId: meeting.json.agenda[0].id, kind: 'ordinary', title: bilingual }, chair],
      ['POST', `${C(s)}/extraordinary-demands`, { reason: bilingual, on: '2020-06-10' }, s.people.member],
      ['POST', `${C(s)}/members/${s.memberIds[2]}/leaving`, { noticeDate: '2020-06-10' }, { sub: `${s.councilId}-m3` }],
    ];
    for (const [method, path, body, as] of creates) {
      const key = randomUUID();
      const first = await local.call(method, path, { as, body, headers: { 'idempotency-key': key } });
      expect(first.status, `${path}: ${first.text}`).toBe(201);
      const again = await local.call(method, path, { as, body, headers: { 'idempotency-key': key } });
      expect({ status: again.status, json: again.json, replayed: again.headers.get('idempotent-replayed') }, path).toEqual({ status: 201, json: first.json, replayed: 'true' });
      if (path.endsWith('/candidates')) {
        const other = await local.call(method, path, { as, body: { ...(body as object), name: 'Басқа' }, headers: { 'idempotency-key': key } });
        expect(other.status).toBe(422);
        expect(other.json.error).toMatchObject({ code: 'idempotency-key-reused', field: 'header.idempotency-key' });
      }
    }
    const registered = (await local.call('GET', `${C(s)}/audit`, { as: chair })).json.entries.filter((e: { action: string }) => e.action === 'candidate-registered');
    expect(registered).toHaveLength(3 + 1); // three seated, one registered once despite the retry
  });

  it('answers concurrent twins of one key once: one effect, the others replay or wait', async () => {
    const key = randomUUID();
    const body = { name: 'Егіз', appliedOn: '2020-06-10', facts: clean };
    const replies = await Promise.all(Array.from({ length: 5 }, () => local.call('POST', `${C(s)}/candidates`, { as: admin, body, headers: { 'idempotency-key': key } })));
    const ids = new Set(replies.filter((r) => r.status === 201).map((r) => r.json.id));
    expect(ids.size).toBe(1);
    for (const r of replies.filter((x) => x.status !== 201)) expect(r.json.error.code).toBe('request-in-progress');
    const items = (await scan()).filter((i) => i.type === 'candidate' && i.name === 'Егіз');
    expect(items).toHaveLength(1);
  });

  it('recognises a ballot retried with its receipt code as the same ballot, counted once', async () => {
    const id = 'retry-ballot';
    await local.call('POST', '/v1/councils', { as: admin, body: { id, name: { kk: 'К', ru: 'К', en: 'C' }, seats: 1, chairpersonSub: `${id}-chair`, createdOn: '2020-01-01' } });
    const candidate = await local.call('POST', `${C(id)}/candidates`, { as: admin, body: { name: 'A', appliedOn: '2020-01-10', facts: clean } });
    const commission = await local.call('POST', `${C(id)}/commissions`, { as: { sub: `${id}-chair` }, body: { voters: ['rv-1'], formedOn: '2020-01-15' } });
    const election = await local.call('POST', `${C(id)}/elections`, { as: { sub: `${id}-chair` }, body: { commissionId: commission.json.id, date: '2020-02-01', seats: 1, candidateIds: [candidate.json.id] } });
    const E = `${C(id)}/elections/${election.json.id}`;
    const receipt = receiptCode();
    const ballot = { choices: [candidate.json.id], receipt };
    const [a, b] = await Promise.all([local.call('POST', `${E}/ballots`, { as: { sub: 'rv-1' }, body: ballot }), local.call('POST', `${E}/ballots`, { as: { sub: 'rv-1' }, body: ballot })]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.json.receipt, b.json.receipt]).toEqual([receipt, receipt]);
    const other = await local.call('POST', `${E}/ballots`, { as: { sub: 'rv-1' }, body: { choices: [], receipt: receiptCode() } });
    expect(other.json.error.code).toBe('already-voted');
    const closed = await local.call('POST', `${E}/close`, { as: { sub: `${id}-chair` } });
    expect(closed.json.election.result.ballotsCast).toBe(1);
  });

  it('seats a person once: a second application of the same person is a 409 naming the first, even when they race', async () => {
    const body = { name: 'Бір адам', sub: 'one-person', appliedOn: '2020-06-10', facts: clean };
    const replies = await Promise.all(Array.from({ length: 5 }, () => local.call('POST', `${C(s)}/candidates`, { as: admin, body })));
    const made = replies.filter((r) => r.status === 201);
    expect(made).toHaveLength(1);
    for (const r of replies.filter((x) => x.status !== 201)) expect(r.json.error).toMatchObject({ code: 'already-a-candidate', existing: { kind: 'candidate', id: made[0]!.json.id } });
  });
});

describe('8. every count and text is bounded, and closes of any legal size work', () => {
  it('closes an election for 40 seats', async () => {
    const s = await seatCouncil(local, 'forty', 40);
    const members = (await local.call('GET', `${C(s)}/members?at=2020-03-01`, { as: s.people.chairperson })).json.current;
    expect(members).toHaveLength(40);
  });

  it('refuses null bodies and over-long texts with a 400 naming the field, and a refused application leaves no record', async () => {
    for (const [path, as] of [['/v1/rules/evaluate', undefined], ['/v1/rules/versions', admin], ['/v1/rules/versions/dry-run', admin]] as const) {
      const reply = await local.call('POST', path, { as, body: 'null' });
      expect(reply.status, path).toBe(400);
      expect(reply.json.error.field).toMatch(/^body/);
    }
    const long = await local.call('POST', '/v1/councils', { as: admin, body: { name: { kk: 'x'.repeat(250_000), ru: 'К', en: 'C' }, seats: 3, chairpersonSub: 'someone' } });
    expect(long.status).toBe(400);
    expect(long.json.error.details.map((d: { field: string }) => d.field)).toEqual(['body.name.kk']);
    const before = (await scan()).filter((i) => i.type === 'decision').length;
    const refused = await local.call('POST', `${C('forty')}/candidates`, { as: admin, body: { name: 'Refused', appliedOn: '2020-06-10', facts: { ...clean, citizenOfKazakhstan: false } } });
    expect(refused.status).toBe(422);
    expect((await scan()).filter((i) => i.type === 'decision').length).toBe(before);
  });
});

describe('10. the table keeps no voter order', () => {
  it("stores a ballot's choices in a canonical order, not the voter's", async () => {
    const id = 'canonical';
    await local.call('POST', '/v1/councils', { as: admin, body: { id, name: { kk: 'К', ru: 'К', en: 'C' }, seats: 3, chairpersonSub: `${id}-chair`, createdOn: '2020-01-01' } });
    const ids: string[] = [];
    for (const name of ['A', 'B', 'C']) ids.push((await local.call('POST', `${C(id)}/candidates`, { as: admin, body: { name, appliedOn: '2020-01-10', facts: clean } })).json.id);
    const commission = await local.call('POST', `${C(id)}/commissions`, { as: { sub: `${id}-chair` }, body: { voters: ['cv-1'], formedOn: '2020-01-15' } });
    const election = await local.call('POST', `${C(id)}/elections`, { as: { sub: `${id}-chair` }, body: { commissionId: commission.json.id, date: '2020-02-01', seats: 3, candidateIds: ids } });
    const choices = [...ids].sort().reverse();
    expect((await local.call('POST', `${C(id)}/elections/${election.json.id}/ballots`, { as: { sub: 'cv-1' }, body: { choices, receipt: receiptCode() } })).status).toBe(201);
    const ballot = (await scan()).find((i) => i.type === 'ballot' && i.pk === `COUNCIL#${id}`)!;
    expect(ballot.choices).toEqual([...ids].sort());
    expect(Object.keys(ballot).sort()).toEqual(['choices', 'pk', 'sk', 'type']);
  });
});

describe('11. the audit log', () => {
  it('records who did what and when, to the Chairperson and the administrator only, and never a ballot', async () => {
    const s = await seatCouncil(local, 'audited');
    const { M } = await heldMeeting(s);
    const content = (await local.call('GET', `${M}/minutes`, { as: s.people.chairperson })).json;
    await local.call('POST', `${M}/minutes/signatures`, { as: s.people.chairperson, body: { contentHash: content.contentHash } });
    await local.call('POST', `${M}/minutes/signatures`, { as: s.people.secretary, body: { contentHash: content.contentHash } });
    const log = await local.call('GET', `${C(s)}/audit`, { as: s.people.chairperson });
    expect(log.status).toBe(200);
    const actions = log.json.entries.map((e: { action: string }) => e.action);
    for (const action of ['council-created', 'candidate-registered', 'commission-formed', 'election-opened', 'election-closed', 'secretary-appointed', 'meeting-convened', 'motion-decided', 'meeting-held', 'minutes-signed', 'minutes-sealed']) {
      expect(actions, action).toContain(action);
    }
    for (const entry of log.json.entries) expect(entry.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    // Never a ballot or a voter's receipt: who voted, and when, would link a voter to a ballot.
    expect(log.json.entries.filter((e: { subject: { kind: string }; action: string }) => ['ballot', 'voter'].includes(e.subject.kind) || e.action.includes('ballot'))).toEqual([]);
    expect((await local.call('GET', `${C(s)}/audit`, { as: admin })).status).toBe(200);
    for (const as of [s.people.secretary, s.people.member, s.people.voter, outsider]) expect((await local.call('GET', `${C(s)}/audit`, { as })).status).toBe(403);
    // Append-only: no route writes or deletes it.
    expect((routes as readonly Route[]).filter((r) => r.path.endsWith('/audit') && r.method !== 'GET')).toEqual([]);
  });
});
