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

/**
 * Calls the API. Resolves to `{ status, ok, json, text }`; a network failure resolves to
 * `{ status: 0 }` so that every caller shows something.
 */
export async function call(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: headers(body === undefined ? {} : { 'content-type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { status: 0, ok: false, json: undefined, text: '' };
  }
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, ok: response.ok, json, text };
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
