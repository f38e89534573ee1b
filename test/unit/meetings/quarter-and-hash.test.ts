import { describe, expect, it } from 'vitest';
import { quarterOf } from '../../../functions/meetings/quarterly.ts';
import { hashOf } from '../../../functions/meetings/minutes.ts';

describe('Function: quarterOf (p20)', () => {
  it.each([
    ['2020-01-01', '2020-Q1', '2020-01-01', '2020-03-31'],
    ['2020-02-29', '2020-Q1', '2020-01-01', '2020-03-31'],
    ['2020-06-30', '2020-Q2', '2020-04-01', '2020-06-30'],
    ['2020-07-01', '2020-Q3', '2020-07-01', '2020-09-30'],
    ['2020-12-31', '2020-Q4', '2020-10-01', '2020-12-31'],
  ])('%s is in %s (%s … %s)', (date, label, start, end) => {
    expect(quarterOf(date)).toEqual({ label, start, end });
  });
});

describe('Function: hashOf (the content the minutes signatures cover, p28)', () => {
  it('does not depend on the order of keys, and ignores absent values', () => {
    expect(hashOf({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(hashOf({ b: { d: 'x', c: [1, 2] }, a: 1, e: undefined }));
  });
  it('changes with any content', () => {
    expect(hashOf({ a: [1, 2] })).not.toBe(hashOf({ a: [2, 1] }));
    expect(hashOf({ a: 'Әзімова' })).not.toBe(hashOf({ a: 'Азимова' }));
    expect(hashOf({})).toMatch(/^[0-9a-f]{64}$/);
  });
});
