/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { addDays } from '../../functions/clock.ts';
import { expect } from 'vitest';
import { check, until } from '../browser/helpers.ts';
import { council } from '../browser/seed.ts';
import type { Api, Step } from './membership.ts';

/**
 * A year of the preventive mechanism's work (2020), through HTTP and, where a person would use
 * it, Chromium: the register of institutions, a visit plan within its budget adopted by a
 * decision (and one over budget refused), participants selected, the reporting form approved,
 * visit reports validated against it (one refused, naming its field), a complaint of torture
 * sealed in a stranger's browser and read by the Chairperson in theirs, the minutes of the next
 * meeting entering it without its words, recommendations sent and answered, and the annual
 * report in Kazakh and Russian as PDF. `test/browser/year.test.ts` runs it against the local
 * server in process; `npm run e2e:year` runs it against a running `npm start`.
 */
export type YearWorld = {
  api: Pick<Api, 'call'>;
  /** The bytes of a file the API serves (a PDF), as `as` would download it. */
  bytes: (path: string, as: { sub: string }) => Promise<Buffer>;
  base: string;
  councilId: string;
  /** The Chairperson's name, as the dev sign-in lists it (unique on a long-lived `.data/`). */
  chairName: string;
  /** A new browser session (its own context) on the app, and signing in on it by name. */
  open: (width?: number) => Promise<Page>;
  signIn: (page: Page, name: string, submit: string) => Promise<void>;
};

const WAIT = 20_000;
const bi = (kk: string, ru: string) => ({ kk, ru });
const NARRATIVE = 'Тергеу изоляторында 2020 жылдың наурызында мені ұрып-соқты. Куәгер: камерадағы көрші.';
const CONTACT = 'Байланыс: +7 701 000 00 00';

export function yearOfWork(world: YearWorld): Step[] {
  const { api } = world;
  const steps: Step[] = [];
  const step = (name: string, run: () => Promise<void>) => steps.push({ name, run });
  const C = `/v1/councils/${world.councilId}`;
  let seated: Awaited<ReturnType<typeof council>>;
  let chair: { sub: string };
  const participant = { sub: `${world.councilId}-monitor` };
  const institutions: string[] = [];
  let planDecision = '';
  let formDecision = '';
  let participantDecision = '';
  let recommendationDecision = '';
  let participantId = '';
  let receipt = '';
  let nextMeetingId = '';
  let keyFile = '';
  /** The server's today: the complaint arrives on it; the next meeting and the follow-up come after. */
  let today = '';
  const later = (days: number) => addDays(today, days);
  let chairPage: Page;

  /** A meeting on `date` that adopts one decision per title, every member present and for. */
  async function decide(date: string, titles: { kk: string; ru: string }[]): Promise<string[]> {
    const convened = await api.call('POST', `${C}/meetings`, { as: chair, body: { kind: 'regular', date, place: bi('Астана қ.', 'г. Астана'), agenda: titles.map((title) => ({ title })) } });
    expect(convened.status, convened.text).toBe(201);
    const M = `${C}/meetings/${convened.json.id}`;
    const voters: [string, { sub: string }][] = [['chairperson', chair], ...seated.members.map((m): [string, { sub: string }] => [m.id, { sub: m.sub }])];
    for (const [id] of voters) expect((await api.call('PUT', `${M}/attendance/${id}`, { as: chair, body: { present: true } })).status).toBe(200);
    const decisions: string[] = [];
    for (const [i, title] of titles.entries()) {
      const put = await api.call('POST', `${M}/motions`, { as: chair, body: { itemId: convened.json.agenda[i].id, kind: 'ordinary', category: 'recommendation', title } });
      expect(put.status, put.text).toBe(201);
      for (const [id, as] of voters) expect((await api.call('PUT', `${M}/motions/${put.json.id}/votes/${id}`, { as, body: { choice: 'for' } })).status).toBeLessThan(300);
      const closed = await api.call('POST', `${M}/motions/${put.json.id}/close`, { as: chair });
      expect(closed.json?.result?.outcome, closed.text).toBe('adopted');
      decisions.push(closed.json.result.decisionId);
    }
    return decisions;
  }

  step('the clock reads a day of 2020 after the plan’s first visits (npm start’s default, 2020-06-15, is one)', async () => {
    today = (await api.call('GET', '/v1/health')).json.today;
    expect(today >= '2020-05-02' && today <= '2020-10-31', `the journey needs the clock between 2020-05-02 and 2020-10-31 (KENES_TODAY), not ${today}`).toBe(true);
  });

  step('a council seated in 2020, its Chairperson and three members', async () => {
    seated = await council(api, world.councilId, { kk: 'Үйлестіру кеңесі (жыл)', ru: 'Координационный совет (год)', en: 'Coordination Council (year)' }, world.chairName, ['Серікова Айгүл', 'Нұрланов Бауыржан', 'Ахметова Дана']);
    chair = seated.chair;
  });

  step('the register of institutions: a colony, a temporary-isolation ward, a children’s home', async () => {
    for (const body of [
      { name: bi('№ 12 түзеу колониясы', 'Исправительная колония № 12'), type: 'penal', region: 'almaty-region', addedOn: '2020-02-10' },
      { name: bi('Уақытша ұстау изоляторы', 'Изолятор временного содержания'), type: 'temporary-isolation', region: 'astana', addedOn: '2020-02-10' },
      { name: bi('№ 3 балалар үйі', 'Детский дом № 3'), type: 'children', region: 'shymkent', addedOn: '2020-02-10' },
    ]) {
      const added = await api.call('POST', `${C}/institutions`, { as: chair, body });
      expect(added.status, added.text).toBe(201);
      institutions.push(added.json.id);
    }
  });

  step('the January meeting adopts the visit plan, selects a participant and approves the reporting form', async () => {
    [planDecision = '', participantDecision = '', formDecision = ''] = await decide('2020-02-20', [
      bi('2020 жылға арналған бару жоспары', 'План посещений на 2020 год'),
      bi('Ұлттық алдын алу тетігінің қатысушыларын іріктеу', 'Отбор участников национального превентивного механизма'),
      bi('Есеп нысанын бекіту', 'Утверждение формы отчёта'),
    ]);
  });

  step('a plan over its budget is refused with the amounts (p14.6); one within it is adopted by the decision', async () => {
    const visits = institutions.map((institutionId, i) => ({ institutionId, from: `2020-0${3 + i}-01`, to: `2020-0${3 + i}-02`, costTiyn: 40_000_000 }));
    const body = { title: bi('2020 жылғы бару жоспары', 'План посещений на 2020 год'), period: { from: '2020-01-01', to: '2020-12-31' }, budgetTiyn: 100_000_000, visits };
    const over = await api.call('POST', `${C}/visit-plans`, { as: chair, body });
    expect(over.status, over.text).toBe(422);
    expect(JSON.stringify(over.json.error.reasons)).toContain('p14');
    const plan = await api.call('POST', `${C}/visit-plans`, { as: chair, body: { ...body, budgetTiyn: 150_000_000 } });
    expect(plan.status, plan.text).toBe(201);
    const adopted = await api.call('POST', `${C}/visit-plans/${plan.json.id}/adoption`, { as: chair, body: { decisionId: planDecision } });
    expect(adopted.status, adopted.text).toBe(200);
    expect(adopted.json.status).toBe('adopted');
  });

  step('a participant selected for the Almaty region and Shymkent groups (p14.8)', async () => {
    const selected = await api.call('POST', `${C}/participants`, { as: chair, body: { name: 'Қалиева Жанна', sub: participant.sub, groups: ['almaty-region', 'shymkent'], decisionId: participantDecision } });
    expect(selected.status, selected.text).toBe(201);
    participantId = selected.json.id;
  });

  step('the reporting form approved (p14.9), a report that does not match it refused naming the field, two reports filed (p14.10)', async () => {
    const schema = {
      type: 'object',
      required: ['conditions', 'findings'],
      additionalProperties: false,
      properties: {
        conditions: { type: 'string', maxLength: 2000, 'x-labels': { kk: 'Ұстау жағдайлары', ru: 'Условия содержания', en: 'Conditions of detention' } },
        findings: {
          type: 'array',
          maxItems: 5,
          items: { enum: ['overcrowding', 'no-medical-care', 'ill-treatment'] },
          'x-choices': { overcrowding: { kk: 'Камералардың толып кетуі', ru: 'Переполненность камер', en: 'Overcrowding' }, 'no-medical-care': { kk: 'Медициналық көмектің жоқтығы', ru: 'Отсутствие медицинской помощи', en: 'No medical care' }, 'ill-treatment': { kk: 'Қатыгез қарау', ru: 'Жестокое обращение', en: 'Ill-treatment' } },
          'x-finding': true, 'x-labels': { kk: 'Анықталғаны', ru: 'Выявлено', en: 'Findings' } },
        detaineeName: { type: 'string', maxLength: 200, 'x-private': true, 'x-labels': { kk: 'Ұсталған адамның аты-жөні', ru: 'ФИО содержащегося', en: 'Name of the detainee' } },
      },
    };
    const form = await api.call('POST', `${C}/reporting-forms`, { as: chair, body: { schema, decisionId: formDecision } });
    expect(form.status, form.text).toBe(201);
    const report = (institutionId: string, visitDate: string, answers: unknown) => api.call('POST', `${C}/visit-reports`, { as: participant, body: { institutionId, visitDate, participantIds: [participantId], answers } });
    const refused = await report(institutions[0]!, '2020-03-01', { conditions: 'Камералар толы', findings: ['overcrowding', 'sunny'] });
    expect(refused.status, refused.text).toBe(400);
    expect(refused.json.error.details[0].field).toMatch(/^body\.answers\.findings/);
    expect(refused.json.error.details[0].message.kk).toMatch(/[әғқөұүі]/i);
    const filed = await report(institutions[0]!, '2020-03-01', { conditions: 'Камералар толы, медициналық көмек жоқ', findings: ['overcrowding', 'no-medical-care'], detaineeName: 'Омаров Ерлан' });
    expect(filed.status, filed.text).toBe(201);
    expect((await report(institutions[2]!, '2020-05-01', { conditions: 'Жағдай қанағаттанарлық', findings: [] })).status).toBe(201);
  });

  step('the Office makes the council’s key pair in the Chairperson’s browser, downloads the private half, publishes the public one', async () => {
    chairPage = await world.open();
    await world.signIn(chairPage, world.chairName, 'Кіру');
    await chairPage.goto(`${world.base}/councils/${world.councilId}/complaint-keys`);
    await chairPage.getByRole('button', { name: 'Жаңа кілттер жұбын жасау' }).click();
    const [download] = await Promise.all([chairPage.waitForEvent('download'), chairPage.getByRole('link', { name: 'Жеке кілт файлын жүктеу' }).click()]);
    keyFile = readFileSync((await download.path())!, 'utf8');
    await chairPage.getByRole('button', { name: 'Ашық кілтті жариялау' }).click();
    await chairPage.getByText('Ашық кілт жарияланды').waitFor({ timeout: WAIT });
    await check(chairPage, 'year-complaint-keys');
  });

  step('a complaint of torture written on a phone by someone without an account is sealed in their browser; the server keeps no word of it', async () => {
    const page = await world.open(390);
    await page.goto(`${world.base}/councils/${world.councilId}/complaint`);
    await page.getByLabel('Не болды').fill(`${NARRATIVE}\n${CONTACT}`);
    await page.getByLabel('Шағымның түрі').selectOption('torture');
    await page.getByLabel('Өңір (міндетті емес)').selectOption('astana');
    await check(page, 'year-complaint-form');
    await page.getByRole('button', { name: 'Шифрлап жіберу' }).click();
    receipt = (await page.locator('[data-receipt]').getAttribute('data-receipt', { timeout: WAIT }))!;
    expect(receipt).toMatch(/^[A-Za-z0-9_-]{20,64}$/);
    await page.context().close();
    const status = await api.call('GET', `/v1/complaints/${receipt}`);
    expect(status.json.status).toBe('received');
    const list = await api.call('GET', `${C}/complaints`, { as: chair });
    expect(list.text).not.toContain('ұрып-соқты');
    expect(list.text).not.toContain(CONTACT);
  });

  step('the Chairperson reads it in their browser with the private key file and gives the reason, which the access log keeps (p29); considers it and replies', async () => {
    const page = chairPage;
    await page.goto(`${world.base}/councils/${world.councilId}/complaints`);
    await page.getByRole('table').waitFor({ timeout: WAIT });
    await page.getByLabel('Жеке кілт (файлдың мазмұны)').fill(keyFile);
    await page.getByLabel('Оқудың себебі').fill('Шағымды қарау');
    await page.getByRole('button', { name: /^Оқу/ }).first().click();
    await until(() => page.locator('[data-complaint-text]').textContent(), (text) => Boolean(text?.includes('ұрып-соқты')), 'the complaint opened at the desk');
    await check(page, 'year-complaints-desk');
    await page.getByLabel('Қаралды деп белгілеу').check();
    await page.getByLabel('Шешім').selectOption('visit-planned');
    await page.getByLabel('Хаттамаға жазылатын қысқаша мазмұн, қазақ тілінде').fill('Азаптау туралы шағым: изоляторға кезектен тыс бару жоспарланды');
    await page.getByLabel('Хаттамаға жазылатын қысқаша мазмұн, орыс тілінде').fill('Жалоба о пытках: запланировано внеочередное посещение изолятора');
    await page.getByLabel('Шағым иесіне жауап (міндетті емес)').fill('Біз изоляторға барамыз');
    await page.getByRole('button', { name: 'Сақтау' }).click();
    await page.getByText('Сақталды').waitFor({ timeout: WAIT });
    const log = await api.call('GET', `${C}/access-log`, { as: chair });
    expect(log.json.items).toEqual(expect.arrayContaining([expect.objectContaining({ by: chair.sub, what: expect.objectContaining({ kind: 'complaint' }), why: 'Шағымды қарау' })]));
  });

  step('the sender reads the reply with their receipt code alone', async () => {
    const page = await world.open(390);
    await page.goto(`${world.base}/complaint-status`);
    await page.getByLabel('Түбіртек коды').fill(receipt);
    await page.getByRole('button', { name: 'Көрсету' }).click();
    await until(() => page.locator('[data-complaint-reply]').textContent(), (text) => text === 'Біз изоляторға барамыз', 'the reply opened by the receipt');
    await check(page, 'year-complaint-status');
    await page.context().close();
  });

  step('the next meeting’s minutes enter the complaint by its summary, without a word of it (p14.7, p29)', async () => {
    const [decision] = await decide(later(10), [bi('Бару нәтижелері бойынша ұсыным', 'Рекомендация по итогам посещений')]);
    recommendationDecision = decision!;
    const meetings = await api.call('GET', `${C}/meetings?from=${later(10)}&to=${later(10)}`, { as: chair });
    nextMeetingId = meetings.json.items[0].id;
    const minutes = await api.call('GET', `${C}/meetings/${nextMeetingId}/minutes.html?lang=kk`, { as: chair });
    expect(minutes.text).toContain('кезектен тыс бару');
    expect(minutes.text).not.toContain('ұрып-соқты');
  });

  step('a recommendation to the penal system sent and answered (p14.11); a proposal on legislation (p14.12) unanswered', async () => {
    const made = await api.call('POST', `${C}/recommendations`, { as: chair, body: { kind: 'recommendation', text: bi('Колонияда медициналық көмекті қамтамасыз ету', 'Обеспечить медицинскую помощь в колонии'), addressee: 'ҚАЖК', decisionId: recommendationDecision } });
    expect(made.status, made.text).toBe(201);
    const R = `${C}/recommendations/${made.json.id}`;
    expect((await api.call('POST', `${R}/sending`, { as: chair, body: { sentOn: later(15), responseDueOn: later(45) } })).status).toBe(200);
    const answered = await api.call('POST', `${R}/response`, { as: chair, body: { receivedOn: later(35), status: 'partly', summary: bi('Дәрігер тағайындалды', 'Назначен врач') } });
    expect(answered.status, answered.text).toBe(200);
    const proposal = await api.call('POST', `${C}/recommendations`, { as: chair, body: { kind: 'legislative-proposal', text: bi('Заңға өзгеріс', 'Изменение закона'), addressee: 'Әділет министрлігі', decisionId: recommendationDecision } });
    expect(proposal.status, proposal.text).toBe(201);
  });

  step('the annual report for 2020 in Kazakh and Russian, as PDF with the Kazakh letters, the private name withheld (p14.13, p29, p30)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenes-year-'));
    for (const lang of ['kk', 'ru'] as const) {
      const file = join(dir, `annual-2020-${lang}.pdf`);
      writeFileSync(file, await world.bytes(`${C}/annual-reports/2020/pdf?lang=${lang}`, chair));
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(text).not.toContain('Омаров');
      if (lang === 'kk') expect(text).toMatch(/[әғқөұүі]/);
      else expect(text).toMatch(/[а-яё]/);
    }
  });

  step('the Chairperson finds the year’s work in the app, section by section, in Kazakh (each page checked: axe, 390 px, no Latin word)', async () => {
    const page = chairPage;
    const sections: [string, string][] = [
      ['institutions', '№ 12 түзеу колониясы'],
      ['visit-plans', '2020 жылғы бару жоспары'],
      ['participants', 'Қалиева Жанна'],
      ['work-plan', ''],
      ['reporting-forms', ''],
      ['visit-reports', ''],
      ['recommendations', 'ҚАЖК'],
      ['annual-reports', ''],
      ['access-log', 'Шағымды қарау'],
    ];
    for (const [section, shows] of sections) {
      await page.goto(`${world.base}/councils/${world.councilId}/${section}`);
      await page.locator('h1').first().waitFor({ timeout: WAIT });
      if (shows) await page.getByText(shows).first().waitFor({ timeout: WAIT });
      await check(page, `year-${section}`);
    }
    await page.context().close();
  });

  return steps;
}
