import { describe, expect, it } from 'vitest';
import { keyInForce, withRetirement } from '../../../functions/complaints/keys.ts';
import { minutesSummary } from '../../../functions/complaints/minutes.ts';
import type { Complaint, ComplaintKey } from '../../../functions/complaints/model.ts';
import { fingerprint, receiptHash } from '../../../functions/complaints/receipt.ts';
import { SendComplaint } from '../../../functions/complaints/schemas.ts';

const key = (id: string, activeFrom: string, publishedAt = `${activeFrom}T10:00:00Z`): ComplaintKey => ({ councilId: 'c', id, publicKey: 'A'.repeat(43) + '=', fingerprint: 'f', activeFrom, by: 'office', publishedAt });
const complaint: Complaint = { councilId: 'c', id: 'x', receivedOn: '2020-06-03', keyId: 'k1', sealed: 'S', category: 'torture', region: 'almaty-region', status: 'received' };

describe('Function: keyInForce (rotation)', () => {
  it('seals new complaints to the newest key in force, and retires each older key from the next one’s date', () => {
    const keys = [key('k2', '2020-05-01'), key('k1', '2020-01-01'), key('k3', '2020-09-01')];
    expect(keyInForce(keys, '2020-06-01')?.id).toBe('k2');
    expect(keyInForce(keys, '2019-12-31')).toBeUndefined();
    expect(withRetirement(keys).map((k) => [k.id, k.retiredOn])).toEqual([['k1', '2020-05-01'], ['k2', '2020-09-01'], ['k3', undefined]]);
  });
  it('of two keys of one date, the one published later is in force', () => {
    expect(keyInForce([key('late', '2020-05-01', '2020-05-01T12:00:00Z'), key('early', '2020-05-01', '2020-05-01T09:00:00Z')], '2020-05-01')?.id).toBe('late');
  });
});

describe('Function: minutesSummary (p14.7, p29)', () => {
  it('until considered, a plain sentence of the plain fields only', () => {
    expect(minutesSummary(complaint)).toEqual({ kk: 'шағым түсті (азаптау), Алматы облысы; қаралуда', ru: 'поступила жалоба (пытки), Алматинская область; на рассмотрении' });
    expect(minutesSummary({ ...complaint, region: undefined, institutionType: 'children' }).ru).toBe('поступила жалоба (пытки; учреждения для детей); на рассмотрении');
  });
  it('once accepted or considered, the summary the Chairperson wrote', () => {
    const summary = { kk: 'Қаралды', ru: 'Рассмотрена' };
    expect(minutesSummary({ ...complaint, status: 'considered', consideration: { status: 'considered', decision: 'no-grounds', summary, on: '2020-06-10', by: 'chair' } })).toEqual(summary);
  });
});

describe('Function: receiptHash and fingerprint', () => {
  it('hashes the receipt under its own prefix, never plainly', () => {
    expect(receiptHash('abc')).toMatch(/^[0-9a-f]{64}$/);
    expect(receiptHash('abc')).not.toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('shows 16 bytes of the key’s SHA-256 in 8 groups', () => {
    expect(fingerprint(Buffer.alloc(32).toString('base64'))).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
  });
});

describe('Schema: SendComplaint', () => {
  const good = { keyId: 'k1', sealed: 'A'.repeat(68), receipt: 'r'.repeat(27), category: 'torture' };
  it.each([
    ['a day instead of a month', { occurredIn: '2020-06-03' }, 'occurredIn'],
    ['an unknown category', { category: 'beating' }, 'category'],
    ['a sealed text over 64 KiB', { sealed: 'A'.repeat(87_388) }, 'sealed'],
    ['a field the form does not have', { name: 'Айгерім' }, ''],
  ])('refuses %s', (_name, change, path) => {
    const result = SendComplaint.safeParse({ ...good, ...change });
    expect(result.success).toBe(false);
    if (path) expect(result.error!.issues[0]!.path.join('.')).toBe(path);
  });
  it('takes a month and no name at all', () => {
    expect(SendComplaint.safeParse({ ...good, occurredIn: '2020-06' }).success).toBe(true);
  });
});
