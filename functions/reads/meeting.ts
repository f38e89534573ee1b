import { authorize, inOffice, rolesOf, secretaryOn, type Caller } from '../membership/access.ts';
import type { CouncilPeople } from '../membership/model.ts';
import { isPresiding, readMeeting } from '../meetings/meetings.ts';
import { CHAIRPERSON, type Acting, type Meeting, type Motion, type Vote } from '../meetings/model.ts';
import type { Attendance } from '../meetings/store.ts';
import type { ReadDeps } from './deps.ts';
import { chairpersonName, named, nameOf } from './names.ts';

/**
 * GET …/meetings/{m}: the meeting with its quorum (p22) and motions (functions/meetings), and
 * around it what the meeting desk shows: who presides and who keeps the minutes, everyone sitting
 * that day with their presence, each motion's votes by name and who present has not voted, and
 * who the caller is at it.
 */
export async function readMeetingView(deps: ReadDeps, caller: Caller, councilId: string, meetingId: string, today: string) {
  const detail = await readMeeting(deps, caller, councilId, meetingId, today);
  const [{ people }, attendance, votes] = await Promise.all([
    authorize(deps, caller, councilId),
    deps.meetings.listAttendance(councilId, meetingId),
    Promise.all(detail.motions.map((m) => deps.meetings.listVotes(councilId, meetingId, m.id))),
  ]);
  return { ...detail, ...meetingAround({ meeting: detail, motions: detail.motions, people, attendance, votes, sub: caller.identity?.sub }) };
}

/** The names and presence around a meeting, from the council's records on its date (pure). */
export function meetingAround(input: { meeting: Meeting; motions: Motion[]; people: CouncilPeople; attendance: Attendance[]; votes: Vote[][]; sub?: string }) {
  const { meeting, people, attendance } = input;
  const secretary = secretaryOn(people, meeting.date);
  const presence = (id: string) => attendance.find((a) => a.attendeeId === id)?.present ?? null;
  const sitting = [
    { id: CHAIRPERSON, name: chairpersonName(people.council), present: presence(CHAIRPERSON), capacity: 'chairperson' as const },
    ...people.members
      .filter((m) => inOffice(m, meeting.date))
      // The Secretary after the Chairperson, then the members by name.
      .sort((a, b) => Number(b.id === secretary?.id) - Number(a.id === secretary?.id) || a.name.localeCompare(b.name, 'kk'))
      .map((m) => ({ id: m.id, name: m.name, present: presence(m.id), capacity: m.id === secretary?.id ? ('secretary' as const) : ('member' as const) })),
  ];
  const present = sitting.filter((s) => s.present === true).map((s) => s.id);
  const acting = (a: Acting) => (a.capacity === 'chairperson' ? { ...a, id: CHAIRPERSON, name: chairpersonName(people.council) } : { ...a, id: a.memberId, name: nameOf(people, a.memberId) });
  const at = input.sub ? rolesOf(people, input.sub, meeting.date) : undefined;
  const isChairperson = Boolean(at?.roles.has('chairperson'));
  const myId = isChairperson ? CHAIRPERSON : at?.member?.id;
  return {
    presiding: acting(meeting.presiding),
    convenedBy: acting(meeting.convenedBy),
    ...(secretary ? { secretary: { memberId: secretary.id, name: secretary.name } } : {}),
    agenda: meeting.agenda.map((item) => ({ ...item, ...(item.submittedBy ? { submitter: named(people, item.submittedBy) } : {}) })),
    attendance: sitting,
    motions: input.motions.map((motion, i) => {
      const votes = input.votes[i] ?? [];
      return {
        ...motion,
        ...(motion.subjectMemberId ? { subject: named(people, motion.subjectMemberId) } : {}),
        votes: votes.map((v) => ({ voterId: v.voterId, name: nameOf(people, v.voterId), choice: v.choice, ...(v.enteredBy ? { enteredBy: named(people, v.enteredBy) } : {}) })),
        notVoted: present.filter((id) => !votes.some((v) => v.voterId === id)).map((id) => named(people, id)),
      };
    }),
    me: { ...(myId ? { id: myId } : {}), isPresiding: Boolean(myId && isPresiding(meeting, myId)), isSecretary: Boolean(at?.roles.has('secretary')), isChairperson },
  };
}
