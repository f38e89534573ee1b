import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { commitmentOf, draw, newSeed, shortCount } from '../../../functions/membership/lot.ts';

describe('Function: draw (p11 lot)', () => {
  const members = ['m01', 'm02', 'm03', 'm04', 'm05', 'm06', 'm07', 'm08', 'm09', 'm10'];

  it('commits to the seed by its SHA-256', () => {
    const { seed, commitment } = newSeed();
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(commitment).toBe(createHash('sha256').update(seed).digest('hex'));
    expect(commitmentOf(seed)).toBe(commitment);
  });

  it('splits the members into two halves, none lost or repeated', () => {
    const { short, long } = draw('ab'.repeat(32), members, 'down');
    expect(short).toHaveLength(5);
    expect([...short, ...long].sort()).toEqual(members);
  });

  it('can be recomputed by anyone from the seed and the ordered list, whatever order it is given in', () => {
    const seed = 'cd'.repeat(32);
    const first = draw(seed, members, 'down');
    expect(draw(seed, [...members].reverse(), 'down')).toEqual(first);
    const byHand = [...members].sort((a, b) => {
      const ha = createHash('sha256').update(`${seed}:${a}`).digest('hex');
      const hb = createHash('sha256').update(`${seed}:${b}`).digest('hex');
      return ha < hb ? -1 : 1;
    });
    expect(first.short).toEqual(byHand.slice(0, 5));
  });

  it('depends on the seed', () => {
    const results = new Set(Array.from({ length: 20 }, (_, i) => draw(String(i).repeat(64).slice(0, 64), members, 'down').short.join()));
    expect(results.size).toBeGreaterThan(1);
  });

  it.each([
    [10, 'down', 5],
    [10, 'up', 5],
    [11, 'down', 5],
    [11, 'up', 6],
    [1, 'down', 0],
  ] as const)('rounds half of %i %s to %i', (count, rounding, expected) => {
    expect(shortCount(count, rounding)).toBe(expected);
  });
});
