import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setToday } from '../../functions/clock.ts';
import { adoptDecision, admin, seatCouncil, type Seated } from '../scenarios/council.ts';
import { startLocal } from './local.ts';

/**
 * The reporting form (p14.9), visit reports (p14.10), privacy (p29), recommendations and
 * proposals with their follow-up (p14.11, p14.12) and the annual report (p14.13), through HTTP.
 */
const labels = (kk: string, ru: string, en: string) => ({ 'x-labels': { kk, ru, en } });
const formV1 = {
  type: 'object',
  additionalProperties: false,
  required: ['conditions', 'findings', 'detainee'],
  properties: {
    conditions: { type: 'string', minLength: 3, maxLength: 2000, ...labels('Ұстау жағдайлары', 'Условия содержания', 'Conditions of detention') },
    findings: {
      type: 'array',
      maxItems: 3,
      items: { type: 'string', enum: ['overcrowding', 'no-medical-care', 'ill-treatment'] },
      'x-choices': { overcrowding: { kk: 'Камералардың толып кетуі', ru: 'Переполненность камер', en: 'Overcrowding' }, 'no-medical-care': { kk: 'Медициналық көмектің жоқтығы', ru: 'Отсутствие медицинской помощи', en: 'No medical care' }, 'ill-treatment': { kk: 'Қатыгез қарау', ru: 'Жестокое обращение', en: 'Ill-treatment' } },
      'x-finding': true, ...labels('Анықталған бұзушылықтар', 'Выявленные нарушения', 'Findings') },
    detainee: { type: 'string', maxLength: 200, 'x-private': true, ...labels('Сотталған адамның аты-жөні', 'ФИО осуждённого', "Detainee's name") },
    peopleHeld: { type: 'integer', minimum: 0, maximum: 10000, ...labels('Ұсталғандар саны', 'Число содержащихся', 'People held') },
  },
};
const formV2 = {
  ...formV1,
  required: [...formV1.required, 'medicalCare'],
  properties: { ...formV1.properties, medicalCare: { type: 'boolean', ...labels('Медициналық көмек бар', 'Медицинская помощь есть', 'Medical care available') } },
};
const SECRET = 'Серікбаев Әлихан';

describe('reports, privacy, recommendations and the annual report through HTTP', () => {
  let local: Awaited<ReturnType<typeof startLocal>>;
  let x: Seated;
  let y: Seated;
  let C: string;
  let chair: { sub: string };
  let staff: { sub: string };
  let member: { sub: string };
  let institutionId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    local = await startLocal();
    setToday('2020-01-25');
    [x, y] = await Promise.all([seatCouncil(local, 'rep-x'), seatCouncil(local, 'rep-y')]);
    C = `/v1/councils/${x.councilId}`;
    ({ chairperson: chair, staff, member } = x.people);
    setToday('2020-02-10');
    const added = await local.call('POST', `${C}/institutions`, {
      as: staff,
      body: { name: { kk: 'Қарағанды облысының № 1 түзеу мекемесі', ru: 'Исправительное учреждение № 1 Карагандинской области' }, type: 'penal', region: 'karaganda', addedOn: '2020-02-10' },
    });
    expect(added.status, added.text).toBe(201);
    institutionId = added.json.id;
  });
  afterAll(async () => {
    setToday(undefined);
    await local.close();
  });

  const report = (visitDate: string, answers: Record<string, unknown>) => local.call('POST', `${C}/visit-reports`, { as: staff, body: { institutionId, visitDate, answers } });
  const good = { conditions: 'Камераларда ылғал бар, жарық әлсіз <script>alert(1)</script>', findings: ['overcrowding', 'no-medical-care'], detainee: SECRET, peopleHeld: 120 };

  it('refuses a report before any form is approved (422, p14.9)', async () => {
    const refused = await report('2020-02-15', good);
    expect(refused.status, refused.text).toBe(422);
    expect(refused.json.error.reasons[0].point).toBe('p14.9');
  });

  it('refuses a form that is not a labelled, strict JSON Schema (400 naming body.schema…)', async () => {
    setToday('2020-03-10');
    const { decisionId } = await adoptDecision(local, x, '2020-03-10');
    ids.decision1 = decisionId;
    const unlabelled = await local.call('POST', `${C}/reporting-forms`, { as: chair, body: { decisionId, schema: { type: 'object', properties: { a: { type: 'string' } } } } });
    expect(unlabelled.status).toBe(400);
    expect(unlabelled.json.error.details[0].field).toBe('body.schema.properties.a');
    const external = await local.call('POST', `${C}/reporting-forms`, { as: chair, body: { decisionId, schema: { type: 'object', properties: { a: { $ref: 'https://example.org/s.json', ...labels('а', 'а', 'a') } } } } });
    expect(external.status).toBe(400);
    const misspelt = await local.call('POST', `${C}/reporting-forms`, { as: chair, body: { decisionId, schema: { type: 'object', properties: { a: { type: 'string', maxLenght: 3, ...labels('а', 'а', 'a') } } } } });
    expect(misspelt.status).toBe(400);
    expect(misspelt.json.error.details[0].field).toBe('body.schema');
  });

  it('approves version 1 by a real decision, and version 2 by a later one', async () => {
    const v1 = await local.call('POST', `${C}/reporting-forms`, { as: chair, body: { decisionId: ids.decision1, schema: formV1 } });
    expect(v1.status, v1.text).toBe(201);
    expect(v1.json).toMatchObject({ version: 1, approvedOn: '2020-03-10', decisionId: ids.decision1 });
    setToday('2020-09-15');
    const { decisionId } = await adoptDecision(local, x, '2020-09-15');
    const v2 = await local.call('POST', `${C}/reporting-forms`, { as: staff, body: { decisionId, schema: formV2 } });
    expect(v2.status, v2.text).toBe(201);
    expect(v2.json).toMatchObject({ version: 2, approvedOn: '2020-09-15' });
    const list = await local.call('GET', `${C}/reporting-forms`, { as: member });
    expect(list.json.items.map((f: { version: number }) => f.version)).toEqual([1, 2]);
  });

  it('validates each report against the version approved on its visit date', async () => {
    setToday('2020-10-12');
    const under1 = await report('2020-05-05', good);
    expect(under1.status, under1.text).toBe(201);
    expect(under1.json).toMatchObject({ formVersion: 1, redacted: [] });
    ids.report1 = under1.json.id;
    // Version 1 knows no `medicalCare`: refused on the earlier date, required on the later.
    const extra = await report('2020-05-06', { ...good, medicalCare: true });
    expect(extra.status).toBe(400);
    expect(extra.json.error.details).toEqual([expect.objectContaining({ field: 'body.answers.medicalCare', code: 'additionalProperties' })]);
    const missing = await report('2020-10-10', good);
    expect(missing.status).toBe(400);
    expect(missing.json.error.details).toEqual([expect.objectContaining({ field: 'body.answers.medicalCare', code: 'required' })]);
    const under2 = await report('2020-10-10', { ...good, medicalCare: false, findings: ['ill-treatment'] });
    expect(under2.status, under2.text).toBe(201);
    expect(under2.json.formVersion).toBe(2);
    ids.report2 = under2.json.id;
  });

  it('refuses a report that does not match its form with every field and reason in kk, ru and en', async () => {
    const refused = await report('2020-05-07', { conditions: 'ok', findings: ['bad'], peopleHeld: 'many' });
    expect(refused.status).toBe(400);
    const byField = Object.fromEntries(refused.json.error.details.map((d: { field: string }) => [d.field, d]));
    expect(Object.keys(byField).sort()).toEqual(['body.answers.conditions', 'body.answers.detainee', 'body.answers.findings.0', 'body.answers.peopleHeld']);
    expect(byField['body.answers.conditions'].code).toBe('minLength');
    expect(byField['body.answers.conditions'].message).toEqual({ kk: '«Ұстау жағдайлары»: кемінде 3 таңба', ru: '«Условия содержания»: не менее 3 знаков', en: '«Conditions of detention» must have at least 3 characters' });
    expect(byField['body.answers.detainee'].message.ru).toBe('поле «ФИО осуждённого» обязательно');
    expect(byField['body.answers.peopleHeld'].message.kk).toBe('«Ұсталғандар саны»: бүтін сан болуы керек');
    expect(byField['body.answers.findings.0'].code).toBe('enum');
    for (const d of refused.json.error.details) expect(d.message.kk).not.toMatch(/[A-Za-z]{4,}/);
  });

  it('redacts private fields in the list and for a member; shows them to the Chairperson and staff with a reason, logged first', async () => {
    const list = await local.call('GET', `${C}/visit-reports`, { as: chair });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.json)).not.toContain(SECRET);
    expect(list.json.items.every((r: { redacted: string[] }) => r.redacted.includes('detainee'))).toBe(true);
    const asMember = await local.call('GET', `${C}/visit-reports/${ids.report1}?reason=${encodeURIComponent('қарау')}`, { as: member });
    expect(asMember.json.answers.detainee).toBeUndefined();
    const noReason = await local.call('GET', `${C}/visit-reports/${ids.report1}`, { as: chair });
    expect(noReason.json.redacted).toEqual(['detainee']);
    const withReason = await local.call('GET', `${C}/visit-reports/${ids.report1}?reason=${encodeURIComponent('шағымды тексеру')}`, { as: chair });
    expect(withReason.json.answers.detainee).toBe(SECRET);
    const byStaff = await local.call('GET', `${C}/visit-reports/${ids.report1}?reason=${encodeURIComponent('есеп дайындау')}`, { as: staff });
    expect(byStaff.json.answers.detainee).toBe(SECRET);
    const log = await local.call('GET', `${C}/access-log`, { as: chair });
    expect(log.status).toBe(200);
    expect(log.json.items.map((e: { by: string; why: string; what: { id: string } }) => [e.by, e.why, e.what.id])).toEqual([
      [chair.sub, 'шағымды тексеру', ids.report1],
      [staff.sub, 'есеп дайындау', ids.report1],
    ]);
    expect((await local.call('GET', `${C}/access-log`, { as: staff })).status).toBe(403);
  });

  it('analyses a period by institution type, region and finding, with no private data', async () => {
    const analysis = await local.call('GET', `${C}/visit-reports/analysis?from=2020-01-01&to=2020-12-31`, { as: member });
    expect(analysis.status, analysis.text).toBe(200);
    expect(analysis.json).toMatchObject({ reports: 2, byType: [{ key: 'penal', count: 2 }], byRegion: [{ key: 'karaganda', count: 2 }] });
    expect(analysis.json.byFinding[0].values).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'overcrowding', count: 1, words: expect.objectContaining({ kk: 'Камералардың толып кетуі' }) }), expect.objectContaining({ key: 'ill-treatment', count: 1 })]));
    expect(analysis.text).not.toContain(SECRET);
  });

  it('makes, sends and answers recommendations; an overdue one is in the notices', async () => {
    setToday('2020-09-15');
    const made = await local.call('POST', `${C}/recommendations`, {
      as: staff,
      body: { kind: 'recommendation', text: { kk: 'Медициналық көмекті қамтамасыз ету', ru: 'Обеспечить медицинскую помощь' }, addressee: 'ҚР ІІМ Қылмыстық-атқару жүйесі комитеті', decisionId: ids.decision1, visitReportIds: [ids.report1] },
    });
    expect(made.status, made.text).toBe(201);
    expect(made.json).toMatchObject({ status: 'drafted', madeOn: '2020-03-10' });
    const proposal = await local.call('POST', `${C}/recommendations`, { as: chair, body: { kind: 'legislative-proposal', text: { kk: 'Заңға өзгеріс', ru: 'Изменение в закон' }, addressee: 'Мәжіліс', decisionId: ids.decision1 } });
    expect(proposal.status).toBe(201);
    for (const id of [made.json.id, proposal.json.id]) {
      const sent = await local.call('POST', `${C}/recommendations/${id}/sending`, { as: chair, body: { sentOn: '2020-09-16', responseDueOn: '2020-10-16' } });
      expect(sent.status, sent.text).toBe(200);
      expect(sent.json.status).toBe('sent');
    }
    const answered = await local.call('POST', `${C}/recommendations/${proposal.json.id}/response`, { as: staff, body: { receivedOn: '2020-10-01', status: 'partly', summary: { kk: 'Ішінара қабылданды', ru: 'Принято частично' } } });
    expect(answered.status, answered.text).toBe(200);
    expect(answered.json.status).toBe('partly');
    const again = await local.call('POST', `${C}/recommendations/${proposal.json.id}/response`, { as: staff, body: { receivedOn: '2020-10-02', status: 'accepted', summary: { kk: 'Қабылданды', ru: 'Принято' } } });
    expect(again.status).toBe(409);
    setToday('2020-11-01');
    const overdue = await local.call('GET', `${C}/recommendations?status=no-answer`, { as: member });
    expect(overdue.json.items.map((r: { id: string; overdue: boolean }) => [r.id, r.overdue])).toEqual([[made.json.id, true]]);
    const notices = await local.call('GET', `${C}/notices`, { as: chair });
    expect(notices.status, notices.text).toBe(200);
    expect(notices.json.notices).toContainEqual(expect.objectContaining({ kind: 'recommendation-overdue', ref: made.json.id, addressee: 'ҚР ІІМ Қылмыстық-атқару жүйесі комитеті', dueOn: '2020-10-16' }));
  });

  const file = async (path: string, as: { sub: string }) => {
    const response = await fetch(`${local.base}${path}`, { headers: { authorization: `Bearer ${await local.tokens.mint(as.sub, [])}` } });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const pdfText = (bytes: Buffer) => {
    const path = join(mkdtempSync(join(tmpdir(), 'annual-')), 'report.pdf');
    writeFileSync(path, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  };

  it('builds the annual report in JSON, HTML (kk, ru) and PDF without private data and no year outside the act', async () => {
    setToday('2020-12-20');
    const json = await local.call('GET', `${C}/annual-reports/2020`, { as: member });
    expect(json.status, json.text).toBe(200);
    expect(json.json.visits).toHaveLength(2);
    expect(json.json.recommendations).toHaveLength(2);
    expect(json.text).not.toContain(SECRET);
    expect(json.json.visits[0].redacted).toEqual(['detainee']);
    for (const lang of ['kk', 'ru']) {
      const html = await file(`${C}/annual-reports/2020/html?lang=${lang}`, member);
      expect(html.status).toBe(200);
      const text = html.bytes.toString('utf8');
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('<script>');
      expect(text).toContain('&#60;script&#62;');
    }
    const pdf = await file(`${C}/annual-reports/2020/pdf?lang=kk`, member);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="annual-report-2020-kk.pdf"');
    const text = pdfText(pdf.bytes);
    for (const letter of ['ә', 'ғ', 'қ', 'ө', 'ұ', 'ү', 'і', 'ң']) expect(text).toContain(letter);
    expect(text).not.toContain(SECRET);
    expect((await local.call('GET', `${C}/annual-reports/2012`, { as: member })).json.error.field).toBe('path.year');
  });

  it('shows a private field in the annual report once consent is recorded, and logs that read', async () => {
    const notPrivate = await local.call('POST', `${C}/visit-reports/${ids.report1}/consents`, { as: staff, body: { field: 'conditions', givenOn: '2020-05-05', evidence: 'Папка № 3' } });
    expect(notPrivate.status).toBe(400);
    const consent = await local.call('POST', `${C}/visit-reports/${ids.report1}/consents`, { as: staff, body: { field: 'detainee', givenOn: '2020-05-05', evidence: 'Кеңсе мұрағаты, папка № 3' } });
    expect(consent.status, consent.text).toBe(201);
    const json = await local.call('GET', `${C}/annual-reports/2020`, { as: member });
    expect(json.text).toContain(SECRET);
    const html = await file(`${C}/annual-reports/2020/html?lang=ru`, member);
    expect(html.bytes.toString('utf8')).toContain(SECRET);
    const pdf = await file(`${C}/annual-reports/2020/pdf?lang=ru`, member);
    expect(pdfText(pdf.bytes)).toContain(SECRET);
    const log = await local.call('GET', `${C}/access-log?limit=200`, { as: admin });
    const annual = log.json.items.filter((e: { why: string }) => e.why === 'annual-report');
    expect(annual.length).toBe(3);
    expect(annual.every((e: { by: string; what: { id: string } }) => e.by === member.sub && e.what.id === ids.report1)).toBe(true);
  });

  it("gives another council's people 403 on every read", async () => {
    const paths = ['/reporting-forms', '/visit-reports', `/visit-reports/${ids.report1}?reason=x`, '/visit-reports/analysis?from=2020-01-01&to=2020-12-31', '/recommendations', '/annual-reports/2020', '/access-log'];
    for (const who of Object.values(y.people)) {
      for (const path of paths) expect((await local.call('GET', `${C}${path}`, { as: who })).status, `${who.sub} ${path}`).toBe(403);
    }
  });
});
