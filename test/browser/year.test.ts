import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { setToday } from '../../functions/clock.ts';
import { seedLocalLaw } from '../../infra/local/environment.ts';
import { startLocal } from '../integration/local.ts';
import { yearOfWork } from '../scenarios/year.ts';
import { launch, session, signIn } from './helpers.ts';

/**
 * A year of the preventive mechanism's work (test/scenarios/year.ts) against the local server on
 * a fresh table, the complaint written and read in Debian's Chromium. `npm run e2e:year` runs the
 * same steps against a running `npm start`.
 */
describe('a year of the preventive mechanism’s work', () => {
  let local: Awaited<ReturnType<typeof startLocal>>;
  let browser: Browser;
  const steps = yearOfWork({
    api: { call: (...args) => local.call(...args) },
    bytes: async (path, as) => {
      const response = await fetch(`${local.base}${path}`, { headers: { authorization: `Bearer ${await local.tokens.mint(as.sub, [])}` } });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return Buffer.from(await response.arrayBuffer());
    },
    get base() {
      return local.base;
    },
    councilId: 'year',
    chairName: 'Әзімова Гүлнәр',
    open: async (width) => (await session(browser, local.base, 'kk', width)).page,
    signIn,
  });

  beforeAll(async () => {
    // The clock as npm start sets it: the complaint arrives that day; every other act carries its own date in 2020.
    setToday('2020-06-15');
    [local, browser] = await Promise.all([startLocal(), launch()]);
    await seedLocalLaw();
  }, 120_000);

  afterAll(async () => {
    setToday(undefined);
    await browser?.close();
    await local?.close();
  });

  // One journey: each step rests on the ones before it.
  it('runs from the register of institutions to the annual report', async () => {
    for (const step of steps) {
      try {
        await step.run();
      } catch (error) {
        throw new Error(`step “${step.name}”: ${(error as Error).message}`, { cause: error });
      }
    }
  });
});
