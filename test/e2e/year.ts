import { launch, session, signIn } from '../browser/helpers.ts';
import { yearOfWork } from '../scenarios/year.ts';

/**
 * `npm run e2e:year`: a year of the preventive mechanism's work (test/scenarios/year.ts) through
 * HTTP and Debian's Chromium against a running `npm start` (BASE_URL, default
 * http://localhost:3000). Each run uses a new council, so it can run again on the same `.data/`.
 */
const base = process.env.BASE_URL ?? 'http://localhost:3000';

async function token(as: { sub: string; roles?: string[] }): Promise<string> {
  const minted = await fetch(`${base}/v1/local/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub: as.sub, roles: as.roles ?? [] }) });
  return ((await minted.json()) as { token: string }).token;
}

const suffix = Date.now().toString(36);
const browser = await launch();
// A number the dev sign-in tells apart from earlier runs' Chairpersons (no Latin letters on a kk page).
const chairName = `Әзімова Гүлнәр ${Date.now() % 100000}`;
const steps = yearOfWork({
  api: {
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      if (options.as) headers.authorization = `Bearer ${await token(options.as)}`;
      const response = await fetch(`${base}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: response.status, json, text, headers: response.headers };
    },
  },
  bytes: async (path, as) => Buffer.from(await (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${await token(as)}` } })).arrayBuffer()),
  base,
  councilId: `year-${suffix}`,
  chairName,
  open: async (width) => (await session(browser, base, 'kk', width)).page,
  signIn,
});

let failed = 0;
for (const step of steps) {
  try {
    await step.run();
    console.log(`✓ ${step.name}`);
  } catch (error) {
    failed++;
    console.log(`✗ ${step.name}\n  ${(error as Error).message}`);
    break;
  }
}
await browser.close();
console.log(`\ncouncil year-${suffix}: sign in as ${chairName} at ${base}/councils/year-${suffix}`);
process.exit(failed ? 1 : 0);
