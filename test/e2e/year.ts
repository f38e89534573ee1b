import { launch, session, signIn } from '../browser/helpers.ts';
import { yearOfWork } from '../scenarios/year.ts';
import { against } from './http.ts';

/**
 * `npm run e2e:year`: a year of the preventive mechanism's work (test/scenarios/year.ts) through
 * HTTP and Debian's Chromium against a running `npm start` (BASE_URL, default
 * http://localhost:3000). Each run uses a new council, so it can run again on the same `.data/`.
 */
const base = process.env.BASE_URL ?? 'http://localhost:3000';

const http = against(base);

const suffix = Date.now().toString(36);
const browser = await launch();
// A number the dev sign-in tells apart from earlier runs' Chairpersons (no Latin letters on a kk page).
const chairName = `Әзімова Гүлнәр ${Date.now() % 100000}`;
const steps = yearOfWork({
  api: http,
  bytes: async (path, as) => Buffer.from(await (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${await http.token(as)}` } })).arrayBuffer()),
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
