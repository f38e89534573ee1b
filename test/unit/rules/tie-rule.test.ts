import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../functions/rules/index.ts';
import { law } from './law.ts';

/**
 * p25's tie rule must never make the law absurd (issue: "one more vote for, or one fewer
 * against, never turns adopted into rejected"). A property over the whole input space of the
 * `decision` question: any Council (1–60 members), any attendance, any split of the votes, any
 * presiding vote consistent with them, under each reading of the majority's base. Every step
 * that adds a vote for or takes a vote against away is tried, and the decision it leaves
 * adopted must stay adopted (or, when a member leaves, lose the quorum: never be rejected).
 */
type Vote = 'for' | 'against' | 'abstain' | 'none';
type Facts = { membersTotal: number; membersPresent: number; votesFor: number; votesAgainst: number; abstained: number; presidingVote: Vote };

const at = '2020-03-02';
const decide = async (facts: Facts, parameters: Record<string, unknown>) => (await evaluate(law, { question: 'decision', at, facts }, { parameters })).outcome;

/** Facts consistent with the question's checks: votes within those present, the presiding vote among the votes counted. */
const facts: fc.Arbitrary<Facts> = fc
  .integer({ min: 1, max: 60 })
  .chain((membersTotal) => fc.tuple(fc.constant(membersTotal), fc.integer({ min: 0, max: membersTotal })))
  .chain(([membersTotal, membersPresent]) =>
    fc.tuple(fc.constant(membersTotal), fc.constant(membersPresent), fc.integer({ min: 0, max: membersPresent }), fc.integer({ min: 0, max: membersPresent }), fc.integer({ min: 0, max: membersPresent })),
  )
  .filter(([, present, f, a, s]) => f + a + s <= present)
  .chain(([membersTotal, membersPresent, votesFor, votesAgainst, abstained]) => {
    const sides: Vote[] = ['none', ...(votesFor ? (['for'] as const) : []), ...(votesAgainst ? (['against'] as const) : []), ...(abstained ? (['abstain'] as const) : [])];
    return fc.constantFrom(...sides).map((presidingVote): Facts => ({ membersTotal, membersPresent, votesFor, votesAgainst, abstained, presidingVote }));
  });

const counted = (f: Facts): boolean =>
  f.votesFor + f.votesAgainst + f.abstained <= f.membersPresent &&
  f.membersPresent <= f.membersTotal &&
  (f.presidingVote !== 'for' || f.votesFor > 0) &&
  (f.presidingVote !== 'against' || f.votesAgainst > 0) &&
  (f.presidingVote !== 'abstain' || f.abstained > 0);

/**
 * Every way to add one vote for or take one vote against away. A voter who changes side may be
 * the person presiding (their vote changes with them) or not; a member who arrives, or leaves,
 * changes those present.
 */
function steps(f: Facts): [string, Facts][] {
  const moves: [string, Facts][] = [];
  const move = (name: string, change: Partial<Facts>) => {
    for (const presiding of [f.presidingVote, ...(name.startsWith('for') ? (['for'] as const) : [])]) {
      const next = { ...f, ...change, presidingVote: presiding };
      if (counted(next)) moves.push([`${name}${presiding !== f.presidingVote ? ' (the person presiding)' : ''}`, next]);
    }
  };
  move('for: an abstainer votes for', { votesFor: f.votesFor + 1, abstained: f.abstained - 1 });
  move('for: a member against votes for', { votesFor: f.votesFor + 1, votesAgainst: f.votesAgainst - 1 });
  move('for: a member present who had not voted votes for', { votesFor: f.votesFor + 1 });
  move('for: an absent member arrives and votes for', { votesFor: f.votesFor + 1, membersPresent: f.membersPresent + 1 });
  move('against fewer: a member against abstains', { votesAgainst: f.votesAgainst - 1, abstained: f.abstained + 1 });
  move('against fewer: a member against does not vote', { votesAgainst: f.votesAgainst - 1 });
  move('against fewer: a member against leaves', { votesAgainst: f.votesAgainst - 1, membersPresent: f.membersPresent - 1 });
  return moves.filter(([, next]) => next.votesFor >= 0 && next.votesAgainst >= 0 && next.abstained >= 0);
}

describe('p25: the tie rule never turns an adopted decision into a rejected one (default reading, equal halves)', { timeout: 120_000 }, () => {
  for (const base of ['all-members', 'present'] as const)
    it(`one more vote for, or one fewer against, keeps an adopted decision adopted (majority base: ${base})`, async () => {
      const parameters = { 'decision.majorityBase': base };
      await fc.assert(
        fc.asyncProperty(facts, async (before) => {
          if ((await decide(before, parameters)) !== 'adopted') return;
          for (const [step, after] of steps(before)) {
            const outcome = await decide(after, parameters);
            // A member leaving may lose the quorum; it never makes the vote go the other way.
            expect(outcome, `${JSON.stringify(before)} → ${step} → ${JSON.stringify(after)}`).not.toBe('rejected');
            if (after.membersPresent >= before.membersPresent) expect(outcome, `${step}: ${JSON.stringify(after)}`).toBe('adopted');
          }
        }),
        { numRuns: 3000 },
      );
    });

  it('the property holds for the reading majority-required too, and fails for the literal reading (which is why it is not the default)', async () => {
    const counterexample = { membersTotal: 10, membersPresent: 10, votesFor: 5, votesAgainst: 5, abstained: 0, presidingVote: 'for' } as const;
    const literal = { 'decision.tieRule': 'presiding-vote-decides' };
    expect(await decide(counterexample, literal)).toBe('adopted');
    expect(await decide({ ...counterexample, votesAgainst: 4, abstained: 1 }, literal)).toBe('rejected');
    const required = { 'decision.tieRule': 'majority-required' };
    await fc.assert(
      fc.asyncProperty(facts, async (before) => {
        if ((await decide(before, required)) !== 'adopted') return;
        for (const [step, after] of steps(before)) expect(await decide(after, required), step).not.toBe('rejected');
      }),
      { numRuns: 1000 },
    );
  });
});
