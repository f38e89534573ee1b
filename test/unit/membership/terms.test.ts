import { describe, expect, it } from 'vitest';
import { addMonths, addYears } from '../../../functions/clock.ts';
import { termOn } from '../../../functions/membership/changes.ts';
import type { Member, Term } from '../../../functions/membership/model.ts';

const term = (over: Partial<Term> = {}): Term => ({ memberId: 'm', councilId: 'c', start: '2020-03-02', end: '2024-03-02', status: 'active', cohort: 'regular', ...over });
const member = (...terms: Term[]): Member => ({ id: 'm', councilId: 'c', candidateId: 'x', name: 'N', electionId: 'e', status: 'active', terms });

describe('Function: termOn (p11 terms)', () => {
  it('covers the first day and not the end day', () => {
    expect(termOn(member(term()), '2020-03-01')).toBeUndefined();
    expect(termOn(member(term()), '2020-03-02')).toBeDefined();
    expect(termOn(member(term()), '2024-03-01')).toBeDefined();
    expect(termOn(member(term()), '2024-03-02')).toBeUndefined();
  });
  it('ends early from the day powers ended (leaving, termination)', () => {
    const ended = term({ status: 'ended', endedOn: '2021-05-10' });
    expect(termOn(member(ended), '2021-05-09')).toBeDefined();
    expect(termOn(member(ended), '2021-05-10')).toBeUndefined();
  });
});

describe('Function: addYears / addMonths', () => {
  it.each([
    ['2020-03-02', 4, '2024-03-02'],
    ['2020-02-29', 1, '2021-02-28'],
    ['2020-02-29', 4, '2024-02-29'],
  ])('%s + %i years = %s', (date, years, expected) => expect(addYears(date, years)).toBe(expected));
  it.each([
    ['2022-01-31', 1, '2022-02-28'],
    ['2022-02-10', 1, '2022-03-10'],
    ['2022-12-15', 1, '2023-01-15'],
  ])('%s + %i month = %s', (date, months, expected) => expect(addMonths(date, months)).toBe(expected));
});
