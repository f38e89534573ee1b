import { addDays } from '../clock.ts';
import type { Text } from '../text.ts';
import { MINUTES_LABELS } from './labels.ts';
import type { Bilingual } from './minutes-doc.ts';

export type CalendarInput = {
  council: { id: string; name: Text };
  meetings: { id: string; kind: 'regular' | 'extraordinary'; date: string; number?: number; place?: Bilingual; region?: Bilingual; status: string }[];
  /** When the feed is generated: every DTSTAMP. */
  now: Date;
};

/** RFC 5545 §3.1: a content line is at most 75 octets before its CRLF. */
const MAX_OCTETS = 75;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks; other
 * control characters are not allowed in TEXT and are dropped.
 *
 * @example
 * escapeText('a,b;c\nd'); // 'a\\,b\\;c\\nd'
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/**
 * Folds a content line (RFC 5545 §3.1) into lines of at most 75 octets, each continuation
 * starting with a space; it cuts between characters only, never inside a UTF-8 sequence.
 *
 * @example
 * foldLine('SUMMARY:' + 'ә'.repeat(40)).split('\r\n').length; // 2
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      lines.push(current);
      current = ' ';
      octets = 1;
      limit = MAX_OCTETS;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

const compactDate = (date: string): string => date.replaceAll('-', '');
const utcStamp = (at: Date): string => at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');

/** Both working languages' words, once when they are the same: `kk / ru`. */
const both = (kk: string, ru: string): string => (kk === ru ? kk : `${kk} / ${ru}`);

/**
 * The Council's meetings as an iCalendar feed (RFC 5545): one all-day VEVENT per meeting,
 * summaries and places in both working languages (p30), extraordinary meetings (p21) named as
 * such, with their numbers.
 *
 * @example
 * renderCalendar({ council, meetings: [{ id: 'm1', kind: 'regular', date: '2020-03-05', status: 'scheduled' }], now: new Date() });
 * // 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…'
 */
export function renderCalendar(input: CalendarInput): string {
  const { kk, ru } = MINUTES_LABELS;
  const stamp = utcStamp(input.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//kenes//Coordination Council//KK',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(`${input.council.name.kk} / ${input.council.name.ru}`)}`,
  ];
  for (const meeting of input.meetings) {
    // A date that does not survive the round trip (2020-02-30) is not a calendar date.
    if (!ISO_DATE.test(meeting.date) || Number.isNaN(Date.parse(meeting.date)) || addDays(meeting.date, 0) !== meeting.date) {
      throw new Error(`Meeting ${meeting.id}: date ${meeting.date} is not YYYY-MM-DD`);
    }
    const where = (lang: 'kk' | 'ru') => [meeting.place?.[lang], meeting.region?.[lang]].filter(Boolean).join(', ');
    const location = both(where('kk'), where('ru'));
    const number = meeting.number ? ` № ${meeting.number}` : '';
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(`${meeting.id}@${input.council.id}.kenes`)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(meeting.date)}`,
      // DTEND of an all-day event is exclusive: the next day.
      `DTEND;VALUE=DATE:${compactDate(addDays(meeting.date, 1))}`,
      `SUMMARY:${escapeText(`${kk.meeting[meeting.kind]}${number} / ${ru.meeting[meeting.kind]}${number}`)}`,
      ...(location ? [`LOCATION:${escapeText(location)}`] : []),
      `STATUS:${meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
