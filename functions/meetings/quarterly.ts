import { addDays } from '../clock.ts';
import type { MeetingDeps } from './deps.ts';

/** The calendar quarter of a date: its label and first and last days. */
export function quarterOf(date: string) {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3);
  const start = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const next = q === 3 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 4).padStart(2, '0')}-01`;
  return { label: `${y}-Q${q + 1}`, start, end: addDays(next, -1) };
}

/**
 * The scheduled `quarterly` check (p20: meetings at least once a quarter): for every council,
 * a quarter that ended with no meeting held is flagged, and the Chairperson is warned when the
 * current quarter nears its end (`meetings.quarterWarning` before it) with none held or
 * convened. Notices are keyed by quarter, so running it twice changes nothing more.
 */
export async function checkQuarter(deps: MeetingDeps, today: string) {
  const current = quarterOf(today);
  const previous = quarterOf(addDays(current.start, -1));
  let missed = 0;
  let warned = 0;
  // After the repeal (or before the act) no quarter is owed.
  const inForce = await deps.law.assertInForce(today).then(() => true, () => false);
  if (!inForce) return { today, quarter: current.label, missed, warned, inForce };
  for (const council of await deps.meetings.listCouncils()) {    if (council.createdOn <= previous.start) {
      const held = (await deps.meetings.listMeetings(council.id, previous.start, previous.end)).filter((m) => m.status === 'held');
      if (!held.length && (await deps.meetings.putNotice(council.id, { id: `quarter-missed-${previous.label}`, to: 'chairperson', kind: 'quarter-missed', ref: previous.label, on: today }))) missed++;
    }
    const { days } = await deps.law.parameter<{ days: number }>('meetings.quarterWarning', today);
    if (today >= addDays(current.end, -days)) {
      const any = await deps.meetings.listMeetings(council.id, current.start, current.end);
      if (!any.length && (await deps.meetings.putNotice(council.id, { id: `quarter-warning-${current.label}`, to: 'chairperson', kind: 'quarter-warning', ref: current.label, on: today }))) warned++;
    }
  }
  return { today, quarter: current.label, missed, warned, inForce };
}
