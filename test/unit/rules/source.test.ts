import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../../functions/rules/index.ts';
import { publishAmendment, seedLaw, type LawDeps } from '../../../functions/rules/publication.ts';
import { readCases } from '../../../functions/rules/read.ts';
import { lawSource, revalidateSecondsFromEnv } from '../../../functions/rules/source.ts';
import { amendmentFile } from './amendment-files.ts';
import { doc, rulesDir } from './law.ts';
import { memoryLawStore } from './memory-store.ts';

const cases = readCases(rulesDir);
const facts = { membersTotal: 11, membersPresent: 7, votesFor: 4, votesAgainst: 3, abstained: 0, presidingVote: 'for' };

async function seeded() {
  const memory = memoryLawStore();
  const deps: LawDeps = { store: memory.store, files: () => ({ doc, cases }), now: () => new Date().toISOString() };
  await seedLaw(deps, 'test');
  let ms = 0;
  const clock = { advance: (seconds: number) => (ms += seconds * 1000), now: () => ms };
  const source = lawSource({ store: memory.store, files: () => doc, revalidateSeconds: () => 30, clock: clock.now });
  return { ...memory, deps, source, clock };
}

describe('Function: lawSource', () => {
  it('takes a new version within the revalidation window, not before, and keeps the same Law while the head is unchanged', async () => {
    const { deps, source, clock, reads } = await seeded();
    const first = await source.law();
    expect(reads).toEqual({ head: 1, load: 2 }); // seeding loaded once, the source once
    clock.advance(10);
    expect(await source.law()).toBe(first); // within 30 s: not even the head is read
    expect(reads.head).toBe(1);

    await publishAmendment(deps, amendmentFile('order-7-2021.yaml'), 'admin-1'); // as another function would
    clock.advance(10);
    expect((await evaluate(await source.law(), { question: 'decision', at: '2021-06-01', facts })).version.id).toBe('order-15-2019');
    clock.advance(11); // 31 s since the last read of the head
    const next = await source.law();
    expect(next).not.toBe(first);
    expect((await evaluate(next, { question: 'decision', at: '2021-06-01', facts })).version.id).toBe('order-7-2021');

    const loads = reads.load;
    clock.advance(31);
    expect(await source.law()).toBe(next); // the head was read, it had not changed: no load, same Law (same cached Engines)
    expect(reads.load).toBe(loads);
  });

  it('with 0 seconds reads the head on every call; forget() makes the next call read it', async () => {
    const { reads, store } = await seeded();
    const source = lawSource({ store, files: () => doc, revalidateSeconds: () => 0 });
    await source.law();
    await source.law();
    expect(reads.head).toBe(2);
    const slow = lawSource({ store, files: () => doc, revalidateSeconds: () => 3600 });
    await slow.law();
    slow.forget();
    await slow.law();
    expect(reads.head).toBe(4);
  });

  it('shares one read of the head among concurrent requests', async () => {
    const { reads, store } = await seeded();
    const source = lawSource({ store, files: () => doc, revalidateSeconds: () => 0 });
    const laws = await Promise.all([source.law(), source.law(), source.law()]);
    expect(reads.head).toBe(1);
    expect(new Set(laws).size).toBe(1);
  });

  it('answers from rules/ while the table holds no law, and without a table', async () => {
    const empty = memoryLawStore();
    const fromFiles = await lawSource({ store: empty.store, files: () => doc, revalidateSeconds: () => 0 }).edition();
    expect(fromFiles.stored).toBeUndefined();
    expect(fromFiles.law.versions.map((v) => v.id)).toEqual(doc.versions.map((v) => v.id));
    expect((await lawSource({ files: () => doc, revalidateSeconds: () => 0 }).law()).versions).toHaveLength(4);
  });
});

describe('Function: revalidateSecondsFromEnv', () => {
  const saved = process.env.KENES_LAW_REVALIDATE_SECONDS;
  afterEach(() => {
    if (saved === undefined) delete process.env.KENES_LAW_REVALIDATE_SECONDS;
    else process.env.KENES_LAW_REVALIDATE_SECONDS = saved;
  });

  it.each([
    [undefined, 30],
    ['0', 0],
    ['5', 5],
    ['soon', 30],
    ['-1', 30],
  ])('KENES_LAW_REVALIDATE_SECONDS=%s is %s seconds', (value, seconds) => {
    if (value === undefined) delete process.env.KENES_LAW_REVALIDATE_SECONDS;
    else process.env.KENES_LAW_REVALIDATE_SECONDS = value;
    expect(revalidateSecondsFromEnv()).toBe(seconds);
  });
});
