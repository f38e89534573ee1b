/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setToday } from '../../functions/clock.ts';
import { seedLocalLaw } from '../../infra/local/environment.ts';
import { startLocal } from '../integration/local.ts';
import { check, launch, session, signIn, WAIT } from './helpers.ts';
import { council } from './seed.ts';

// Temporary smoke of the complaints pages (helper A): the lead's journey replaces it.
describe('complaints pages smoke (temporary)', () => {
  let local: Awaited<ReturnType<typeof startLocal>>;
  let browser: Browser;
  let c: Awaited<ReturnType<typeof council>>;
  beforeAll(async () => {
    setToday('2020-03-02');
    [local, browser] = await Promise.all([startLocal(), launch()]);
    await seedLocalLaw();
    c = await council(local, 'web-cmp', { kk: 'Кеңес', ru: 'Совет', en: 'Council' }, 'Әзімова Гүлнәр', ['Серікова Айгүл', 'Нұрланов Бауыржан', 'Ахметова Дана']);
  }, 120_000);
  afterAll(async () => {
    setToday(undefined);
    await browser?.close();
    await local?.close();
  });

  it('keys, a sealed complaint sent anonymously at 390 px, read and answered at the desk, the reply read by receipt', async () => {
    const base = `${local.base}/councils/${c.id}`;
    const chair = await session(browser, local.base, 'kk');
    await signIn(chair.page, 'Әзімова Гүлнәр', 'Кіру');
    await chair.page.goto(`${base}/complaint-keys`);
    await chair.page.getByText('Кілт әлі жарияланбаған').waitFor({ timeout: WAIT });
    await check(chair.page, 'complaint-keys-empty');
    await chair.page.getByRole('button', { name: 'Жаңа кілттер жұбын жасау' }).click();
    const [download] = await Promise.all([chair.page.waitForEvent('download'), chair.page.getByRole('link', { name: 'Жеке кілт файлын жүктеу' }).click()]);
    const keyFile = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(keyFile).privateKey).toMatch(/=$/);
    await chair.page.getByRole('button', { name: 'Ашық кілтті жариялау' }).click();
    await chair.page.getByText('Ашық кілт жарияланды').waitFor({ timeout: WAIT });
    await check(chair.page, 'complaint-keys');

    const anyone = await session(browser, local.base, 'kk', 390);
    await anyone.page.goto(`${base}/complaint`);
    await anyone.page.getByLabel('Не болды').fill('Түнде күзетшілер мені ұрды.\nЕкінші жол.');
    await anyone.page.getByLabel('Шағымның түрі').selectOption('torture');
    await anyone.page.getByLabel('Өңір (міндетті емес)').selectOption('karaganda');
    await check(anyone.page, 'complaint-form');
    await anyone.page.getByRole('button', { name: 'Шифрлап жіберу' }).click();
    const receipt = await anyone.page.locator('[data-receipt]').getAttribute('data-receipt', { timeout: WAIT });
    expect(receipt).toMatch(/^[A-Za-z0-9_-]{27}$/);
    await check(anyone.page, 'complaint-sent');

    await chair.page.goto(`${base}/complaints`);
    await chair.page.getByRole('table').waitFor({ timeout: WAIT });
    await chair.page.getByLabel('Жеке кілт (файлдың мазмұны)').fill(keyFile);
    await chair.page.getByLabel('Оқудың себебі').fill('Қарауға дайындау');
    await chair.page.getByRole('button', { name: /^Оқу/ }).first().click();
    await expect.poll(() => chair.page.locator('[data-complaint-text]').textContent(), { timeout: WAIT }).toBe('Түнде күзетшілер мені ұрды.\nЕкінші жол.');
    await check(chair.page, 'complaints-desk');
    await chair.page.getByLabel('Қаралды деп белгілеу').check();
    await chair.page.getByLabel('Шешім').selectOption('visit-planned');
    await chair.page.getByLabel('Хаттамаға жазылатын қысқаша мазмұн, қазақ тілінде').fill('Мекемеге бару жоспарланды');
    await chair.page.getByLabel('Хаттамаға жазылатын қысқаша мазмұн, орыс тілінде').fill('Запланировано посещение');
    await chair.page.getByLabel('Шағым иесіне жауап (міндетті емес)').fill('Біз мекемеге барамыз');
    await chair.page.getByRole('button', { name: 'Сақтау' }).click();
    await chair.page.getByText('Сақталды').waitFor({ timeout: WAIT });

    await anyone.page.goto(`${local.base}/complaint-status`);
    await anyone.page.getByLabel('Түбіртек коды').fill(receipt!);
    await anyone.page.getByRole('button', { name: 'Көрсету' }).click();
    await expect.poll(() => anyone.page.locator('[data-complaint-reply]').textContent(), { timeout: WAIT }).toBe('Біз мекемеге барамыз');
    await check(anyone.page, 'complaint-status');
    expect([...chair.errors, ...anyone.errors]).toEqual([]);
  });
});
