import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../functions/errors.ts';
import { totalTiyn, visitProblems } from '../../../functions/preventive/plan-checks.ts';
import { institutionTypeName, regionName } from '../../../functions/preventive/regions.ts';
import { INSTITUTION_TYPES, REGIONS } from '../../../functions/preventive/model.ts';

const period = { from: '2020-07-01', to: '2020-12-31' };
const visit = (over: Partial<{ institutionId: string; from: string; to: string; costTiyn: number; participantIds: string[] }> = {}) => ({ institutionId: 'i1', from: '2020-07-10', to: '2020-07-11', costTiyn: 100, ...over });
const known = new Set(['i1']);
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('Function: totalTiyn', () => {
  it('sums the visits in whole tiyn', () => {
    expect(totalTiyn([{ costTiyn: 125_000_050 }, { costTiyn: 50 }])).toBe(125_000_100);
    expect(totalTiyn([])).toBe(0);
  });
  it('refuses a total that is no longer an exact integer, naming the visits', () => {
    expect(() => totalTiyn([{ costTiyn: Number.MAX_SAFE_INTEGER }, { costTiyn: 2 }])).toThrow(InvalidInputError);
  });
});

describe('Function: visitProblems (p14.6: the timing of the visits within the plan)', () => {
  it('finds nothing wrong with visits inside the period, in the register', () => {
    expect(visitProblems(period, [visit(), visit({ from: '2020-12-31', to: '2020-12-31' })], known, new Set())).toEqual([]);
  });
  it.each([
    ['starts before the period', visit({ from: '2020-06-30' }), ['body.visits.0.from']],
    ['ends after the period', visit({ from: '2020-12-31', to: '2021-01-01' }), ['body.visits.0.to']],
    ['ends before it starts', visit({ from: '2020-08-02', to: '2020-08-01' }), ['body.visits.0.to']],
    ['names an institution not in the register', visit({ institutionId: 'nope' }), ['body.visits.0.institutionId']],
    ['names a participant not selected', visit({ participantIds: ['p9'] }), ['body.visits.0.participantIds.0']],
  ])('names the field of a visit that %s', (_what, given, expected) => {
    expect(fields(visitProblems(period, [given], known, new Set()))).toEqual(expected);
  });
  it('names a period that ends before it starts', () => {
    expect(fields(visitProblems({ from: '2020-12-31', to: '2020-07-01' }, [], known, new Set()))).toEqual(['body.period.to']);
  });
  it('speaks kk and ru in words only', () => {
    for (const p of visitProblems(period, [visit({ institutionId: 'x', from: '2020-01-01' })], known, new Set())) {
      expect(p.message.kk).not.toMatch(/[A-Za-z]/);
      expect(p.message.ru).not.toMatch(/[A-Za-z]/);
    }
  });
});

describe('Function: regionName, institutionTypeName', () => {
  it('names every region and type in kk, ru and en', () => {
    // kk and ru in Cyrillic words (the Russian names of Zhetisu and Ulytau keep their Kazakh letters), en in Latin ones: never the code itself.
    const cyrillic = /^[А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі .,()-]+$/;
    const words = { kk: cyrillic, ru: cyrillic, en: /^[A-Za-z '’.,()-]+$/ };
    for (const r of REGIONS) for (const l of ['kk', 'ru', 'en'] as const) expect(regionName(r)[l], r).toMatch(words[l]);
    for (const t of INSTITUTION_TYPES) for (const l of ['kk', 'ru', 'en'] as const) expect(institutionTypeName(t)[l], t).toMatch(words[l]);
    expect(regionName('almaty')).toMatchObject({ kk: 'Алматы қаласы', ru: 'город Алматы' });
    expect(regionName('abai')).toMatchObject({ kk: 'Абай облысы', ru: 'область Абай' });
  });
});
