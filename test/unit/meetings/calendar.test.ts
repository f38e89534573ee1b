import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderCalendar, type CalendarInput } from '../../../functions/meetings/calendar.ts';

const input: CalendarInput = {
  council: {
    id: 'council-1',
    name: {
      kk: 'Адам құқықтары жөніндегі уәкіл жанындағы Үйлестіру кеңесі',
      ru: 'Координационный совет при Уполномоченном по правам человека',
      en: 'Coordination Council under the Commissioner for Human Rights',
    },
  },
  meetings: [
    { id: 'm-1', kind: 'regular', date: '2020-03-05', number: 3, status: 'scheduled' },
    {
      id: 'm-2',
      kind: 'extraordinary',
      date: '2020-02-29',
      place: { kk: 'Әл-Фараби даңғылы, 7; "Үйлестіру" залы \\ 2-қабат\nкіреберіс: оңтүстік 😀 ғимарат', ru: 'пр. аль-Фараби, 7' },
      region: { kk: 'Алматы қаласы', ru: 'город Алматы' },
      status: 'held',
    },
    { id: 'm-3', kind: 'regular', date: '2020-12-31', region: { kk: 'Түркістан облысы', ru: 'Түркістан облысы' }, status: 'cancelled' },
  ],
  now: new Date('2020-03-01T08:09:10.123Z'),
};

const ics = renderCalendar(input);
/** RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab is removed. */
const unfolded = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
const events = ics.split('BEGIN:VEVENT').slice(1).map((e) => e.replace(/\r\n[ \t]/g, '').split('\r\n'));
const prop = (lines: string[], name: string) => lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

describe('Function: renderCalendar', () => {
  it('ends every line with CRLF and has no bare CR or LF', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps every line within 75 octets, each a whole UTF-8 sequence', () => {
    const bytes = Buffer.from(ics, 'utf8');
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] !== 0x0d || bytes[i + 1] !== 0x0a) continue;
      const line = bytes.subarray(start, i);
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => decoder.decode(line)).not.toThrow();
      start = i + 2;
    }
    expect(start).toBe(bytes.length);
  });

  it('folds long lines and unfolds to the exact escaped value (no character broken)', () => {
    const location = prop(events[1]!, 'LOCATION');
    expect(ics).toMatch(/\r\n /);
    expect(location).toBe(
      'LOCATION:Әл-Фараби даңғылы\\, 7\\; "Үйлестіру" залы \\\\ 2-қабат\\nкіреберіс: оңтүстік 😀 ғимарат\\, Алматы қаласы / пр. аль-Фараби\\, 7\\, город Алматы',
    );
  });

  it('has the calendar header', () => {
    expect(unfolded.slice(0, 4)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//kenes//Coordination Council//KK', 'CALSCALE:GREGORIAN']);
    expect(prop(unfolded, 'X-WR-CALNAME')).toBe(
      'X-WR-CALNAME:Адам құқықтары жөніндегі уәкіл жанындағы Үйлестіру кеңесі / Координационный совет при Уполномоченном по правам человека',
    );
    expect(unfolded.at(-2)).toBe('END:VCALENDAR');
  });

  it('has one VEVENT per meeting, with its UID and DTSTAMP', () => {
    expect(ics.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(3);
    expect(ics.match(/^END:VEVENT\r$/gm)).toHaveLength(3);
    expect(events.map((e) => prop(e, 'UID'))).toEqual(['UID:m-1@council-1.kenes', 'UID:m-2@council-1.kenes', 'UID:m-3@council-1.kenes']);
    for (const e of events) expect(prop(e, 'DTSTAMP')).toBe('DTSTAMP:20200301T080910Z');
  });

  it.each([
    [0, '20200305', '20200306'],
    [1, '20200229', '20200301'],
    [2, '20201231', '20210101'],
  ])('makes meeting %i an all-day event from %s to the next day %s', (i, start, end) => {
    expect(prop(events[i]!, 'DTSTART')).toBe(`DTSTART;VALUE=DATE:${start}`);
    expect(prop(events[i]!, 'DTEND')).toBe(`DTEND;VALUE=DATE:${end}`);
  });

  it('names the meeting in kk and ru with its number, the extraordinary one as such (p21)', () => {
    expect(prop(events[0]!, 'SUMMARY')).toBe('SUMMARY:Үйлестіру кеңесінің отырысы № 3 / Заседание Координационного совета № 3');
    expect(prop(events[1]!, 'SUMMARY')).toBe('SUMMARY:Үйлестіру кеңесінің кезектен тыс отырысы / Внеочередное заседание Координационного совета');
  });

  it('gives LOCATION only when a place or region is known, once when kk and ru say the same, and the status', () => {
    expect(prop(events[0]!, 'LOCATION')).toBeUndefined();
    expect(prop(events[2]!, 'LOCATION')).toBe('LOCATION:Түркістан облысы');
    expect(events.map((e) => prop(e, 'STATUS'))).toEqual(['STATUS:CONFIRMED', 'STATUS:CONFIRMED', 'STATUS:CANCELLED']);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() => renderCalendar({ ...input, meetings: [{ id: 'x', kind: 'regular', date: '2020-02-30', status: 'scheduled' }] })).toThrow(/2020-02-30/);
  });
});

describe('Function: escapeText', () => {
  it.each([
    ['a\\b', 'a\\\\b'],
    ['a;b,c', 'a\\;b\\,c'],
    ['one\r\ntwo\nthree\rfour', 'one\\ntwo\\nthree\\nfour'],
    ['tab\there\u0007', 'tab\there'],
  ])('escapes %j', (raw, escaped) => {
    expect(escapeText(raw)).toBe(escaped);
  });
});

describe('Function: foldLine', () => {
  it('leaves a line of exactly 75 octets alone and folds one of 76', () => {
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });

  it('never splits a two-byte letter or a four-byte emoji', () => {
    const line = `S:${'ә'.repeat(36)}😀${'ү'.repeat(50)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts[0]).toBe(`S:${'ә'.repeat(36)}`); // 74 octets: the emoji's 4 would pass 75
    for (const part of parts) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part); // no half of a surrogate pair
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});
