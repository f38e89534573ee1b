// Sign-in. The runtime configuration (`GET /config.json`) says how:
// - `{ auth: { mode: 'local' } }` (npm start): the dev sign-in lists the people of the councils
//   in the table (`GET /v1/local/people`) and mints a token for the one chosen
//   (`POST /v1/local/tokens`); it lives in sessionStorage for this tab.
// - `{ auth: { mode: 'cognito', authority, clientId, domain, redirectUri, logoutUri, scope } }`
//   (AWS): Cognito's managed login with the authorization code flow and PKCE through
//   oidc-client-ts, which also renews the tokens (refresh token) before they expire. The managed
//   login handles the new-password and MFA-setup challenges itself.
import { call, useTokens } from './api.js';
import { navigate } from './router.js';

const LOCAL = 'kenes.session';
const listeners = new Set();
let config = { auth: { mode: 'local' } };
let manager;
let user;

/** Which token the API gets from a Cognito sign-in: the access token (one line to change). */
const tokenOf = (cognitoUser) => cognitoUser?.access_token;

export const authMode = () => config.auth.mode;

export function onSession(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const changed = () => {
  for (const listener of listeners) listener();
};

function localSession() {
  try {
    return JSON.parse(sessionStorage.getItem(LOCAL) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

/** Who is signed in: `{ sub, name? }`, or undefined. */
export function signedIn() {
  if (config.auth.mode === 'cognito') return user && !user.expired ? { sub: user.profile.sub, name: user.profile.name ?? user.profile.email } : undefined;
  const s = localSession();
  return s ? { sub: s.sub, name: s.name } : undefined;
}

async function currentToken() {
  if (config.auth.mode === 'cognito') {
    if (user?.expired && manager) {
      try {
        user = await manager.signinSilent();
      } catch {
        user = undefined;
        changed();
      }
    }
    return tokenOf(user);
  }
  return localSession()?.token;
}

/** Reads `/config.json` and, on AWS, finishes a sign-in that came back from Cognito. */
export async function startAuth() {
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    if (response.ok) config = await response.json();
  } catch {
    /* the local default */
  }
  useTokens(currentToken, () => {
    signOutLocally();
  });
  if (config.auth.mode !== 'cognito') return;
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  const a = config.auth;
  manager = new UserManager({
    authority: a.authority,
    client_id: a.clientId,
    redirect_uri: a.redirectUri,
    post_logout_redirect_uri: a.logoutUri,
    response_type: 'code',
    scope: a.scope ?? 'openid email profile',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    // Cognito's discovery document has no end_session_endpoint: its managed logout is /logout.
    metadataSeed: { end_session_endpoint: `${a.domain.replace(/\/$/, '')}/logout` },
  });
  manager.events.addUserLoaded((loaded) => {
    user = loaded;
    changed();
  });
  manager.events.addUserSignedOut(() => {
    user = undefined;
    changed();
  });
  const params = new URLSearchParams(location.search);
  if (params.has('code') && params.has('state')) {
    try {
      user = await manager.signinRedirectCallback();
      navigate(typeof user.state?.path === 'string' ? user.state.path : '/', { replace: true });
    } catch (error) {
      console.warn('kenes: sign-in did not complete', error);
      navigate('/', { replace: true });
    }
  } else {
    user = (await manager.getUser()) ?? undefined;
  }
  changed();
}

/** On AWS: to Cognito's managed login, and back to `path`. */
export async function signInWithCognito(path = '/') {
  await manager.signinRedirect({ state: { path } });
}

/** Locally: a dev token for the person chosen (`admin` only for the platform administrator). */
export async function signInLocally(person) {
  const reply = await call('POST', '/v1/local/tokens', person.admin ? { sub: person.sub, roles: ['admin'] } : { sub: person.sub });
  if (!reply.ok) return reply;
  sessionStorage.setItem(LOCAL, JSON.stringify({ token: reply.json.token, sub: person.sub, name: person.name }));
  changed();
  return reply;
}

function signOutLocally() {
  sessionStorage.removeItem(LOCAL);
  user = undefined;
  changed();
}

export async function signOut() {
  if (config.auth.mode === 'cognito' && manager) {
    await manager.removeUser();
    user = undefined;
    changed();
    await manager.signoutRedirect({ extraQueryParams: { client_id: config.auth.clientId, logout_uri: config.auth.logoutUri } });
    return;
  }
  signOutLocally();
  navigate('/');
}
