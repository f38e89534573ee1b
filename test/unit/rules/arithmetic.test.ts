import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../functions/rules/index.ts';
import { law } from './law.ts';

/**
 * The shares are compared in integers. For every Council of 1..15 members and every count, the
 * engine's answer equals the exact integer formula of the point (no float, no rounding).
 */
const at = '2020-01-01';
const totals = Array.from({ length: 15 }, (_, i) => i + 1);
const upTo = (n: number) => Array.from({ length: n + 1 }, (_, i) => i);
const ask = async (question: string, facts: Record<string, unknown>, parameters?: Record<string, unknown>) =>
  (await evaluate(law, { question, at, facts }, { parameters })).outcome;

// Exhaustive loops: thousands of evaluations, seconds alone and longer on a busy machine.
describe('integer arithmetic of the shares', { timeout: 30_000 }, () => {
  it('p22 quorum: quorate exactly when 2 × present > total', async () => {
    for (const membersTotal of totals)
      for (const membersPresent of upTo(membersTotal))
        expect(await ask('quorum', { membersTotal, membersPresent }), `${membersPresent}/${membersTotal}`).toBe(2 * membersPresent > membersTotal ? 'quorate' : 'not-quorate');
  });

  it('p25 decision: adopted exactly when 2 × for > total, or 2 × for = total (two equal halves) and the person presiding voted for', async () => {
    for (const membersTotal of totals)
      for (const membersPresent of upTo(membersTotal).slice(1))
        for (const votesFor of upTo(membersPresent))
          for (const votesAgainst of upTo(membersPresent - votesFor)) {
            const abstained = membersPresent - votesFor - votesAgainst;
            const sides = ['none', ...([votesFor && 'for', votesAgainst && 'against', abstained && 'abstain'].filter(Boolean) as string[])];
            for (const presidingVote of sides) {
              const halves = 2 * votesFor === membersTotal && presidingVote === 'for';
              const expected = 2 * membersPresent <= membersTotal ? 'not-quorate' : 2 * votesFor > membersTotal || halves ? 'adopted' : 'rejected';
              const facts = { membersTotal, membersPresent, votesFor, votesAgainst, abstained, presidingVote };
              expect(await ask('decision', facts), JSON.stringify(facts)).toBe(expected);
            }
          }
  });

  it('p25 decision, literal tie rule: adopted exactly when 2 × for > total, or on a tie the person presiding voted for', async () => {
    const literal = { 'decision.tieRule': 'presiding-vote-decides' };
    for (const membersTotal of totals)
      for (const membersPresent of upTo(membersTotal).slice(1))
        for (const votesFor of upTo(membersPresent))
          for (const votesAgainst of upTo(membersPresent - votesFor)) {
            const abstained = membersPresent - votesFor - votesAgainst;
            const presidingVote = votesFor ? 'for' : 'none';
            const tie = votesFor === votesAgainst && votesFor > 0;
            const expected = 2 * membersPresent <= membersTotal ? 'not-quorate' : 2 * votesFor > membersTotal || tie ? 'adopted' : 'rejected';
            const facts = { membersTotal, membersPresent, votesFor, votesAgainst, abstained, presidingVote };
            expect(await ask('decision', facts, literal), JSON.stringify(facts)).toBe(expected);
          }
  });

  it('p25 decision, reading present: adopted exactly when 2 × for > present, or 2 × for = present and the person presiding voted for', async () => {
    for (const membersTotal of totals)
      for (const membersPresent of upTo(membersTotal).slice(1))
        for (const votesFor of upTo(membersPresent)) {
          const facts = { membersTotal, membersPresent, votesFor, votesAgainst: 0, abstained: membersPresent - votesFor, presidingVote: votesFor ? 'for' : 'abstain' };
          const expected = 2 * membersPresent <= membersTotal ? 'not-quorate' : 2 * votesFor >= membersPresent && votesFor > 0 ? 'adopted' : 'rejected';
          expect(await ask('decision', facts, { 'decision.majorityBase': 'present' }), JSON.stringify(facts)).toBe(expected);
        }
  });

  it('p25 termination: adopted exactly when 3 × for ≥ 2 × present', async () => {
    for (const membersTotal of totals)
      for (const membersPresent of upTo(membersTotal))
        for (const votesFor of upTo(membersPresent)) {
          const facts = { membersTotal, membersPresent, votesFor, votesAgainst: membersPresent - votesFor, abstained: 0 };
          const expected = 2 * membersPresent <= membersTotal ? 'not-quorate' : 3 * votesFor >= 2 * membersPresent ? 'adopted' : 'rejected';
          expect(await ask('termination-vote', facts), JSON.stringify(facts)).toBe(expected);
        }
  });

  it('p32 dissolution: every member present, then 2 × for > present', async () => {
    for (const membersTotal of totals)
      for (const membersPresent of upTo(membersTotal))
        for (const votesFor of upTo(membersPresent)) {
          const facts = { membersTotal, seats: membersTotal, membersPresent, votesFor, votesAgainst: 0, abstained: 0 };
          const expected = membersPresent < membersTotal ? 'not-full-membership' : 2 * votesFor > membersPresent ? 'adopted' : 'rejected';
          expect(await ask('dissolution', facts), JSON.stringify(facts)).toBe(expected);
        }
  });

  it('p21 extraordinary meeting: may be convened exactly when 3 × demanding ≥ total', async () => {
    for (const membersTotal of totals)
      for (const membersDemanding of upTo(membersTotal))
        expect(await ask('extraordinary-meeting', { membersTotal, membersDemanding })).toBe(3 * membersDemanding >= membersTotal ? 'may-convene' : 'insufficient-demand');
  });

  it('p10 election: elected exactly when 2 × votes > ballots cast (blank ones included), or > ballots with a choice under the other reading', async () => {
    for (const ballotsCast of upTo(12))
      for (const blankBallots of upTo(ballotsCast))
        for (const votesForCandidate of upTo(ballotsCast - blankBallots)) {
          const facts = { ballotsCast, blankBallots, votesForCandidate };
          expect(await ask('election', facts), JSON.stringify(facts)).toBe(2 * votesForCandidate > ballotsCast ? 'elected' : 'not-elected');
          const choice = await ask('election', facts, { 'election.majorityBase': 'ballots-with-choice' });
          expect(choice, JSON.stringify(facts)).toBe(2 * votesForCandidate > ballotsCast - blankBallots ? 'elected' : 'not-elected');
        }
  });
});
