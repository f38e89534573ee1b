import { describe, expect, it } from 'vitest';
import { checkCase } from '../../../functions/rules/cases.ts';
import { Case } from '../../../functions/rules/document.ts';
import { QUESTIONS } from '../../../functions/rules/index.ts';
import { caseFiles, law } from './law.ts';

/**
 * Runs every case of rules/cases/*.yaml: one test per case, named by its sentence. The cases
 * are the law's expected answers, written for lawyers; checkCase is the very check an
 * amendment must pass before it is accepted.
 */
const files = caseFiles();

it('has a case file for every question', () => {
  expect(files.map((f) => f.question).sort()).toEqual([...QUESTIONS].sort());
});

for (const file of files) {
  describe(`cases: ${file.question}`, () => {
    for (const raw of file.cases) {
      const c = Case.parse(raw);
      it(c.name, async () => {
        expect((await checkCase(law, file.question, c))?.en).toBeUndefined();
      });
    }
  });
}

describe('Function: checkCase', () => {
  const base = { name: 'n', at: '2020-01-01', facts: { membersTotal: 10, membersPresent: 6 }, points: ['p22'] };

  it.each<[string, Record<string, unknown>, string]>([
    ['another outcome', { outcome: 'not-quorate' }, 'outcome: expected not-quorate, the law answers quorate (p22)'],
    ['other points', { outcome: 'quorate', points: ['p25'] }, 'points: expected ["p25"], the law answers ["p22"]'],
    ['another version', { outcome: 'quorate', version: 'order-5-2019' }, 'version: expected order-5-2019, the law answers order-15-2019'],
    ['a refusal where the law answers', { refusal: { status: 422 } }, 'refusal: expected 422, the law answers quorate'],
    ['an answer where the law refuses', { at: '2023-02-01', outcome: 'quorate' }, 'outcome: expected quorate, the law answers 422 act-repealed'],
    ['another refusal code', { at: '2023-02-01', refusal: { status: 422, code: 'act-not-in-force' }, points: ['order-1-2023'] }, 'refusal.code: expected act-not-in-force, the law answers act-repealed'],
  ])('says what differs: %s', async (_, change, expected) => {
    const text = await checkCase(law, 'quorum', Case.parse({ ...base, ...change }));
    expect(text?.en).toBe(expected);
    expect(text?.kk).toMatch(/\S/);
    expect(text?.ru).toMatch(/\S/);
  });

  it('passes a case the law answers as expected', async () => {
    expect(await checkCase(law, 'quorum', Case.parse({ ...base, outcome: 'quorate', version: 'order-15-2019' }))).toBeUndefined();
  });
});
