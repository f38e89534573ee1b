import { createHash } from 'node:crypto';

/**
 * The complainant's receipt code is drawn in their browser and never stored: the server keeps
 * only this hash, under a prefix of its own, so the lookup item cannot be matched against any
 * other hash of the same code (the browser derives the reply key from another one).
 */
export function receiptHash(receipt: string): string {
  return createHash('sha256').update(`kenes-complaint-receipt:${receipt}`, 'utf8').digest('hex');
}

/** The hash of the sealed text, so a retry is recognised as the same complaint without keeping it twice. */
export function sealedHash(sealed: string): string {
  return createHash('sha256').update(sealed, 'utf8').digest('hex');
}

/**
 * What people compare aloud to know a public key is the Office's: the first 16 bytes of the
 * SHA-256 of the key's 32 bytes, in 8 groups of 4 hex digits (web/crypto.js computes the same).
 */
export function fingerprint(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 32);
  return hex.match(/.{4}/g)!.join(' ');
}
