import { afterAll, beforeAll, describe, it } from 'vitest';
import { setToday } from '../../functions/clock.ts';
import { jobs } from '../../functions/jobs/jobs.ts';
import { lambdaContext } from '../../infra/local/event.ts';
import { loadHandler } from '../../infra/local/server.ts';
import { membershipScenario } from '../scenarios/membership.ts';
import { startLocal } from './local.ts';

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
    async runJob(id, today) {
      setToday(today);
      const job = jobs.find((j) => j.id === id)!;
      try {
        return (await (await loadHandler(job))({}, lambdaContext(job))) as never;
      } finally {
        setToday(undefined);
      }
    },
  });
  for (const step of steps) it(step.name, step.run);
});
