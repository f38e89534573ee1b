import { describe, expect, it } from 'vitest';
import { LegalRefusalError } from '../../../functions/errors.ts';
import type { PreventiveDeps } from '../../../functions/preventive/deps.ts';
import type { Participant } from '../../../functions/preventive/model.ts';
import { excludeParticipant } from '../../../functions/preventive/participants.ts';

/**
 * p14.14 was added by Order No. 5 of 2019 (in force from 2019-04-14): a decision dated before it
 * cannot exclude a participant. Through HTTP no decision before 2019-04-14 can be adopted (p25's
 * earlier wording is unknown too), so the domain is tested here with a stored 2018 decision.
 */
function world(decisionAt: string, wording: 'known' | 'unknown') {
  const participant: Participant = { councilId: 'c1', id: 'p1', name: 'Қатысушы', selectedOn: '2018-01-10', selectedBy: { decisionId: 'd0', motionId: 'm0' }, groups: [{ region: 'astana', from: '2018-01-10' }] };
  const written: unknown[] = [];
  const people = { council: { id: 'c1', chairpersonSub: 'chair' }, members: [], secretaries: [], commissions: [], staff: [], participants: [] };
  const deps = {
    store: {
      people: async () => people,
      getDecision: async () => ({ id: 'd1', councilId: 'c1', question: 'decision', outcome: 'adopted', at: decisionAt, subject: { kind: 'motion', id: 'm1' }, reasons: [], facts: {} }),
    },
    law: {},
    preventive: { getParticipant: async () => participant, endGroupMembership: async (p: Participant) => void written.push(p) },
    pointOn: async () => wording,
  } as unknown as PreventiveDeps;
  return { deps, written };
}
const caller = { identity: { sub: 'chair', roles: [] }, access: ['chairperson'] as const } as never;
const input = { region: 'astana' as const, decisionId: 'd1', reason: { kk: 'Күмән', ru: 'Сомнение' }, today: '2020-01-01' };

describe('Function: excludeParticipant (p14.14)', () => {
  it('refuses a decision dated before p14.14 was in force, citing it, and writes nothing', async () => {
    const { deps, written } = world('2018-06-01', 'unknown');
    const refused = await excludeParticipant(deps, caller, 'c1', 'p1', input).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LegalRefusalError);
    expect((refused as LegalRefusalError).reasons!.map((r) => r.point)).toEqual(['p14.14']);
    expect((refused as LegalRefusalError).text.ru).toContain('подп. 14) п. 14');
    expect(written).toEqual([]);
  });
  it('ends the group membership on the decision date once p14.14 is in force', async () => {
    const { deps, written } = world('2019-05-01', 'known');
    const done = await excludeParticipant(deps, caller, 'c1', 'p1', input);
    expect(done.groups[0]).toMatchObject({ region: 'astana', from: '2018-01-10', to: '2019-05-01', excludedBy: { decisionId: 'd1', on: '2019-05-01' } });
    expect(written).toHaveLength(1);
  });
});

describe('the law of rules/ on p14.14', () => {
  it('has no known wording of p14.14 in 2018 and one from 2019-04-14', async () => {
    const { buildLaw, defaultRulesDir, readRulesDir, versionInForce } = await import('../../../functions/rules/index.ts');
    const law = buildLaw(readRulesDir(defaultRulesDir()));
    const wording = (at: string) => {
      const found = versionInForce(law, at);
      return found.inForce ? found.version.state.points['p14.14'] : undefined;
    };
    expect(wording('2018-06-01')?.unknown).toBe(true);
    expect(wording('2019-04-13')?.unknown).toBe(true);
    expect(wording('2019-04-14')?.unknown).toBeFalsy();
    expect(wording('2019-04-14')?.ru).toContain('региональных групп');
  });
});
