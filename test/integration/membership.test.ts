import { afterAll, beforeAll, describe, it } from 'vitest';
import { setToday } from '../../functions/clock.ts';
import { membershipScenario } from '../scenarios/membership.ts';
import { runJob, startLocal } from './local.ts';

describe('membership through HTTP (the scenario `npm run e2e` runs against npm start)', () => {
  let local: Awaited<ReturnType<typeof startLocal>>;
  beforeAll(async () => {
    local = await startLocal();
  });
  afterAll(async () => {
    setToday(undefined);
    await local.close();
  });

  const steps = membershipScenario({
    call: (method, path, options) => local.call(method, path, options),
    runJob: (id, today) => runJob(id, today, undefined),
  });
  for (const step of steps) it(step.name, step.run);
});
