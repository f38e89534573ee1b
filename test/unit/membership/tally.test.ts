import { describe, expect, it } from 'vitest';
import { seatsFrom } from '../../../functions/membership/tally.ts';

const r = (id: string, votes: number, majority = true) => ({ id, votes, majority });

describe('Function: seatsFrom (p10)', () => {
  it('fills the seats by votes among those with a majority', () => {
    expect(seatsFrom(2, [r('a', 9), r('b', 7), r('c', 6), r('d', 2, false)])).toEqual({ elected: ['a', 'b'] });
  });

  it('sends a tie for the last seat to a run-off among the tied', () => {
    expect(seatsFrom(2, [r('a', 9), r('b', 7), r('c', 7)])).toEqual({ elected: ['a'], runoff: { candidates: ['b', 'c'], seats: 1, cause: 'tie' } });
  });

  it('seats a tie that exactly fills the seats', () => {
    expect(seatsFrom(3, [r('a', 9), r('b', 7), r('c', 7)])).toEqual({ elected: ['a', 'b', 'c'] });
  });

  it('sends unfilled seats to a run-off among the rest', () => {
    expect(seatsFrom(3, [r('a', 9), r('b', 3, false), r('c', 2, false)])).toEqual({ elected: ['a'], runoff: { candidates: ['b', 'c'], seats: 2, cause: 'unfilled' } });
  });

  it('leaves seats open when nobody is left to run', () => {
    expect(seatsFrom(3, [r('a', 9)])).toEqual({ elected: ['a'] });
  });
});
