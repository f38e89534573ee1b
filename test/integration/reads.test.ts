import { createHash } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setToday } from '../../functions/clock.ts';
import { documentClient } from '../../functions/store/client.ts';
import { admin, outsider, seatCouncil, type Seated } from '../scenarios/council.ts';
import { clean, receiptCode } from '../scenarios/membership.ts';
import { runJob, startLocal } from './local.ts';

/**
 * The read models and the person's own routes through HTTP, on dates when the act was in force:
 * each list for a role it allows and a refused one, pages and cursors, names beside ids, private
 * facts kept from voters, `myBallot` for the voter alone, every person's to-dos, the calendar's
 * secret feed, and the notifications the `notify` job puts in the outbox.
 */
const TODAY = '2020-06-10';
const title = { kk: 'Тергеу изоляторлары', ru: 'Следственные изоляторы' };
const reason = { kk: 'Шұғыл мәселе', ru: 'Срочный вопрос' };
const LATIN = /[A-Za-z]/;

describe('read models and the person’s routes through HTTP', () => {
  let local: Awaited<ReturnType<typeof startLocal>>;
  let x: Seated;
  let y: Seated;
  /** A council whose first election is still open: `z-v1` voted, `z-v2` not yet. */
  let z: { councilId: string; electionId: string; chair: { sub: string }; v1: { sub: string }; v2: { sub: string } };
  const C = () => `/v1/councils/${x.councilId}`;
  let desk = ''; // a meeting in session today with an open motion
  let held = ''; // a meeting held, its minutes not yet signed
  let motionId = '';
  let demandId = '';
  let m: string[] = [];
  const call = (...args: Parameters<Awaited<ReturnType<typeof startLocal>>['call']>) => local.call(...args);
  const ok = async (...args: Parameters<typeof call>) => {
    const reply = await call(...args);
    expect(reply.status, `${args[0]} ${args[1]}: ${reply.text}`).toBeLessThan(300);
    return reply.json;
  };

  beforeAll(async () => {
    local = await startLocal();
    setToday(TODAY);
    [x, y] = await Promise.all([seatCouncil(local, 'reads-x'), seatCouncil(local, 'reads-y')]);
    m = x.memberIds;
    const { chairperson: chair, secretary, member } = x.people;
    // A standing candidate with a public profile.
    await ok('POST', `${C()}/candidates`, { as: admin, body: { name: 'Айгүл Серікқызы', profile: 'Құқық қорғаушы, 12 жыл тәжірибе', sub: 'reads-x-cand', appliedOn: '2020-05-01', facts: clean, documents: ['паспорт'] } });
    // The lot of the first election, drawn.
    const lot = await ok('POST', `${C()}/lots`, { as: chair, body: { electionId: x.electionId, on: '2020-02-05' } });
    await ok('POST', `${C()}/lots/${lot.id}/reveal`, { as: chair, body: { on: '2020-02-06' } });
    // A meeting held on 2020-06-05 (no motion), its minutes awaiting both signatures.
    held = (await ok('POST', `${C()}/meetings`, { as: chair, body: { kind: 'regular', date: '2020-06-05', agenda: [{ title }] } })).id;
    await ok('POST', `${C()}/meetings/${held}/close`, { as: chair, body: {} });
    // The meeting desk today: the Chairperson, the Secretary (m1) and m2 present; m3 not recorded.
    const convened = await ok('POST', `${C()}/meetings`, { as: chair, body: { kind: 'regular', date: TODAY, agenda: [{ title }] } });
    desk = convened.id;
    for (const id of ['chairperson', m[0]!, m[1]!]) await ok('PUT', `${C()}/meetings/${desk}/attendance/${id}`, { as: chair, body: { present: true } });
    motionId = (await ok('POST', `${C()}/meetings/${desk}/motions`, { as: chair, body: { itemId: convened.agenda[0].id, kind: 'ordinary', title } })).id;
    await ok('PUT', `${C()}/meetings/${desk}/motions/${motionId}/votes/${m[1]}`, { as: member, body: { choice: 'for' } });
    // A show of hands: the Secretary enters the Chairperson's vote.
    await ok('PUT', `${C()}/meetings/${desk}/motions/${motionId}/votes/chairperson`, { as: secretary, body: { choice: 'against' } });
    // Later meetings, for the lists.
    await ok('POST', `${C()}/meetings`, { as: chair, body: { kind: 'regular', date: '2020-06-20' } });
    await ok('POST', `${C()}/meetings`, { as: chair, body: { kind: 'regular', date: '2020-09-10' } });
    // A demand m2 opened; m3 has not signed it.
    demandId = (await ok('POST', `${C()}/extraordinary-demands`, { as: member, body: { reason, on: TODAY } })).id;

    // Council Z: an election open, one voter voted.
    const zc = 'reads-z';
    z = { councilId: zc, electionId: '', chair: { sub: `${zc}-chair` }, v1: { sub: `${zc}-v1` }, v2: { sub: `${zc}-v2` } };
    await ok('POST', '/v1/councils', { as: admin, body: { id: zc, name: { kk: 'Кеңес Z', ru: 'Совет Z', en: 'Council Z' }, seats: 2, chairpersonSub: z.chair.sub, createdOn: '2020-01-01' } });
    const candidates = [];
    for (const [i, profile] of [[1, 'Заңгер'], [2, undefined]] as const) {
      candidates.push((await ok('POST', `/v1/councils/${zc}/candidates`, { as: admin, body: { name: `Үміткер ${i}`, profile, appliedOn: '2020-05-01', facts: clean } })).id);
    }
    const commission = await ok('POST', `/v1/councils/${zc}/commissions`, { as: z.chair, body: { voters: [z.v1.sub, z.v2.sub], formedOn: '2020-05-02' } });
    z.electionId = (await ok('POST', `/v1/councils/${zc}/elections`, { as: z.chair, body: { commissionId: commission.id, date: '2020-06-01', seats: 2, candidateIds: candidates } })).id;
    await ok('POST', `/v1/councils/${zc}/elections/${z.electionId}/ballots`, { as: z.v1, body: { choices: [candidates[0]], receipt: receiptCode() } });
  }, 120_000);

  afterAll(async () => {
    setToday(undefined);
    await local.close();
  });

  describe('a council and its lists', () => {
    it('GET a council: its Chairperson and Secretary by name, and my roles today; another council’s people are refused', async () => {
      const seen = await ok('GET', C(), { as: x.people.secretary });
      expect(seen).toMatchObject({ id: x.councilId, seats: 3, chairperson: { sub: x.people.chairperson.sub, name: 'Төраға' }, secretary: { memberId: m[0], name: 'Мүше 1' }, myRoles: ['secretary', 'member'] });
      expect((await ok('GET', C(), { as: admin })).myRoles).toEqual(['admin']);
      expect((await call('GET', C(), { as: y.people.chairperson })).status).toBe(403);
      expect((await call('GET', C(), { as: outsider })).status).toBe(403);
      expect((await call('GET', C())).status).toBe(401);
    });

    it('lists candidates by name with their profile; their facts and documents only to the administrator, Chairperson and Secretary', async () => {
      const byVoter = await ok('GET', `${C()}/candidates`, { as: x.people.voter });
      expect(byVoter.items.map((c: { name: string }) => c.name).sort()).toEqual(['Айгүл Серікқызы', 'Мүше 1', 'Мүше 2', 'Мүше 3']);
      expect(byVoter.items.find((c: { name: string }) => c.name === 'Айгүл Серікқызы').profile).toBe('Құқық қорғаушы, 12 жыл тәжірибе');
      for (const c of byVoter.items) for (const secret of ['facts', 'documents', 'sub', 'eligibility']) expect(c).not.toHaveProperty(secret);
      const bySecretary = await ok('GET', `${C()}/candidates`, { as: x.people.secretary });
      expect(bySecretary.items.every((c: { facts?: object }) => c.facts)).toBe(true);
      expect(bySecretary.items.find((c: { name: string }) => c.name === 'Мүше 2')).toMatchObject({ status: 'elected', memberId: m[1], sub: x.people.member.sub });
      expect((await call('GET', `${C()}/candidates`, { as: x.people.member })).status).toBe(403);
      expect((await call('GET', `${C()}/candidates`, { as: y.people.voter })).status).toBe(403);
    });

    it('pages with cursors: two pages without overlap, the last without `next`; a bad cursor or limit is a 400 naming it', async () => {
      const first = await ok('GET', `${C()}/candidates?limit=3`, { as: admin });
      expect(first.items).toHaveLength(3);
      expect(first.next).toEqual(expect.any(String));
      const second = await ok('GET', `${C()}/candidates?limit=3&cursor=${first.next}`, { as: admin });
      expect(second.items).toHaveLength(1);
      expect(second.next).toBeUndefined();
      expect(new Set([...first.items, ...second.items].map((c: { id: string }) => c.id)).size).toBe(4);

      const fieldsOf = (reply: { json: { error: { details: { field: string }[] } } }) => reply.json.error.details.map((d) => d.field);
      for (const cursor of ['not-a-cursor', Buffer.from('{"pk":"COUNCIL#reads-y","sk":"CANDIDATE#x"}').toString('base64url'), Buffer.from('[1]').toString('base64url')]) {
        const refused = await call('GET', `${C()}/candidates?cursor=${cursor}`, { as: admin });
        expect(refused.status, cursor).toBe(400);
        expect(fieldsOf(refused)).toEqual(['query.cursor']);
      }
      // Y's own cursor is no cursor of X's list, nor is a cursor of another list of X.
      const ofY = await ok('GET', `/v1/councils/${y.councilId}/candidates?limit=1`, { as: admin });
      expect((await call('GET', `${C()}/candidates?cursor=${ofY.next}`, { as: admin })).status).toBe(400);
      const audit = await ok('GET', `${C()}/audit?limit=1`, { as: admin });
      expect(fieldsOf(await call('GET', `${C()}/candidates?cursor=${audit.next}`, { as: admin }))).toEqual(['query.cursor']);
      for (const limit of ['0', '201', 'many']) expect(fieldsOf(await call('GET', `${C()}/candidates?limit=${limit}`, { as: admin })), limit).toEqual(['query.limit']);
    });

    it('refuses a profile longer than 500 characters, naming it', async () => {
      const refused = await call('POST', `${C()}/candidates`, { as: admin, body: { name: 'Ұзын', profile: 'ә'.repeat(501), appliedOn: '2020-05-01', facts: clean } });
      expect(refused.status).toBe(400);
      expect(refused.json.error.details.map((d: { field: string }) => d.field)).toEqual(['body.profile']);
    });

    it('lists commissions (voters by user id) to the Chairperson, not to a member', async () => {
      const list = await ok('GET', `${C()}/commissions`, { as: x.people.chairperson });
      expect(list.items).toEqual([{ id: x.commissionId, formedOn: '2020-01-15', voters: [{ sub: x.people.voter.sub }] }]);
      expect((await call('GET', `${C()}/commissions`, { as: x.people.member })).status).toBe(403);
    });

    it('lists elections with their candidates by name; the lot with the members by name', async () => {
      const elections = await ok('GET', `${C()}/elections`, { as: x.people.member });
      expect(elections.items).toHaveLength(1);
      expect(elections.items[0]).toMatchObject({ id: x.electionId, kind: 'first', status: 'closed', round: 1 });
      expect(elections.items[0].candidates.map((c: { name: string }) => c.name)).toEqual(['Мүше 1', 'Мүше 2', 'Мүше 3']);
      const lots = await ok('GET', `${C()}/lots`, { as: x.people.voter });
      expect(lots.items).toHaveLength(1);
      expect(lots.items[0].seed).toEqual(expect.any(String));
      expect(lots.items[0].members.map((n: { name: string }) => n.name).sort()).toEqual(['Мүше 1', 'Мүше 2', 'Мүше 3']);
      expect((await call('GET', `${C()}/lots`, { as: y.people.member })).status).toBe(403);
    });

    it('an election: candidates by name with profiles; myBallot only for a voter of its commission, from their own receipt', async () => {
      const E = `/v1/councils/${z.councilId}/elections/${z.electionId}`;
      const forV1 = await ok('GET', E, { as: z.v1 });
      const forV2 = await ok('GET', E, { as: z.v2 });
      const forChair = await ok('GET', E, { as: z.chair });
      expect(forV1.myBallot).toBe('cast');
      expect(forV2.myBallot).toBe('not-cast');
      expect(forChair).not.toHaveProperty('myBallot');
      expect(await ok('GET', E, { as: admin })).not.toHaveProperty('myBallot');
      expect(forV2.candidates).toEqual([
        { id: forV2.candidateIds[0], name: 'Үміткер 1', profile: 'Заңгер' },
        { id: forV2.candidateIds[1], name: 'Үміткер 2' },
      ]);
      expect((await call('GET', E, { as: x.people.voter })).status).toBe(403);
    });

    it('lists meetings by date within ?from= and ?to=, by pages; from after to is a 400 naming query.to; a voter is refused', async () => {
      const june = await ok('GET', `${C()}/meetings?from=2020-06-01&to=2020-06-30`, { as: x.people.member });
      expect(june.items.map((i: { date: string }) => i.date)).toEqual(['2020-06-05', TODAY, '2020-06-20']);
      expect(june.items[0]).toMatchObject({ id: held, status: 'held', sealed: false, openMotions: 0, kind: 'regular' });
      expect(june.items[1]).toMatchObject({ id: desk, status: 'convened', openMotions: 1 });
      const first = await ok('GET', `${C()}/meetings?limit=2`, { as: x.people.member });
      const second = await ok('GET', `${C()}/meetings?limit=2&cursor=${first.next}`, { as: x.people.member });
      expect([...first.items, ...second.items].map((i: { date: string }) => i.date)).toEqual(['2020-06-05', TODAY, '2020-06-20', '2020-09-10']);
      // A cursor of another window is refused.
      const july = await call('GET', `${C()}/meetings?from=2020-07-01&cursor=${first.next}`, { as: x.people.member });
      expect(july.status).toBe(400);
      const reversed = await call('GET', `${C()}/meetings?from=2020-07-01&to=2020-06-01`, { as: x.people.member });
      expect(reversed.json.error.details.map((d: { field: string }) => d.field)).toEqual(['query.to']);
      expect((await call('GET', `${C()}/meetings`, { as: x.people.voter })).status).toBe(403);
    });

    it('a meeting: who presides and keeps the minutes, everyone sitting with presence, votes by name and who has not voted, and who I am', async () => {
      const seen = await ok('GET', `${C()}/meetings/${desk}`, { as: x.people.member });
      expect(seen.presiding).toEqual({ capacity: 'chairperson', id: 'chairperson', name: 'Төраға' });
      expect(seen.secretary).toEqual({ memberId: m[0], name: 'Мүше 1' });
      expect(seen.attendance).toEqual([
        { id: 'chairperson', name: 'Төраға', present: true, capacity: 'chairperson' },
        { id: m[0], name: 'Мүше 1', present: true, capacity: 'secretary' },
        { id: m[1], name: 'Мүше 2', present: true, capacity: 'member' },
        { id: m[2], name: 'Мүше 3', present: null, capacity: 'member' },
      ]);
      const motion = seen.motions[0];
      expect(motion.votes).toEqual(
        expect.arrayContaining([
          { voterId: m[1], name: 'Мүше 2', choice: 'for' },
          { voterId: 'chairperson', name: 'Төраға', choice: 'against', enteredBy: { id: m[0], name: 'Мүше 1' } },
        ]),
      );
      expect(motion.notVoted).toEqual([{ id: m[0], name: 'Мүше 1' }]);
      expect(seen.me).toEqual({ id: m[1], isPresiding: false, isSecretary: false, isChairperson: false });
      expect((await ok('GET', `${C()}/meetings/${desk}`, { as: x.people.chairperson })).me).toEqual({ id: 'chairperson', isPresiding: true, isSecretary: false, isChairperson: true });
      expect((await ok('GET', `${C()}/meetings/${desk}`, { as: x.people.secretary })).me).toEqual({ id: m[0], isPresiding: false, isSecretary: true, isChairperson: false });
      expect((await ok('GET', `${C()}/meetings/${desk}`, { as: admin })).me).toEqual({ isPresiding: false, isSecretary: false, isChairperson: false });
      expect(seen.quorum.outcome).toBe('quorate');
      expect((await call('GET', `${C()}/meetings/${desk}`, { as: y.people.member })).status).toBe(403);
    });

    it('lists demands with their signatories by name; leaving notices by name to the Chairperson only', async () => {
      const demands = await ok('GET', `${C()}/extraordinary-demands`, { as: x.people.secretary });
      expect(demands.items).toHaveLength(1);
      expect(demands.items[0]).toMatchObject({ id: demandId, status: 'collecting', signatories: [{ id: m[1], name: 'Мүше 2' }] });
      expect((await call('GET', `${C()}/extraordinary-demands`, { as: x.people.voter })).status).toBe(403);

      await ok('POST', `${C()}/members/${m[2]}/leaving`, { as: { sub: 'reads-x-m3' }, body: { kind: 'notice', noticeDate: TODAY, statement: 'Жеке себептер' } });
      const leaving = await ok('GET', `${C()}/leaving-notices`, { as: x.people.chairperson });
      expect(leaving.items).toEqual([expect.objectContaining({ memberId: m[2], name: 'Мүше 3', kind: 'notice', noticeDate: TODAY, statement: 'Жеке себептер' })]);
      expect((await call('GET', `${C()}/leaving-notices`, { as: x.people.secretary })).status).toBe(403);
    });

    it('the audit log by pages, oldest first, with who by name', async () => {
      const first = await ok('GET', `${C()}/audit?limit=2`, { as: x.people.chairperson });
      const second = await ok('GET', `${C()}/audit?limit=2&cursor=${first.next}`, { as: x.people.chairperson });
      expect(first.entries).toHaveLength(2);
      expect(first.entries[0].action).toBe('council-created');
      expect(second.entries[0].recordedAt >= first.entries[1].recordedAt).toBe(true);
      const all = await ok('GET', `${C()}/audit?limit=200`, { as: admin });
      expect(all.entries.find((e: { action: string }) => e.action === 'commission-formed').byName).toBe('Төраға');
      expect(all.entries.find((e: { action: string }) => e.action === 'council-created')).not.toHaveProperty('byName');
      expect((await call('GET', `${C()}/audit`, { as: x.people.secretary })).status).toBe(403);
    });
  });

  describe('GET /v1/me: my councils and what I must do now', () => {
    const todosOf = async (as: { sub: string; roles?: 'admin'[] }, councilId = x.councilId) => (await ok('GET', '/v1/me', { as })).councils.find((c: { id: string }) => c.id === councilId)?.todo ?? [];

    it('the Chairperson: the notices before them and the minutes awaiting their signature', async () => {
      const me = await ok('GET', '/v1/me', { as: x.people.chairperson });
      expect(me).toMatchObject({ sub: x.people.chairperson.sub, admin: false, name: 'Төраға' });
      expect(me.councils.map((c: { id: string; roles: string[] }) => [c.id, c.roles])).toEqual([[x.councilId, ['chairperson']]]);
      const todo = me.councils[0].todo;
      expect(todo).toContainEqual({ kind: 'sign-minutes', meetingId: held, date: '2020-06-05', role: 'chairperson' });
      expect(todo).toContainEqual({ kind: 'notice', notice: expect.objectContaining({ kind: 'leaving-notice', memberId: m[2] }) });
      expect(todo.some((t: { kind: string }) => t.kind === 'vote')).toBe(false); // the Secretary entered their vote
    });

    it('the Secretary: the minutes to sign, the next meeting, the open motion they have not voted on, the demand to sign', async () => {
      const todo = await todosOf(x.people.secretary);
      expect(todo).toEqual(
        expect.arrayContaining([
          { kind: 'sign-minutes', meetingId: held, date: '2020-06-05', role: 'secretary' },
          { kind: 'next-meeting', meetingId: desk, date: TODAY },
          { kind: 'vote', meetingId: desk, motionId, date: TODAY, title },
          { kind: 'sign-demand', demandId, reason },
        ]),
      );
    });

    it('a member: no vote once voted, no demand they signed; one who is not present has no vote to cast', async () => {
      const m2 = await todosOf(x.people.member);
      expect(m2).toEqual([{ kind: 'next-meeting', meetingId: desk, date: TODAY }]);
      const m3 = await todosOf({ sub: 'reads-x-m3' });
      expect(m3).toEqual([
        { kind: 'next-meeting', meetingId: desk, date: TODAY },
        { kind: 'sign-demand', demandId, reason },
      ]);
    });

    it('a voter: the ballot while they have not voted (from their own receipt), nothing once they have', async () => {
      expect(await todosOf(z.v2, z.councilId)).toEqual([{ kind: 'ballot', electionId: z.electionId, date: '2020-06-01' }]);
      expect(await todosOf(z.v1, z.councilId)).toEqual([]);
      const voter = await ok('GET', '/v1/me', { as: x.people.voter });
      expect(voter.councils).toEqual([{ id: x.councilId, name: expect.any(Object), roles: ['voter'], todo: [] }]);
      expect(voter).not.toHaveProperty('name');
    });

    it('the administrator sees every council; a stranger none; nobody without a token', async () => {
      const byAdmin = await ok('GET', '/v1/me', { as: admin });
      expect(byAdmin.admin).toBe(true);
      expect(byAdmin.councils.map((c: { id: string }) => c.id).sort()).toEqual([x.councilId, y.councilId, z.councilId].sort());
      expect(byAdmin.councils.every((c: { roles: string[]; todo: unknown[] }) => c.roles.length === 0 && c.todo.length === 0)).toBe(true);
      expect(await ok('GET', '/v1/me', { as: outsider })).toEqual({ sub: outsider.sub, admin: false, councils: [] });
      expect((await call('GET', '/v1/me')).status).toBe(401);
    });
  });

  describe('the calendar a calendar app subscribes to', () => {
    it('serves the meetings of my councils by a secret address (no names, no agenda), revoked by a new one or by DELETE, 404 after', async () => {
      const drawn = await ok('POST', '/v1/me/calendar', { as: x.people.member });
      expect(drawn.url).toMatch(/^\/v1\/calendar\/[A-Za-z0-9_-]{43}\/meetings\.ics$/);
      const feed = await call('GET', drawn.url);
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toContain('text/calendar');
      expect(feed.text.match(/BEGIN:VEVENT/g)).toHaveLength(4);
      expect(feed.text).toContain(`UID:${desk}@${x.councilId}.kenes`);
      for (const secret of ['Мүше', title.kk, reason.kk, x.people.member.sub]) expect(feed.text).not.toContain(secret);

      // The table keeps the secret's hash only.
      const secret = drawn.url.split('/')[3];
      const items = await documentClient().send(new ScanCommand({ TableName: local.table }));
      expect(JSON.stringify(items.Items)).not.toContain(secret);
      expect(JSON.stringify(items.Items)).toContain(createHash('sha256').update(secret).digest('hex'));

      const again = await ok('POST', '/v1/me/calendar', { as: x.people.member });
      expect(again.url).not.toBe(drawn.url);
      expect((await call('GET', drawn.url)).status).toBe(404);
      expect((await call('GET', again.url)).status).toBe(200);
      expect(await ok('DELETE', '/v1/me/calendar', { as: x.people.member })).toEqual({ revoked: true });
      expect((await call('GET', again.url)).status).toBe(404);
      expect(await ok('DELETE', '/v1/me/calendar', { as: x.people.member })).toEqual({ revoked: false });
    });

    it('answers 404 for an unknown secret, 400 for one that is no id, and 401 without a token to draw one', async () => {
      expect((await call('GET', `/v1/calendar/${'A'.repeat(43)}/meetings.ics`)).status).toBe(404);
      expect((await call('GET', '/v1/calendar/a.b/meetings.ics')).status).toBe(400);
      expect((await call('POST', '/v1/me/calendar')).status).toBe(401);
    });

    it('a person with no role today gets an empty calendar', async () => {
      const drawn = await ok('POST', '/v1/me/calendar', { as: outsider });
      const feed = await call('GET', drawn.url);
      expect(feed.status).toBe(200);
      expect(feed.text).toContain('BEGIN:VCALENDAR');
      expect(feed.text).not.toContain('BEGIN:VEVENT');
    });
  });

  describe('notifications: the notify job fills the outbox once; the person reads and marks them', () => {
    let first: Record<string, number>;
    beforeAll(async () => {
      first = await runJob('notify', TODAY, TODAY);
    });

    it('puts each to-do in its person’s outbox once: a second run adds nothing', async () => {
      expect(first.notified).toBeGreaterThan(0);
      expect(first.notified).toBe(first.todos);
      const second = await runJob('notify', TODAY, TODAY);
      expect(second).toMatchObject({ todos: first.todos, notified: 0, emailed: 0 });
    });

    it('reads in kk, ru and en (kk and ru in words), with the page and ids to go to, newest first, by pages', async () => {
      const all = await ok('GET', '/v1/me/notifications?limit=200', { as: x.people.chairperson });
      expect(all.items.map((n: { kind: string }) => n.kind).sort()).toEqual(['leaving-notice', 'sign-minutes']);
      const minutes = all.items.find((n: { kind: string }) => n.kind === 'sign-minutes');
      expect(minutes).toMatchObject({ councilId: x.councilId, link: { page: 'minutes', ids: { councilId: x.councilId, meetingId: held } } });
      expect(minutes.text.ru).toBe('Протокол заседания 5 июня 2020 г. ждёт вашей подписи (п. 28)');
      for (const n of all.items) {
        expect(n.text.kk, n.text.kk).not.toMatch(LATIN);
        expect(n.text.ru, n.text.ru).not.toMatch(LATIN);
        expect(n).not.toHaveProperty('readAt');
      }
      const leaving = all.items.find((n: { kind: string }) => n.kind === 'leaving-notice');
      expect(leaving.text.kk).toContain('Мүше 3');

      const one = await ok('GET', '/v1/me/notifications?limit=1', { as: x.people.secretary });
      const two = await ok('GET', `/v1/me/notifications?limit=1&cursor=${one.next}`, { as: x.people.secretary });
      expect(two.items[0].id).not.toBe(one.items[0].id);
      expect(one.items[0].createdAt >= two.items[0].createdAt).toBe(true);
      expect((await call('GET', `/v1/me/notifications?cursor=${one.next}`, { as: x.people.member })).status).toBe(400);
      expect((await ok('GET', '/v1/me/notifications', { as: z.v2 })).items.map((n: { kind: string }) => n.kind)).toEqual(['ballot']);
    });

    it('marks one read (the first reading is kept); another person’s notification is not found', async () => {
      const [notification] = (await ok('GET', '/v1/me/notifications', { as: x.people.chairperson })).items;
      const read = await ok('POST', `/v1/me/notifications/${notification.id}/read`, { as: x.people.chairperson });
      expect(read.readAt).toEqual(expect.any(String));
      const again = await ok('POST', `/v1/me/notifications/${notification.id}/read`, { as: x.people.chairperson });
      expect(again.readAt).toBe(read.readAt);
      expect((await call('POST', `/v1/me/notifications/${notification.id}/read`, { as: x.people.member })).status).toBe(404);
      expect((await call('POST', '/v1/me/notifications/a.b/read', { as: x.people.member })).status).toBe(400);
    });

    it('a new to-do is notified on the next run: the demand before the Chairperson once m3 signs it', async () => {
      await ok('POST', `${C()}/extraordinary-demands/${demandId}/signatures`, { as: { sub: 'reads-x-m3' }, body: { on: TODAY } });
      const run: Record<string, number> = await runJob('notify', TODAY, TODAY);
      expect(run.notified).toBeGreaterThan(0);
      const kinds = (await ok('GET', '/v1/me/notifications', { as: x.people.chairperson })).items.map((n: { kind: string }) => n.kind);
      expect(kinds[0]).toBe('extraordinary-demand');
    });
  });
});
