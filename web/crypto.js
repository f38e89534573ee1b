// Sealing and opening complaints in the browser (p29): libsodium's sealed boxes
// (crypto_box_seal: X25519 + XSalsa20-Poly1305), the same library the tests seal with in Node.
// The complainant's browser seals to the council's public key; only the private key, kept by the
// Commissioner's Office and pasted into the desk's page (in memory only, never sent, never
// stored), opens it. libsodium is loaded only by the pages that need it.

let loading;
/** libsodium, ready (its WebAssembly compiled once). */
async function sodium() {
  loading ??= import('libsodium-wrappers').then(async (module) => {
    const s = module.default ?? module;
    await s.ready;
    return s;
  });
  return loading;
}

const ORIGINAL = 1; // sodium.base64_variants.ORIGINAL: the server's base64
const toB64 = (s, bytes) => s.to_base64(bytes, ORIGINAL);
const fromB64 = (s, text) => s.from_base64(text, ORIGINAL);

/** A new key pair for the council (base64 of 32 bytes each): the public half is published, the private half downloaded. */
export async function newKeyPair() {
  const s = await sodium();
  const pair = s.crypto_box_keypair();
  return { publicKey: toB64(s, pair.publicKey), privateKey: toB64(s, pair.privateKey) };
}

/** Seals a text to a public key: only the matching private key opens it. */
export async function seal(text, publicKey) {
  const s = await sodium();
  return toB64(s, s.crypto_box_seal(s.from_string(text), fromB64(s, publicKey)));
}

/** Opens a sealed text with a key pair; throws when the key is not the one it was sealed to. */
export async function open(sealed, pair) {
  const s = await sodium();
  return s.to_string(s.crypto_box_seal_open(fromB64(s, sealed), fromB64(s, pair.publicKey), fromB64(s, pair.privateKey)));
}

/** The public half of a private key (a key file may carry only the private one). */
export async function publicOf(privateKey) {
  const s = await sodium();
  return toB64(s, s.crypto_scalarmult_base(fromB64(s, privateKey)));
}

/** A receipt code: 20 random bytes, base64url. The server keeps only a hash of it. */
export function newReceipt() {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function sha256(text) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/**
 * The complainant's reply key pair, derived from the receipt under a prefix other than the
 * server's hash of it (functions/complaints/receipt.ts): the server cannot derive it, the
 * receipt's holder always can.
 */
export async function replyKeyPair(receipt) {
  const s = await sodium();
  const pair = s.crypto_box_seed_keypair(await sha256(`kenes-complaint-reply:${receipt}`));
  return { publicKey: toB64(s, pair.publicKey), privateKey: toB64(s, pair.privateKey) };
}

/** 16 bytes of the key's SHA-256 in 8 groups of 4 hex digits, as the server shows it. */
export async function fingerprint(publicKey) {
  const s = await sodium();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', fromB64(s, publicKey)));
  const hex = [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g).join(' ');
}
