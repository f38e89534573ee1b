/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal } from '../integration/local.ts';
import { launch, WAIT } from './helpers.ts';

/**
 * Sign-in on AWS, as the page does it with `{ auth: { mode: 'cognito' } }` in /config.json:
 * oidc-client-ts (served from /vendor) sends the person to the managed login with the
 * authorization code flow and PKCE, takes the code back at the redirect URI, exchanges it at
 * the token endpoint, and the page calls the API with the access token. Cognito is played by
 * routes the browser answers itself (no network): its discovery document, the login that
 * redirects back with a code, and the token endpoint, which checks the PKCE verifier.
 */
const AUTHORITY = 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_test';
const DOMAIN = 'https://kenes-test.auth.eu-central-1.amazoncognito.com';

const b64url = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe('sign-in with Cognito (authorization code + PKCE through oidc-client-ts)', () => {
  let local: Awaited<ReturnType<typeof startLocal>>;
  let browser: Browser;

  beforeAll(async () => {
    [local, browser] = await Promise.all([startLocal(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await local?.close();
  });

  it('signs in through the managed login and calls the API with the access token', async () => {
    const base = local.base;
    const context = await browser.newContext();
    const page = await context.newPage();
    const config = { auth: { mode: 'cognito', authority: AUTHORITY, clientId: 'web-client', domain: DOMAIN, redirectUri: `${base}/`, logoutUri: `${base}/`, scope: 'openid email profile' } };
    const accessToken = await local.tokens.mint('office-admin', ['admin']);
    let authorize: URL | undefined;
    let tokenRequest: URLSearchParams | undefined;
    const apiTokens: string[] = [];
    await context.route(`${base}/config.json`, (route) => route.fulfill({ json: config }));
    await context.route(`${AUTHORITY}/.well-known/openid-configuration`, (route) =>
      route.fulfill({
        json: { issuer: AUTHORITY, authorization_endpoint: `${DOMAIN}/oauth2/authorize`, token_endpoint: `${DOMAIN}/oauth2/token`, userinfo_endpoint: `${DOMAIN}/oauth2/userInfo`, jwks_uri: `${AUTHORITY}/.well-known/jwks.json`, response_types_supported: ['code'], code_challenge_methods_supported: ['S256'] },
        headers: { 'access-control-allow-origin': '*' },
      }),
    );
    await context.route(`${DOMAIN}/oauth2/authorize**`, (route) => {
      authorize = new URL(route.request().url());
      return route.fulfill({ status: 302, headers: { location: `${base}/?code=the-code&state=${authorize.searchParams.get('state')}` } });
    });
    await context.route(`${DOMAIN}/oauth2/token`, async (route) => {
      tokenRequest = new URLSearchParams(route.request().postData() ?? '');
      const now = Math.floor(Date.now() / 1000);
      const idToken = `${b64url({ alg: 'none' })}.${b64url({ iss: AUTHORITY, aud: 'web-client', sub: 'office-admin', email: 'office@example.kz', iat: now, exp: now + 3600 })}.`;
      return route.fulfill({ json: { access_token: accessToken, id_token: idToken, refresh_token: 'a-refresh-token', token_type: 'Bearer', expires_in: 3600 }, headers: { 'access-control-allow-origin': '*' } });
    });
    page.on('request', (request) => {
      if (request.url().startsWith(`${base}/v1/me`)) apiTokens.push(request.headers().authorization ?? '');
    });

    await page.goto(`${base}/sign-in`);
    await page.locator('body[data-ready=true][data-auth=cognito]').waitFor({ timeout: WAIT });
    await page.getByRole('button', { name: 'Кіру' }).click();
    await page.waitForURL((url) => url.pathname === '/' && !url.search, { timeout: WAIT });
    expect(authorize!.searchParams.get('response_type')).toBe('code');
    expect(authorize!.searchParams.get('client_id')).toBe('web-client');
    expect(authorize!.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize!.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize!.searchParams.get('redirect_uri')).toBe(`${base}/`);
    expect(tokenRequest!.get('grant_type')).toBe('authorization_code');
    expect(tokenRequest!.get('code')).toBe('the-code');
    expect(tokenRequest!.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    await page.getByRole('link', { name: 'Ережеге өзгеріс жариялау' }).waitFor({ timeout: WAIT });
    expect(apiTokens.at(-1)).toBe(`Bearer ${accessToken}`);
    await context.close();
  });
});
