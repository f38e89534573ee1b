// Sign-in: on the local server a dev token (`POST /v1/local/tokens`); elsewhere (Cognito on AWS)
// a pasted bearer token. The token lives in sessionStorage for this tab only.
import { call, session, setSession } from './api.js';
import { onLanguage, t } from './i18n.js';
import { h, showReply, show } from './render.js';

/** The local server mints dev tokens; CloudFront has no such route. */
export function isLocal() {
  return ['localhost', '127.0.0.1', '[::1]', '::1'].includes(location.hostname) || location.hostname.endsWith('.localhost');
}

/** The claims of a JWT, read for display only (the API verifies it). */
function claimsOf(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(
      [...atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), '='))].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
    );
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/**
 * The one global role a token carries: `admin` (the platform administrator), from
 * `cognito:groups`. Every other role is held in one council, on a date, from that council's own
 * records: the page does not guess it.
 */
function rolesOf(claims) {
  const groups = claims?.['cognito:groups'];
  const list = Array.isArray(groups) ? groups : typeof groups === 'string' ? groups.split(/[\s,]+/).filter(Boolean) : [];
  return list.includes('admin') ? ['admin'] : [];
}

function renderWho() {
  const who = document.querySelector('#whoami');
  const out = document.querySelector('#signout');
  const current = session();
  out.hidden = !current;
  if (!current) {
    who.replaceChildren(h('span', { class: 'muted' }, t('signin.none')));
    return;
  }
  const admin = current.roles?.includes('admin');
  who.replaceChildren(
    `${t('signin.as')} `,
    h('strong', { id: 'whoami-sub' }, current.sub ?? '?'),
    ...(admin ? [' — ', h('span', { class: 'role', 'data-role': 'admin' }, t('role.admin'))] : []),
  );
}

export function initAuth() {
  const devBox = document.querySelector('#dev-box');
  const dev = document.querySelector('#dev-signin');
  const paste = document.querySelector('#token-signin');
  devBox.hidden = !isLocal();
  // The sign-in forms fold away once signed in; "sign in" again switches the user.
  const fold = () => {
    devBox.open = isLocal() && !session();
    paste.open = !isLocal() && !session();
  };
  document.addEventListener('kenes:session', fold);
  fold();

  dev.addEventListener('submit', async (event) => {
    event.preventDefault();
    const sub = dev.elements.namedItem('sub').value.trim();
    const admin = dev.elements.namedItem('admin').checked;
    const output = dev.querySelector('.result');
    const reply = await call('POST', '/v1/local/tokens', admin ? { sub, roles: ['admin'] } : { sub });
    if (reply.ok && reply.json?.token) {
      setSession({ token: reply.json.token, sub: reply.json.sub ?? sub, roles: rolesOf(claimsOf(reply.json.token)), source: 'dev' });
      output.replaceChildren();
    } else {
      showReply(output, reply);
    }
  });

  paste.querySelector('form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const token = form.elements.namedItem('token').value.trim().replace(/^Bearer\s+/i, '');
    const claims = claimsOf(token);
    const output = form.querySelector('.result');
    if (!claims) {
      show(output, () => h('p', { class: 'error', role: 'alert' }, t('signin.badToken')));
      return;
    }
    setSession({ token, sub: claims.sub ?? claims.username, roles: rolesOf(claims), source: 'pasted' });
    form.reset();
    output.replaceChildren();
  });

  document.querySelector('#signout').addEventListener('click', () => setSession(undefined));
  document.addEventListener('kenes:session', renderWho);
  onLanguage(renderWho);
  renderWho();
}
