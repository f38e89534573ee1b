import { rolesOf, secretaryOn } from '../membership/access.ts';
import type { CouncilPeople, Election } from '../membership/model.ts';
import type { NoticeView } from '../meetings/notices.ts';
import type { Bilingual } from '../meetings/minutes-doc.ts';
import { CHAIRPERSON, type ExtraordinaryDemand, type Meeting, type Motion, type Vote } from '../meetings/model.ts';
import type { Attendance } from '../meetings/store.ts';

/** What a person must do now in a council, with the ids (and words) a page needs to link to it. */
export type Todo =
  | { kind: 'notice'; notice: NoticeView }
  | { kind: 'sign-minutes'; meetingId: string; date: string; role: 'chairperson' | 'secretary' }
  | { kind: 'next-meeting'; meetingId: string; date: string }
  | { kind: 'vote'; meetingId: string; motionId: string; date: string; title: Bilingual }
  | { kind: 'sign-demand'; demandId: string; reason: Bilingual }
  | { kind: 'ballot'; electionId: string; date: string };

/** A meeting in session with its open motions: who is present, and who voted on each. */
export type Session = { meeting: Meeting; attendance: Attendance[]; motions: { motion: Motion; votes: Vote[] }[] };

/**
 * What a council holds that to-dos are made of, read once for everyone in it: the Chairperson's
 * notices, its meetings (by date), the meetings in session with open motions, the demands still
 * collecting signatures, the election rounds open.
 */
export type CouncilAgenda = {
  people: CouncilPeople;
  notices: NoticeView[];
  meetings: Meeting[];
  sessions: Session[];
  demands: ExtraordinaryDemand[];
  elections: Election[];
};

/**
 * The open rounds in which `sub` may vote today: voters of the round's commission (p8), formed by
 * today. Whether they voted is asked of their own receipt (ReadStore.hasVoted), for them alone.
 */
export function ballotsOf(agenda: CouncilAgenda, sub: string, today: string): Election[] {
  return agenda.elections.filter((e) => e.status === 'open' && agenda.people.commissions.some((c) => c.id === e.commissionId && c.formedOn <= today && c.voters.includes(sub)));
}

/**
 * A person's to-dos in one council today, from its records (roles on the date, access.ts):
 * - the Chairperson: every notice before them (as GET …/notices lists them);
 * - the Chairperson, and the Secretary of the meeting's date: minutes held, not sealed, that
 *   await their signature (p28);
 * - the Secretary and members: the next meeting convened on or after today;
 * - a member (or the Chairperson) present at a meeting in session: each open motion they have not voted on;
 * - a member: each demand for an extraordinary meeting (p21) still collecting that they have not signed;
 * - a voter of an open round's commission who has not voted (`voted`: from their own receipts).
 *
 * @example
 * todosOf(agenda, 'm-2', '2020-06-10', new Set()); // [{ kind: 'next-meeting', meetingId: '…', date: '2020-06-12' }]
 */
export function todosOf(agenda: CouncilAgenda, sub: string, today: string, voted: ReadonlySet<string>): Todo[] {
  const { people } = agenda;
  const { roles, member } = rolesOf(people, sub, today);
  const isChairperson = roles.has('chairperson');
  const todos: Todo[] = [];
  if (isChairperson) todos.push(...agenda.notices.map((notice) => ({ kind: 'notice' as const, notice })));
  for (const meeting of agenda.meetings.filter((m) => m.status === 'held' && !m.sealedAt)) {
    const mine: ('chairperson' | 'secretary')[] = [];
    if (isChairperson) mine.push('chairperson');
    if (secretaryOn(people, meeting.date)?.sub === sub) mine.push('secretary');
    for (const role of mine.filter((r) => !meeting.signatures.some((s) => s.role === r))) todos.push({ kind: 'sign-minutes', meetingId: meeting.id, date: meeting.date, role });
  }
  if (member) {
    const next = agenda.meetings.find((m) => m.status === 'convened' && m.date >= today);
    if (next) todos.push({ kind: 'next-meeting', meetingId: next.id, date: next.date });
  }
  for (const { meeting, attendance, motions } of agenda.sessions) {
    const at = rolesOf(people, sub, meeting.date);
    const id = at.roles.has('chairperson') ? CHAIRPERSON : at.member?.id;
    if (!id || !attendance.some((a) => a.attendeeId === id && a.present)) continue;
    for (const { motion, votes } of motions) {
      if (motion.status === 'open' && !votes.some((v) => v.voterId === id)) todos.push({ kind: 'vote', meetingId: meeting.id, motionId: motion.id, date: meeting.date, title: motion.title });
    }
  }
  if (member) {
    for (const demand of agenda.demands.filter((d) => d.status === 'collecting' && !d.signatories.includes(member.id))) todos.push({ kind: 'sign-demand', demandId: demand.id, reason: demand.reason });
  }
  for (const election of ballotsOf(agenda, sub, today).filter((e) => !voted.has(e.id))) todos.push({ kind: 'ballot', electionId: election.id, date: election.date });
  return todos;
}
