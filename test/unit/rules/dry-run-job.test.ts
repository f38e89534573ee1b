import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../functions/errors.ts';
import { readCases } from '../../../functions/rules/index.ts';
import { storedLaw } from '../../../functions/rules/amendments.ts';
import type { OutcomeChange, ReplayRecord } from '../../../functions/rules/dry-run.ts';
import { continueDryRun, dryRunReport, startDryRun, STOPPED_AFTER_MS, type DryRunDeps, type DryRunRun, type DryRunStore } from '../../../functions/rules/dry-run-job.ts';
import { affectedRanges, type ReplayRange } from '../../../functions/rules/dry-run-ranges.ts';
import { prepareAmendment } from '../../../functions/rules/amendments.ts';
import { seedLaw, type LawDeps } from '../../../functions/rules/publication.ts';
import { amendmentFile } from './amendment-files.ts';
import { doc, law, rulesDir } from './law.ts';
import { memoryLawStore } from './memory-store.ts';

/**
 * The dry-run job's domain with a store in memory: the ranges an amendment affects, a run over
 * many decisions that holds one page at a time and keeps only the changes, and continuation.
 */
const cases = readCases(rulesDir);
const decision = (n: number, at: string, votesFor: number): ReplayRecord => ({
  id: `d${n}`,
  councilId: 'c1',
  subject: { kind: 'motion', id: `m${n}` },
  question: 'decision',
  at,
  facts: { membersTotal: 11, membersPresent: 7, votesFor, votesAgainst: 7 - votesFor, abstained: 0, presidingVote: 'for' },
  // Order No. 15 counts the majority against all 11 members: 4 or 5 for is rejected, 6 adopted.
  outcome: votesFor >= 6 ? 'adopted' : 'rejected',
  version: { id: 'order-15-2019' },
  reasons: [{ point: 'p25' }],
});

/**
 * `total` decisions generated page by page, never held: the store keeps only the changes the
 * job saves, and counts what the job asked for, so the test sees what the job holds.
 */
function generatedStore(total: number, votesFor: (n: number) => number) {
  const runs = new Map<string, DryRunRun>();
  const changes: OutcomeChange[] = [];
  const seen = { largestPage: 0, largestSave: 0, pages: 0 };
  const store: DryRunStore = {
    async create(run) {
      runs.set(run.id, structuredClone(run));
    },
    async get(id) {
      return structuredClone(runs.get(id));
    },
    async advance(id, step, saved, progress) {
      const run = runs.get(id)!;
      if (run.step !== step) throw new ConflictError('dry-run-moved', { kk: 'x', ru: 'x', en: 'moved' });
      seen.largestSave = Math.max(seen.largestSave, saved.length);
      changes.push(...structuredClone(saved));
      runs.set(id, { ...run, ...structuredClone(progress), step: step + 1 });
    },
    async decisions(range: ReplayRange, after, limit) {
      const start = after ? Number(after) : 0;
      const end = Math.min(total, start + limit);
      seen.pages++;
      seen.largestPage = Math.max(seen.largestPage, end - start);
      const records = Array.from({ length: end - start }, (_, i) => decision(start + i, range.from, votesFor(start + i)));
      return { records, next: end < total ? String(end) : null };
    },
    async changes(_id, after, limit) {
      const start = after ? Number(after) : 0;
      return { changes: changes.slice(start, start + limit), next: start + limit < changes.length ? String(start + limit) : null };
    },
  };
  return { store, changes, seen, runs };
}

async function setup(store: DryRunStore) {
  const memory = memoryLawStore();
  const law: LawDeps = { store: memory.store, files: () => ({ doc, cases }), now: () => '2026-11-01T10:00:00.000Z' };
  await seedLaw(law, 'test');
  let n = 0;
  const deps: DryRunDeps = { law, runs: store, newId: () => `run-${++n}` };
  return deps;
}

describe('Function: affectedRanges', () => {
  it('bounds the replay by the versions the amendment changes: Order No. 7 until the 2023 repeal, the questions resting on p25, p12 and p13', async () => {
    const memory = memoryLawStore();
    await seedLaw({ store: memory.store, files: () => ({ doc, cases }), now: () => 'x' }, 'test');
    const stored = (await memory.store.load())!;
    const prepared = await prepareAmendment(stored, cases, amendmentFile('order-7-2021.yaml'));
    const ranges = affectedRanges(storedLaw(stored), prepared.law);
    expect(ranges.map((r) => [r.from, r.until])).toEqual([['2021-03-12', '2023-01-30']]);
    expect(ranges[0]!.questions).toContain('decision');
    expect(ranges[0]!.questions).not.toContain('quorum');
    expect(ranges[0]!.questions).not.toContain('election');
  });

  it('finds nothing to replay when the law does not change', () => {
    expect(affectedRanges(law, law)).toEqual([]);
  });
});

describe('Function: continueDryRun', () => {
  it('replays 4,000 decisions a page at a time and keeps only the changes: no page, no save and no run record grows with the table', async () => {
    // One decision in a hundred (4 for of 7 present) flips to adopted under Order No. 7.
    const { store, changes, seen, runs } = generatedStore(4_000, (n) => (n % 100 === 0 ? 4 : 6));
    const deps = await setup(store);
    const run = await startDryRun(deps, amendmentFile('order-7-2021.yaml'));
    const sizeAtStart = JSON.stringify(runs.get(run.id)).length;
    const { run: done, next } = await continueDryRun(deps, run.id, { timeLeft: () => Infinity, pageSize: 250 });
    expect([done.status, next, done.examined, done.changed]).toEqual(['done', 'stop', 4_000, 40]);
    expect(seen.largestPage).toBe(250);
    expect(seen.pages).toBe(16);
    expect(seen.largestSave).toBeLessThanOrEqual(3);
    expect(changes).toHaveLength(40);
    expect(changes[0]).toMatchObject({ decisionId: 'd0', old: { outcome: 'rejected' }, new: { outcome: 'adopted', point: 'p25' } });
    // The run record holds counts and a cursor, not records: it stays the size it started at (± digits).
    expect(JSON.stringify(runs.get(run.id)).length).toBeLessThan(sizeAtStart + 200);
    expect((await dryRunReport(deps, run.id)).changes).toHaveLength(40);
  }, 20_000);

  it('hands over when its time runs short and a fresh call finishes from the saved cursor', async () => {
    const { store, changes } = generatedStore(1_000, (n) => (n % 10 === 0 ? 4 : 6));
    const deps = await setup(store);
    const run = await startDryRun(deps, amendmentFile('order-7-2021.yaml'));
    const first = await continueDryRun(deps, run.id, { timeLeft: () => 0, pageSize: 100 });
    expect([first.run.status, first.next, first.run.examined]).toEqual(['running', 'continue', 100]);
    let calls = 1;
    for (let r = first; r.next === 'continue'; calls++) r = await continueDryRun(deps, run.id, { timeLeft: () => 0, pageSize: 100 });
    expect(calls).toBe(10);
    expect(changes.map((c) => c.decisionId)).toEqual(Array.from({ length: 100 }, (_, i) => `d${i * 10}`));
  });

  it('stops, without saving, when another continuation saved the page first (a duplicate delivery)', async () => {
    const { store, runs } = generatedStore(500, () => 6);
    const deps = await setup(store);
    const run = await startDryRun(deps, amendmentFile('order-7-2021.yaml'));
    const stale = structuredClone(runs.get(run.id)!);
    await continueDryRun(deps, run.id, { timeLeft: () => 0, pageSize: 100 });
    const late: DryRunStore = { ...store, get: async () => structuredClone(stale) };
    expect((await continueDryRun({ ...deps, runs: late }, run.id, { timeLeft: () => 0, pageSize: 100 })).next).toBe('stop');
    expect(runs.get(run.id)!.examined).toBe(100);
  });
});

describe('Function: dryRunReport', () => {
  it('reports a run that has not moved for longer than any invocation lives as stopped, in words, and one that has as running', async () => {
    const { store } = generatedStore(500, () => 6);
    const deps = await setup(store);
    const run = await startDryRun(deps, amendmentFile('order-7-2021.yaml'));
    const at = (ms: number) => ({ ...deps, law: { ...deps.law, now: () => new Date(Date.parse(run.updatedAt) + ms).toISOString() } });
    expect((await dryRunReport(at(STOPPED_AFTER_MS - 60_000), run.id)).status).toBe('running');
    const stopped = await dryRunReport(at(STOPPED_AFTER_MS + 60_000), run.id);
    expect(stopped.status).toBe('failed');
    expect(stopped.error).toMatchObject({ code: 'dry-run-stopped', message: { kk: expect.stringContaining('қайта бастаңыз'), ru: expect.stringContaining('заново') } });
    // A finished run is never called stopped, however old.
    await continueDryRun(deps, run.id, { timeLeft: () => Infinity, pageSize: 500 });
    expect((await dryRunReport(at(10 * STOPPED_AFTER_MS), run.id)).status).toBe('done');
  });
});
