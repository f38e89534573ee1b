import { describe, expect, it } from 'vitest';
import { feedPath, mergeCalendars, secretHash } from '../../../functions/reads/calendar.ts';
import { renderCalendar } from '../../../functions/meetings/calendar.ts';

const now = new Date('2020-06-10T08:00:00Z');
const council = (id: string) => ({ id, name: { kk: `Кеңес ${id}`, ru: `Совет ${id}`, en: `Council ${id}` } });
const meeting = (id: string, date: string) => ({ id, kind: 'regular' as const, date, status: 'convened' });

describe('Function: mergeCalendars', () => {
  it('keeps one header and every event of each council', () => {
    const merged = mergeCalendars([renderCalendar({ council: council('a'), meetings: [meeting('m1', '2020-06-12')], now } as never), renderCalendar({ council: council('b'), meetings: [meeting('m2', '2020-06-20'), meeting('m3', '2020-07-01')], now } as never)]);
    expect(merged.match(/BEGIN:VCALENDAR/g)).toHaveLength(1);
    expect(merged.match(/END:VCALENDAR/g)).toHaveLength(1);
    expect(merged.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(merged).toContain('UID:m2@b.kenes');
    expect(merged.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(merged.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it('is an empty calendar without councils, or with councils that have no meeting', () => {
    expect(mergeCalendars([])).toBe('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kenes//Coordination Council//KK\r\nCALSCALE:GREGORIAN\r\nEND:VCALENDAR\r\n');
    const empty = mergeCalendars([renderCalendar({ council: council('a'), meetings: [], now } as never)]);
    expect(empty).not.toContain('BEGIN:VEVENT');
    expect(empty.match(/END:VCALENDAR/g)).toHaveLength(1);
  });
});

describe('Function: secretHash and feedPath', () => {
  it('keeps the SHA-256 of the secret (hex), and serves the feed under the secret itself', () => {
    expect(secretHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(feedPath('s3cr3t')).toBe('/v1/calendar/s3cr3t/meetings.ics');
  });
});
