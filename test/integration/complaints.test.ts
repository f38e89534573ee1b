import { createHash, randomBytes } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import sodium from 'libsodium-wrappers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setToday } from '../../functions/clock.ts';
import { receiptHash } from '../../functions/complaints/receipt.ts';
import { documentClient } from '../../functions/store/client.ts';
import { admin, adoptDecision, seatCouncil, type Seated } from '../scenarios/council.ts';
import { startLocal } from './local.ts';

/**
 * Complaints of torture through HTTP (p14.7, p15.6, p29): sealed with libsodium in the test as
 * the browser seals them, then the table and every log line are searched for what was sealed.
 */
// The project's tests run the logger SILENT, and each invocation resets it to the level it was
// built with: this file builds it at INFO, so every line a request logs is captured and searched.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
});

const NARRATIVE = 'Күзетші 14-камерада маған соққы берді — дистинктивті-баяндама-7Q';
const CONTACT = 'contact-aigerim-+77010000042';
type KeyPair = { publicKey: Uint8Array; privateKey: Uint8Array };
const b64 = (bytes: Uint8Array) => sodium.to_base64(bytes, sodium.base64_variants.ORIGINAL);
const unb64 = (text: string) => sodium.from_base64(text, sodium.base64_variants.ORIGINAL);

/** As web/crypto.js does: the reply key pair from another hash of the receipt than the server's. */
function replyKeyPair(receipt: string) {
  return sodium.crypto_box_seed_keypair(createHash('sha256').update(`kenes-complaint-reply:${receipt}`, 'utf8').digest());
}
const newReceipt = () => randomBytes(20).toString('base64url');
const seal = (text: string, publicKey: string) => b64(sodium.crypto_box_seal(sodium.from_string(text), unb64(publicKey)));
const open = (sealed: string, pair: KeyPair) => sodium.to_string(sodium.crypto_box_seal_open(unb64(sealed), pair.publicKey, pair.privateKey));

describe('complaints: sealed in the browser, read only at the desk, entered into the minutes without private data', () => {
  let local: Awaited<ReturnType<typeof startLocal>>;
  let council: Seated;
  let other: Seated;
  let C: string;
  const logged: string[] = [];
  const office = {} as { first: KeyPair; second: KeyPair };
  let keyId = '';
  const receipt = newReceipt();
  let complaintId = '';

  beforeAll(async () => {
    await sodium.ready;
    local = await startLocal();
    council = await seatCouncil(local, 'cmp');
    other = await seatCouncil(local, 'cmp-other');
    C = `/v1/councils/${council.councilId}`;
    office.first = sodium.crypto_box_keypair();
    office.second = sodium.crypto_box_keypair();
    // Every log line written while complaints move.
    const capture = (chunk: unknown) => {
      logged.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, method).mockImplementation((...args) => void logged.push(args.map(String).join(' ')));
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    setToday(undefined);
    await local.close();
  });

  it('takes no complaint online until the Office publishes a key', async () => {
    setToday('2020-03-01');
    expect((await local.call('GET', `${C}/complaint-keys/current`)).status).toBe(404);
  });

  it('the Office publishes the public key made in its browser; the administrator may not', async () => {
    expect((await local.call('POST', `${C}/complaint-keys`, { as: admin, body: { publicKey: b64(office.first.publicKey) } })).status).toBe(403);
    const published = await local.call('POST', `${C}/complaint-keys`, { as: council.people.staff, body: { publicKey: b64(office.first.publicKey) } });
    expect(published.status, published.text).toBe(201);
    expect(published.json).toMatchObject({ publicKey: b64(office.first.publicKey), activeFrom: '2020-03-01', by: council.people.staff.sub });
    keyId = published.json.id;
    const current = await local.call('GET', `${C}/complaint-keys/current`);
    expect(current.json).toEqual({ id: keyId, publicKey: b64(office.first.publicKey), fingerprint: published.json.fingerprint });
  });

  it('anyone sends a complaint, sealed, with no account; a retry is the same complaint, another text under that receipt a 409', async () => {
    setToday('2020-03-05');
    const sealed = seal(JSON.stringify({ narrative: NARRATIVE, name: 'Айгерім', contact: CONTACT }), b64(office.first.publicKey));
    const body = { keyId, sealed, receipt, replyKey: b64(replyKeyPair(receipt).publicKey), category: 'torture', region: 'almaty-region', institutionType: 'penal', occurredIn: '2020-02' };
    const sent = await local.call('POST', `${C}/complaints`, { body });
    expect(sent.status, sent.text).toBe(201);
    expect(sent.json).toEqual({ receipt, receivedOn: '2020-03-05', status: 'received' });
    const again = await local.call('POST', `${C}/complaints`, { body });
    expect(again.status, again.text).toBe(201);
    expect(again.json).toEqual(sent.json);
    const other = await local.call('POST', `${C}/complaints`, { body: { ...body, sealed: seal('басқа', b64(office.first.publicKey)) } });
    expect(other.status).toBe(409);
    expect(other.json.error.field).toBe('body.receipt');
    // A second complaint, anonymous and with no reply key, the next day.
    setToday('2020-03-06');
    const second = await local.call('POST', `${C}/complaints`, { body: { keyId, sealed: seal(JSON.stringify({ narrative: 'екінші' }), b64(office.first.publicKey)), receipt: newReceipt(), category: 'conditions', region: 'karaganda' } });
    expect(second.status, second.text).toBe(201);
  });

  it('refuses bad input naming the field', async () => {
    const good = { keyId, sealed: seal('x', b64(office.first.publicKey)), receipt: newReceipt(), category: 'torture' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, category: 'beating' }, 'body.category'],
      [{ ...good, sealed: 'A'.repeat(90_000) }, 'body.sealed'],
      [{ ...good, receipt: 'short' }, 'body.receipt'],
      [{ ...good, occurredIn: '2020-02-14' }, 'body.occurredIn'],
      [{ ...good, institutionId: 'no-such-institution' }, 'body.institutionId'],
    ];
    for (const [body, field] of cases) {
      const refused = await local.call('POST', `${C}/complaints`, { body });
      expect(refused.status, `${field}: ${refused.text}`).toBe(400);
      expect(refused.json.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const unknownKey = await local.call('POST', `${C}/complaints`, { body: { ...good, keyId: 'not-the-key' } });
    expect(unknownKey.status).toBe(409);
    expect(unknownKey.json.error.field).toBe('body.keyId');
  });

  it('shows the status to the receipt holder only; an unknown receipt is a 404', async () => {
    const status = await local.call('GET', `/v1/complaints/${receipt}`);
    expect(status.status, status.text).toBe(200);
    expect(status.json).toEqual({ status: 'received', receivedOn: '2020-03-05' });
    expect((await local.call('GET', `/v1/complaints/${newReceipt()}`)).status).toBe(404);
  });

  it('the desk lists complaints without their sealed text; another council, the administrator and the members get 403', async () => {
    const list = await local.call('GET', `${C}/complaints`, { as: council.people.staff });
    expect(list.status, list.text).toBe(200);
    expect(list.json.items).toHaveLength(2);
    expect(list.text).not.toContain('sealed');
    complaintId = list.json.items.find((c: { receivedOn: string }) => c.receivedOn === '2020-03-05').id;
    for (const as of [other.people.chairperson, other.people.staff, admin, council.people.member, council.people.secretary]) {
      expect((await local.call('GET', `${C}/complaints`, { as })).status, as.sub).toBe(403);
      expect((await local.call('GET', `${C}/complaints/${complaintId}?reason=x`, { as })).status, as.sub).toBe(403);
    }
  });

  it('a read needs a reason, is written to the access log first, and opens only with the private key', async () => {
    const noReason = await local.call('GET', `${C}/complaints/${complaintId}`, { as: council.people.staff });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.details[0].field).toBe('query.reason');
    const read = await local.call('GET', `${C}/complaints/${complaintId}?reason=${encodeURIComponent('шағымды қарауға дайындау')}`, { as: council.people.staff });
    expect(read.status, read.text).toBe(200);
    expect(read.json.keyId).toBe(keyId);
    expect(JSON.parse(open(read.json.sealed, office.first))).toEqual({ narrative: NARRATIVE, name: 'Айгерім', contact: CONTACT });
    const log = (await scan()).filter((i) => i.type === 'access');
    expect(log).toEqual([expect.objectContaining({ by: council.people.staff.sub, what: { kind: 'complaint', id: complaintId }, why: 'шағымды қарауға дайындау' })]);
  });

  it('staff read, only the Chairperson considers; the reply opens with the key derived from the receipt', async () => {
    setToday('2020-03-10');
    // Until accepted, each complaint is a notice before the Chairperson (p15.6): its date, nothing of it.
    const waiting = async () => (await local.call('GET', `${C}/notices`, { as: council.people.chairperson })).json.notices.filter((n: { kind: string }) => n.kind === 'complaint-received');
    expect(await waiting()).toEqual(expect.arrayContaining([{ id: `complaint-received-${complaintId}`, to: 'chairperson', kind: 'complaint-received', ref: complaintId, on: '2020-03-05' }]));
    const before = (await waiting()).length;
    const summary = { kk: 'Азаптау туралы шағым прокуратураға жіберілді', ru: 'Жалоба о пытках направлена в прокуратуру' };
    expect((await local.call('POST', `${C}/complaints/${complaintId}/consideration`, { as: council.people.staff, body: { status: 'accepted', summary } })).status).toBe(403);
    const accepted = await local.call('POST', `${C}/complaints/${complaintId}/consideration`, { as: council.people.chairperson, body: { status: 'accepted', summary } });
    expect(accepted.status, accepted.text).toBe(200);
    expect((await local.call('GET', `/v1/complaints/${receipt}`)).json.status).toBe('accepted');
    expect(await waiting()).toHaveLength(before - 1);
    const noDecision = await local.call('POST', `${C}/complaints/${complaintId}/consideration`, { as: council.people.chairperson, body: { status: 'considered', summary } });
    expect(noDecision.status).toBe(400);
    expect(noDecision.json.error.details[0].field).toBe('body.decision');
    const reply = seal('Сіздің шағымыңыз прокуратураға жіберілді', b64(replyKeyPair(receipt).publicKey));
    const considered = await local.call('POST', `${C}/complaints/${complaintId}/consideration`, { as: council.people.chairperson, body: { status: 'considered', decision: 'referred-to-prosecutor', summary, reply: { sealed: reply } } });
    expect(considered.status, considered.text).toBe(200);
    expect(considered.json).toMatchObject({ status: 'considered', replied: true, consideration: { decision: 'referred-to-prosecutor', on: '2020-03-10' } });
    const status = await local.call('GET', `/v1/complaints/${receipt}`);
    expect(status.json).toMatchObject({ status: 'considered', receivedOn: '2020-03-05', consideredOn: '2020-03-10', decision: 'referred-to-prosecutor' });
    expect(open(status.json.reply.sealed, replyKeyPair(receipt))).toBe('Сіздің шағымыңыз прокуратураға жіберілді');
    expect((await local.call('POST', `${C}/complaints/${complaintId}/consideration`, { as: council.people.chairperson, body: { status: 'considered', decision: 'no-grounds', summary } })).status).toBe(409);
    expect((await scan()).filter((i) => i.type === 'audit' && i.action === 'complaint-considered')).toHaveLength(2);
  });

  it('the minutes of the next meeting enter each complaint by its summary, never its text (p14.7, p29)', async () => {
    setToday('2020-03-20');
    const { meetingId } = await adoptDecision(local, council, '2020-03-20');
    const minutes = await local.call('GET', `${C}/meetings/${meetingId}/minutes`, { as: council.people.chairperson });
    expect(minutes.status, minutes.text).toBe(200);
    expect(minutes.json.complaints).toEqual([
      { id: complaintId, receivedOn: '2020-03-05', summary: { kk: 'Азаптау туралы шағым прокуратураға жіберілді', ru: 'Жалоба о пытках направлена в прокуратуру' } },
      { id: expect.any(String), receivedOn: '2020-03-06', summary: { kk: 'шағым түсті (ұстау жағдайлары), Қарағанды облысы; қаралуда', ru: 'поступила жалоба (условия содержания), Карагандинская область; на рассмотрении' } },
    ]);
    expect(minutes.text).not.toContain(NARRATIVE);
  });

  it('rotation: a new key retires the old from its date; the desk re-seals an old complaint to it', async () => {
    setToday('2020-04-01');
    const published = await local.call('POST', `${C}/complaint-keys`, { as: council.people.chairperson, body: { publicKey: b64(office.second.publicKey) } });
    expect(published.status, published.text).toBe(201);
    const keys = await local.call('GET', `${C}/complaint-keys`, { as: council.people.staff });
    expect(keys.json.items.map((k: { id: string; retiredOn?: string }) => [k.id, k.retiredOn])).toEqual([[keyId, '2020-04-01'], [published.json.id, undefined]]);
    const stale = await local.call('POST', `${C}/complaints`, { body: { keyId, sealed: seal('x', b64(office.first.publicKey)), receipt: newReceipt(), category: 'other' } });
    expect(stale.status).toBe(409);
    // In the browser: open with the old private key, seal to the new public key.
    const read = await local.call('GET', `${C}/complaints/${complaintId}?reason=rotation`, { as: council.people.staff });
    const resealed = seal(open(read.json.sealed, office.first), b64(office.second.publicKey));
    const done = await local.call('POST', `${C}/complaints/${complaintId}/reseal`, { as: council.people.staff, body: { keyId: published.json.id, sealed: resealed } });
    expect(done.status, done.text).toBe(200);
    expect(done.json.keyId).toBe(published.json.id);
    const again = await local.call('GET', `${C}/complaints/${complaintId}?reason=check`, { as: council.people.chairperson });
    expect(JSON.parse(open(again.json.sealed, office.second)).narrative).toBe(NARRATIVE);
    expect((await scan()).filter((i) => i.type === 'audit' && i.action === 'complaint-resealed')).toHaveLength(1);
  });

  it('neither the table nor any log line holds the narrative, the contact or the receipt: only its hash', async () => {
    const table = JSON.stringify(await scan());
    for (const secret of [NARRATIVE, CONTACT, 'Айгерім', receipt]) expect(table).not.toContain(secret);
    expect(table).toContain(receiptHash(receipt));
    const lines = logged.join('\n');
    expect(lines).toContain('complaints.send'); // the logs were captured: the route id, never the path
    for (const secret of [NARRATIVE, CONTACT, receipt]) expect(lines).not.toContain(secret);
  });

  async function scan(): Promise<Record<string, any>[]> {
    const items: Record<string, any>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await documentClient().send(new ScanCommand({ TableName: local.table, ExclusiveStartKey, ConsistentRead: true }));
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }
});
