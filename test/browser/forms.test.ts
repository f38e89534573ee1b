import { existsSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setToday } from '../../functions/clock.ts';
import { seedLocalLaw } from '../../infra/local/environment.ts';
import { runJob, startLocal } from '../integration/local.ts';

/**
 * The forms driven as a person would, in Debian's Chromium, against the local server on a fresh
 * table with the law seeded as `npm start` seeds it: Russian, a dev sign-in that asks only for
 * the user id and the administrator role (every council role comes from the council's own
 * records), a council created by the administrator, candidates registered with their user ids
 * (one refused on every failing point), questions to the Regulation before and after its repeal,
 * an election by the Chairperson with a secret ballot cast by a commission voter and a receipt
 * code drawn by the browser (a lost answer retried with the same code), the drawing of lots, the
 * composition and the Secretary, a meeting, its minutes signed by the Chairperson and the
 * Secretary (a later change voids a signature visibly, a stale read is read again), sealed and
 * corrected, the council's audit log, an extraordinary demand signed by two elected members (a
 * lost answer retried with the same Idempotency-Key), no recusal form, a member renouncing
 * membership (p12), the Chairperson's notices in words (quarters and an election due, flagged by
 * the scheduled jobs; the demand convened from the list; the renunciation accepted there, with the
 * reading that dates the end of the powers), votes and a
 * dissent the Secretary entered for a member as the minutes show them, and the law's
 * administration (a refused dry-run listing every problem, the audit log). The page decides nothing: every outcome and
 * point seen here comes from the API.
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
  const requests: { method: string; url: string; headers: Record<string, string>; body: string | null }[] = [];
  const council = 'forms-test';

  /** Submits `form` with the button named `button` and waits for its answer. */
  async function submit(form: Locator, button: string) {
    const result = form.locator('.result').first();
    await result.evaluate((el) => el.replaceChildren());
    await form.getByRole('button', { name: button, exact: true }).click();
    await result.locator('.ok, .error').first().waitFor({ timeout: WAIT });
    return result;
  }

  /**
   * The dev sign-in: a user id, and the administrator role or none. What the person may do in a
   * council follows from that council's records (its Chairperson, members, commission).
   */
  async function signIn(sub: string, { admin = false } = {}) {
    const box = page.locator('#dev-box');
    if ((await box.getAttribute('open')) === null) await box.getByText('Вход разработчика').click();
    const form = page.locator('#dev-signin');
    await form.getByLabel('Идентификатор пользователя (sub)').fill(sub);
    await form.getByLabel('Администратор платформы').setChecked(admin);
    await form.getByRole('button', { name: 'Войти', exact: true }).click();
    await expect.poll(async () => page.locator('#whoami-sub').textContent(), { timeout: WAIT }).toBe(sub);
    expect((await page.locator('#whoami').textContent())?.includes('Администратор платформы')).toBe(admin);
  }

  /** The requests the page sent to `path` (a suffix of the URL's path) with `method`. */
  const sent = (method: string, path: string) => requests.filter((r) => r.method === method && new URL(r.url).pathname.endsWith(path));

  /** A member's id, from the composition shown (the row with their name). */
  async function memberId(name: string) {
    return (await page.locator('#composition .result tbody tr', { hasText: name }).first().locator('code.id').textContent())!;
  }

  beforeAll(async () => {
    // The clock of `npm start`: a date when the act was in force.
    setToday('2020-03-02');
    [local, browser] = await Promise.all([startLocal(), launch()]);
    await seedLocalLaw(); // as `npm start` does: the audit log records who seeded each version
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => requests.push({ method: request.method(), url: request.url(), headers: request.headers(), body: request.postData() }));
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

  it('offers a dev sign-in with the user id and the administrator role only: council roles come from the council', async () => {
    const form = page.locator('#dev-signin');
    expect(await form.getByRole('checkbox').count()).toBe(1);
    expect(await form.locator('label.check').allTextContents()).toEqual(['Администратор платформы']);
    for (const role of ['Председатель (Уполномоченный)', 'Секретарь', 'Член', 'Член избирательной комиссии']) {
      expect(await form.getByLabel(role, { exact: true }).count()).toBe(0);
    }
    expect(await form.textContent()).toContain('определяются по записям самого совета');
  });

  it('signs in as the platform administrator and creates a council, with an Idempotency-Key', async () => {
    await signIn('office-admin', { admin: true });
    const form = page.locator('#create-council');
    await form.getByLabel('Идентификатор (строчные').fill(council);
    await form.getByLabel('ФИО Уполномоченного').fill('Әзімова Гүлнәр');
    const result = await submit(form, 'Создать совет');
    expect(await result.locator('.ok').textContent()).toContain('Выполнено');
    expect(await page.locator('#council-id').inputValue()).toBe(council);
    const [created] = sent('POST', '/v1/councils');
    expect(created!.headers['idempotency-key']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('registers eligible candidates with their user ids, and shows every failing point of a refusal', async () => {
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
    // Two submissions with two bodies: two keys.
    const keys = sent('POST', '/candidates').map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(2);

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
    // A reading is shown by its point and its explanation in words, never by its parameter's name.
    expect(await result.locator('.readings li[data-parameter="decision.tieRule"]').count()).toBe(1);
    expect(await result.locator('.readings li[data-parameter="decision.tieRule"] .point').textContent()).toBe('p25');
    expect(await result.locator('.readings').textContent()).not.toMatch(/decision\.|[A-Za-z]{4,}/);

    // The election question's sample carries the blank ballots; dissolution's, the seats.
    await form.getByLabel('Вопрос').selectOption('election');
    expect(JSON.parse(await form.getByLabel('Факты (JSON)').inputValue())).toMatchObject({ blankBallots: 0 });
    await form.getByLabel('Вопрос').selectOption('dissolution');
    expect(JSON.parse(await form.getByLabel('Факты (JSON)').inputValue())).toMatchObject({ seats: 11, membersTotal: 11 });
    await form.getByLabel('Вопрос').selectOption('decision');

    await form.getByLabel('Дата события').fill('2024-01-01');
    result = await submit(form, 'Проверить');
    const error = result.locator('.error');
    expect(await error.textContent()).toContain('act-repealed');
    expect(await error.textContent()).toContain('Положение утратило силу');
    expect(await error.locator('.reasons .point').first().textContent()).toBe('order-1-2023');
  });

  it('elects the candidates by secret ballot, with a receipt code drawn by the browser that the voter checks', async () => {
    // The Chairperson is the council's recorded Commissioner: no role to tick.
    await signIn('commissioner');
    const commission = page.locator('#commission');
    await commission.getByLabel('Члены комиссии').fill('voter-1');
    await submit(commission, 'Сформировать комиссию');

    const open = page.locator('#open-election');
    await open.getByLabel('Число мест').fill('10');
    const opened = await submit(open, 'Открыть выборы');
    expect(await opened.locator('.ok').textContent()).toContain('первые выборы');

    const ballot = page.locator('#ballot');
    await ballot.getByRole('button', { name: 'Загрузить бюллетень' }).click();
    await ballot.getByLabel('Әлібек Ұлан').check();
    await ballot.getByLabel('Қасымова Гүлнұр').check();
    // The Chairperson is no voter of the commission: the API refuses, from the council's records.
    const refused = await submit(ballot, 'Опустить бюллетень');
    expect(await refused.locator('.error').textContent()).toContain('Ошибка 403');

    await signIn('voter-1');
    // The answer to the first attempt is lost after the ballot landed: the voter sends it again.
    let landed: { receipt: string } | undefined;
    await page.route(
      '**/ballots',
      async (route) => {
        landed = await (await route.fetch()).json();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    const lost = await submit(ballot, 'Опустить бюллетень');
    expect(await lost.locator('.error').textContent()).toContain('Нет связи с сервером');
    await lost.getByRole('button', { name: 'Отправить снова' }).click();
    const receiptCode = ballot.locator('.result .receipt-code');
    await receiptCode.waitFor({ timeout: WAIT });
    const receipt = (await receiptCode.textContent())!;
    // 16 random bytes drawn in the browser, base64url: the same code on the retry, the same ballot.
    expect(receipt).toMatch(/^[A-Za-z0-9_-]{22,64}$/);
    expect(landed?.receipt).toBe(receipt);
    const casts = sent('POST', '/ballots');
    expect(casts).toHaveLength(3);
    const [, first, retry] = casts.map((r) => JSON.parse(r.body!));
    expect(first.receipt).toBe(receipt);
    expect(retry).toEqual(first);
    expect(casts.map((r) => r.headers['idempotency-key'])).toEqual([undefined, undefined, undefined]);
    const cast = ballot.locator('.result').first();
    expect(await cast.textContent()).toContain('Сохраните код');
    await cast.getByRole('button', { name: 'Проверить квитанцию' }).click();
    await expect.poll(async () => cast.locator('[data-counted]').getAttribute('data-counted'), { timeout: WAIT }).toBe('true');
    expect(await cast.locator('[data-counted]').textContent()).toContain('Да: бюллетень с этим кодом учтён');

    await signIn('commissioner');
    const closed = await submit(page.locator('#close-election'), 'Закрыть выборы');
    expect(await closed.locator('[data-outcome]').first().textContent()).toBe('избран (elected)');
    expect(await closed.locator('.decisions .point').first().textContent()).toBe('p10');
    expect(await closed.textContent()).toMatch(/Подано бюллетеней\s*1/);
    // How the terms were set: the readings of the close, in words.
    expect(await closed.locator('.ok > .readings li[data-parameter="term.boundary"]').count()).toBe(1);
  });

  it('draws lots after the first election: the commitment first, then the seed and the two-year half (p11)', async () => {
    const commit = page.locator('#lot-commit');
    expect(await commit.getByLabel('Идентификатор выборов').inputValue()).not.toBe('');
    const committed = await submit(commit, 'Зафиксировать начальное значение');
    const commitment = await committed.locator('code.commitment').textContent();
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(await committed.locator('.ok').textContent()).toContain('ещё не раскрыто');

    // One lot per council: a second is refused, naming the first.
    const again = await submit(commit, 'Зафиксировать начальное значение');
    expect(await again.locator('.error').textContent()).toContain('Ошибка 409');
    const lotId = await page.locator('#lot-reveal').getByLabel('Идентификатор жеребьёвки').inputValue();
    expect(await again.locator('.existing code').textContent()).toBe(lotId);

    const reveal = page.locator('#lot-reveal');
    expect(lotId).not.toBe('');
    const revealed = await submit(reveal, 'Раскрыть и провести жеребьёвку');
    expect(await revealed.locator('code.seed').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await revealed.locator('code.commitment').textContent()).toBe(commitment);
    // Two first members: the API's draw gives one of them a two-year term.
    expect(await revealed.locator('.lot-short li').count()).toBe(1);
    expect(await revealed.locator('.lot-short').textContent()).toMatch(/Әлібек Ұлан|Қасымова Гүлнұр/);
    expect(await revealed.locator('.recompute').textContent()).toContain('rank = SHA-256(seed + ":" + memberId)');
    // The readings the draw applied, each by its explanation in words.
    const drawn = await revealed.locator('.readings li').evaluateAll((els) => els.map((el) => el.getAttribute('data-parameter')));
    expect(drawn).toEqual(expect.arrayContaining(['lot.base', 'lot.halfRounding']));
    expect(await revealed.locator('.readings').textContent()).not.toMatch(/lot\.|halfRounding/);
  });

  it('shows the composition: members, roles, term ends, vacancies; and the Secretary appointed on a date (p9)', async () => {
    const form = page.locator('#composition');
    let result = await submit(form, 'Показать состав');
    const rows = result.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const members = await result.locator('tbody').textContent();
    expect(members).toContain('Әлібек Ұлан');
    expect(members).toContain('Қасымова Гүлнұр');
    expect(members).toContain('Член');
    expect(members).toContain('первый состав, короткий срок');
    expect(await result.locator('[data-vacancies]').textContent()).toBe('8');
    expect(await result.textContent()).toContain('commissioner');
    expect(await result.locator('[data-secretary]').textContent()).toBe('нет');

    const secretary = page.locator('#secretary');
    await secretary.getByLabel('Идентификатор члена').fill(await memberId('Әлібек Ұлан'));
    const appointed = await submit(secretary, 'Назначить секретаря');
    expect(await appointed.locator('.ok').textContent()).toContain('Әлібек Ұлан');

    result = await submit(form, 'Показать состав');
    expect(await result.locator('[data-secretary]').textContent()).toContain('Әлібек Ұлан');
    expect(await result.locator('tbody tr', { hasText: 'Әлібек Ұлан' }).first().textContent()).toContain('Секретарь');
    expect(await result.locator('table', { hasText: 'История назначений секретаря' }).textContent()).toContain('2020-03-02');

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

  it('has the minutes signed by the Chairperson and the Secretary: a later change voids a signature visibly, a stale read is read again, then the seal and a correction (p28)', async () => {
    const ended = await submit(page.locator('#close-meeting'), 'Завершить заседание');
    expect(await ended.locator('.ok').textContent()).toContain('проведено');

    const minutes = page.locator('#minutes-form');
    let signed = await submit(minutes, 'Подписать протокол');
    expect(await signed.locator('.ok').textContent()).toContain('Председатель (Уполномоченный) — Әзімова Гүлнәр');
    expect(await signed.locator('.awaiting li').evaluateAll((els) => els.map((el) => el.getAttribute('data-role')))).toEqual(['secretary']);

    // The Secretary reads the minutes; then marks their own presence, which changes them.
    await signIn('person-1');
    const read = await submit(minutes, 'Прочитать протокол и подписи');
    expect(await read.locator('.signatures li').evaluateAll((els) => els.map((el) => el.getAttribute('data-role')))).toEqual(['chairperson']);
    const attendance = page.locator('#attendance');
    await attendance.getByLabel('Кто:').fill(await memberId('Әлібек Ұлан'));
    expect(await (await submit(attendance, 'Отметить')).locator('[data-outcome]').textContent()).toBe('кворум есть (quorate)');

    // Signing what was read is refused: the page reads the minutes again and shows the voided signature.
    signed = await submit(minutes, 'Подписать протокол');
    expect(await signed.locator('.error').textContent()).toContain('minutes-changed');
    expect(await signed.locator('.read-again').textContent()).toContain('подпишите снова');
    const voided = signed.locator('.voided li[data-role=chairperson]');
    expect(await voided.locator('del').textContent()).toContain('Әзімова Гүлнәр');
    expect(await voided.textContent()).toContain('аннулирована последующим изменением: подпишите снова');
    expect((await signed.locator('.awaiting li').evaluateAll((els) => els.map((el) => el.getAttribute('data-role')))).sort()).toEqual(['chairperson', 'secretary']);

    signed = await submit(minutes, 'Подписать протокол');
    expect(await signed.locator('.ok').textContent()).toContain('Секретарь — Әлібек Ұлан');
    expect(await signed.locator('.ok').textContent()).toContain('Ожидается вторая подпись');

    await signIn('commissioner');
    signed = await submit(minutes, 'Подписать протокол');
    expect(await signed.locator('.notice.sealed').textContent()).toContain('Протокол подписан обоими');
    expect(await signed.locator('.minutes-status').getAttribute('data-sealed')).toBe('true');
    expect((await signed.locator('.signatures li').evaluateAll((els) => els.map((el) => el.getAttribute('data-role')))).sort()).toEqual(['chairperson', 'secretary']);

    const correction = page.locator('#correction');
    await correction.getByLabel('на казахском').fill('Орны: Астана қаласы');
    await correction.getByLabel('на русском').fill('Место: город Астана');
    await correction.getByLabel('Причина исправления').fill('уточнено место');
    const corrected = await submit(correction, 'Добавить исправление');
    const sealedHash = await signed.locator('code.content-hash').textContent();
    expect(await corrected.locator('.ok code.hash').textContent()).toBe(sealedHash);
    const after = await submit(minutes, 'Прочитать протокол и подписи');
    expect(await after.locator('table', { hasText: 'Исправления после подписания' }).textContent()).toContain('уточнено место');
  });

  it("shows the council's audit log to its Chairperson: each act, who recorded it and the time of the record", async () => {
    const audit = await submit(page.locator('#council-audit'), 'Показать журнал совета');
    const actions = await audit.locator('[data-action]').evaluateAll((els) => els.map((el) => el.getAttribute('data-action')));
    for (const action of ['council-created', 'commission-formed', 'election-opened', 'election-closed', 'lot-committed', 'lot-revealed', 'secretary-appointed', 'meeting-convened', 'meeting-held', 'minutes-signed', 'minutes-sealed', 'minutes-corrected']) {
      expect(actions).toContain(action);
    }
    expect(await audit.locator('thead').textContent()).toContain('Время записи (реальное, UTC)');
    const created = audit.locator('tbody tr', { has: page.locator('[data-action=council-created]') });
    expect(await created.textContent()).toContain('office-admin');
    expect(await created.locator('time').first().getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // A member of the council is not its Chairperson: refused.
    await signIn('person-2');
    const refused = await submit(page.locator('#council-audit'), 'Показать журнал совета');
    expect(await refused.locator('.error').textContent()).toContain('Ошибка 403');
  });

  it('opens an extraordinary demand (its lost answer retried with the same key), has it signed by a second member, and downloads the calendar with the token (p21)', async () => {
    await signIn('person-1');
    const open = page.locator('#demand-open');
    await open.getByLabel('на казахском').fill('Шұғыл шағым');
    await open.getByLabel('на русском').fill('Срочная жалоба');
    // The demand is written, but its answer is lost: "send again" repeats the same request.
    let landed: { id: string } | undefined;
    await page.route(
      '**/extraordinary-demands',
      async (route) => {
        landed = await (await route.fetch()).json();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    const lost = await submit(open, 'Открыть и подписать требование');
    expect(await lost.locator('.error').textContent()).toContain('Нет связи с сервером');
    await lost.getByRole('button', { name: 'Отправить снова' }).click();
    const opened = open.locator('.result');
    await opened.locator('.ok').waitFor({ timeout: WAIT });
    const attempts = sent('POST', '/extraordinary-demands');
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.headers['idempotency-key']).toBe(attempts[0]!.headers['idempotency-key']);
    expect(attempts[1]!.body).toBe(attempts[0]!.body);
    const demandId = await page.locator('#demand').getByLabel('Идентификатор требования').inputValue();
    expect(demandId).toBe(landed?.id);
    const first = await opened.locator('.signatories li').allTextContents();
    expect(first).toHaveLength(1);
    expect(first[0]).toContain('Әлібек Ұлан');

    await signIn('person-2');
    const demand = page.locator('#demand');
    await submit(demand, 'Подписать требование');
    const shown = await submit(demand, 'Показать требование');
    const signatories = await shown.locator('.signatories').textContent();
    expect(await shown.locator('.signatories li').count()).toBe(2);
    expect(signatories).toContain('Әлібек Ұлан');
    expect(signatories).toContain('Қасымова Гүлнұр');
    // Three members with the Chairperson (who counts): the API's extraordinary-meeting question, citing p21.
    expect(await shown.locator('[data-status]').getAttribute('data-status')).toBe('may-convene');
    expect(await shown.locator('[data-outcome]').getAttribute('data-outcome')).toBe('may-convene');
    expect(await shown.locator('.reasons .point').first().textContent()).toBe('p21');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#ics-link').click()]);
    expect(download.suggestedFilename()).toBe(`${council}-meetings.ics`);
    expect(await page.locator('#calendar .result').textContent()).toContain('Календарь скачан');
  });

  it('p12 is a way membership ends, not a recusal: no recusal form; the member sends a renunciation (or a notice) of their own', async () => {
    // No recusal from one agenda item anywhere on the page (p12 read right).
    expect(await page.locator('#recusal').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toMatch(/[Сс]амоотвод/);

    const leaving = page.locator('#leaving');
    const kinds = leaving.locator('fieldset.choice');
    expect(await kinds.locator('legend').textContent()).toBe('Вид уведомления');
    expect(await kinds.getByRole('radio').count()).toBe(2);
    const notice = kinds.getByLabel('уведомление о выходе из Совета (п. 12)', { exact: true });
    const renunciation = kinds.getByLabel('отказ от членства (обстоятельство, вызывающее сомнение в беспристрастности, п. 12)', { exact: true });
    expect(await notice.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Қазақша' }).click();
    expect(await kinds.locator('label').allTextContents()).toEqual(['Кеңестен шығу туралы хабарлама (12-тармақ)', 'мүшеліктен бас тарту (бейтараптыққа күмән тудыратын жағдай, 12-тармақ)']);
    await page.getByRole('button', { name: 'Русский' }).click();

    // Only the member sends it: Қасымова Гүлнұр renounces membership, on the legal date (2020-03-02, under Order No. 5's p12).
    await signIn('person-2');
    await renunciation.check();
    await leaving.getByLabel('Идентификатор члена').fill(await memberId('Қасымова Гүлнұр'));
    expect(await leaving.getByLabel('Дата уведомления').inputValue()).toBe('2020-03-02');
    const sentNotice = await submit(leaving, 'Направить уведомление');
    expect(await sentNotice.locator('.ok [data-kind]').getAttribute('data-kind')).toBe('renunciation');
    expect(await sentNotice.locator('.ok').textContent()).toContain('отказ от членства');
    expect(JSON.parse(sent('POST', '/leaving').at(-1)!.body!)).toMatchObject({ kind: 'renunciation', noticeDate: '2020-03-02' });
  });

  it("shows the Chairperson's notices in words: quarters, an election due, the demand before them (a meeting convened from the list), and the member's renunciation awaiting acceptance", async () => {
    // The scheduled jobs, on later days: Q2 2020 nears its end with no meeting, then passes with
    // none; the first short terms near p11's deadline. The clock comes back to 2020-03-02 after each.
    await runJob('quarterly', '2020-06-20', '2020-03-02');
    await runJob('quarterly', '2020-07-02', '2020-03-02');
    await runJob('term-expiry', '2021-12-01', '2020-03-02');
    await signIn('commissioner');
    const demandId = await page.locator('#demand').getByLabel('Идентификатор требования').inputValue();
    const notices = page.locator('#notices');
    let shown = await submit(notices, 'Показать уведомления');
    const demand = shown.locator(`li[data-kind="extraordinary-demand"][data-ref="${demandId}"]`);
    expect(await demand.textContent()).toContain('Перед вами действительное требование о внеочередном заседании (п. 21): заседание может быть созвано.');
    const leaving = shown.locator('li[data-kind="leaving-notice"]');
    expect(await leaving.count()).toBe(1);
    const words = (await leaving.textContent())!;
    expect(words).toContain('Отказ от членства (обстоятельство, вызывающее сомнение в беспристрастности, п. 12) от члена Қасымова Гүлнұр');
    expect(words).toContain('2020-03-02');
    // In words: neither the notice's id nor a kind's code.
    expect(words).not.toContain((await leaving.getAttribute('data-ref'))!);
    expect(words).not.toMatch(/leaving-notice|renunciation/);
    expect(await shown.locator('li[data-kind="quarter-warning"][data-ref="2020-Q2"]').textContent()).toContain('2-й квартал 2020 года заканчивается, а заседание не проведено и не созвано (п. 20).');
    expect(await shown.locator('li[data-kind="quarter-missed"][data-ref="2020-Q2"]').textContent()).toContain('2-й квартал 2020 года: ни одного заседания не проведено (п. 20).');
    const due = (await shown.locator('li[data-kind="election-due"]').textContent())!;
    expect(due).toMatch(/(Әлібек Ұлан|Қасымова Гүлнұр): полномочия истекают 2022-\d\d-\d\d; последний день для выборов — 2022-\d\d-\d\d \(п\. 11\)\./);
    expect(due).not.toContain(await memberId('Әлібек Ұлан'));
    expect(due).not.toContain(await memberId('Қасымова Гүлнұр'));

    // "Convene" fills the convene form for an extraordinary meeting answering that demand.
    await demand.getByRole('button', { name: 'Созвать заседание по этому требованию' }).click();
    const convene = page.locator('#convene');
    expect(await convene.getByLabel('Вид заседания').inputValue()).toBe('extraordinary');
    expect(await convene.getByLabel('Требование о внеочередном заседании').inputValue()).toBe(demandId);
    const convened = await submit(convene, 'Созвать заседание');
    expect(await convened.locator('.ok').textContent()).toContain('внеочередное заседание');
    expect(JSON.parse(sent('POST', '/meetings').at(-1)!.body!)).toMatchObject({ kind: 'extraordinary', demandId });

    // A demand a meeting answered leaves the notices; the renunciation stays until accepted.
    shown = await submit(notices, 'Показать уведомления');
    expect(await shown.locator('li[data-kind="extraordinary-demand"]').count()).toBe(0);
    expect(await shown.locator('li[data-kind="leaving-notice"]').count()).toBe(1);
  });

  it('has the Secretary enter a vote and a written opinion for a member; the minutes say who entered them (p17.5, p28)', async () => {
    const meetingId = await page.locator('#meeting').getByLabel('Идентификатор заседания').inputValue();
    const itemId = (await page.locator('#convene .result .agenda code.id').first().textContent())!;
    const attendance = page.locator('#attendance');
    for (const who of ['chairperson', await memberId('Әлібек Ұлан'), await memberId('Қасымова Гүлнұр')]) {
      await attendance.getByLabel('Кто:').fill(who);
      await submit(attendance, 'Отметить');
    }
    expect(await attendance.locator('.result [data-outcome]').textContent()).toBe('кворум есть (quorate)');
    const motion = page.locator('#motion');
    await motion.getByLabel('Вопрос повестки дня').fill(itemId);
    await motion.getByLabel('на казахском').fill('Шағымды қарау');
    await motion.getByLabel('на русском').fill('Рассмотреть жалобу');
    await submit(motion, 'Поставить на голосование');

    // The Secretary (Әлібек Ұлан) enters Қасымова Гүлнұр's vote, then her written opinion.
    await signIn('person-1');
    const vote = page.locator('#vote');
    await vote.getByLabel('Голосующий').fill(await memberId('Қасымова Гүлнұр'));
    await vote.getByLabel('Против').check();
    const voted = await submit(vote, 'Проголосовать');
    expect(await voted.locator('.entered-by').textContent()).toContain('Внёс секретарь: Әлібек Ұлан');
    const dissent = page.locator('#dissent');
    expect(await dissent.getByLabel('Идентификатор заседания').inputValue()).toBe(meetingId);
    await dissent.getByLabel('Идентификатор вопроса').fill(await vote.getByLabel('Идентификатор вопроса').inputValue());
    await dissent.getByLabel('Текст особого мнения').fill('Жалобу следует передать в прокуратуру.');
    await dissent.getByLabel('Язык текста').selectOption('ru');
    await dissent.getByLabel('Чьё мнение').fill(await memberId('Қасымова Гүлнұр'));
    const filed = await submit(dissent, 'Подать особое мнение');
    expect(await filed.locator('.ok').textContent()).toMatch(/Внёс секретарь\s*Әлібек Ұлан/);
    expect(JSON.parse(sent('POST', '/dissents').at(-1)!.body!)).toMatchObject({ memberId: await memberId('Қасымова Гүлнұр') });

    await signIn('commissioner');
    await vote.getByLabel('Голосующий').fill('chairperson');
    await vote.getByLabel('За', { exact: true }).check();
    await submit(vote, 'Проголосовать');
    expect(await (await submit(vote, 'Закрыть голосование')).locator('.ok').count()).toBe(1);
    await submit(page.locator('#close-meeting'), 'Завершить заседание');
    const read = await submit(page.locator('#minutes-form'), 'Прочитать протокол и подписи');
    const recorded = read.locator('.minutes-motions li').first();
    expect(await recorded.textContent()).toContain('против: 1');
    expect(await recorded.locator('p.entered').textContent()).toBe('Голоса внесены секретарём Әлібек Ұлан: Қасымова Гүлнұр');
    expect(await recorded.locator('.dissents li').textContent()).toContain('Қасымова Гүлнұр: Жалобу следует передать в прокуратуру. (внесено секретарём Әлібек Ұлан)');
  });

  it("accepts the member's renunciation from the Chairperson's notices: the end of the powers and the reading that dates it, in words (p12, p15.7)", async () => {
    const notices = page.locator('#notices');
    let shown = await submit(notices, 'Показать уведомления');
    const leaving = shown.locator('li[data-kind="leaving-notice"]');
    expect(await leaving.getByLabel('Дата принятия').inputValue()).toBe('2020-03-02');
    expect(await leaving.getByLabel('Дата получения уведомления (необязательно)').inputValue()).toBe('');
    await leaving.getByRole('button', { name: 'Принять', exact: true }).click();
    const answer = leaving.locator('.result');
    await answer.locator('.ok, .error').first().waitFor({ timeout: WAIT });
    expect(await answer.locator('.ok').count()).toBe(1);
    const [accepted] = sent('POST', '/acceptance');
    expect(new URL(accepted!.url).pathname).toBe(`/v1/councils/${council}/members/${await memberId('Қасымова Гүлнұр')}/leaving/${await leaving.getAttribute('data-ref')}/acceptance`);
    expect(JSON.parse(accepted!.body!)).toEqual({ on: '2020-03-02' });
    expect(await answer.locator('.ended-on').textContent()).toBe('2020-03-02');
    // The day the powers end is a reading of an open question: shown by its explanation, in Russian words.
    const reading = answer.locator('.readings li[data-parameter="leaving.powersEnd"]');
    expect(await reading.count()).toBe(1);
    const explained = (await reading.textContent())!;
    expect(explained).toContain('полномочия прекращаются');
    expect(explained).not.toMatch(/powersEnd|acceptance|[A-Za-z]{4,}/);
    await page.getByRole('button', { name: 'English' }).click();
    expect(await reading.textContent()).toContain('the powers end');
    await page.getByRole('button', { name: 'Русский' }).click();

    shown = await submit(notices, 'Показать уведомления');
    expect(await shown.locator('li[data-kind="leaving-notice"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('dry-runs a bad amendment and lists every problem with its field, then shows the audit log', async () => {
    await signIn('office-admin', { admin: true });
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
