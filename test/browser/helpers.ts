/// <reference lib="dom" />
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * What every browser test shares: Debian's Chromium, a check of each page a person reaches
 * (axe-core finds no violation; at a phone's 390 px nothing scrolls sideways; on a kk or ru
 * page no word in Latin letters), and screenshots kept under test/browser/artifacts/.
 */
const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
/** How long an answer may take on a loaded machine (the first call of a route loads its module). */
export const WAIT = 20_000;
/** File formats, named as such on every page. */
const FORMATS = ['YAML', 'JSON', 'PDF'];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the browser tests drive Debian's Chromium. Install it with \`apt-get install -y chromium\` (playwright-core never downloads a browser).`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--disable-component-update', '--no-first-run'],
  });
}

/** A person's own browser session (a context of its own), in `lang`, at a desktop width. */
export async function session(browser: Browser, base: string, lang: 'kk' | 'ru' | 'en' = 'kk', width = 1200): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  await context.addInitScript((l) => localStorage.setItem('kenes.lang', l), lang);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of (4\d\d)/.test(message.text())) errors.push(message.text());
  });
  await page.goto(`${base}/`);
  await page.locator('body[data-ready=true]').waitFor({ timeout: WAIT });
  return { context, page, errors };
}

export const shots: string[] = [];

/**
 * The checks of a page in a state with data: axe-core reports no violation; at 390 px the page
 * does not scroll sideways; on a kk or ru page no word in Latin letters (codes, field paths,
 * English titles) outside `code` (hashes, receipt codes); a screenshot kept.
 */
export async function check(page: Page, name: string) {
  await page.locator('main [role=status]:text-is("Жүктелуде…"), main [role=status]:text-is("Загрузка…"), main [role=status]:text-is("Loading…")').first().waitFor({ state: 'detached', timeout: WAIT }).catch(() => {});
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  const violations = result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(violations, `axe on ${name}`).toEqual([]);

  const lang = await page.getAttribute('html', 'lang');
  if (lang === 'kk' || lang === 'ru') {
    const text = await page.evaluate(() => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      for (const el of clone.querySelectorAll('code, script, noscript, [lang=en], .lang, .account')) el.remove();
      // The minutes' own text, but its footer (where the content hash belongs, p28).
      for (const host of document.querySelectorAll('.minutes-doc')) {
        const doc = document.createElement('div');
        doc.append(...[...(host.shadowRoot?.children ?? [])].map((n) => n.cloneNode(true)));
        for (const el of doc.querySelectorAll('code, .m-footer')) el.remove();
        clone.append(doc.textContent ?? '');
      }
      return clone.innerText ?? clone.textContent ?? '';
    });
    expect((text.match(/[A-Za-z]{2,}[A-Za-z0-9_.-]*/g) ?? []).filter((w) => !FORMATS.includes(w)), `Latin words on the ${lang} page ${name}`).toEqual([]);
  }

  const viewport = page.viewportSize()!;
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  shots.push(file);
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `sideways scroll at 390 px on ${name}`).toBeLessThanOrEqual(0);
  expect(await page.locator('header nav').isVisible(), `navigation at hand at 390 px on ${name}`).toBe(true);
  await page.screenshot({ path: join(ARTIFACTS, `${name}-390.png`), fullPage: false });
  await page.setViewportSize(viewport);
}

/** Follows an in-app link by its name and waits for the page's heading. */
export async function follow(page: Page, name: string | RegExp) {
  await page.getByRole('link', { name }).first().click();
  await page.locator('h1').first().waitFor({ timeout: WAIT });
}

/** Signs in on the local dev sign-in by choosing the person's name (nobody types an id). */
export async function signIn(page: Page, name: string, submit: string) {
  try {
    await signInAs(page, name, submit);
  } catch (error) {
    await page.screenshot({ path: join(ARTIFACTS, `failed-sign-in-${name}.png`), fullPage: true });
    throw error;
  }
}

async function signInAs(page: Page, name: string, submit: string) {
  await page.goto(new URL('/sign-in', page.url()).href);
  await page.getByRole('radio', { name, exact: false }).first().waitFor({ timeout: WAIT });
  await page.getByRole('radio', { name }).first().check();
  await page.getByRole('button', { name: submit, exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/', { timeout: WAIT });
  await until(() => page.locator('#whoami').textContent(), (who) => who === name, `signed in as ${name}`);
}

/**
 * Waits until `read()` gives a value `done` accepts (like `expect.poll`, which works only inside
 * vitest: the journeys also run as plain scripts against `npm start`). Returns that value.
 */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeout = WAIT): Promise<T> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await read();
    if (done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeout} ms`);
}
