import { describe, expect, it } from 'vitest';
import type { CouncilPeople, Member } from '../../../functions/membership/model.ts';
import type { Meeting } from '../../../functions/meetings/model.ts';
import { todosOf, type CouncilAgenda } from '../../../functions/reads/todos.ts';

const term = { councilId: 'c', start: '2020-02-01', end: '2024-02-01', status: 'active' as const, cohort: 'regular' as const };
const member = (id: string, sub: string): Member => ({ id, councilId: 'c', candidateId: `k-${id}`, name: `Мүше ${id}`, sub, electionId: 'e', status: 'active', terms: [{ ...term, memberId: id }] });
const people: CouncilPeople = {
  council: { id: 'c', name: { kk: 'К', ru: 'С', en: 'C' }, seats: 3, chairpersonSub: 'chair', createdOn: '2020-01-01' },
  members: [member('m1', 'sub-1'), member('m2', 'sub-2')],
  secretaries: [{ councilId: 'c', memberId: 'm1', on: '2020-02-02', by: 'chair' }],
  commissions: [{ id: 'k', councilId: 'c', voters: ['v'], formedOn: '2020-01-15' }],
  staff: [],
  participants: [],
};
const heldMeeting = (signed: ('chairperson' | 'secretary')[]): Meeting =>
  ({ id: 'h', councilId: 'c', kind: 'regular', date: '2020-06-05', status: 'held', signatures: signed.map((role) => ({ role, sub: 'x', name: 'x', signedAt: 'x', contentHash: 'x' })) }) as unknown as Meeting;
const agenda = (over: Partial<CouncilAgenda>): CouncilAgenda => ({ people, notices: [], meetings: [], sessions: [], demands: [], elections: [], ...over });

describe('Function: todosOf', () => {
  it('asks each signatory of held minutes until they signed (p28): the Chairperson and the Secretary of the meeting date', () => {
    const none = agenda({ meetings: [heldMeeting([])] });
    expect(todosOf(none, 'chair', '2020-06-10', new Set())).toEqual([{ kind: 'sign-minutes', meetingId: 'h', date: '2020-06-05', role: 'chairperson' }]);
    expect(todosOf(none, 'sub-1', '2020-06-10', new Set())).toEqual([{ kind: 'sign-minutes', meetingId: 'h', date: '2020-06-05', role: 'secretary' }]);
    expect(todosOf(none, 'sub-2', '2020-06-10', new Set())).toEqual([]);
    const chairSigned = agenda({ meetings: [heldMeeting(['chairperson'])] });
    expect(todosOf(chairSigned, 'chair', '2020-06-10', new Set())).toEqual([]);
    expect(todosOf(chairSigned, 'sub-1', '2020-06-10', new Set())).toHaveLength(1);
  });

  it('asks a voter for their ballot in an open round of their commission until their own receipt says they voted', () => {
    const open = agenda({ elections: [{ id: 'e2', councilId: 'c', commissionId: 'k', status: 'open', date: '2020-06-01' } as never] });
    expect(todosOf(open, 'v', '2020-06-10', new Set())).toEqual([{ kind: 'ballot', electionId: 'e2', date: '2020-06-01' }]);
    expect(todosOf(open, 'v', '2020-06-10', new Set(['e2']))).toEqual([]);
    expect(todosOf(open, 'sub-2', '2020-06-10', new Set())).toEqual([]);
    // Before the commission was formed, nobody votes in it.
    expect(todosOf(open, 'v', '2020-01-10', new Set())).toEqual([]);
  });

  it('gives nobody else’s to-dos: a person with no role has none', () => {
    expect(todosOf(agenda({ meetings: [heldMeeting([])] }), 'stranger', '2020-06-10', new Set())).toEqual([]);
  });
});
