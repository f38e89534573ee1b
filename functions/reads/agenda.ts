import type { Caller } from '../membership/access.ts';
import type { CouncilPeople } from '../membership/model.ts';
import { noticesFor } from '../meetings/notices.ts';
import type { ReadDeps } from './deps.ts';
import { ballotsOf, type CouncilAgenda } from './todos.ts';

/**
 * Reads what a council's to-dos are made of (functions/reads/todos.ts), once for everyone in it:
 * the Chairperson's notices (when asked: only the Chairperson has them), its meetings, those in
 * session with their attendance, open motions and votes, the demands and the open rounds.
 */
export async function agendaOf(deps: ReadDeps, people: CouncilPeople, today: string, withNotices: boolean): Promise<CouncilAgenda> {
  const cid = people.council.id;
  // The notices as the Chairperson reads them (GET …/notices), from the records already read.
  const chairperson: Caller = { identity: { sub: people.council.chairpersonSub, roles: [] }, access: ['chairperson'], people: Promise.resolve(people) };
  const [notices, meetings, demands, elections] = await Promise.all([
    withNotices ? noticesFor(deps, chairperson, cid, today) : [],
    deps.meetings.listMeetings(cid, '0000-01-01', '9999-12-31'),
    deps.reads.every(cid, 'demand'),
    deps.reads.every(cid, 'election'),
  ]);
  const sessions = await Promise.all(
    meetings
      .filter((m) => m.status === 'convened' && m.openMotions > 0)
      .map(async (meeting) => {
        const [attendance, motions] = await Promise.all([deps.meetings.listAttendance(cid, meeting.id), deps.meetings.listMotions(cid, meeting.id)]);
        const open = motions.filter((m) => m.status === 'open');
        return { meeting, attendance, motions: await Promise.all(open.map(async (motion) => ({ motion, votes: await deps.meetings.listVotes(cid, meeting.id, motion.id) }))) };
      }),
  );
  return { people, notices, meetings, sessions, demands: demands.filter((d) => d.status === 'collecting'), elections: elections.filter((e) => e.status === 'open') };
}

/** The open rounds `sub` voted in, from their own receipts: asked for that voter alone, never shown to another. */
export async function votedIn(deps: ReadDeps, agenda: CouncilAgenda, sub: string, today: string): Promise<Set<string>> {
  const rounds = ballotsOf(agenda, sub, today);
  const voted = await Promise.all(rounds.map((e) => deps.reads.hasVoted(e.councilId, e.id, sub)));
  return new Set(rounds.filter((_, i) => voted[i]).map((e) => e.id));
}
