import { createHash, randomBytes } from 'node:crypto';
import { NotFoundError } from '../errors.ts';
import { renderCalendar } from '../meetings/calendar.ts';
import type { PersonDeps } from './deps.ts';
import { councilsOf, everyCouncil } from './me.ts';

/**
 * A calendar a calendar app subscribes to (they cannot send a bearer token): a per-person secret
 * in the feed's address. 32 random bytes, base64url; the table keeps only its SHA-256, so the
 * table's content never opens a feed. A new secret revokes the previous one; revoked or unknown,
 * the feed answers 404. The feed shows the meetings of the councils where the person holds a
 * role (kind, date, place: nothing private).
 */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Where the feed of a secret is served, relative to the site. */
export function feedPath(secret: string): string {
  return `/v1/calendar/${secret}/meetings.ics`;
}

/** POST /v1/me/calendar: a new secret for the caller (the previous one revoked, together). */
export async function drawCalendar(deps: PersonDeps, sub: string, today: string, now: Date): Promise<{ url: string }> {
  const secret = randomBytes(32).toString('base64url');
  const [previous, all] = await Promise.all([deps.person.calendarOf(sub), everyCouncil(deps)]);
  await deps.person.newCalendar({ hash: secretHash(secret), sub, createdAt: now.toISOString(), councilIds: councilsOf(all, sub, today), councilsOn: today }, previous);
  return { url: feedPath(secret) };
}

/** DELETE /v1/me/calendar. */
export async function revokeCalendar(deps: PersonDeps, sub: string, now: Date): Promise<{ revoked: boolean }> {
  return { revoked: await deps.person.revokeCalendar(sub, now.toISOString()) };
}

/**
 * GET /v1/calendar/{secret}/meetings.ics (public): the feed of a secret in force. It reads the
 * secret's record (by hash), the councils' names and their meetings by date, and nothing of the
 * councils' own records: the councils are those the record names (kept current by the `notify` job).
 */
export async function calendarFeed(deps: PersonDeps, secret: string, now: Date): Promise<string> {
  const feed = await deps.person.calendarByHash(secretHash(secret));
  if (!feed || feed.revokedAt) {
    throw new NotFoundError('calendar-not-found', {
      kk: 'Күнтізбе табылмады: сілтеме қате немесе кері қайтарылған',
      ru: 'Календарь не найден: ссылка неверна или отозвана',
      en: 'Calendar not found: the link is wrong or was revoked',
    });
  }
  const councils = (await deps.reads.councils()).filter((c) => feed.councilIds.includes(c.id));
  const feeds = await Promise.all(councils.map(async (council) => renderCalendar({ council, meetings: await deps.meetings.listMeetings(council.id, '0000-01-01', '9999-12-31'), now })));
  return mergeCalendars(feeds);
}

const EMPTY = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//kenes//Coordination Council//KK', 'CALSCALE:GREGORIAN', 'END:VCALENDAR'];

/**
 * One iCalendar of several (RFC 5545): the first one's header, then every event of each. The
 * events' UIDs name their council, so they never collide.
 *
 * @example
 * mergeCalendars([renderCalendar(a), renderCalendar(b)]).match(/BEGIN:VEVENT/g).length; // events of a and b
 */
export function mergeCalendars(feeds: string[]): string {
  if (!feeds.length) return EMPTY.join('\r\n') + '\r\n';
  const lines = feeds.map((feed) => feed.replace(/\r\n$/, '').split('\r\n'));
  const header = lines[0]!.slice(0, firstEvent(lines[0]!));
  const events = lines.flatMap((feed) => feed.slice(firstEvent(feed), feed.lastIndexOf('END:VCALENDAR')));
  return [...header, ...events, 'END:VCALENDAR'].join('\r\n') + '\r\n';
}

function firstEvent(lines: string[]): number {
  const at = lines.indexOf('BEGIN:VEVENT');
  return at < 0 ? lines.lastIndexOf('END:VCALENDAR') : at;
}
