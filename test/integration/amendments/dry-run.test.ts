import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setToday } from '../../../functions/clock.ts';
import { DRY_RUN_BUDGET_ENV, DRY_RUN_PAGE_ENV } from '../../../functions/jobs/dry-run.ts';
import { buildLaw, defaultRulesDir, evaluate, readRulesDir } from '../../../functions/rules/index.ts';
import { decisionPut } from '../../../functions/store/trail.ts';
import { transact } from '../../../functions/store/transact.ts';
import { seedLocalLaw } from '../../../infra/local/environment.ts';
import { amendmentJson } from '../../unit/rules/amendment-files.ts';
import { startLocal } from '../local.ts';

/**
 * The amendment dry-run as a job, through HTTP on the local server and DynamoDB Local: the
 * route answers 202 with the run's id at once, the job replays (in this process, not awaited)
 * only the decisions the amendment can change, and GET /v1/rules/dry-runs/{id} shows its
 * progress and then the report. Nothing of the law is written.
 */
const admin = { sub: 'admin-1', roles: ['admin' as const] };
const facts = { membersTotal: 11, membersPresent: 7, votesFor: 4, votesAgainst: 3, abstained: 0, presidingVote: 'for' };

describe('the amendment dry-run: a job started by the route, read by its id', () => {
  let local: Awaited<ReturnType<typeof startLocal>>;
  const law = buildLaw(readRulesDir(defaultRulesDir()));
  const record = async (id: string, at: string, given: Record<string, unknown>, question = 'decision') => {
    const answer = await evaluate(law, { question, at, facts: given });
    await transact([decisionPut(local.table, { ...answer, id, councilId: 'council-1', facts: given, subject: { kind: 'motion', id: `motion-${id}` } })], () => new Error('exists'));
  };
  /** Polls the run until it is no longer running (the job runs in this process meanwhile). */
  const finished = async (id: string) => {
    for (let i = 0; i < 200; i++) {
      const reply = await local.call('GET', `/v1/rules/dry-runs/${id}`, { as: admin });
      if (reply.status !== 200 || reply.json.status !== 'running') return reply;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`dry-run ${id} still running`);
  };

  beforeAll(async () => {
    local = await startLocal();
    process.env.KENES_LAW_REVALIDATE_SECONDS = '0';
    setToday('2022-01-01');
    await seedLocalLaw();
  });
  afterAll(async () => {
    setToday(undefined);
    delete process.env.KENES_LAW_REVALIDATE_SECONDS;
    delete process.env[DRY_RUN_BUDGET_ENV];
    delete process.env[DRY_RUN_PAGE_ENV];
    await local.close();
  });

  it('lets only an administrator start a dry-run or read one', async () => {
    const body = amendmentJson('order-7-2021.yaml');
    expect((await local.call('POST', '/v1/rules/versions/dry-run', { body })).status).toBe(401);
    expect((await local.call('POST', '/v1/rules/versions/dry-run', { body, as: { sub: 'chair-1' } })).status).toBe(403);
    expect((await local.call('GET', '/v1/rules/dry-runs/any', { as: { sub: 'chair-1' } })).status).toBe(403);
    expect((await local.call('GET', '/v1/rules/dry-runs/no-such-run', { as: admin })).status).toBe(404);
  });

  it('refuses a malformed amendment at once with a 400, before any job starts', async () => {
    const body = amendmentJson('order-7-2021.yaml');
    body.title.en = '';
    const { status, json } = await local.call('POST', '/v1/rules/versions/dry-run', { body, as: admin });
    expect(status).toBe(400);
    expect(json.error.details.map((d: { field: string }) => d.field)).toContain('body.title.en');
  });

  it('answers 202 with the run, then reports every stored decision whose outcome would change, replaying only the questions and dates the amendment affects', async () => {
    await record('d-2020', '2020-03-02', facts); // before the new version: not replayed
    await record('d-2021', '2021-06-01', facts); // rejected under Order No. 15, adopted under No. 7
    await record('d-same', '2021-07-01', { ...facts, votesFor: 6, votesAgainst: 1 }); // adopted under both
    await record('q-2021', '2021-06-01', { membersTotal: 11, membersPresent: 7 }, 'quorum'); // a question the amendment leaves alone
    const started = await local.call('POST', '/v1/rules/versions/dry-run', { body: amendmentJson('order-7-2021.yaml'), as: admin });
    expect(started.status).toBe(202);
    expect(started.json).toEqual({ id: expect.any(String), status: 'running' });
    const { status, json } = await finished(started.json.id);
    expect(status).toBe(200);
    expect(json).toMatchObject({ status: 'done', version: { id: 'order-7-2021', inForceFrom: '2021-03-12' }, inForce: { from: '2021-03-12', until: '2023-01-30' } });
    // The repeal of 2023 ends what Order No. 7 could change; quorum rests on nothing it touches.
    expect(json.examined).toMatchObject({ from: '2021-03-12', records: 2 });
    expect(json.examined.ranges).toEqual([{ from: '2021-03-12', until: '2023-01-30', questions: expect.arrayContaining(['decision']) }]);
    expect(json.examined.ranges[0].questions).not.toContain('quorum');
    expect(json.changes).toEqual([
      {
        decisionId: 'd-2021',
        councilId: 'council-1',
        subject: { kind: 'motion', id: 'motion-d-2021' },
        question: 'decision',
        at: '2021-06-01',
        old: { outcome: 'rejected', version: 'order-15-2019', points: ['p25'] },
        new: { outcome: 'adopted', version: 'order-7-2021', point: 'p25', points: ['p25'] },
      },
    ]);
    // Nothing of the law was written.
    expect((await local.call('POST', '/v1/rules/evaluate', { body: { question: 'decision', at: '2021-06-01', facts } })).json.version.id).toBe('order-15-2019');
    expect((await local.call('GET', '/v1/rules/audit', { as: admin })).json.entries.map((e: { action: string }) => e.action)).not.toContain('publication');
  });

  it('continues across invocations: with pages of 5 and time for one page per invocation, the run hands over page after page and still finds every change', async () => {
    for (let i = 0; i < 30; i++) await record(`m-${i}`, '2021-09-01', facts);
    // Pages of 5 decisions, and an invocation's time is up after its first page: 7 invocations.
    process.env[DRY_RUN_BUDGET_ENV] = '1';
    process.env[DRY_RUN_PAGE_ENV] = '5';
    const started = await local.call('POST', '/v1/rules/versions/dry-run', { body: amendmentJson('order-7-2021.yaml'), as: admin });
    const { json } = await finished(started.json.id);
    delete process.env[DRY_RUN_BUDGET_ENV];
    delete process.env[DRY_RUN_PAGE_ENV];
    expect(json.status).toBe('done');
    expect(json.examined.records).toBe(2 + 30);
    expect(json.changes.map((c: { decisionId: string }) => c.decisionId)).toEqual(['d-2021', ...Array.from({ length: 30 }, (_, i) => `m-${i}`).sort()]);
  });
});
