import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTable } from '../../infra/local/dynamo.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const amendment = 'test/integration/amendments/order-7-2021.yaml';

/**
 * `npm run rules -- …` against a table (as against a running `npm start`'s or KENES_TABLE's):
 * dry-run, publish, evaluate, withdraw and audit, each printing the API's JSON.
 */
describe('npm run rules: amendments from the command line', () => {
  let env: NodeJS.ProcessEnv;
  const rules = async (...args: string[]) => {
    const result = await run('npx', ['tsx', 'functions/rules/cli.ts', ...args], { cwd: root, env }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    return { code: result.code, json: JSON.parse(result.stdout) };
  };

  beforeAll(async () => {
    const endpoint = inject('dynamoEndpoint');
    const table = `kenes-cli-${randomUUID().slice(0, 8)}`;
    await createTable(endpoint, table);
    env = { ...process.env, KENES_TABLE: table, KENES_DYNAMO_ENDPOINT: endpoint, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', KENES_TODAY: '2022-01-01' };
  });

  it('dry-run: checks the amendment and replays the decisions, writing nothing', async () => {
    const { code, json } = await rules('dry-run', amendment);
    expect(code).toBe(0);
    expect(json).toMatchObject({ version: { id: 'order-7-2021' }, examined: { from: '2021-03-12', records: 0 }, changes: [] });
  });

  it('publish: seeds the real history first, then records the version by who published it', async () => {
    const { code, json } = await rules('publish', amendment, '--as', 'lawyer-1');
    expect(code).toBe(0);
    expect(json).toMatchObject({ revision: 2, version: { id: 'order-7-2021', recorded: { by: 'lawyer-1', source: 'publication' } } });
    const answer = await rules('evaluate', '--question', 'decision', '--at', '2021-06-01', '--facts', JSON.stringify({ membersTotal: 11, membersPresent: 7, votesFor: 4, votesAgainst: 3, abstained: 0, presidingVote: 'for' }));
    expect(answer.json).toMatchObject({ outcome: 'adopted', version: { id: 'order-7-2021' } });
  });

  it('withdraw and audit: the withdrawal is recorded with its reason, and both are in the log', async () => {
    const reason = JSON.stringify({ kk: 'қате', ru: 'ошибка', en: 'a mistake' });
    expect((await rules('withdraw', 'order-7-2021', '--reason', reason, '--as', 'lawyer-2')).json).toMatchObject({ versionId: 'order-7-2021', revision: 3, by: 'lawyer-2' });
    const { json } = await rules('audit');
    expect(json.entries.map((e: { action: string; by: string }) => `${e.action} ${e.by}`).slice(-2)).toEqual(['publication lawyer-1', 'withdrawal lawyer-2']);
  });

  it('publication-date: records the real publication date of a version (dry-run first, writing nothing), audited as publication-date', async () => {
    const where = JSON.stringify({ kk: '«Әділет» АҚЖ (мысал)', ru: 'ИПС «Әділет» (пример)', en: 'the «Әділет» legal information system (example)' });
    const dry = await rules('publication-date', 'order-5-2019', '--on', '2019-04-10', '--in', where, '--dry-run');
    expect(dry).toMatchObject({ code: 0, json: { version: { id: 'order-5-2019-publication-1' }, inForce: { from: '2019-04-14' } } });
    const { code, json } = await rules('publication-date', 'order-5-2019', '--on', '2019-04-10', '--in', where, '--as', 'lawyer-3');
    expect(code).toBe(0);
    expect(json).toMatchObject({ version: { id: 'order-5-2019-publication-1', publishedOn: '2019-04-10', recorded: { by: 'lawyer-3' } } });
    const versions = await rules('versions', '--at', '2020-01-01');
    expect(versions.json.versions.find((v: { id: string }) => v.id === 'order-5-2019')).toMatchObject({ publishedOnAssumed: false, inForceFrom: '2019-04-21' });
    expect((await rules('audit')).json.entries.at(-1)).toMatchObject({ action: 'publication-date', by: 'lawyer-3' });
  });

  it('readings: prints the README table of every reading', async () => {
    const { stdout } = await run('npx', ['tsx', 'functions/rules/cli.ts', 'readings'], { cwd: root, env });
    expect(stdout.split('\n')[0]).toBe('| reading | point | what the text leaves open | default | alternatives |');
    expect(stdout).toContain('| `decision.tieRule` | p25');
  });

  it('prints every problem of a bad amendment as JSON and exits 1', async () => {
    const { code, json } = await rules('publish', 'rules/act.yaml');
    expect(code).toBe(1);
    expect(json.error.code).toBe('invalid-input');
    expect(json.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['body.act', 'body.adoptedOn', 'body.number', 'body.publishedOn', 'body.title', 'body.versions']);
    expect(json.error.details.find((d: { field: string }) => d.field === 'body.act').message.en).toBe('is not a known field');
  });
});
