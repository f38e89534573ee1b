import { authorize, type Caller } from '../membership/access.ts';
import { electedFor } from '../membership/composition.ts';
import type { MeetingDeps } from './deps.ts';
import type { Notice } from './store.ts';
import { isOverdue } from '../reports/recommendation-status.ts';

/** What the Chairperson must act on, as one list: each notice says what, since when, and what to do it with. */
export type NoticeView =
  | (Notice & { kind: 'extraordinary-demand' | 'quarter-warning' | 'quarter-missed' })
  | { id: string; to: 'chairperson'; kind: 'election-due'; ref: string; on: string; termEnd: string; deadline: string; memberIds: string[] }
  | { id: string; to: 'chairperson'; kind: 'leaving-notice'; ref: string; on: string; memberId: string; leaving: 'renunciation' | 'notice' }
  | { id: string; to: 'chairperson'; kind: 'recommendation-overdue'; ref: string; on: string; addressee: string; dueOn: string }
  | { id: string; to: 'chairperson'; kind: 'complaint-received'; ref: string; on: string };

/**
 * The Chairperson's notices: extraordinary demands before them (p21) until a meeting answers
 * them; quarters without a meeting (p20); seats whose election is due by p11's deadline (from
 * the term-expiry job's flags, until an election for that half is held or under way); and
 * members' leaving notices awaiting acceptance (p12, p15.7); recommendations and proposals whose
 * response is overdue (p14.11, p14.12); complaints of torture awaiting acceptance (p15.6), each
 * with the ids to act on it.
 */
export async function noticesFor(deps: MeetingDeps, caller: Caller, councilId: string, today: string): Promise<NoticeView[]> {
  const { people } = await authorize(deps, caller, councilId, today);
  const [stored, flags, elections, leaving, recommendations, complaints] = await Promise.all([
    deps.meetings.listNotices(councilId),
    deps.store.listFlags(councilId),
    deps.store.listElections(councilId),
    deps.store.listLeavingNotices(councilId),
    deps.recommendations?.listRecommendations(councilId) ?? [],
    deps.complaints.awaiting(councilId, today),
  ]);
  const demands = await Promise.all(stored.filter((n) => n.kind === 'extraordinary-demand').map((n) => deps.meetings.getDemand(councilId, n.ref)));
  const answered = new Set(demands.filter((d) => d?.status === 'convened').map((d) => d!.id));
  const due = new Map<string, { flaggedOn: string; deadline: string; memberIds: string[] }>();
  // A flag stands while its term is still running and no election for that half is held or under way.
  const running = (f: { memberId: string; termEnd: string }) => people.members.some((m) => m.id === f.memberId && m.terms.some((t) => t.status === 'active' && t.end === f.termEnd));
  for (const flag of flags.filter((f) => running(f) && !electedFor(f.termEnd, elections))) {
    const entry = due.get(flag.termEnd) ?? { flaggedOn: flag.flaggedOn, deadline: flag.deadline, memberIds: [] };
    entry.memberIds.push(flag.memberId);
    due.set(flag.termEnd, entry);
  }
  const active = new Set(people.members.filter((m) => m.status === 'active').map((m) => m.id));
  return [
    ...stored.filter((n) => !(n.kind === 'extraordinary-demand' && answered.has(n.ref))),
    ...[...due].map(([termEnd, d]) => ({ id: `election-due-${termEnd}`, to: 'chairperson' as const, kind: 'election-due' as const, ref: termEnd, on: d.flaggedOn, termEnd, deadline: d.deadline, memberIds: d.memberIds })),
    ...leaving
      .filter((n) => !n.acceptedOn && active.has(n.memberId))
      .map((n) => ({ id: `leaving-${n.id}`, to: 'chairperson' as const, kind: 'leaving-notice' as const, ref: n.id, on: n.noticeDate, memberId: n.memberId, leaving: n.kind ?? 'notice' })),
    // p14.11, p14.12: a recommendation sent whose response is overdue, until the authority answers.
    ...recommendations
      .filter((r) => isOverdue(r, today))
      .map((r) => ({ id: `recommendation-overdue-${r.id}`, to: 'chairperson' as const, kind: 'recommendation-overdue' as const, ref: r.id, on: r.sending!.responseDueOn, addressee: r.addressee, dueOn: r.sending!.responseDueOn })),
    // p15.6: a complaint of torture received and not yet accepted for consideration (nothing of it but its date).
    ...complaints.map((c) => ({ id: `complaint-received-${c.id}`, to: 'chairperson' as const, kind: 'complaint-received' as const, ref: c.id, on: c.receivedOn })),
  ] as NoticeView[];
}
