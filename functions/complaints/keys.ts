import { auditEntry } from '../audit.ts';
import { newId } from '../ids.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { authorize, type Caller } from '../membership/access.ts';
import type { ComplaintKey } from './model.ts';
import { fingerprint } from './receipt.ts';
import type { ComplaintDeps } from './store.ts';

/**
 * Key rotation (p15.6, p29). New complaints are sealed to the newest key in force; publishing a
 * key retires the previous one from the new key's date. A retired key is kept: each complaint
 * names the key it was sealed to (`keyId`) and the desk asks for that key's private half. To
 * retire a compromised or lost key, the desk re-seals each old complaint in the browser (opens
 * it with the old private key, seals it to the new public key: `reseal`). A complaint whose
 * private key is lost cannot be read by anyone: the desk says so.
 */
export async function publishKey(deps: ComplaintDeps, caller: Caller, councilId: string, input: { publicKey: string; on: string }): Promise<ComplaintKey & { retiredOn?: string }> {
  await authorize(deps, caller, councilId, input.on);
  if (Buffer.from(input.publicKey, 'base64').length !== 32) throw badKey();
  const key: ComplaintKey = { councilId, id: newId(), publicKey: input.publicKey, fingerprint: fingerprint(input.publicKey), activeFrom: input.on, by: caller.identity!.sub, publishedAt: new Date().toISOString() };
  await deps.complaints.putKey(key, auditEntry(councilId, key.by, 'complaint-key-published', { kind: 'complaint-key', id: key.id }, { on: input.on, point: 'p15.6', details: { fingerprint: key.fingerprint } }));
  return key;
}

/** The council's keys, oldest first, each with the date it was retired from (the next key's date). */
export function withRetirement(keys: ComplaintKey[]): (ComplaintKey & { retiredOn?: string })[] {
  const ordered = [...keys].sort((a, b) => (a.activeFrom === b.activeFrom ? cmp(a.publishedAt, b.publishedAt) : cmp(a.activeFrom, b.activeFrom)));
  return ordered.map((k, i) => ({ ...k, ...(ordered[i + 1] ? { retiredOn: ordered[i + 1]!.activeFrom } : {}) }));
}

/** The key new complaints are sealed to on `on`: the newest in force. */
export function keyInForce(keys: ComplaintKey[], on: string): ComplaintKey | undefined {
  return withRetirement(keys.filter((k) => k.activeFrom <= on)).at(-1);
}

export async function listKeys(deps: ComplaintDeps, caller: Caller, councilId: string, today: string) {
  await authorize(deps, caller, councilId, today);
  return { items: withRetirement(await deps.complaints.keys(councilId)) };
}

/** The public key a complainant's browser seals to; 404 while the council takes no complaints online. */
export async function currentKey(deps: ComplaintDeps, caller: Caller, councilId: string, today: string) {
  await authorize(deps, caller, councilId);
  const key = keyInForce(await deps.complaints.keys(councilId), today);
  if (!key) throw noKey();
  return { id: key.id, publicKey: key.publicKey, fingerprint: key.fingerprint };
}

export function noKey(): NotFoundError {
  return new NotFoundError('no-complaint-key', {
    kk: 'Кеңес әзірге шағымдарды онлайн қабылдамайды: Уәкіл аппараты шифрлау кілтін жарияламаған',
    ru: 'Совет пока не принимает жалобы онлайн: аппарат Уполномоченного не опубликовал ключ шифрования',
    en: 'The Council does not take complaints online yet: the Office has published no encryption key',
  });
}

function badKey(): InvalidInputError {
  return new InvalidInputError([{ field: 'body.publicKey', code: 'invalid-key', message: { kk: '32 байттық ашық кілт емес', ru: 'не открытый ключ длиной 32 байта', en: 'is not a 32-byte public key' } }]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
