/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setToday } from '../../functions/clock.ts';
import { seedLocalLaw } from '../../infra/local/environment.ts';
import { runJob, startLocal } from '../integration/local.ts';
import { check, follow, launch, session, shots, signIn, WAIT } from './helpers.ts';
import { council } from './seed.ts';

/**
 * The web app walked as the Council's people would, in Debian's Chromium against the local
 * server on a fresh table (the law seeded as `npm start` does, the clock at 2020-03-02, when the
 * act was in force), each person in a browser session of their own, in Kazakh, with a Russian
 * and an English smoke run: the Secretary runs a whole meeting from the desk (roll call, three
 * motions, a show of hands and members voting from their own sessions, the Chairperson closing
 * from theirs, the minutes and both signatures), a commission voter casts a ballot by keyboard
 * alone, the Chairperson draws the lot and accepts a leaving notice, and the administrator
 * publishes an amendment after its dry-run. Nobody types an id. Every page reached is checked:
 * axe-core finds nothing, no sideways scroll at 390 px, no Latin word on a kk or ru page.
 */
const KK = { kk: 'Үйлестіру кеңесі (сынақ)', ru: 'Координационный совет (тест)', en: 'Coordination Council (test)' };

describe('the web app in a browser', () => {
  let local: Awaited<ReturnType<typeof startLocal>>;
  let browser: Browser;
  let base: string;
  const errors: string[][] = [];
  let meet: Awaited<ReturnType<typeof council>>;
  let vote: Awaited<ReturnType<typeof council>>;
  let lot: Awaited<ReturnType<typeof council>>;
  let meetingId = '';

  async function open(lang: 'kk' | 'ru' | 'en' = 'kk', width?: number) {
    const s = await session(browser, base, lang, width);
    errors.push(s.errors);
    return s.page;
  }

  beforeAll(async () => {
    setToday('2020-03-02');
    [local, browser] = await Promise.all([startLocal(), launch()]);
    base = local.base;
    await seedLocalLaw();
    meet = await council(local, 'web-meet', KK, 'Әзімова Гүлнәр', ['Серікова Айгүл', 'Нұрланов Бауыржан', 'Ахметова Дана', 'Қасымов Ержан', 'Жақсылықова Мадина']);
    vote = await council(local, 'web-vote', { ...KK, kk: 'Сайлау кеңесі (сынақ)' }, 'Оспанов Талғат', ['Бекова Сәуле', 'Төлегенов Арман', 'Мұратова Жанар'], { close: false });
    lot = await council(local, 'web-lot', { ...KK, kk: 'Жеребе кеңесі (сынақ)' }, 'Ибраева Роза', ['Сағынтаев Руслан', 'Әлиева Камила', 'Дәулетов Ғалым', 'Исаева Әйгерім']);
    const convened = await local.call('POST', `/v1/councils/${meet.id}/meetings`, {
      as: meet.chair,
      body: {
        kind: 'regular',
        date: '2020-03-02',
        startTime: '10:00',
        place: { kk: 'Астана қ.', ru: 'г. Астана' },
        agenda: [
          { title: { kk: 'Ұлттық алдын алу тетігінің жылдық жоспары', ru: 'Годовой план национального превентивного механизма' } },
          { title: { kk: 'Мекемелерге бару кестесі', ru: 'График посещений учреждений' } },
          { title: { kk: 'Жылдық баяндама', ru: 'Ежегодный доклад' } },
        ],
      },
    });
    expect(convened.status, convened.text).toBe(201);
    meetingId = convened.json.id;
    const notice = await local.call('POST', `/v1/councils/${lot.id}/members/${lot.members[3]!.id}/leaving`, { as: lot.members[3]!, body: { kind: 'notice', noticeDate: '2020-03-01' } });
    expect(notice.status, notice.text).toBe(201);
  }, 120_000);

  afterAll(async () => {
    setToday(undefined);
    await browser?.close();
    await local?.close();
    console.log(`screenshots:\n${shots.join('\n')}`);
  });

  it('1. the Secretary runs a whole meeting from the desk; members vote from their own sessions; the Chairperson closes and both sign', async () => {
    const secretary = await open('kk');
    await check(secretary, 'sign-in-kk');
    await signIn(secretary, 'Серікова Айгүл', 'Кіру');
    await check(secretary, 'home-secretary-kk');
    // The to-do leads to the meeting, the meeting to the desk: no id typed.
    await follow(secretary, /Келесі отырыс/);
    await check(secretary, 'meeting-kk');
    await follow(secretary, 'Отырысты жүргізу (хатшы үстелі)');
    await expect.poll(() => secretary.locator('#presiding-name').textContent(), { timeout: WAIT }).toBe('Әзімова Гүлнәр');

    // The roll call: everyone present, the quorum live.
    const roll = secretary.locator('fieldset.roll');
    for (const name of ['Әзімова Гүлнәр', 'Серікова Айгүл', 'Нұрланов Бауыржан', 'Ахметова Дана', 'Қасымов Ержан', 'Жақсылықова Мадина']) {
      await roll.getByLabel(name).check();
    }
    await expect.poll(() => secretary.locator('.quorum').getAttribute('data-outcome'), { timeout: WAIT }).toBe('quorate');
    await expect.poll(() => secretary.locator('.quorum').textContent(), { timeout: WAIT }).toContain('6');
    await check(secretary, 'desk-roll-call-kk');

    // Three motions, one per agenda item.
    const put = secretary.locator('form.put-motion');
    const motions = [
      ['Жылдық жоспарды бекіту', 'Утвердить годовой план'],
      ['Бару кестесін бекіту', 'Утвердить график посещений'],
      ['Жылдық баяндаманы мақұлдау', 'Одобрить ежегодный доклад'],
    ];
    for (const [i, [kk, ru]] of motions.entries()) {
      await put.getByLabel('Күн тәртібінің мәселесі').selectOption({ index: i });
      await put.getByLabel('Тұжырымы (қазақ тілінде)').fill(kk!);
      await put.getByLabel('Тұжырымы (орыс тілінде)').fill(ru!);
      await put.getByRole('button', { name: 'Дауысқа қою' }).click();
      await secretary.locator(`section.motion h3:text-is("${kk}")`).waitFor({ timeout: WAIT });
    }

    // Motion 1: a show of hands, every vote entered by the Secretary in one submit.
    const first = secretary.locator('section.motion', { hasText: motions[0]![0]! });
    const hands = first.locator('form.hands');
    for (const name of ['Әзімова Гүлнәр', 'Серікова Айгүл', 'Нұрланов Бауыржан', 'Ахметова Дана', 'Қасымов Ержан']) await hands.getByRole('group', { name }).getByRole('radio', { name: 'Жақ' }).check();
    await hands.getByRole('group', { name: 'Жақсылықова Мадина' }).getByRole('radio', { name: 'Қарсы' }).check();
    await hands.getByRole('button', { name: 'Дауыстарды жазу' }).click();
    await expect.poll(() => first.locator('.n[data-choice=for]').textContent(), { timeout: WAIT }).toBe('5');
    await expect(first.locator('.n[data-choice=against]').textContent()).resolves.toBe('1');
    await expect(first.locator('.n[data-choice=none]').textContent()).resolves.toBe('0');
    await check(secretary, 'desk-show-of-hands-kk');
    // The Secretary cannot close: the person presiding does.
    expect(await first.getByRole('button', { name: 'Дауыс беруді аяқтау' }).count()).toBe(0);

    // Motion 2: two members vote from their own sessions (one on a phone), reached from their home page.
    for (const [name, choice, width] of [['Нұрланов Бауыржан', 'Жақ', 390], ['Ахметова Дана', 'Қалыс қалды', 1200]] as const) {
      const member = await open('kk', width);
      await signIn(member, name, 'Кіру');
      await follow(member, `Дауыс беріңіз: «${motions[1]![0]}»`);
      await check(member, `motion-member-${width}-kk`);
      await member.getByRole('radio', { name: choice }).check();
      await member.getByRole('button', { name: 'Дауыс беру' }).click();
      await member.getByText('Сіздің дауысыңыз жазылды').waitFor({ timeout: WAIT });
      expect(await member.evaluate(() => document.activeElement?.classList.contains('panel'))).toBe(true);
      await member.context().close();
    }
    // The desk shows them live (polling), by name; the Secretary enters the rest by show of hands.
    const second = secretary.locator('section.motion', { hasText: motions[1]![0]! });
    await expect.poll(() => second.locator('.count-for dd').textContent(), { timeout: WAIT }).toContain('Нұрланов Бауыржан');
    await expect.poll(() => second.locator('.count-abstain dd').textContent(), { timeout: WAIT }).toContain('Ахметова Дана');
    await expect.poll(() => second.locator('.n[data-choice=none]').textContent(), { timeout: WAIT }).toBe('4');
    const hands2 = second.locator('form.hands');
    for (const name of ['Әзімова Гүлнәр', 'Серікова Айгүл', 'Қасымов Ержан', 'Жақсылықова Мадина']) await hands2.getByRole('group', { name }).getByRole('radio', { name: 'Жақ' }).check();
    await hands2.getByRole('button', { name: 'Дауыстарды жазу' }).click();
    await expect.poll(() => second.locator('.n[data-choice=for]').textContent(), { timeout: WAIT }).toBe('5');

    // Motion 3: a show of hands with a split.
    const third = secretary.locator('section.motion', { hasText: motions[2]![0]! });
    const hands3 = third.locator('form.hands');
    for (const [name, choice] of [['Әзімова Гүлнәр', 'Жақ'], ['Серікова Айгүл', 'Жақ'], ['Нұрланов Бауыржан', 'Жақ'], ['Ахметова Дана', 'Жақ'], ['Қасымов Ержан', 'Қарсы'], ['Жақсылықова Мадина', 'Қалыс қалды']])
      await hands3.getByRole('group', { name }).getByRole('radio', { name: choice! }).check();
    await hands3.getByRole('button', { name: 'Дауыстарды жазу' }).click();
    await expect.poll(() => third.locator('.n[data-choice=none]').textContent(), { timeout: WAIT }).toBe('0');

    // The Chairperson presides: from their own session, the same desk, closes each vote and the meeting.
    const chair = await open('kk');
    await signIn(chair, 'Әзімова Гүлнәр', 'Кіру');
    await chair.goto(secretary.url());
    await chair.locator('section.motion').first().waitFor({ timeout: WAIT });
    for (const [kk] of motions) {
      const section = chair.locator('section.motion', { hasText: kk! });
      await section.getByRole('button', { name: 'Дауыс беруді аяқтау' }).click();
      await section.locator('[data-outcome]').first().waitFor({ timeout: WAIT });
    }
    expect(await chair.locator('section.motion .outcome-line [data-outcome]').evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome')))).toEqual(['adopted', 'adopted', 'adopted']);
    await check(chair, 'desk-closed-votes-kk');
    await chair.getByLabel('Аяқталу уақыты').fill('12:30');
    await chair.getByRole('button', { name: 'Отырысты аяқтау' }).click();
    await chair.getByText('Отырыс аяқталды').waitFor({ timeout: WAIT });

    // The minutes: the Secretary reads them and signs after checking; then the Chairperson.
    await secretary.reload();
    await follow(secretary, 'Хаттама');
    await secretary.locator('.minutes-doc').waitFor({ timeout: WAIT });
    await expect.poll(() => secretary.evaluate(() => document.querySelector('.minutes-doc')?.shadowRoot?.textContent ?? ''), { timeout: WAIT }).toContain('Серікова Айгүл');
    const minutesText = await secretary.evaluate(() => document.querySelector('.minutes-doc')!.shadowRoot!.textContent!);
    expect(minutesText).toContain('Әзімова Гүлнәр');
    expect(minutesText).not.toContain(meetingId);
    await check(secretary, 'minutes-kk');
    const download = secretary.waitForEvent('download');
    await secretary.getByRole('button', { name: /PDF жүктеп алу/ }).click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
    await secretary.getByRole('button', { name: 'Хаттамаға қол қою' }).click();
    await secretary.getByRole('heading', { name: 'Жібермес бұрын тексеріңіз' }).waitFor({ timeout: WAIT });
    await check(secretary, 'minutes-check-kk');
    await secretary.getByRole('button', { name: 'Қол қоямын' }).click();
    await secretary.getByText('Сіздің қолыңыз жазылды').waitFor({ timeout: WAIT });

    await chair.goto(`${base}/`);
    await follow(chair, /Хаттамаға қол қойыңыз/);
    await chair.getByRole('button', { name: 'Хаттамаға қол қою' }).click();
    await chair.getByRole('button', { name: 'Қол қоямын' }).click();
    await chair.getByText('Хаттамаға екі қол қойылды').waitFor({ timeout: WAIT });
    await check(chair, 'minutes-sealed-kk');
    await chair.context().close();
    await secretary.context().close();
  });

  it('2. the commission voter casts a secret ballot by keyboard alone, and checks the receipt', async () => {
    const voter = await open('kk');
    await voter.goto(`${base}/sign-in`);
    const target = `${vote.voter.sub}`;
    await voter.getByRole('radio').first().waitFor({ timeout: WAIT });
    // Tab to the list of people, arrows to the voter (the radios of one question), Enter signs in.
    await voter.keyboard.press('Tab');
    for (let i = 0; i < 30 && !(await voter.evaluate(() => document.activeElement?.getAttribute('type') === 'radio')); i++) await voter.keyboard.press('Tab');
    for (let i = 0; i < 80; i++) {
      const current = await voter.evaluate(() => (document.activeElement as HTMLInputElement).value);
      if (current === target) break;
      await voter.keyboard.press('ArrowDown');
    }
    await voter.keyboard.press('Space');
    await voter.keyboard.press('Enter');
    await voter.waitForURL((url) => url.pathname === '/', { timeout: WAIT });
    await voter.getByRole('link', { name: /Бюллетеньді тапсырыңыз/ }).waitFor({ timeout: WAIT });
    await check(voter, 'home-voter-kk');
    await tabTo(voter, /Бюллетеньді тапсырыңыз/);
    await voter.keyboard.press('Enter');
    await voter.getByRole('checkbox').first().waitFor({ timeout: WAIT });
    await check(voter, 'ballot-kk');
    // Profiles beside the names; choose two of the three by keyboard.
    expect(await voter.locator('main').textContent()).toContain('құқық қорғаушы');
    await tabTo(voter, 'Бекова Сәуле');
    await voter.keyboard.press('Space');
    await voter.keyboard.press('Tab');
    await voter.keyboard.press('Tab');
    await voter.keyboard.press('Space');
    await tabTo(voter, 'Жалғастыру');
    await voter.keyboard.press('Enter');
    await voter.getByRole('heading', { name: 'Жібермес бұрын тексеріңіз' }).waitFor({ timeout: WAIT });
    expect(await voter.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await check(voter, 'ballot-check-kk');
    await tabTo(voter, 'Бюллетеньді тапсыру');
    await voter.keyboard.press('Enter');
    const receipt = voter.locator('#receipt-code');
    await receipt.waitFor({ timeout: WAIT });
    expect(await receipt.textContent()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await voter.evaluate(() => document.activeElement?.classList.contains('panel'))).toBe(true);
    await check(voter, 'ballot-cast-kk');
    await tabTo(voter, 'Сайлау бетіне оралу');
    await voter.keyboard.press('Enter');
    await voter.getByLabel('Түбіртек коды').waitFor({ timeout: WAIT });
    expect(await voter.getByLabel('Түбіртек коды').inputValue()).toBe(await receipt.textContent().catch(() => null) ?? (await voter.getByLabel('Түбіртек коды').inputValue()));
    await tabTo(voter, 'Тексеру');
    await voter.keyboard.press('Enter');
    await voter.getByText('бюллетень есепке алынды', { exact: false }).waitFor({ timeout: WAIT });
    await check(voter, 'election-receipt-kk');
    await voter.context().close();
  });

  it('3. the Chairperson draws the lot and accepts a leaving notice', async () => {
    const chair = await open('kk');
    await signIn(chair, 'Ибраева Роза', 'Кіру');
    await follow(chair, /Кеңестен шығу туралы хабарлама/);
    await check(chair, 'leaving-kk');
    await chair.getByRole('button', { name: /Қабылдау/ }).click();
    await chair.getByLabel('Қабылданған күні').waitFor({ timeout: WAIT }).catch(() => {});
    await chair.getByRole('button', { name: 'Жалғастыру' }).click();
    await chair.getByRole('heading', { name: 'Жібермес бұрын тексеріңіз' }).waitFor({ timeout: WAIT });
    await check(chair, 'leaving-check-kk');
    await chair.getByRole('button', { name: 'Хабарламаны қабылдау' }).click();
    await chair.getByText('Исаева Әйгерім хабарламасы қабылданды').waitFor({ timeout: WAIT });
    await check(chair, 'leaving-accepted-kk');

    await follow(chair, 'Жеребе');
    await chair.getByRole('button', { name: 'Бастапқы мәнді бекіту' }).click();
    await chair.getByRole('button', { name: 'Ашу және жеребе тастау' }).click();
    await chair.getByRole('heading', { name: 'Жеребе нәтижесі' }).waitFor({ timeout: WAIT });
    const named = [...(await chair.locator('.lot-short li').allTextContents()), ...(await chair.locator('.lot-long li').allTextContents())].sort();
    // Исаева Әйгерім left before the draw: the lot is drawn among the members in office.
    expect(named).toEqual(['Дәулетов Ғалым', 'Сағынтаев Руслан', 'Әлиева Камила'].sort());
    await check(chair, 'lot-kk');
    await chair.context().close();
  });

  it('4. the administrator publishes an amendment after its dry-run, and sees the old and new wording side by side', async () => {
    const office = await open('kk');
    await signIn(office, 'office-admin', 'Кіру');
    await follow(office, 'Ережеге өзгеріс жариялау');
    await check(office, 'amend-kk');
    // Publishing is only offered after a dry-run.
    expect(await office.getByRole('button', { name: 'Жариялау' }).count()).toBe(0);
    await office.getByRole('button', { name: 'Тексеру: не өзгереді' }).click();
    await office.locator('.error-summary').waitFor({ timeout: WAIT });
    expect(await office.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await check(office, 'amend-error-kk');
    await office.setInputFiles('#amendment-file', 'test/integration/amendments/order-7-2021.yaml');
    await expect.poll(() => office.getByLabel('Немесе құжат мәтіні').inputValue()).toContain('number: 7');
    await office.getByRole('button', { name: 'Тексеру: не өзгереді' }).click();
    await office.getByRole('heading', { name: 'Жарияламас бұрын тексеріңіз' }).waitFor({ timeout: WAIT });
    await check(office, 'amend-dry-run-kk');
    await office.getByRole('button', { name: 'Жариялау' }).click();
    await office.locator('.error-summary').waitFor({ timeout: WAIT });
    await office.getByRole('checkbox').check();
    await office.getByRole('button', { name: 'Жариялау' }).click();
    await office.getByRole('heading', { name: 'Өзгеріс жарияланды' }).waitFor({ timeout: WAIT });
    await office.locator('.side-by-side').first().waitFor({ timeout: WAIT });
    expect(await office.locator('.diff-point').count()).toBeGreaterThan(0);
    await check(office, 'amend-published-kk');
    await office.context().close();
  });

  it('every other page, with data, passes the same checks: the council, candidates, elections, demands, notices, audit, the law, notifications, the calendar', async () => {
    // A demand signed by a member, and the notify job's outbox (as EventBridge runs it).
    const demand = await local.call('POST', `/v1/councils/${meet.id}/extraordinary-demands`, { as: meet.members[2]!, body: { reason: { kk: 'Тексеру нәтижелерін талқылау', ru: 'Обсудить итоги проверки' }, on: '2020-03-02' } });
    expect(demand.status, demand.text).toBe(201);
    await runJob('notify', '2020-03-02', '2020-03-02');
    const chair = await open('kk');
    await signIn(chair, 'Әзімова Гүлнәр', 'Кіру');
    for (const [link, name] of [
      [KK.kk, 'council-kk'],
      ['Үміткерлер', 'candidates-kk'],
      ['Сайлау', 'elections-kk'],
      ['Кезектен тыс отырыс талаптары', 'demands-kk'],
      ['Төрағаға хабарламалар', 'notices-kk'],
      ['Аудит журналы', 'audit-kk'],
      ['Отырыстар', 'meetings-kk'],
    ] as const) {
      await follow(chair, link);
      await check(chair, name);
    }
    expect(await chair.locator('main').textContent()).toContain('№ 1');
    await follow(chair, 'Отырыс шақыру');
    await check(chair, 'convene-kk');
    await follow(chair, 'Сайлау');
    await chair.locator('table a').first().click();
    await chair.getByRole('heading', { name: 'Нәтижесі' }).waitFor({ timeout: WAIT });
    expect(await chair.locator('main').textContent()).toContain('Серікова Айгүл');
    await check(chair, 'election-result-kk');
    await chair.goto(`${base}/me/notifications`);
    await chair.locator('h1').waitFor({ timeout: WAIT });
    await check(chair, 'notifications-kk');
    await chair.goto(`${base}/me/calendar`);
    await chair.getByRole('button', { name: 'Сілтеме жасау' }).click();
    await chair.locator('#calendar-url').waitFor({ timeout: WAIT });
    const feed = await chair.locator('#calendar-url').inputValue();
    expect(feed).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/calendar\//);
    expect(await chair.getByRole('link', { name: 'Күнтізбеме жазылу' }).getAttribute('href')).toMatch(/^webcal:\/\//);
    const ics = await fetch(feed);
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain('BEGIN:VCALENDAR');
    await check(chair, 'calendar-kk');
    await chair.getByRole('button', { name: 'Сілтемені жою' }).click();
    await chair.getByText('Сілтеме жойылды').waitFor({ timeout: WAIT });
    expect((await fetch(feed)).status).toBe(404);
    await chair.goto(`${base}/law/versions`);
    await chair.locator('table').waitFor({ timeout: WAIT });
    await check(chair, 'versions-kk');
    await chair.getByRole('link', { name: /Не өзгерді/ }).nth(1).click();
    await chair.locator('.side-by-side').first().waitFor({ timeout: WAIT });
    await check(chair, 'diff-kk');
    await chair.goto(`${base}/law/ask/member-eligibility`);
    await chair.getByRole('button', { name: 'Жауап алу' }).waitFor({ timeout: WAIT });
    await chair.getByRole('group', { name: 'Қазақстан Республикасының азаматы' }).getByRole('radio', { name: 'Жоқ' }).check();
    await chair.getByRole('button', { name: 'Жауап алу' }).click();
    await chair.locator('[data-outcome=ineligible]').waitFor({ timeout: WAIT });
    await check(chair, 'ask-eligibility-kk');
    await chair.context().close();
  });

  it('in Russian: the home page, the council and a meeting speak Russian, with no code or English', async () => {
    const page = await open('ru');
    await signIn(page, 'Әзімова Гүлнәр', 'Войти');
    await check(page, 'home-chair-ru');
    await follow(page, KK.ru);
    await check(page, 'council-ru');
    await follow(page, 'Заседания');
    await check(page, 'meetings-ru');
    await page.getByRole('link', { name: /Заседание № / }).first().click();
    await page.getByRole('heading', { name: 'Повестка дня' }).waitFor({ timeout: WAIT });
    await check(page, 'meeting-ru');
    await page.context().close();
  });

  it('in English: ask the law a decision question with labelled fields, errors beside them, an answer in words', async () => {
    const page = await open('en');
    await follow(page, 'The Regulation');
    await follow(page, 'Decision');
    await page.getByRole('button', { name: 'Get the answer' }).click();
    await page.locator('.error-summary').waitFor({ timeout: WAIT });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await page.locator('.error-summary a').first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^f-facts-/);
    await check(page, 'ask-errors-en');
    for (const [label, value] of [['Members of the Council', '11'], ['Members present', '10'], ['Votes for', '6'], ['Votes against', '3'], ['Abstained', '1']]) await page.getByLabel(label!, { exact: true }).fill(value!);
    await page.getByRole('radio', { name: 'for', exact: true }).check();
    await page.getByRole('button', { name: 'Get the answer' }).click();
    await page.locator('[data-outcome=adopted]').waitFor({ timeout: WAIT });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('panel'))).toBe(true);
    await check(page, 'ask-answer-en');
    await page.context().close();
  });

  it('serves the app at every app path, and the libraries the import map names from web/vendor.json', async () => {
    const index = readFileSync('web/index.html', 'utf8');
    const map = JSON.parse(/<script type="importmap">([\s\S]*?)<\/script>/.exec(index)![1]!).imports as Record<string, string>;
    const vendor = JSON.parse(readFileSync('web/vendor.json', 'utf8')).files as Record<string, string>;
    for (const url of Object.values(map)) {
      const name = url.replace(/^\/vendor\//, '');
      expect(Object.keys(vendor).some((v) => v === name || (v.endsWith('/') && name.startsWith(v))), url).toBe(true);
      expect((await fetch(`${base}${url}`)).status, url).toBe(200);
    }
    const page = await fetch(`${base}/councils/web-meet/meetings/${meetingId}/desk`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('importmap');
    expect((await fetch(`${base}/vendor/../package.json`)).status).toBe(404);
    expect(await (await fetch(`${base}/config.json`)).json()).toEqual({ auth: { mode: 'local' } });
    expect((await fetch(`${base}/v1/nothing-here`)).status).toBe(404);
    expect(errors.flat(), 'errors in the pages').toEqual([]);
  });
});

/** Presses Tab until the focused element's accessible text matches (bounded): a keyboard user's way to a control. */
async function tabTo(page: Page, name: string | RegExp) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : '';
      return `${label ?? ''} ${el.innerText ?? ''} ${el.getAttribute('aria-label') ?? ''}`.trim();
    });
    if (typeof name === 'string' ? text.includes(name) : name.test(text)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}
