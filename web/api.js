// The one way the pages talk to the API: same origin (`/v1/*`), JSON, the signed-in person's
// bearer token. The pages decide nothing of the law: they send and show what comes back.

let tokenSource = async () => undefined;
let onUnauthorized = () => {};

/** Where the bearer token comes from (web/auth.js) and what to do on a 401. */
export function useTokens(source, unauthorized) {
  tokenSource = source;
  onUnauthorized = unauthorized;
}

/** A ballot's retry is recognised by its receipt code, never by an `Idempotency-Key`. */
const BALLOT = /^\/v1\/councils\/[^/]+\/elections\/[^/]+\/ballots$/;

/**
 * One `Idempotency-Key` per submitted body: a create request (POST) that got no answer, a 5xx or
 * a `Retry-After` keeps its key, so sending the same form again is the same request and the API
 * carries it out once. Any other answer ends the attempt.
 */
const pendingKeys = new Map();
const retryable = (status, retryAfter) => status === 0 || status >= 500 || retryAfter !== undefined;

/**
 * Calls the API: `{ status, ok, json, retryAfter }`; a network failure is `{ status: 0 }`.
 * `options.keyed` sends an Idempotency-Key (default: every POST but ballots and local routes).
 */
export async function call(method, path, body, options = {}) {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers = body === undefined ? {} : { 'content-type': 'application/json' };
  const token = await tokenSource();
  if (token) headers.authorization = `Bearer ${token}`;
  const keyed = options.keyed ?? (method === 'POST' && !path.startsWith('/v1/local/') && !BALLOT.test(path.split('?')[0]));
  const attempt = keyed ? `${token ?? ''}\n${path}\n${text ?? ''}` : undefined;
  if (attempt !== undefined) {
    if (!pendingKeys.has(attempt)) pendingKeys.set(attempt, crypto.randomUUID());
    headers['idempotency-key'] = pendingKeys.get(attempt);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: text });
  } catch {
    return { status: 0, ok: false };
  }
  const answer = await response.text();
  let json;
  try {
    json = answer ? JSON.parse(answer) : undefined;
  } catch {
    json = undefined;
  }
  const seconds = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
  const retryAfter = Number.isFinite(seconds) ? seconds : undefined;
  if (attempt !== undefined && !retryable(response.status, retryAfter)) pendingKeys.delete(attempt);
  if (response.status === 401 && token) onUnauthorized();
  return { status: response.status, ok: response.ok, json, retryAfter, headers: response.headers };
}

/** GET that throws the reply when it is not a success (for page loads). */
export async function get(path) {
  const reply = await call('GET', path);
  if (!reply.ok) throw reply;
  return reply.json;
}

/** Every item of a paginated list (`{ items, next }`), following the cursors (at most `max`). */
export async function all(path, max = 1000) {
  const items = [];
  let cursor;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await get(`${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...(page.items ?? page.entries ?? []));
    cursor = page.next;
  } while (cursor && items.length < max);
  return items;
}

/** Fetches a document (HTML, PDF) with the token: `{ ok, blob, filename }` or the error reply. */
export async function document(path) {
  const token = await tokenSource();
  let response;
  try {
    response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    return { status: 0, ok: false };
  }
  if (!response.ok) {
    let json;
    try {
      json = await response.json();
    } catch {
      json = undefined;
    }
    return { status: response.status, ok: false, json };
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
  return { status: response.status, ok: true, blob: await response.blob(), filename: filename ? decodeURIComponent(filename) : undefined };
}

export const enc = encodeURIComponent;

/** `/v1/councils/{c}{rest}`. */
export const councilPath = (c, rest = '') => `/v1/councils/${enc(c)}${rest}`;
