import { afterAll, beforeAll, describe, it } from 'vitest';
import { setToday } from '../../functions/clock.ts';
import { meetingScenario } from '../scenarios/meeting.ts';
import { runJob, startLocal } from './local.ts';

describe('a full meeting through HTTP (the scenario `npm run e2e` runs against npm start)', () => {
  let local: Awaited<ReturnType<typeof startLocal>>;
  beforeAll(async () => {
    local = await startLocal();
    setToday('2020-06-10');
  });
  afterAll(async () => {
    setToday(undefined);
    await local.close();
  });

  const steps = meetingScenario({
    call: (method, path, options) => local.call(method, path, options),
    runJob: (id, today) => runJob(id, today, '2020-06-10'),
  });
  for (const step of steps) it(step.name, step.run);
});
