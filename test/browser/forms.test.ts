import { existsSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setToday } from '../../functions/clock.ts';
import { seedLocalLaw } from '../../infra/local/environment.ts';
import { startLocal } from '../integration/local.ts';

/**
 * The forms driven as a person would, in Debian's Chromium, against the local server on a fresh
 * table with the law seeded as `npm start` seeds it: Russian, a dev sign-in, a council,
 * candidates (one refused on every failing point), questions to the Regulation before and after
 * its repeal, an election with a secret ballot and its receipt, the drawing of lots, the
 * composition that follows, a meeting, an extraordinary demand signed by two members, and the
 * law's administration (a refused dry-run listing every problem, the audit log). The page
 * decides nothing: every outcome and point seen here comes from the API.
 */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = '/tmp/kenes-forms.png';
const SCREENSHOT_2 = '/tmp/kenes-forms2.png';
/** How long an answer may take on a loaded machine (the first call of a route loads its module). */
const WAIT = 15_000;

async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the browser tests drive Debian's Chromium. Install it with \`apt-get install -y chromium\` (playwright-core never downloads a browser).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--disable-component-update', '--no-first-run'],
  });
}

describe('the forms in a browser', () => {
  let local: Awaited<ReturnType<typeof startLocal>>;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const council = 'forms-test';

  /** Submits `form` with the button named `button` and waits for its answer. */
  async function submit(form: Locator, button: string) {
    const result = form.locator('.result').first();
    await result.evaluate((el) => el.replaceChildren());
    await form.getByRole('button', { name: button, exact: true }).click();
    await result.locator('.ok, .error').first().waitFor({ timeout: WAIT });
    return result;
  }

  async function signIn(sub: string, role: string) {
    const box = page.locator('#dev-box');
    if ((await box.getAttribute('open')) === null) await box.getByText('Вход разработчика').click();
    const form = page.locator('#dev-signin');
    await form.getByLabel('Идентификатор пользователя (sub)').fill(sub);
    for (const checkbox of await form.getByRole('checkbox', { checked: true }).all()) await checkbox.uncheck();
    await form.getByLabel(role, { exact: true }).check();
    await form.getByRole('button', { name: 'Войти', exact: true }).click();
    await expect.poll(async () => page.locator('#whoami-sub').textContent(), { timeout: WAIT }).toBe(sub);
  }

  beforeAll(async () => {
    // The clock of `npm start`: a date when the act was in force.
    setToday('2020-03-02');
    [local, browser] = await Promise.all([startLocal(), launch()]);
    await seedLocalLaw(); // as `npm start` does: the audit log records who seeded each version
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${local.base}/`);
    await page.locator('body[data-ready=true]').waitFor();
  });

  afterAll(async () => {
    setToday(undefined);
    await browser?.close();
    await local?.close();
  });

  it('opens in Kazakh and switches to Russian', async () => {
    await expect.poll(async () => page.locator('h1').textContent(), { timeout: WAIT }).toBe('Үйлестіру кеңесі');
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect.poll(async () => page.locator('h1').textContent(), { timeout: WAIT }).toBe('Координационный совет');
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.getByRole('button', { name: 'Русский' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#today').textContent()).toBe('2020-03-02');
  });

  it('signs in as the Office admin and creates a council', async () => {
    await signIn('office-admin', 'Администратор аппарата Уполномоченного');
    expect(await page.locator('#whoami').textContent()).toContain('Администратор аппарата Уполномоченного');
    const form = page.locator('#create-council');
    await form.getByLabel('Идентификатор (строчные').fill(council);
    await form.getByLabel('ФИО Уполномоченного').fill('Әзімова Гүлнәр');
    const result = await submit(form, 'Создать совет');
    expect(await result.locator('.ok').textContent()).toContain('Выполнено');
    expect(await page.locator('#council-id').inputValue()).toBe(council);
  });

  it('registers eligible candidates, and shows every failing point of a refusal', async () => {
    const form = page.locator('#candidate');
    await form.getByLabel('ФИО кандидата').fill('Әлібек Ұлан');
    await form.getByLabel('Идентификатор пользователя').fill('person-1');
    let result = await submit(form, 'Зарегистрировать');
    expect(await result.locator('[data-outcome]').getAttribute('data-outcome')).toBe('eligible');
    expect(await result.textContent()).toContain('может быть членом');
    await form.getByLabel('ФИО кандидата').fill('Қасымова Гүлнұр');
    await form.getByLabel('Идентификатор пользователя').fill('person-2');
    result = await submit(form, 'Зарегистрировать');
    expect(await result.locator('[data-outcome]').getAttribute('data-outcome')).toBe('eligible');

    await form.getByLabel('ФИО кандидата').fill('Отказано Тест');
    await form.getByLabel('Идентификатор пользователя').fill('');
    await form.getByLabel('Гражданин Республики Казахстан').uncheck();
    await form.getByLabel('Имеет непогашенную или неснятую судимость').check();
    result = await submit(form, 'Зарегистрировать');
    const error = result.locator('.error');
    expect(await error.textContent()).toContain('Ошибка 422');
    expect(await error.textContent()).toContain('Кандидат не может быть членом Совета');
    expect((await error.locator('.reasons .point').allTextContents()).sort()).toEqual(['p4.1', 'p8']);
    expect(await error.locator('.reasons').textContent()).toContain('члены совета избираются из числа граждан');
    // The form is left as it was, to correct it.
    await form.getByLabel('Гражданин Республики Казахстан').check();
    await form.getByLabel('Имеет непогашенную или неснятую судимость').uncheck();
  });

  it('asks the Regulation a decision question while in force, and after the repeal', async () => {
    const form = page.locator('#evaluate');
    await form.getByLabel('Вопрос').selectOption('decision');
    expect(await form.getByLabel('Факты (JSON)').inputValue()).toContain('presidingVote');
    await form.getByLabel('Дата события').fill('2020-03-02');
    let result = await submit(form, 'Проверить');
    expect(await result.locator('.reasons .point').first().textContent()).toBe('p25');
    expect(await result.locator('[data-outcome]').textContent()).toBe('принято (adopted)');
    expect(await result.textContent()).toContain('Order No. 15 of 2019-06-27');
    expect(await result.locator('.readings').textContent()).toContain('decision.tieRule');

    await form.getByLabel('Дата события').fill('2024-01-01');
    result = await submit(form, 'Проверить');
    const error = result.locator('.error');
    expect(await error.textContent()).toContain('act-repealed');
    expect(await error.textContent()).toContain('Положение утратило силу');
    expect(await error.locator('.reasons .point').textContent()).toBe('order-1-2023');
  });

  it('elects the candidates by secret ballot, with a receipt the voter checks', async () => {
    await signIn('commissioner', 'Председатель (Уполномоченный)');
    const commission = page.locator('#commission');
    await commission.getByLabel('Члены комиссии').fill('voter-1');
    await submit(commission, 'Сформировать комиссию');

    const open = page.locator('#open-election');
    await open.getByLabel('Число мест').fill('10');
    const opened = await submit(open, 'Открыть выборы');
    expect(await opened.locator('.ok').textContent()).toContain('первые выборы');

    await signIn('voter-1', 'Член избирательной комиссии');
    const ballot = page.locator('#ballot');
    await ballot.getByRole('button', { name: 'Загрузить бюллетень' }).click();
    await ballot.getByLabel('Әлібек Ұлан').check();
    await ballot.getByLabel('Қасымова Гүлнұр').check();
    const cast = await submit(ballot, 'Опустить бюллетень');
    const receipt = await cast.locator('.receipt-code').textContent();
    expect(receipt).toMatch(/\S{8,}/);
    await cast.getByRole('button', { name: 'Проверить квитанцию' }).click();
    await expect.poll(async () => cast.locator('[data-counted]').getAttribute('data-counted'), { timeout: WAIT }).toBe('true');

    await signIn('commissioner', 'Председатель (Уполномоченный)');
    const closed = await submit(page.locator('#close-election'), 'Закрыть выборы');
    expect(await closed.locator('[data-outcome]').first().textContent()).toBe('избран (elected)');
    expect(await closed.locator('.decisions .point').first().textContent()).toBe('p10');
  });

  it('draws lots after the first election: the commitment first, then the seed and the two-year half (p11)', async () => {
    const commit = page.locator('#lot-commit');
    expect(await commit.getByLabel('Идентификатор выборов').inputValue()).not.toBe('');
    const committed = await submit(commit, 'Зафиксировать начальное значение');
    const commitment = await committed.locator('code.commitment').textContent();
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(await committed.locator('.ok').textContent()).toContain('ещё не раскрыто');

    const reveal = page.locator('#lot-reveal');
    expect(await reveal.getByLabel('Идентификатор жеребьёвки').inputValue()).not.toBe('');
    const revealed = await submit(reveal, 'Раскрыть и провести жеребьёвку');
    expect(await revealed.locator('code.seed').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await revealed.locator('code.commitment').textContent()).toBe(commitment);
    // Two first members: the API's draw gives one of them a two-year term.
    expect(await revealed.locator('.lot-short li').count()).toBe(1);
    expect(await revealed.locator('.lot-short').textContent()).toMatch(/Әлібек Ұлан|Қасымова Гүлнұр/);
    expect(await revealed.locator('.recompute').textContent()).toContain('rank = SHA-256(seed + ":" + memberId)');
  });

  it('shows the composition: members, roles, term ends, vacancies', async () => {
    const form = page.locator('#composition');
    const result = await submit(form, 'Показать состав');
    const rows = result.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const members = await result.locator('tbody').textContent();
    expect(members).toContain('Әлібек Ұлан');
    expect(members).toContain('Қасымова Гүлнұр');
    expect(members).toContain('Член');
    expect(members).toContain('первый состав, короткий срок');
    expect(await result.locator('[data-vacancies]').textContent()).toBe('8');
    expect(await result.textContent()).toContain('commissioner');

    const versions = await submit(page.locator('#versions'), 'Показать редакции');
    expect(await versions.locator('.status-in-force').textContent()).toBe('действует');
  });

  it('convenes a meeting with its agenda in kk and ru, shows its quorum, and opens the minutes with the token', async () => {
    const convene = page.locator('#convene');
    await convene.getByLabel('Место проведения').fill('Астана');
    await convene.getByLabel('на казахском').fill('Алдын ала бару нәтижелері');
    await convene.getByLabel('на русском').fill('Итоги превентивных посещений');
    const convened = await submit(convene, 'Созвать заседание');
    expect(await convened.locator('.agenda').textContent()).toContain('Итоги превентивных посещений / Алдын ала бару нәтижелері');

    const attendance = page.locator('#attendance');
    expect(await attendance.getByLabel('Идентификатор заседания').inputValue()).not.toBe('');
    const present = await submit(attendance, 'Отметить');
    // The Chairperson alone of three: the API's quorum question answers, citing p22.
    expect(await present.locator('[data-outcome]').textContent()).toBe('кворума нет (not-quorate)');
    expect(await present.locator('.reasons .point').textContent()).toBe('p22');

    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      page.locator('#minutes-form').getByRole('link', { name: 'HTML, на казахском' }).click(),
    ]);
    await expect.poll(async () => tab.url(), { timeout: WAIT }).toMatch(/^blob:/);
    await tab.waitForLoadState();
    expect(await tab.locator('html').getAttribute('lang')).toBe('kk');
    expect(await tab.content()).toContain('Алдын ала бару нәтижелері');
    await tab.close();

    await page.locator('#council').scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('opens an extraordinary demand, has it signed by a second member, and downloads the calendar with the token (p21)', async () => {
    await signIn('person-1', 'Член');
    const open = page.locator('#demand-open');
    await open.getByLabel('на казахском').fill('Шұғыл шағым');
    await open.getByLabel('на русском').fill('Срочная жалоба');
    const opened = await submit(open, 'Открыть и подписать требование');
    const first = await opened.locator('.signatories li').allTextContents();
    expect(first).toHaveLength(1);
    expect(first[0]).toContain('Әлібек Ұлан');

    await signIn('person-2', 'Член');
    const demand = page.locator('#demand');
    expect(await demand.getByLabel('Идентификатор требования').inputValue()).not.toBe('');
    await submit(demand, 'Подписать требование');
    const shown = await submit(demand, 'Показать требование');
    const signatories = await shown.locator('.signatories').textContent();
    expect(await shown.locator('.signatories li').count()).toBe(2);
    expect(signatories).toContain('Әлібек Ұлан');
    expect(signatories).toContain('Қасымова Гүлнұр');
    // Three members with the Chairperson (who counts): the API's extraordinary-meeting question, citing p21.
    expect(await shown.locator('[data-status]').getAttribute('data-status')).toBe('must-convene');
    expect(await shown.locator('[data-outcome]').getAttribute('data-outcome')).toBe('must-convene');
    expect(await shown.locator('.reasons .point').first().textContent()).toBe('p21');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#ics-link').click()]);
    expect(download.suggestedFilename()).toBe(`${council}-meetings.ics`);
    expect(await page.locator('#calendar .result').textContent()).toContain('Календарь скачан');
  });

  it('dry-runs a bad amendment and lists every problem with its field, then shows the audit log', async () => {
    await signIn('office-admin', 'Администратор аппарата Уполномоченного');
    const form = page.locator('#amendment');
    const box = form.getByLabel('Документ изменения (JSON)');
    await box.fill('number: 9\nadoptedOn: 2021-05-03');
    let result = await submit(form, 'Пробная проверка (dry-run)');
    expect(await result.textContent()).toContain('npm run rules -- publish FILE');

    // A rule that cites no point: the API refuses it, naming each field.
    const quorum = {
      title: { kk: 'Кворум', ru: 'Кворум', en: 'Quorum' },
      dependsOn: ['p22'],
      outcomes: ['quorate', 'not-quorate'],
      otherwise: { outcome: 'not-quorate', reasons: [{ point: 'p22', code: 'quorum-not-reached', message: { kk: 'Кворум жоқ', ru: 'Кворума нет', en: 'Not quorate' } }] },
      rules: [
        {
          name: 'more than half present',
          conditions: { all: [{ fact: 'membersPresent', operator: 'greaterThan', value: 5 }] },
          event: { type: 'quorate', params: { code: 'quorum-reached', message: { kk: 'Кворум бар', ru: 'Кворум есть', en: 'Quorate' } } },
        },
      ],
    };
    const amendment = {
      number: 9,
      adoptedOn: '2021-05-03',
      publishedOn: '2021-05-03',
      title: { kk: '№ 9 өкім (үлгі)', ru: 'Распоряжение № 9 (образец)', en: 'Order No. 9 (example)' },
      changes: { questions: { quorum } },
    };
    await box.fill(JSON.stringify(amendment, null, 2));
    result = await submit(form, 'Пробная проверка (dry-run)');
    const error = result.locator('.error');
    expect(await error.textContent()).toContain('Ошибка 400');
    const fields = await error.locator('.details .field').allTextContents();
    expect(fields).toContain('body.changes.questions.quorum.rules.0.event.params.point');
    expect(fields).toContain('body.changes.questions.quorum.rules.0.name');
    expect(fields.length).toBeGreaterThanOrEqual(2);
    expect(await box.getAttribute('aria-invalid')).toBe('true');

    const audit = await submit(page.locator('#audit'), 'Показать журнал');
    const actions = await audit.locator('[data-action]').evaluateAll((els) => els.map((el) => el.getAttribute('data-action')));
    expect(actions).toEqual(['seed', 'seed', 'seed', 'seed']);
    expect(await audit.locator('tbody').textContent()).toContain('order-1-2023');
    expect(await audit.locator('tbody').textContent()).toContain('npm start');

    await page.locator('#law').scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT_2, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
