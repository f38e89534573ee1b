import { expect } from 'vitest';
import type { Api, Reply, Step } from './membership.ts';
import { clean, receiptCode } from './membership.ts';

/**
 * A response header, where the caller's API hands headers back (the integration tests' does;
 * `npm run e2e`'s client gives the status and body only).
 */
function expectHeader(reply: Reply, name: string, value: string): void {
  const { headers } = reply as Reply & { headers?: Headers };
  if (headers) expect(headers.get(name), name).toBe(value);
}

/**
 * A full meeting through HTTP: convene, attendance and quorum (p22), three motions of the three
 * kinds with the boundaries of p25 and p32, a dissent (p17.5), the minutes in
 * kk and ru with the PDF, both signatures (p28), then an extraordinary demand (p21) and the
 * quarterly check (p20). Eleven members: ten elected and the Chairperson, who counts (the
 * default reading of `members.chairpersonCounts`).
 */
export function meetingScenario(api: Api, councilId = 'meet'): Step[] {
  const steps: Step[] = [];
  const step = (name: string, run: () => Promise<void>) => steps.push({ name, run });
  const C = `/v1/councils/${councilId}`;
  const chair = { sub: `commissioner-${councilId}` };
  const admin = { sub: 'office-admin', roles: ['admin' as const] };
  const person = (i: number) => ({ sub: `${councilId}-person-${i}` });
  const member: string[] = []; // member ids, index i -> person i+1
  let secretaryIndex = 0;
  let meetingId = '';
  const items: string[] = [];
  const motion = { ordinary: '', termination: '', dissolution: '' };
  const M = () => `${C}/meetings/${meetingId}`;
  const attend = (id: string, present = true) => api.call('PUT', `${M()}/attendance/${id}`, { as: chair, body: { present } });
  const vote = (voter: string, motionId: string, choice: string, as = voter === 'chairperson' ? chair : person(member.indexOf(voter) + 1)) =>
    api.call('PUT', `${M()}/motions/${motionId}/votes/${voter}`, { as, body: { choice } });

  step('seats ten elected members and the Secretary', async () => {
    const created = await api.call('POST', '/v1/councils', {
      as: admin,
      body: { id: councilId, name: { kk: 'Үйлестіру кеңесі', ru: 'Координационный совет', en: 'Coordination Council' }, seats: 10, chairpersonSub: chair.sub, chairpersonName: 'Әзімова Гүлнәр', createdOn: '2020-03-01' },
    });
    expect(created.status).toBe(201);
    const names = ['Әлібек Ұлан', 'Қасымова Гүлнұр', 'Сейітов Ерғали', 'Нұрланова Әсел', 'Өмірзақов Һәкім', 'Иванова Ольга', 'Жүнісов Ілияс', 'Петров Сергей', 'Үсенова Айгүл', 'Бекмұхамбетов Ғани'];
    const candidates: string[] = [];
    for (const [i, name] of names.entries()) {
      candidates.push((await api.call('POST', `${C}/candidates`, { as: admin, body: { name, sub: person(i + 1).sub, appliedOn: '2020-03-02', facts: clean } })).json.id);
    }
    const commission = await api.call('POST', `${C}/commissions`, { as: chair, body: { voters: ['v1', 'v2', 'v3'], formedOn: '2020-03-05' } });
    const election = await api.call('POST', `${C}/elections`, { as: chair, body: { commissionId: commission.json.id, date: '2020-03-10', seats: 10, candidateIds: candidates } });
    for (const v of ['v1', 'v2', 'v3']) await api.call('POST', `${C}/elections/${election.json.id}/ballots`, { as: { sub: v }, body: { choices: candidates, receipt: receiptCode() } });
    const closed = await api.call('POST', `${C}/elections/${election.json.id}/close`, { as: chair });
    expect(closed.json.members).toHaveLength(10);
    for (const candidateId of candidates) member.push(closed.json.members.find((m: { candidateId: string }) => m.candidateId === candidateId).id);
    secretaryIndex = 1;
    expect((await api.call('PUT', `${C}/secretary`, { as: chair, body: { memberId: member[secretaryIndex], on: '2020-03-11' } })).status).toBe(200);
  });

  step('convenes a regular meeting, № 1 of the year, in a place named in kk and ru, with its start, an agenda, invited officials and a hearing on an item (p14.4, p14.5, p20)', async () => {
    expect((await api.call('POST', `${C}/meetings`, { as: person(3), body: { kind: 'regular', date: '2020-06-10' } })).status).toBe(400);
    const body = {
      kind: 'regular',
      date: '2020-06-10',
      place: { kk: 'Астана қ.', ru: 'г. Астана' },
      startTime: '10:00',
      agenda: [
        { title: { kk: 'Алдын ала бару нәтижелері бойынша ұсыным', ru: 'Рекомендация по итогам превентивных посещений' } },
        { title: { kk: 'Мүшенің өкілеттігін тоқтату', ru: 'Прекращение полномочий члена' } },
        { title: { kk: 'Кеңесті тарату туралы ұсыныс', ru: 'Предложение о роспуске совета' } },
      ],
      invited: [{ name: 'Серікбаев Арман', organisation: 'ҚАЖК', position: 'бастық' }],
      hearings: [{ speaker: 'Серікбаев Арман', subject: { kk: 'Тергеу изоляторларындағы жағдай', ru: 'Условия в следственных изоляторах' }, item: 1 }],
    };
    // The place in one language only, a time that is no time, a hearing on an item the agenda lacks: each named, nothing convened.
    const refused = await api.call('POST', `${C}/meetings`, { as: chair, body: { ...body, place: 'Астана', startTime: '25:00' } });
    expect(refused.status).toBe(400);
    expect(refused.json.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['body.place', 'body.startTime']);
    expect(refused.json.error.details.find((d: { field: string }) => d.field === 'body.startTime').message.kk).toContain('СС:ММ');
    const noItem = await api.call('POST', `${C}/meetings`, { as: chair, body: { ...body, hearings: [{ ...body.hearings[0], item: 4 }] } });
    expect(noItem.json.error.details).toEqual([expect.objectContaining({ field: 'body.hearings.0.item', code: 'not-an-agenda-item' })]);
    const convened = await api.call('POST', `${C}/meetings`, { as: chair, body });
    expect(convened.status, JSON.stringify(convened.json)).toBe(201);
    expect(convened.json).toMatchObject({ number: 1, place: { kk: 'Астана қ.', ru: 'г. Астана' }, startTime: '10:00' });
    expect(convened.json.hearings[0].itemId).toBe(convened.json.agenda[0].id);
    meetingId = convened.json.id;
    items.push(...convened.json.agenda.map((i: { id: string }) => i.id));
    const extra = await api.call('POST', `${M()}/agenda`, { as: person(4), body: { title: { kk: 'Әртүрлі', ru: 'Разное' } } });
    expect(extra.status).toBe(201);
    items.push(extra.json.id);
  });

  step('refuses every vote while not quorate, citing p22 (5 of 11 present)', async () => {
    const put = await api.call('POST', `${M()}/motions`, { as: chair, body: { itemId: items[0], kind: 'ordinary', category: 'recommendation', title: { kk: 'ҚАЖК-ге ұсыным', ru: 'Рекомендация КУИС' } } });
    expect(put.status).toBe(201);
    motion.ordinary = put.json.id;
    for (const id of ['chairperson', ...member.slice(0, 4)]) await attend(id);
    const quorum = (await api.call('GET', M(), { as: person(1) })).json.quorum;
    expect(quorum).toMatchObject({ membersTotal: 11, membersPresent: 5, outcome: 'not-quorate' });
    const refused = await vote('chairperson', motion.ordinary, 'for');
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('not-quorate');
    expect(refused.json.error.reasons[0].point).toBe('p22');
  });

  step('rejects a 5–5 tie of 11 members: the presiding vote decides only when each side is half the members (p25, reading equal-halves)', async () => {
    for (const id of member.slice(4, 9)) await attend(id);
    expect((await api.call('GET', M(), { as: person(1) })).json.quorum).toMatchObject({ membersPresent: 10, outcome: 'quorate' });
    const voters = ['chairperson', ...member.slice(0, 9)];
    for (const [i, v] of voters.entries()) expect((await vote(v, motion.ordinary, i < 5 ? 'for' : 'against')).status).toBe(200);
    // The Secretary may record a vote for another, and the record says so; a stranger may not vote for someone else.
    const entered = await vote(member[8]!, motion.ordinary, 'against', person(secretaryIndex + 1));
    expect(entered.json).toMatchObject({ voterId: member[8], enteredBy: member[secretaryIndex] });
    expect((await vote(member[8]!, motion.ordinary, 'against', person(3))).status).toBe(403);
    expect((await vote(member[9]!, motion.ordinary, 'for')).status).toBe(409); // absent
    expect((await api.call('POST', `${M()}/motions/${motion.ordinary}/close`, { as: person(1) })).status).toBe(403);
    const closed = await api.call('POST', `${M()}/motions/${motion.ordinary}/close`, { as: chair });
    expect(closed.json.result).toMatchObject({ outcome: 'rejected', facts: { membersTotal: 11, membersPresent: 10, votesFor: 5, votesAgainst: 5, presidingVote: 'for' } });
    expect(closed.json.result.reasons[0].point).toBe('p25');
    expect(closed.json.result.readings).toContainEqual(expect.objectContaining({ parameter: 'decision.tieRule', value: 'equal-halves', point: 'p25' }));
    expect(closed.json.result.nature.point).toBe('p26');
    expect((await vote('chairperson', motion.ordinary, 'against')).status).toBe(409);
  });

  step('needs more than half of all 11 members for: 6 adopts, 5–4–1 rejects (p25)', async () => {
    const outcomeOf = async (fors: number, againsts: number) => {
      const put = await api.call('POST', `${M()}/motions`, { as: chair, body: { itemId: items[0], kind: 'ordinary', title: { kk: 'Шекара', ru: 'Граница' } } });
      const voters = ['chairperson', ...member.slice(0, 9)];
      for (const [i, v] of voters.entries()) await vote(v, put.json.id, i < fors ? 'for' : i < fors + againsts ? 'against' : 'abstain');
      return (await api.call('POST', `${M()}/motions/${put.json.id}/close`, { as: chair })).json.result;
    };
    expect(await outcomeOf(6, 4)).toMatchObject({ outcome: 'adopted', reasons: [{ point: 'p25', code: 'majority-for' }] });
    expect(await outcomeOf(5, 4)).toMatchObject({ outcome: 'rejected', reasons: [{ point: 'p25', code: 'no-majority' }] });
  });

  step('files a dissenting opinion in writing (p17.5)', async () => {
    const dissent = await api.call('POST', `${M()}/motions/${motion.ordinary}/dissents`, { as: person(6), body: { text: 'Ұсыным жеткіліксіз: <script>alert(1)</script>', language: 'kk' } });
    expect(dissent.status).toBe(201);
    expect(dissent.json.point).toBe('p17.5');
  });

  step('terminates a member by two thirds of those taking part (p25); nobody is taken out of a vote by a declaration', async () => {
    const subject = member[8]!;
    const put = await api.call('POST', `${M()}/motions`, { as: chair, body: { itemId: items[1], kind: 'termination', title: { kk: 'Өкілеттікті тоқтату', ru: 'Прекращение полномочий' }, subjectMemberId: subject } });
    motion.termination = put.json.id;
    expect((await api.call('POST', `${C}/members/${member[7]}/recusals`, { as: person(8), body: { meetingId, itemId: items[1], reason: 'туыстық' } })).status).toBe(404);
    // 10 take part; 7 for: 3 × 7 = 21 ≥ 2 × 10 = 20, at least two thirds.
    const takingPart = ['chairperson', ...member.slice(0, 9)];
    for (const [i, v] of takingPart.entries()) await vote(v, motion.termination, i < 7 ? 'for' : 'against');
    const closed = await api.call('POST', `${M()}/motions/${motion.termination}/close`, { as: chair });
    expect(closed.json.result).toMatchObject({ outcome: 'adopted', facts: { membersPresent: 10, votesFor: 7, votesAgainst: 3 } });
    const terminated = await api.call('POST', `${C}/members/${subject}/terminations`, { as: chair, body: { ground: 1, factDate: '2020-06-11', evidence: ['minutes'], decisionId: closed.json.result.decisionId } });
    expect(terminated.status, JSON.stringify(terminated.json)).toBe(201);
    expect(terminated.json.point).toBe('p18.1');
  });

  step('refuses dissolution without the full membership (p32)', async () => {
    const put = await api.call('POST', `${M()}/motions`, { as: person(1), body: { itemId: items[2], kind: 'dissolution', title: { kk: 'Кеңесті тарату', ru: 'Роспуск совета' } } });
    motion.dissolution = put.json.id;
    for (const v of ['chairperson', ...member.slice(0, 8)]) await vote(v, motion.dissolution, 'for');
    const closed = await api.call('POST', `${M()}/motions/${motion.dissolution}/close`, { as: chair });
    expect(closed.json.result.outcome).toBe('not-full-membership');
    expect(closed.json.result.reasons[0].point).toBe('p32');
  });

  step('keeps exactly one vote per member through 50 concurrent changes', async () => {
    const put = await api.call('POST', `${M()}/motions`, { as: chair, body: { itemId: items[3], kind: 'ordinary', title: { kk: 'Әртүрлі', ru: 'Разное' } } });
    const voters = ['chairperson', ...member.slice(0, 8), member[9]!];
    await attend(member[9]!);
    const choices = ['for', 'against', 'abstain', 'for', 'against'];
    const results = await Promise.all(voters.flatMap((v) => choices.map((c) => vote(v, put.json.id, c))));
    expect(results.filter((r) => r.status !== 200).map((r) => r.text)).toEqual([]);
    const closed = await api.call('POST', `${M()}/motions/${put.json.id}/close`, { as: chair });
    const { votesFor, votesAgainst, abstained } = closed.json.result.facts;
    expect(votesFor + votesAgainst + abstained).toBe(voters.length);
  });

  let contentHash = '';
  step('closes the meeting at the end time the presiding person gives (HH:MM, not before the start)', async () => {
    for (const [endTime, code] of [['12:3', 'invalid-time'], ['09:59', 'before-start']] as const) {
      const refused = await api.call('POST', `${M()}/close`, { as: chair, body: { endTime } });
      expect(refused.status).toBe(400);
      expect(refused.json.error.details).toEqual([expect.objectContaining({ field: 'body.endTime', code })]);
    }
    const closed = await api.call('POST', `${M()}/close`, { as: chair, body: { endTime: '12:30' } });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.json).toMatchObject({ status: 'held', number: 1, startTime: '10:00', endTime: '12:30' });
  });

  step('draws up the minutes as a state body does, in kk and ru, as JSON, HTML and PDF (p28, p30)', async () => {
    const json = await api.call('GET', `${M()}/minutes`, { as: person(1) });
    expect(json.json.meeting).toMatchObject({ number: 1, place: { kk: 'Астана қ.', ru: 'г. Астана' }, startTime: '10:00', endTime: '12:30', secretary: { name: 'Қасымова Гүлнұр' } });
    expect(json.json.council.parent.kk).toBe('Адам құқықтары жөніндегі уәкіл жанындағы Үйлестіру кеңесі');
    expect(json.json.present[0]).toEqual({ name: 'Әзімова Гүлнәр', capacity: 'chairperson' });
    expect(json.json.present[1]).toEqual({ name: 'Қасымова Гүлнұр', capacity: 'secretary' });
    expect(json.json.motions.map((m: { result: { outcome: string } }) => m.result.outcome)).toEqual(expect.arrayContaining(['adopted', 'rejected', 'not-full-membership']));
    expect(json.json.motions.flatMap((m: { dissents: unknown[] }) => m.dissents)).toHaveLength(1);
    contentHash = json.json.contentHash;
    const kk = await api.call('GET', `${M()}/minutes.html?lang=kk`, { as: person(1) });
    const kkText = kk.text.replace(/\u00a0/g, ' ');
    for (const words of ['Адам құқықтары жөніндегі уәкіл жанындағы Үйлестіру кеңесі', 'ХАТТАМА', 'Астана қ.', '№ 1', '2020 жылғы 10 маусым', '10:00', '12:30', 'Хаттаманы жүргізген', 'Қасымова Гүлнұр', 'КҮН ТӘРТІБІ', 'ТЫҢДАЛДЫ', 'ШЕШТІ', 'Серікбаев Арман', 'Төраға', 'Хатшы']) expect(kkText).toContain(words);
    expect(kk.text).not.toContain('<script>alert');
    expectHeader(kk, 'content-disposition', `inline; filename="khattama-2020-06-10-no-1-kk.html"; filename*=UTF-8''${encodeURIComponent('Хаттама № 1, 2020-06-10.html')}`);
    const ru = await api.call('GET', `${M()}/minutes?lang=ru`, { as: person(1), headers: { accept: 'text/html' } });
    for (const words of ['Рекомендация КУИС', 'ПРОТОКОЛ', 'г. Астана', 'СЛУШАЛИ', 'РЕШИЛИ', 'Председатель', 'Секретарь']) expect(ru.text).toContain(words);
    for (const lang of ['kk', 'ru'] as const) {
      const pdf = await api.call('GET', `${M()}/minutes.pdf?lang=${lang}`, { as: person(1) });
      expect(pdf.status).toBe(200);
      expectHeader(pdf, 'content-type', 'application/pdf');
      expect(pdf.text.startsWith('%PDF')).toBe(true);
      const [ascii, named] = lang === 'kk' ? ['khattama-2020-06-10-no-1-kk.pdf', 'Хаттама № 1, 2020-06-10.pdf'] : ['protokol-2020-06-10-no-1-ru.pdf', 'Протокол № 1, 2020-06-10.pdf'];
      expectHeader(pdf, 'content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(named)}`);
    }
  });

  step('is signed by the Chairperson and the Secretary over the same content, then refuses edits (p28)', async () => {
    expect((await api.call('POST', `${M()}/minutes/signatures`, { as: person(3), body: {} })).status).toBe(403);
    expect((await api.call('POST', `${M()}/minutes/signatures`, { as: chair, body: { contentHash: '0'.repeat(64) } })).status).toBe(409);
    const first = await api.call('POST', `${M()}/minutes/signatures`, { as: chair, body: { contentHash } });
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    expect(first.json.sealed).toBe(false);
    const second = await api.call('POST', `${M()}/minutes/signatures`, { as: person(secretaryIndex + 1), body: { contentHash } });
    expect(second.json, JSON.stringify(second.json)).toMatchObject({ role: 'secretary', sealed: true, contentHash });
    const edit = await attend(member[0]!, false);
    expect(edit.status).toBe(409);
    expect(edit.json.error.code).toBe('minutes-signed');
    const correction = await api.call('POST', `${M()}/minutes/corrections`, { as: person(secretaryIndex + 1), body: { text: { kk: 'Түзету', ru: 'Исправление' }, reason: 'қате' } });
    expect(correction.json.contentHash).toBe(contentHash);
    const minutes = await api.call('GET', `${M()}/minutes`, { as: person(1) });
    expect(minutes.json.signatures.map((s: { role: string }) => s.role).sort()).toEqual(['chairperson', 'secretary']);
  });

  step('tracks an extraordinary demand until a third of the members sign, notifies the Chairperson, then convenes (p21)', async () => {
    // 9 elected in office (one terminated) + the Chairperson = 10: a third needs 4 (3 × 4 ≥ 10 > 3 × 3).
    const opened = await api.call('POST', `${C}/extraordinary-demands`, { as: person(1), body: { reason: { kk: 'Шұғыл шағым', ru: 'Срочная жалоба' }, on: '2020-07-01' } });
    expect(opened.status, JSON.stringify(opened.json)).toBe(201);
    const id = opened.json.id;
    for (const i of [2, 3]) expect((await api.call('POST', `${C}/extraordinary-demands/${id}/signatures`, { as: person(i), body: { on: '2020-07-02' } })).json.status).toBe('collecting');
    expect((await api.call('POST', `${C}/extraordinary-demands/${id}/signatures`, { as: person(2), body: { on: '2020-07-02' } })).status).toBe(409);
    const due = await api.call('POST', `${C}/extraordinary-demands/${id}/signatures`, { as: person(4), body: { on: '2020-07-03' } });
    expect(due.json).toMatchObject({ status: 'may-convene', decision: { outcome: 'may-convene' } });
    const notices = await api.call('GET', `${C}/notices`, { as: chair });
    expect(notices.json.notices.map((n: { kind: string }) => n.kind)).toContain('extraordinary-demand');
    const convened = await api.call('POST', `${C}/meetings`, { as: chair, body: { kind: 'extraordinary', date: '2020-07-10', demandId: id } });
    expect(convened.status).toBe(201);
    expect(convened.json.number).toBe(2); // the council's second meeting of 2020
    expect((await api.call('GET', `${C}/extraordinary-demands/${id}`, { as: person(1) })).json).toMatchObject({ status: 'convened', meetingId: convened.json.id });
  });

  step('serves the meetings as an iCalendar feed', async () => {
    const ics = await api.call('GET', `${C}/meetings.ics`, { as: person(1) });
    expect(ics.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics.text).toContain('DTSTART;VALUE=DATE:20200610');
    expect(ics.text.replace(/\r\n[ \t]/g, '')).toContain('LOCATION:Астана қ. / г. Астана');
  });

  step('warns before a quarter ends without a meeting and flags a missed quarter, once (p20)', async () => {
    await api.runJob('quarterly', '2020-12-20');
    await api.runJob('quarterly', '2020-12-21');
    await api.runJob('quarterly', '2021-01-05');
    await api.runJob('quarterly', '2021-01-06');
    const quarterNotices = async () =>
      (await api.call('GET', `${C}/notices`, { as: chair })).json.notices
        .filter((n: { kind: string }) => n.kind.startsWith('quarter'))
        .map((n: { kind: string; ref: string }) => `${n.kind} ${n.ref}`)
        .sort();
    // Q3 had only the extraordinary meeting convened, never held; Q4 had none.
    expect(await quarterNotices()).toEqual(['quarter-missed 2020-Q3', 'quarter-missed 2020-Q4', 'quarter-warning 2020-Q4']);
    await api.runJob('quarterly', '2020-07-01'); // Q2 had the June meeting: nothing missed
    expect(await quarterNotices()).toHaveLength(3);
  });

  step('numbers the meetings of another year from 1, each number once, however many are convened at once', async () => {
    const dates = ['2021-04-05', '2021-04-06', '2021-04-07', '2021-04-08'];
    const convened = await Promise.all(dates.map((date) => api.call('POST', `${C}/meetings`, { as: chair, body: { kind: 'regular', date, place: { kk: 'Астана қ.', ru: 'г. Астана' } } })));
    expect(convened.map((c) => c.status)).toEqual([201, 201, 201, 201]);
    expect(convened.map((c) => c.json.number).sort()).toEqual([1, 2, 3, 4]);
  });

  return steps;
}
