import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setToday } from '../../functions/clock.ts';
import { seatCouncil, type Seated } from '../scenarios/council.ts';
import { receiptCode } from '../scenarios/membership.ts';
import { startLocal } from './local.ts';

/**
 * The domain side of "the law read right", through HTTP: p12 is renunciation of membership, not
 * recusal; p21 makes a meeting possible and puts the demand before the Chairperson until it is
 * answered; a motion the presiding person did not vote on can be decided; the readings of the
 * terms (a renewal starts when the outgoing terms end, a vacancy fills the rest of a seat's term,
 * never more members than seats), of leaving and of a termination's date; p11's deadlines and
 * leaving notices in the Chairperson's notices; what the Secretary enters says so.
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

const C = (s: Seated) => `/v1/councils/${s.councilId}`;
const m = (s: Seated, i: number) => ({ sub: `${s.councilId}-m${i}` });
const bilingual = { kk: 'Мәтін', ru: 'Текст' };
const notices = async (s: Seated) => (await local.call('GET', `${C(s)}/notices`, { as: s.people.chairperson })).json.notices as any[];

describe('p12: renunciation of membership, never recusal', () => {
  it('has no recusal route, and ends a membership on the member’s renunciation from the day the reading says', async () => {
    const s = await seatCouncil(local, 'p12');
    expect((await local.call('POST', `${C(s)}/members/${s.memberIds[1]}/recusals`, { as: m(s, 2), body: { meetingId: 'x', itemId: 'y', reason: 'z' } })).status).toBe(404);
    const notice = await local.call('POST', `${C(s)}/members/${s.memberIds[1]}/leaving`, { as: m(s, 2), body: { kind: 'renunciation', noticeDate: '2020-06-01', statement: 'Бейтараптығыма күмән бар' } });
    expect(notice.status, notice.text).toBe(201);
    expect(notice.json).toMatchObject({ kind: 'renunciation', reasons: [{ point: 'p12' }] });
    // The Chairperson finds it among the notices, with what is needed to accept it.
    expect(await notices(s)).toContainEqual(expect.objectContaining({ kind: 'leaving-notice', ref: notice.json.id, memberId: s.memberIds[1], leaving: 'renunciation', on: '2020-06-01' }));
    const accepted = await local.call('POST', `${C(s)}/members/${s.memberIds[1]}/leaving/${notice.json.id}/acceptance`, { as: s.people.chairperson, body: { on: '2020-06-05', receivedOn: '2020-06-02' } });
    expect(accepted.json).toMatchObject({ endedOn: '2020-06-05', point: 'p12' });
    expect(accepted.json.readings).toContainEqual(expect.objectContaining({ parameter: 'leaving.powersEnd', value: 'acceptance' }));
    expect((await notices(s)).filter((n) => n.kind === 'leaving-notice')).toEqual([]);
  });

  it('refuses a p12 act dated before Order No. 5, whose wording of p12 is unknown (422 naming p12)', async () => {
    setToday('2019-03-01');
    try {
      const id = 'p12-early';
      const admin = { sub: 'office-admin', roles: ['admin' as const] };
      await local.call('POST', '/v1/councils', { as: admin, body: { id, name: { kk: 'К', ru: 'К', en: 'C' }, seats: 1, chairpersonSub: `${id}-chair`, createdOn: '2018-01-01' } });
      const candidate = await local.call('POST', `/v1/councils/${id}/candidates`, { as: admin, body: { name: 'A', sub: `${id}-m1`, appliedOn: '2018-01-10', facts: { citizenOfKazakhstan: true, unexpungedCriminalRecord: false, suspectOrAccused: false, legalCapacity: 'full', psychiatricOrNarcologicalRegistration: false, releasedFromLiabilityOnNonRehabilitatingGrounds: false, dismissedOnNegativeGrounds: false, expelledFromBar: false, advocateLicenceRevoked: false } } });
      const commission = await local.call('POST', `/v1/councils/${id}/commissions`, { as: { sub: `${id}-chair` }, body: { voters: [`${id}-v`], formedOn: '2018-01-15' } });
      const election = await local.call('POST', `/v1/councils/${id}/elections`, { as: { sub: `${id}-chair` }, body: { commissionId: commission.json.id, date: '2018-02-01', seats: 1, candidateIds: [candidate.json.id] } });
      await local.call('POST', `/v1/councils/${id}/elections/${election.json.id}/ballots`, { as: { sub: `${id}-v` }, body: { choices: [candidate.json.id], receipt: receiptCode() } });
      const closed = await local.call('POST', `/v1/councils/${id}/elections/${election.json.id}/close`, { as: { sub: `${id}-chair` } });
      const refused = await local.call('POST', `/v1/councils/${id}/members/${closed.json.members[0].id}/leaving`, { as: { sub: `${id}-m1` }, body: { kind: 'renunciation', noticeDate: '2018-06-01' } });
      expect(refused.status, refused.text).toBe(422);
      expect(refused.json.error.reasons.map((r: { point: string }) => r.point)).toContain('p12');
    } finally {
      setToday('2020-06-10');
    }
  });
});

describe('p21: a valid demand is before the Chairperson until a meeting answers it', () => {
  it('says a meeting may be convened, notifies, and leaves the notices once convened', async () => {
    const s = await seatCouncil(local, 'p21');
    const opened = await local.call('POST', `${C(s)}/extraordinary-demands`, { as: m(s, 2), body: { reason: bilingual, on: '2020-06-10' } });
    expect(opened.status, opened.text).toBe(201);
    // 3 members and the Chairperson: a third is 2 (3 × 2 ≥ 4).
    const due = await local.call('POST', `${C(s)}/extraordinary-demands/${opened.json.id}/signatures`, { as: m(s, 3), body: { on: '2020-06-11' } });
    expect(due.json).toMatchObject({ status: 'may-convene', decision: { outcome: 'may-convene', reasons: [{ point: 'p21' }] } });
    expect((await notices(s)).filter((n) => n.kind === 'extraordinary-demand').map((n) => n.ref)).toEqual([opened.json.id]);
    expect((await local.call('POST', `${C(s)}/meetings`, { as: s.people.chairperson, body: { kind: 'extraordinary', date: '2020-06-20', demandId: opened.json.id } })).status).toBe(201);
    expect((await notices(s)).filter((n) => n.kind === 'extraordinary-demand')).toEqual([]);
  });
});

describe('p25: the presiding person who did not vote', () => {
  it('decides a motion the presiding person did not vote on; the Secretary’s entries say who entered them', async () => {
    const s = await seatCouncil(local, 'no-vote');
    const chair = s.people.chairperson;
    const convened = await local.call('POST', `${C(s)}/meetings`, { as: chair, body: { kind: 'regular', date: '2020-06-10', agenda: [{ title: bilingual }] } });
    const M = `${C(s)}/meetings/${convened.json.id}`;
    for (const id of ['chairperson', ...s.memberIds]) await local.call('PUT', `${M}/attendance/${id}`, { as: chair, body: { present: true } });
    const motion = await local.call('POST', `${M}/motions`, { as: chair, body: { itemId: convened.json.agenda[0].id, kind: 'ordinary', title: bilingual } });
    for (const [i, id] of s.memberIds.entries()) {
      // The Secretary (m1) enters every member's show of hands, their own included.
      const reply = await local.call('PUT', `${M}/motions/${motion.json.id}/votes/${id}`, { as: s.people.secretary, body: { choice: i < 2 ? 'for' : 'against' } });
      expect(reply.status, reply.text).toBe(200);
    }
    const closed = await local.call('POST', `${M}/motions/${motion.json.id}/close`, { as: chair });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.json.result.facts).toMatchObject({ presidingVote: 'none', votesFor: 2, votesAgainst: 1 });
    const dissent = await local.call('POST', `${M}/motions/${motion.json.id}/dissents`, { as: s.people.secretary, body: { text: 'Қарсымын', language: 'kk', memberId: s.memberIds[2] } });
    expect(dissent.json).toMatchObject({ memberId: s.memberIds[2], enteredBy: s.memberIds[0] });
    expect((await local.call('POST', `${M}/motions/${motion.json.id}/dissents`, { as: m(s, 2), body: { text: 'Менің атымнан', language: 'kk', memberId: s.memberIds[2] } })).status).toBe(403);
    await local.call('POST', `${M}/close`, { as: chair });
    const minutes = (await local.call('GET', `${M}/minutes`, { as: chair })).json;
    expect(minutes.motions[0].entered).toHaveLength(1);
    expect(minutes.motions[0].entered[0].by).toBe('Мүше 1');
    expect([...minutes.motions[0].entered[0].voters].sort()).toEqual(['Мүше 2', 'Мүше 3']);
    expect(minutes.motions[0].dissents).toEqual([expect.objectContaining({ member: 'Мүше 3', enteredBy: 'Мүше 1' })]);
  });
});

describe('terms by their readings (p11)', () => {
  it('starts a renewal when the outgoing terms end, never seats more members than seats, and fills a vacancy for the rest of its seat’s term', async () => {
    const s = await seatCouncil(local, 'terms');
    const chair = s.people.chairperson;
    const lot = await local.call('POST', `${C(s)}/lots`, { as: chair, body: { electionId: s.electionId, on: '2020-02-03' } });
    const revealed = await local.call('POST', `${C(s)}/lots/${lot.json.id}/reveal`, { as: chair, body: { on: '2020-02-04' } });
    expect(revealed.json.readings.map((r: { parameter: string }) => r.parameter).sort()).toEqual(['lot.base', 'lot.halfRounding', 'term.boundary']);
    const [shortId] = revealed.json.result.short;
    const apply = async (name: string, sub: string, on: string) =>
      (await local.call('POST', `${C(s)}/candidates`, { as: { sub: 'office-admin', roles: ['admin'] }, body: { name, sub, appliedOn: on, facts: { citizenOfKazakhstan: true, unexpungedCriminalRecord: false, suspectOrAccused: false, legalCapacity: 'full', psychiatricOrNarcologicalRegistration: false, releasedFromLiabilityOnNonRehabilitatingGrounds: false, dismissedOnNegativeGrounds: false, expelledFromBar: false, advocateLicenceRevoked: false } } })).json.id as string;

    // A vacancy: a long-term member leaves in 2021; the one elected to the seat serves until 2024-02-01.
    const long = s.memberIds.filter((id) => id !== shortId);
    const leaverIndex = s.memberIds.indexOf(long[0]!) + 1;
    const notice = await local.call('POST', `${C(s)}/members/${long[0]}/leaving`, { as: m(s, leaverIndex), body: { noticeDate: '2021-03-01' } });
    await local.call('POST', `${C(s)}/members/${long[0]}/leaving/${notice.json.id}/acceptance`, { as: chair, body: { on: '2021-03-05' } });
    const filler = await apply('Орынға', 'terms-filler', '2021-03-10');
    const vacancy = await local.call('POST', `${C(s)}/elections`, { as: chair, body: { commissionId: s.commissionId, date: '2021-04-01', seats: 1, candidateIds: [filler], vacancyOf: [long[0]] } });
    expect(vacancy.status, vacancy.text).toBe(201);
    expect(vacancy.json).toMatchObject({ kind: 'vacancy', termEnd: '2024-02-01' });
    expect(vacancy.json.readings).toContainEqual(expect.objectContaining({ parameter: 'term.vacancy', value: 'rest-of-seat' }));
    await local.call('POST', `${C(s)}/elections/${vacancy.json.id}/ballots`, { as: s.people.voter, body: { choices: [filler], receipt: receiptCode() } });
    const filled = await local.call('POST', `${C(s)}/elections/${vacancy.json.id}/close`, { as: chair });
    expect(filled.json.members[0].terms[0]).toMatchObject({ start: '2021-04-01', end: '2024-02-01' });

    // The renewal of the short half: its terms start when the outgoing ones end (2022-02-01).
    const fresh = await apply('Жаңа', 'terms-fresh', '2021-12-01');
    const tooMany = await local.call('POST', `${C(s)}/elections`, { as: chair, body: { commissionId: s.commissionId, date: '2022-01-05', seats: 2, candidateIds: [fresh] } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.details[0]).toMatchObject({ field: 'body.seats', code: 'more-than-seats' });
    const renewal = await local.call('POST', `${C(s)}/elections`, { as: chair, body: { commissionId: s.commissionId, date: '2022-01-05', seats: 1, candidateIds: [fresh] } });
    expect(renewal.json).toMatchObject({ kind: 'renewal', termStart: '2022-02-01' });
    expect(renewal.json.readings).toContainEqual(expect.objectContaining({ parameter: 'term.renewalStart', value: 'when-outgoing-end' }));
  });

  it('ends a member’s powers by a Council decision no earlier than the vote that decided it (p18.1, p25)', async () => {
    const s = await seatCouncil(local, 'ground-one');
    const chair = s.people.chairperson;
    const convened = await local.call('POST', `${C(s)}/meetings`, { as: chair, body: { kind: 'regular', date: '2020-06-10', agenda: [{ title: bilingual }] } });
    const M = `${C(s)}/meetings/${convened.json.id}`;
    for (const id of ['chairperson', ...s.memberIds]) await local.call('PUT', `${M}/attendance/${id}`, { as: chair, body: { present: true } });
    const motion = await local.call('POST', `${M}/motions`, { as: chair, body: { itemId: convened.json.agenda[0].id, kind: 'termination', title: bilingual, subjectMemberId: s.memberIds[2] } });
    for (const id of ['chairperson', ...s.memberIds]) {
      const as = id === 'chairperson' ? chair : m(s, s.memberIds.indexOf(id) + 1);
      await local.call('PUT', `${M}/motions/${motion.json.id}/votes/${id}`, { as, body: { choice: 'for' } });
    }
    const closed = await local.call('POST', `${M}/motions/${motion.json.id}/close`, { as: chair });
    expect(closed.json.result.outcome).toBe('adopted');
    const ended = await local.call('POST', `${C(s)}/members/${s.memberIds[2]}/terminations`, { as: chair, body: { ground: 1, factDate: '2020-06-01', evidence: ['акт'], decisionId: closed.json.result.decisionId } });
    expect(ended.status, ended.text).toBe(201);
    expect(ended.json.endedOn).toBe('2020-06-10');
  });
});
