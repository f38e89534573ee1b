import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type Route } from '../../functions/api/routes.ts';
import { setToday } from '../../functions/clock.ts';
import { clean, receiptCode } from '../scenarios/membership.ts';
import { admin, outsider, seatCouncil, type Seated } from '../scenarios/council.ts';
import { startLocal } from './local.ts';

/**
 * The role matrix walked through HTTP: every council route, called on council X by each of X's
 * people (its Chairperson, Secretary, a member, a commission voter), by the administrator, by a
 * signed-in stranger, and by each of council Y's people. A role the route allows, held in X,
 * gets past the check (any answer but 403); every other caller, and everyone from Y, gets 403.
 * Ids in the paths are well formed but name nothing, so nothing is read that is not X's.
 */
const NONE = '00000000-0000-4000-8000-000000000000';
const bilingual = { kk: 'Мәтін', ru: 'Текст' };

/** A body each route accepts, so that the call reaches the role check (a 400 would come first). */
const bodies: Partial<Record<string, unknown>> = {
  'candidates.apply': { name: 'Үміткер', appliedOn: '2020-06-10', facts: clean },
  'candidates.declareFacts': { facts: clean, declaredOn: '2020-06-10' },
  'candidates.withdraw': { on: '2020-06-10' },
  'commissions.form': { voters: ['v-x'], formedOn: '2020-06-10' },
  'elections.open': { commissionId: NONE, date: '2020-06-10', seats: 1, candidateIds: [NONE] },
  'ballots.cast': { choices: [], receipt: receiptCode() },
  'lots.commit': { electionId: NONE, on: '2020-06-10' },
  'lots.reveal': { on: '2020-06-10' },
  'secretary.appoint': { memberId: NONE, on: '2020-06-10' },
  'members.leave': { noticeDate: '2020-06-10' },
  'members.acceptLeaving': { on: '2020-06-10' },
  'members.terminate': { ground: 3, factDate: '2020-06-10', evidence: ['акт'] },
  'meetings.convene': { kind: 'regular', date: '2020-06-10', instruction: 'тапсырма' },
  'meetings.agenda': { title: bilingual },
  'meetings.attendance': { present: true },
  'meetings.close': {},
  'motions.put': { itemId: NONE, kind: 'ordinary', title: bilingual },
  'motions.vote': { choice: 'for' },
  'motions.dissent': { text: 'Келіспеймін', language: 'kk' },
  'minutes.sign': {},
  'minutes.correct': { text: bilingual, reason: 'қате', on: '2020-06-10' },
  'demands.open': { reason: bilingual, on: '2020-06-10' },
  'demands.sign': { on: '2020-06-10' },
  'staff.authorise': { name: 'Қызметкер', on: '2020-06-10' },
  'staff.revoke': { on: '2020-06-10' },
  'complaintKeys.publish': { publicKey: 'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=', on: '2020-06-10' },
  'complaints.send': { keyId: NONE, sealed: 'A'.repeat(68), receipt: receiptCode(), category: 'other' },
  'complaints.consider': { status: 'accepted', summary: bilingual, on: '2020-06-10' },
  'complaints.reseal': { keyId: NONE, sealed: 'A'.repeat(68) },
  'institutions.add': { name: { kk: 'Мекеме', ru: 'Учреждение' }, type: 'penal', region: 'astana', addedOn: '2020-06-10' },
  'visitPlans.draft': { title: bilingual, period: { from: '2020-07-01', to: '2020-12-31' }, budgetTiyn: 100, visits: [], on: '2020-06-10' },
  'visitPlans.adopt': { decisionId: NONE },
  'participants.select': { name: 'Қатысушы', groups: ['astana'], decisionId: NONE },
  'participants.exclude': { region: 'astana', decisionId: NONE, reason: bilingual },
  'workPlans.draft': { year: 2020, items: [{ title: bilingual }] },
  'workPlans.approve': { on: '2020-06-10' },
  'reportingForms.approve': { schema: { type: 'object' }, decisionId: NONE },
  'visitReports.file': { institutionId: NONE, visitDate: '2020-06-10', answers: {} },
  'visitReports.consent': { field: 'detainee', givenOn: '2020-06-10', evidence: 'папка' },
  'recommendations.make': { kind: 'recommendation', text: bilingual, addressee: 'Орган', decisionId: NONE },
  'recommendations.send': { sentOn: '2020-06-10', responseDueOn: '2020-07-10' },
  'recommendations.respond': { receivedOn: '2020-06-10', status: 'accepted', summary: bilingual },
};
const queries: Partial<Record<string, string>> = { 'ballots.verify': `?receipt=${receiptCode()}`, 'visitReports.analysis': '?from=2020-01-01&to=2020-12-31' };

// Public routes (a complaint's intake, the council's public key) check no role: the complaints tests cover them.
const councilRoutes = (routes as readonly Route[]).filter((r) => r.path.includes('{councilId}') && r.access !== 'public');
const roles = ['chairperson', 'secretary', 'member', 'voter', 'staff'] as const;
/** What each person holds in their council: the Secretary is a member too (p9). */
const holds: Record<(typeof roles)[number], string[]> = { chairperson: ['chairperson'], secretary: ['secretary', 'member'], member: ['member'], voter: ['voter'], staff: ['staff'] };

describe('the role matrix through HTTP: own council, other council, every route', () => {
  let local: Awaited<ReturnType<typeof startLocal>>;
  let x: Seated;
  let y: Seated;
  beforeAll(async () => {
    local = await startLocal();
    setToday('2020-06-10');
    [x, y] = await Promise.all([seatCouncil(local, 'matrix-x'), seatCouncil(local, 'matrix-y')]);
  });
  afterAll(async () => {
    setToday(undefined);
    await local.close();
  });

  const pathOf = (route: Route, councilId: string) =>
    route.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'councilId' ? councilId : name === 'attendeeId' || name === 'voterId' ? 'chairperson' : NONE)) + (queries[route.id] ?? '');
  const call = (route: Route, as: { sub: string; roles?: 'admin'[] }) => local.call(route.method, pathOf(route, x.councilId), { as, body: route.body ? bodies[route.id] : undefined });

  it('has a body for every council route that takes one', () => {
    expect(councilRoutes.filter((r) => r.body && !(r.id in bodies)).map((r) => r.id)).toEqual([]);
  });

  it.each(councilRoutes.map((r) => [r.id, r] as const))('%s: allowed roles of X pass, everyone else is refused', async (_id, route) => {
    const allowed = route.access === 'public' ? undefined : (route.access as readonly string[]);
    const seen: Record<string, number> = {};
    for (const role of roles) seen[`X ${role}`] = (await call(route, x.people[role])).status;
    for (const role of roles) seen[`Y ${role}`] = (await call(route, y.people[role])).status;
    seen.admin = (await call(route, admin)).status;
    seen.stranger = (await call(route, outsider)).status;
    seen.anonymous = (await local.call(route.method, pathOf(route, x.councilId), { body: route.body ? bodies[route.id] : undefined })).status;

    const expected: Record<string, string> = {};
    for (const role of roles) expected[`X ${role}`] = holds[role].some((held) => allowed?.includes(held)) ? 'passes' : 'refused';
    for (const role of roles) expected[`Y ${role}`] = 'refused';
    expected.admin = allowed?.includes('admin') ? 'passes' : 'refused';
    expected.stranger = 'refused';
    expected.anonymous = 'unauthenticated';
    const got = Object.fromEntries(Object.entries(seen).map(([who, status]) => [who, status === 401 ? 'unauthenticated' : status === 403 ? 'refused' : status >= 500 ? `error ${status}` : 'passes']));
    expect(got, JSON.stringify(seen)).toEqual(expected);
  });
});
