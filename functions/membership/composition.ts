import { auditEntry } from '../audit.ts';
import { addMonths, addYears } from '../clock.ts';
import type { Election } from './model.ts';
import { authorize, secretaryOn, type Caller } from './access.ts';
import type { MembershipDeps } from './deps.ts';
import { termOn } from './changes.ts';

/**
 * GET /v1/councils/{councilId}/members: who sits on `at`, with roles and term ends, the
 * Chairperson (the Commissioner, p15.1), the Secretary (p9) and the vacancies; plus every
 * member's whole history (every term and how it ended: nothing is deleted).
 */
export async function composition(deps: MembershipDeps, caller: Caller, councilId: string, at: string, today: string) {
  const { people } = await authorize(deps, caller, councilId, [at, today]);
  const { council, members } = people;
  const secretary = secretaryOn(people, at);
  const current = members
    .map((member) => ({ member, term: termOn(member, at) }))
    .filter((entry) => entry.term)
    .map(({ member, term }) => ({
      id: member.id,
      name: member.name,
      roles: member.id === secretary?.id ? ['member', 'secretary'] : ['member'],
      termStart: term!.start,
      termEnd: term!.end,
      cohort: term!.cohort,
    }));
  return {
    councilId,
    at,
    chairperson: { sub: council.chairpersonSub, point: 'p15.1' },
    secretaryMemberId: secretary?.id,
    /** p9: every appointment, dated; the Secretary on a date is the latest one still in office. */
    secretaries: people.secretaries.map(({ memberId, on }) => ({ memberId, on })),
    seats: council.seats,
    current,
    vacancies: Math.max(0, council.seats - current.length),
    history: members.map((m) => ({ id: m.id, name: m.name, status: m.status, electionId: m.electionId, terms: m.terms })),
  };
}

/**
 * The scheduled `term-expiry` job (p11: elections no later than one month before the powers
 * expire). A term whose deadline (`election.noticeBeforeExpiry` before its end) falls within the
 * warning period (`election.warningBeforeDeadline`) is flagged for the Chairperson's notices,
 * with its deadline, unless an election for that half is already held or under way; ended terms
 * are closed. It reads only terms ending by the window's end, through the end-date index;
 * running it twice changes nothing more.
 */
export async function checkTermExpiry(deps: MembershipDeps, today: string) {
  const [{ months: noticeMonths }, { months: warningMonths }] = await Promise.all([
    deps.law.parameter<{ months: number }>('election.noticeBeforeExpiry', today),
    deps.law.parameter<{ months: number }>('election.warningBeforeDeadline', today),
  ]);
  const windowEnd = addMonths(today, noticeMonths + warningMonths);
  const terms = await deps.store.termsEndingBy(windowEnd);
  let closed = 0;
  let flagged = 0;
  const electionsOf = new Map<string, Promise<Election[]>>();
  for (const term of terms) {
    if (term.end <= today) {
      const audit = auditEntry(term.councilId, 'system', 'term-expired', { kind: 'member', id: term.memberId }, { on: term.end, point: 'p11' });
      if (await deps.store.endTerm(term, term.end, { kind: 'expired', point: 'p11' }, {}, { audit })) closed++;
      continue;
    }
    if (!electionsOf.has(term.councilId)) electionsOf.set(term.councilId, deps.store.listElections(term.councilId));
    if (electedFor(term.end, await electionsOf.get(term.councilId)!)) continue;
    if (await deps.store.flagTerm(term, today, addMonths(term.end, -noticeMonths))) flagged++;
  }
  return { today, windowEnd, examined: terms.length, closed, flagged };
}

/**
 * Whether an election for the half whose terms end on `end` is held or under way: a renewal or
 * vacancy election whose terms begin within the year before that end (the other half's renewal,
 * two years apart, is not it). Such an election satisfies p11's duty for those seats.
 */
export function electedFor(end: string, elections: Election[]): boolean {
  return elections.some((e) => e.kind !== 'first' && e.termStart <= end && e.termStart > addYears(end, -1));
}
