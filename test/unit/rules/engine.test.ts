import { describe, expect, it, vi } from 'vitest';
import { buildEngine, engineFor } from '../../../functions/rules/engine.ts';
import { evaluate, versionInForce } from '../../../functions/rules/index.ts';
import { law } from './law.ts';

const inForce = (at: string) => {
  const found = versionInForce(law, at);
  if (!found.inForce) throw found.refusal;
  return found.version;
};

describe('Function: engineFor', () => {
  it('builds an Engine once per (version, question) and reuses it', () => {
    const v = inForce('2020-01-01');
    const first = engineFor(law, v.id, v.state, 'quorum');
    expect(engineFor(law, v.id, v.state, 'quorum')).toBe(first);
    expect(engineFor(law, v.id, v.state, 'quorum').engine).toBe(first.engine);
    expect(engineFor(law, v.id, v.state, 'decision')).not.toBe(first);
    const older = inForce('2016-05-01');
    expect(engineFor(law, older.id, older.state, 'quorum')).not.toBe(first);
  });

  it('is what evaluate runs: the compiled path, or the Engine as the reference; none is built per request', async () => {
    const v = inForce('2020-01-01');
    const cached = engineFor(law, v.id, v.state, 'election');
    const run = vi.spyOn(cached.engine, 'run');
    const fast = vi.spyOn(cached, 'fast');
    const facts = { ballotsCast: 10, blankBallots: 0, votesForCandidate: 6 };
    await evaluate(law, { question: 'election', at: '2020-01-01', facts });
    await evaluate(law, { question: 'election', at: '2021-06-30', facts });
    expect(fast).toHaveBeenCalledTimes(2);
    expect(run).not.toHaveBeenCalled();
    await evaluate(law, { question: 'election', at: '2020-01-01', facts }, { reference: true });
    expect(run).toHaveBeenCalledTimes(1);
    expect(fast).toHaveBeenCalledTimes(2);
    run.mockRestore();
    fast.mockRestore();
  });

  it('keeps a separate Engine per parameter override, and reuses it too', () => {
    const v = inForce('2020-01-01');
    const plain = engineFor(law, v.id, v.state, 'decision');
    const present = engineFor(law, v.id, v.state, 'decision', { 'decision.majorityBase': 'present' });
    expect(present).not.toBe(plain);
    expect(engineFor(law, v.id, v.state, 'decision', { 'decision.majorityBase': 'present' })).toBe(present);
    expect(present.readings.find((r) => r.parameter === 'decision.majorityBase')).toMatchObject({ value: 'present', overridden: true });
    expect(plain.readings.find((r) => r.parameter === 'decision.majorityBase')).not.toHaveProperty('overridden');
  });

  it('substitutes the parameters in force into the rule documents', () => {
    const v = inForce('2020-01-01');
    const [, majority] = engineFor(law, v.id, v.state, 'decision').rules;
    const condition = (majority!.conditions as { all: Record<string, unknown>[] }).all[0]!;
    expect(condition).toMatchObject({
      fact: 'scaled',
      params: { fact: 'votesFor', by: 2 },
      operator: 'more-than',
      value: { fact: 'scaled', params: { fact: 'membersTotal', by: 1, as: 'base' } },
    });
    expect(condition.name).toMatch(/^p25: /);
  });
});

describe('Function: buildEngine', () => {
  const rule = {
    name: 'p22: test',
    conditions: { all: [{ name: 'p22: test', fact: 'scaled', params: { fact: 'a', by: 2 }, operator: 'more-than', value: { fact: 'b' } }] },
    event: { type: 'yes', params: { point: 'p22', code: 'yes', message: { kk: 'и', ru: 'д', en: 'y' } } },
  };

  it('compares integers by cross-multiplying', async () => {
    const engine = buildEngine([rule], {});
    expect((await engine.run({ a: 3, b: 5 })).results).toHaveLength(1);
    expect((await engine.run({ a: 2, b: 5 })).results).toHaveLength(0);
  });

  it('refuses floats: a share is never compared as a decimal', async () => {
    await expect(buildEngine([rule], {}).run({ a: 3, b: 4.5 })).rejects.toThrow(/integers only/);
    await expect(buildEngine([rule], {}).run({ a: 1.25, b: 4 })).rejects.toThrow(/not an exact integer/);
  });
});
