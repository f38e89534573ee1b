import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lawDeps } from '../../functions/api/wiring-law.ts';
import { setToday } from '../../functions/clock.ts';
import { publishAmendment } from '../../functions/rules/index.ts';
import { seedLocalLaw } from '../../infra/local/environment.ts';
import { amendmentJson } from '../unit/rules/amendment-files.ts';
import { startLocal } from './local.ts';

/**
 * Amendments through HTTP on the local server and DynamoDB Local: the law seeded into the
 * table, an amendment in the style of Order No. 5 validated, dry-run, published and judged by
 * date, picked up by a running function without a redeploy, diffed, withdrawn, audited; and a
 * successor act after the 2023 repeal.
 */
const admin = { sub: 'admin-1', roles: ['admin' as const] };
const facts = { membersTotal: 11, membersPresent: 7, votesFor: 4, votesAgainst: 3, abstained: 0, presidingVote: 'for' };
const reason = { kk: 'қате жарияланды', ru: 'опубликовано по ошибке', en: 'published by mistake' };

describe('the law in the table: amendments by administrators', () => {
  let local: Awaited<ReturnType<typeof startLocal>>;
  const ask = async (at: string, question = 'decision', given: Record<string, unknown> = facts) =>
    local.call('POST', '/v1/rules/evaluate', { body: { question, at, facts: given } });

  beforeAll(async () => {
    local = await startLocal();
    process.env.KENES_LAW_REVALIDATE_SECONDS = '0';
    setToday('2022-01-01');
  });
  afterAll(async () => {
    setToday(undefined);
    delete process.env.KENES_LAW_REVALIDATE_SECONDS;
    await local.close();
  });

  it('answers from rules/ while the table holds no law yet', async () => {
    const { status, json } = await local.call('GET', '/v1/rules/versions');
    expect(status).toBe(200);
    expect(json.versions.map((v: { id: string }) => v.id)).toEqual(['order-18-2013', 'order-5-2019', 'order-15-2019', 'order-1-2023']);
    expect(json.versions[0].recorded).toBeUndefined();
  });

  it('serves the real history from the table once seeded; seeding again writes nothing', async () => {
    expect(await seedLocalLaw()).toMatchObject({ added: ['order-18-2013', 'order-5-2019', 'order-15-2019', 'order-1-2023'] });
    expect(await seedLocalLaw()).toMatchObject({ added: [], differing: [] });
    const { json } = await local.call('GET', '/v1/rules/versions?at=2020-03-02');
    expect(json.versions.map((v: { id: string; status: string; recorded: { source: string } }) => [v.id, v.status, v.recorded.source])).toEqual([
      ['order-18-2013', 'superseded', 'seed'],
      ['order-5-2019', 'superseded', 'seed'],
      ['order-15-2019', 'in-force', 'seed'],
      ['order-1-2023', 'repeal', 'seed'],
    ]);
    expect((await ask('2021-06-01')).json).toMatchObject({ outcome: 'rejected', version: { id: 'order-15-2019' } });
  });

  it('lets only an administrator publish, dry-run, withdraw or read the audit log', async () => {
    const body = amendmentJson('order-7-2021.yaml');
    expect((await local.call('POST', '/v1/rules/versions', { body })).status).toBe(401);
    const chair = { sub: 'chair-1' };
    for (const [method, path, payload] of [
      ['POST', '/v1/rules/versions', body],
      ['POST', '/v1/rules/versions/dry-run', body],
      ['POST', '/v1/rules/versions/order-15-2019/withdrawal', { reason }],
      ['GET', '/v1/rules/audit', undefined],
    ] as const) {
      const { status, json } = await local.call(method, path, { body: payload, as: chair });
      expect(status, path).toBe(403);
      expect(json.error.message.kk).toMatch(/\S/);
    }
  });

  it('refuses a malformed amendment with a 400 naming every field, in kk, ru and en', async () => {
    const body = amendmentJson('order-7-2021.yaml');
    delete body.changes.questions.decision.rules[1].event.params.message.ru;
    body.changes.questions.decision.rules[2].name = 'votes equally divided';
    body.changes.points.q25 = body.changes.points.p25;
    body.title.en = '';
    body.publishedOn = '2021-02-30';
    const { status, json } = await local.call('POST', '/v1/rules/versions', { body, as: admin });
    expect(status).toBe(400);
    expect(json.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'body.changes.points.q25',
      'body.changes.questions.decision.rules.1.event.params.message.ru',
      'body.changes.questions.decision.rules.2.name',
      'body.publishedOn',
      'body.title.en',
    ]);
    for (const detail of json.error.details) for (const language of ['kk', 'ru', 'en']) expect(detail.message[language], detail.field).toMatch(/\S/);
    expect(json.error.details.find((d: { field: string }) => d.field === 'body.changes.questions.decision.rules.2.name').message.en).toContain('every rule cites its point first');
  });

  it('refuses an amendment that breaks the law or its cases with a 400 listing every problem', async () => {
    const body = amendmentJson('order-7-2021.yaml');
    body.changes.questions.decision.rules[1].event.params.point = 'p99';
    body.changes.parameters['decision.majorityBase'].point = 'p13';
    const broken = await local.call('POST', '/v1/rules/versions', { body, as: admin });
    expect(broken.status).toBe(400);
    expect(broken.json.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'body.changes.parameters.decision.majorityBase.point',
      'body.changes.questions.decision.rules.1.event.params.point',
    ]);
    const { cases: _cases, ...withoutCases } = amendmentJson('order-7-2021.yaml');
    const failing = await local.call('POST', '/v1/rules/versions', { body: withoutCases, as: admin });
    expect(failing.status).toBe(400);
    expect(failing.json.error.details).toEqual([
      expect.objectContaining({ field: 'rules/cases/decision.yaml: On 2023-01-30, the last day of the act, a decision is still judged by it', code: 'case-fails' }),
      expect.objectContaining({ field: 'rules/cases/quorum.yaml: On 2023-01-30, the last day before the repeal, the act still applies', code: 'case-fails' }),
    ]);
    expect(failing.json.error.details[0].message.ru).toContain('ожидалось order-15-2019');
  });

  it('publishes an amendment in the style of Order No. 5 (p25 and p12 reworded, p13 deleted); the next request in its range is judged by it', async () => {
    const { status, json } = await local.call('POST', '/v1/rules/versions', { body: amendmentJson('order-7-2021.yaml'), as: admin });
    expect(status).toBe(201);
    expect(json).toMatchObject({
      revision: 2,
      version: { id: 'order-7-2021', act: 'Order No. 7 of 2021-03-01', inForceFrom: '2021-03-12', inForceUntil: '2023-01-30', status: 'in-force', recorded: { by: 'admin-1', source: 'publication' } },
    });
    expect((await ask('2021-03-11')).json).toMatchObject({ outcome: 'rejected', version: { id: 'order-15-2019' } });
    const after = await ask('2021-03-12');
    expect(after.json).toMatchObject({ outcome: 'adopted', version: { id: 'order-7-2021' }, reasons: [{ point: 'p25', code: 'majority-for' }] });
    expect(after.json.reasons[0].message.kk).toContain('№ 7 өкімнің редакциясы');
    const again = await local.call('POST', '/v1/rules/versions', { body: amendmentJson('order-7-2021.yaml'), as: admin });
    expect(again.status).toBe(400);
    expect(again.json.error.details[0]).toMatchObject({ field: 'body.number', code: 'version-id-taken' });
  });

  it('diffs two versions: the points, parameters and messages that differ', async () => {
    const { status, json } = await local.call('GET', '/v1/rules/versions/order-15-2019/diff/order-7-2021');
    expect(status).toBe(200);
    expect(json.points.map((p: { point: string }) => p.point)).toEqual(['p12', 'p25']);
    expect(json.parameters).toEqual([expect.objectContaining({ parameter: 'decision.majorityBase', b: expect.objectContaining({ value: 'present' }) })]);
    const decision = json.questions.find((q: { question: string }) => q.question === 'decision');
    expect(decision.changes.map((c: { part: string; name?: string }) => c.name ?? c.part)).toEqual([
      'otherwise',
      'p25: more than half of the members present voted for',
      'p25: more than half of the members voted for',
    ]);
    expect((await local.call('GET', '/v1/rules/versions/order-15-2019/diff/order-9-2030')).status).toBe(404);
  });

  it('takes a version published by ANOTHER function within the revalidation window, without a redeploy', async () => {
    // Another Lambda publishes: this process's cached law is not told (no forgetLaw here).
    process.env.KENES_LAW_REVALIDATE_SECONDS = '3600';
    expect((await ask('2022-06-01', 'quorum', { membersTotal: 10, membersPresent: 6 })).json.version.id).toBe('order-7-2021'); // cache warm
    const later = amendmentJson('order-7-2021.yaml');
    Object.assign(later, { number: 12, adoptedOn: '2022-03-01', publishedOn: '2022-03-01', changes: { points: {}, parameters: {}, questions: {} }, cases: [] });
    later.title = { kk: '№ 12 өкім (үлгі)', ru: 'Распоряжение № 12 (образец)', en: 'Order No. 12 (example)' };
    later.cases = [
      { ...amendmentJson('order-7-2021.yaml').cases[2], name: 'On 2023-01-30 a decision is judged by Order No. 12', version: 'order-12-2022', supersedes: ['On 2023-01-30, the last day of the act, a decision is judged by Order No. 7'] },
      { ...amendmentJson('order-7-2021.yaml').cases[3], name: 'On 2023-01-30 the act as amended by Order No. 12 applies', version: 'order-12-2022', supersedes: ['On 2023-01-30, the last day before the repeal, the act as amended by Order No. 7 still applies'] },
    ];
    const { Amendment } = await import('../../functions/rules/document.ts');
    await publishAmendment(lawDeps(), Amendment.parse(later), 'admin-2');
    expect((await ask('2022-06-01', 'quorum', { membersTotal: 10, membersPresent: 6 })).json.version.id).toBe('order-7-2021'); // within the window: still cached
    process.env.KENES_LAW_REVALIDATE_SECONDS = '0';
    expect((await ask('2022-06-01', 'quorum', { membersTotal: 10, membersPresent: 6 })).json.version.id).toBe('order-12-2022'); // the next request after it
  });

  it('withdraws a mistaken version by a record that says so; the law skips it, the history shows it withdrawn', async () => {
    const { status, json } = await local.call('POST', '/v1/rules/versions/order-12-2022/withdrawal', { body: { reason }, as: { sub: 'admin-3', roles: ['admin'] } });
    expect(status).toBe(201);
    expect(json).toMatchObject({ versionId: 'order-12-2022', revision: 4, reason, by: 'admin-3' });
    expect((await ask('2022-06-01', 'quorum', { membersTotal: 10, membersPresent: 6 })).json.version.id).toBe('order-7-2021');
    const versions = (await local.call('GET', '/v1/rules/versions?at=2022-06-01')).json.versions;
    expect(versions.map((v: { id: string; status: string }) => [v.id, v.status])).toEqual([
      ['order-18-2013', 'superseded'],
      ['order-5-2019', 'superseded'],
      ['order-15-2019', 'superseded'],
      ['order-7-2021', 'in-force'],
      ['order-12-2022', 'withdrawn'],
      ['order-1-2023', 'repeal'],
    ]);
    expect(versions[4].withdrawal).toMatchObject({ reason, by: 'admin-3' });
    const twice = await local.call('POST', '/v1/rules/versions/order-12-2022/withdrawal', { body: { reason }, as: admin });
    expect([twice.status, twice.json.error.code]).toEqual([409, 'version-withdrawn']);
    const breaking = await local.call('POST', '/v1/rules/versions/order-18-2013/withdrawal', { body: { reason }, as: admin });
    expect([breaking.status, breaking.json.error.code]).toEqual([409, 'withdrawal-breaks-law']);
    expect((await local.call('POST', '/v1/rules/versions/order-99-2030/withdrawal', { body: { reason }, as: admin })).status).toBe(404);
    const noReason = await local.call('POST', '/v1/rules/versions/order-7-2021/withdrawal', { body: { reason: { en: 'x' } }, as: admin });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['body.reason.kk', 'body.reason.ru']);
  });

  it('publishes a successor act after the 2023 repeal: kenes answers from its entry into force instead of refusing', async () => {
    const before = await ask('2024-03-01');
    expect([before.status, before.json.error.code]).toEqual([422, 'act-repealed']);
    const { status, json } = await local.call('POST', '/v1/rules/versions', { body: amendmentJson('order-3-2024.yaml'), as: admin });
    expect(status).toBe(201);
    expect(json.version).toMatchObject({ id: 'order-3-2024', kind: 'adoption', inForceFrom: '2024-02-12' });
    expect((await ask('2024-03-01', 'decision', { ...facts, membersPresent: 10, votesFor: 6, abstained: 1 })).json).toMatchObject({ outcome: 'adopted', version: { id: 'order-3-2024' } });
    const gap = await ask('2024-02-11');
    expect([gap.status, gap.json.error.code, gap.json.error.reasons[0].point]).toEqual([422, 'act-repealed', 'order-1-2023']);
  });

  it('fills in a wording recorded as unknown by a correction, from the date of the version that had it', async () => {
    const preamble = {
      kk: '(мысал) Адам құқықтары жөніндегі уәкілдің қызметін қамтамасыз ету мақсатында.',
      ru: '(пример) В целях обеспечения деятельности Уполномоченного по правам человека.',
      en: '(example) To support the work of the Commissioner for Human Rights.',
    };
    const body = { kind: 'correction', corrects: 'order-18-2013', title: { kk: 'Кіріспенің 2013 жылғы мәтіні', ru: 'Текст преамбулы 2013 года', en: 'The 2013 wording of the preamble' }, changes: { points: { preamble } } };
    const { status, json } = await local.call('POST', '/v1/rules/versions', { body, as: admin });
    expect(status).toBe(201);
    expect(json.version).toMatchObject({ id: 'order-18-2013-correction-1', kind: 'correction', corrects: 'order-18-2013', status: 'correction', inForceFrom: '2013-11-19' });
    const diff = (await local.call('GET', '/v1/rules/versions/order-18-2013/diff/order-15-2019')).json;
    expect(diff.points.find((p: { point: string }) => p.point === 'preamble')).toMatchObject({ a: preamble });
    const known = await local.call('POST', '/v1/rules/versions', { body: { ...body, changes: { points: { p22: preamble } } }, as: admin });
    expect([known.status, known.json.error.details[0].field, known.json.error.details[0].code]).toEqual([400, 'body.changes.points.p22', 'not-a-correction']);
  });

  it('marks every answer whose date rests on an assumed publication date, in words and by a flag (the repeal refusal included)', async () => {
    const answer = await ask('2016-05-01', 'quorum', { membersTotal: 10, membersPresent: 6 });
    expect(answer.json.dates).toMatchObject({ assumed: true });
    for (const language of ['kk', 'ru', 'en']) expect(answer.json.dates.message[language]).toContain('2013-11-19');
    const early = await ask('2013-11-18', 'quorum', { membersTotal: 10, membersPresent: 6 });
    expect([early.status, early.json.error.code]).toEqual([422, 'act-not-in-force']);
    expect(early.json.error.reasons.map((r: { code: string }) => r.code)).toEqual(['act-not-in-force', 'publication-date-assumed']);
    const repealed = await ask('2023-02-01', 'quorum', { membersTotal: 10, membersPresent: 6 });
    expect(repealed.json.error.reasons[1]).toMatchObject({ point: 'order-1-2023', code: 'publication-date-assumed', numbers: { datesAssumed: true, inForceFrom: '2023-01-31' } });
    const { json } = await local.call('GET', '/v1/rules/versions?at=2020-03-02');
    expect(json.versions[0]).toMatchObject({ id: 'order-18-2013', publishedOn: '2013-11-08', registeredOn: '2013-11-08', inForceFrom: '2013-11-19', dates: { assumed: true } });
  });

  it('records the real publication date (admin only): the dates follow it, the answers are no longer marked assumed; withdrawn, they are again', async () => {
    const publishedIn = { kk: '«Әділет» АҚЖ (мысал)', ru: 'ИПС «Әділет» (пример)', en: 'the «Әділет» legal information system (example)' };
    const body = { publishedOn: '2013-11-20', publishedIn };
    expect((await local.call('POST', '/v1/rules/versions/order-18-2013/publication', { body, as: { sub: 'chair-1' } })).status).toBe(403);
    const bad = await local.call('POST', '/v1/rules/versions/order-18-2013/publication', { body: { publishedOn: '2013-11-01', publishedIn }, as: admin });
    expect([bad.status, bad.json.error.details[0].field]).toEqual([400, 'body.publishedOn']);
    const { status, json } = await local.call('POST', '/v1/rules/versions/order-18-2013/publication', { body, as: admin });
    expect(status).toBe(201);
    expect(json.version).toMatchObject({ id: 'order-18-2013-publication-1', kind: 'correction', corrects: 'order-18-2013', publishedOn: '2013-11-20', publishedIn });
    const versions = (await local.call('GET', '/v1/rules/versions?at=2020-03-02')).json.versions;
    expect(versions[0]).toMatchObject({ id: 'order-18-2013', publishedOn: '2013-11-20', publishedOnAssumed: false, publishedIn, inForceFrom: '2013-12-01' });
    expect(versions[0].dates.message.en).toContain('was officially published on 2013-11-20'); // its last day still rests on Order No. 5's assumed date
    expect((await ask('2016-05-01', 'quorum', { membersTotal: 10, membersPresent: 6 })).json.dates.assumed).toBe(false);
    const before = await ask('2013-11-30', 'quorum', { membersTotal: 10, membersPresent: 6 });
    expect(before.json.error.reasons.map((r: { code: string }) => r.code)).toEqual(['act-not-in-force']);
    const withdrawn = await local.call('POST', '/v1/rules/versions/order-18-2013-publication-1/withdrawal', { body: { reason }, as: admin });
    expect(withdrawn.status).toBe(201);
    expect((await ask('2016-05-01', 'quorum', { membersTotal: 10, membersPresent: 6 })).json.dates.assumed).toBe(true);
  });

  it('keeps every publication and withdrawal in the audit log, with who and when', async () => {
    const { status, json } = await local.call('GET', '/v1/rules/audit', { as: admin });
    expect(status).toBe(200);
    expect(json.entries.map((e: { action: string; versionId: string; by: string; revision: number }) => [e.action, e.versionId, e.by, e.revision])).toEqual([
      ['seed', 'order-18-2013', 'npm start', 1],
      ['seed', 'order-5-2019', 'npm start', 1],
      ['seed', 'order-15-2019', 'npm start', 1],
      ['seed', 'order-1-2023', 'npm start', 1],
      ['publication', 'order-7-2021', 'admin-1', 2],
      ['publication', 'order-12-2022', 'admin-2', 3],
      ['withdrawal', 'order-12-2022', 'admin-3', 4],
      ['publication', 'order-3-2024', 'admin-1', 5],
      ['publication', 'order-18-2013-correction-1', 'admin-1', 6],
      ['publication-date', 'order-18-2013-publication-1', 'admin-1', 7],
      ['withdrawal', 'order-18-2013-publication-1', 'admin-1', 8],
    ]);
    for (const entry of json.entries) expect(Date.parse(entry.at)).not.toBeNaN();
    expect(json.entries[6].reason).toEqual(reason);
  });

  it('shows the new routes in OpenAPI with their schemas and roles', async () => {
    const { json } = await local.call('GET', '/v1/openapi.json');
    const publish = json.paths['/v1/rules/versions'].post;
    expect(publish['x-kenes-roles']).toEqual(['admin']);
    expect(publish.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Amendment' });
    expect(Object.keys(json.components.schemas.Amendment.properties)).toEqual(expect.arrayContaining(['number', 'adoptedOn', 'publishedOn', 'inForceFrom', 'corrects', 'changes', 'cases']));
    expect(json.components.schemas.Amendment.required).toEqual(['title']); // the rest depends on the kind: a correction takes its version's
    expect(Object.keys(json.paths)).toEqual(
      expect.arrayContaining(['/v1/rules/versions/dry-run', '/v1/rules/versions/{versionId}/withdrawal', '/v1/rules/versions/{versionId}/publication', '/v1/rules/versions/{a}/diff/{b}', '/v1/rules/audit']),
    );
    expect(json.paths['/v1/rules/versions/{versionId}/publication'].post['x-kenes-roles']).toEqual(['admin']);
  });
});
