// The one way the forms talk to the API: same origin (`/v1/*`), JSON, and the bearer token of
// the signed-in user. The page decides nothing: it sends and shows what comes back.

const SESSION = 'kenes.session';

/** `{ token, sub, roles, source }` of the signed-in user, or undefined. Kept for this tab only. */
export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

export function setSession(value) {
  if (value) sessionStorage.setItem(SESSION, JSON.stringify(value));
  else sessionStorage.removeItem(SESSION);
  document.dispatchEvent(new CustomEvent('kenes:session'));
}

function headers(extra = {}) {
  const h = { ...extra };
  const token = session()?.token;
  if (token) h.authorization = `Bearer ${token}`;
  return h;
}

/** A ballot's retry is recognised by its receipt code, never by an `Idempotency-Key`. */
const BALLOT = /^\/v1\/councils\/[^/]+\/elections\/[^/]+\/ballots$/;

/**
 * One `Idempotency-Key` per submitted body: a create request (POST) that got no answer (a network
 * error), a 5xx or an answer asking to retry later (`Retry-After`) keeps its key, so that pressing
 * the button again for the same unchanged form is the same request and the API carries it out
 * once. Any other answer ends the attempt; a changed body is another request with a new key.
 */
const pendingKeys = new Map();

function retryable(status, retryAfter) {
  return status === 0 || status >= 500 || retryAfter !== undefined;
}

/**
 * Calls the API. Resolves to `{ status, ok, json, text, retryAfter }`; a network failure
 * resolves to `{ status: 0 }` so that every caller shows something. `retryAfter` is the
 * `Retry-After` header in seconds, when the API sent one (a 503 `store-unavailable`).
 */
export async function call(method, path, body) {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const extra = body === undefined ? {} : { 'content-type': 'application/json' };
  const attempt = method === 'POST' && path.startsWith('/v1/') && !path.startsWith('/v1/local/') && !BALLOT.test(path.split('?')[0])
    ? `${session()?.sub ?? ''}\n${path}\n${text ?? ''}`
    : undefined;
  if (attempt !== undefined) {
    if (!pendingKeys.has(attempt)) pendingKeys.set(attempt, crypto.randomUUID());
    extra['idempotency-key'] = pendingKeys.get(attempt);
  }
  let response;
  try {
    response = await fetch(path, { method, headers: headers(extra), body: text });
  } catch {
    return { status: 0, ok: false, json: undefined, text: '' };
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
  return { status: response.status, ok: response.ok, json, text: answer, retryAfter };
}

/** Whether a reply asks for the same request again (no answer, the store unavailable, still in progress). */
export function isRetryable(reply) {
  return retryable(reply.status, reply.retryAfter);
}

/** Fetches a document (HTML, PDF) with the token and returns an object URL for it. */
export async function fetchBlob(path) {
  let response;
  try {
    response = await fetch(path, { headers: headers() });
  } catch {
    return { status: 0, ok: false };
  }
  if (!response.ok) {
    const text = await response.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, ok: false, json, text };
  }
  const blob = await response.blob();
  return { status: response.status, ok: true, url: URL.createObjectURL(blob), type: blob.type };
}

/** `/v1/councils/{id}` with the id encoded. */
export function councilPath(councilId, rest = '') {
  return `/v1/councils/${encodeURIComponent(councilId)}${rest}`;
}

export const enc = encodeURIComponent;
