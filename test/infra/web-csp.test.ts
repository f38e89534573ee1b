import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, webDir } from '../../infra/constructs/paths.ts';
import { APP_PATHS_FUNCTION, contentSecurityPolicy } from '../../infra/constructs/web-edge.ts';

/**
 * The web app under the very headers CloudFront sends on AWS (the local server sends none): a
 * static server for web/ and its vendored libraries that answers with the stack's CSP and runs
 * the stack's path rewrite, /config.json in Cognito mode, and Cognito itself faked by Chromium's
 * request routing. Chromium reports every CSP violation to the console; there must be none.
 */
const CHROMIUM = '/usr/bin/chromium';
const SIGN_IN = 'https://kenes-test.auth.eu-central-1.amazoncognito.com';
const ISSUER = 'https://cognito-idp.eu-central-1.amazonaws.com';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

const rewrite = new Function(`${APP_PATHS_FUNCTION}; return handler;`)() as (event: { request: { uri: string } }) => { uri: string };

/** `/vendor/<name>` → node_modules, as web/vendor.json lists it (a name ending in / is a folder). */
function vendorFile(path: string): string | undefined {
  const { files } = JSON.parse(readFileSync(join(webDir, 'vendor.json'), 'utf8')) as { files: Record<string, string> };
  for (const [name, file] of Object.entries(files)) {
    const url = `/vendor/${name}`;
    if (!name.endsWith('/') && path === url) return join(repoRoot, 'node_modules', file);
    if (name.endsWith('/') && path.startsWith(url)) return join(repoRoot, 'node_modules', file, normalize(path.slice(url.length)));
  }
  return undefined;
}

let server: Server;
let base: string;
let browser: Browser;
/** The Authorization headers the API was sent. */
const apiAuthorization: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (playwright-core never downloads a browser).`);
  const csp = contentSecurityPolicy({ signInOrigin: SIGN_IN, issuerOrigin: ISSUER, indexHtml: readFileSync(join(webDir, 'index.html'), 'utf8') });
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const headers = { 'content-security-policy': csp };
    if (path === '/config.json') {
      const config = { auth: { mode: 'cognito', authority: `${ISSUER}/eu-central-1_Test`, clientId: 'client1', domain: SIGN_IN, redirectUri: `${base}/`, logoutUri: `${base}/`, scope: 'openid email profile' } };
      res.writeHead(200, { ...headers, 'content-type': TYPES['.json'] }).end(JSON.stringify(config));
      return;
    }
    if (path.startsWith('/v1/')) {
      if (req.headers.authorization) apiAuthorization.push(req.headers.authorization);
      res.writeHead(401, { 'content-type': TYPES['.json'] }).end('{"message":"Unauthorized"}');
      return;
    }
    const uri = rewrite({ request: { uri: path } }).uri;
    const file = vendorFile(uri) ?? resolve(webDir, `.${normalize(uri)}`);
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(403, headers).end(); // S3 behind OAC answers a missing key with 403
      return;
    }
    // S3 types an object by its key (vendor/preact.js), not by the file it was copied from (.mjs).
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(uri)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--no-first-run'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

/** Cognito, offline: its discovery document names the managed-login endpoints. */
function fakeDiscovery(page: Page, options: { revocation?: boolean } = {}) {
  return page.route(`${ISSUER}/**`, (route) =>
    route.fulfill({
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({
        issuer: `${ISSUER}/eu-central-1_Test`,
        authorization_endpoint: `${SIGN_IN}/oauth2/authorize`,
        token_endpoint: `${SIGN_IN}/oauth2/token`,
        userinfo_endpoint: `${SIGN_IN}/oauth2/userInfo`,
        ...(options.revocation ? { revocation_endpoint: `${SIGN_IN}/oauth2/revoke` } : {}),
        jwks_uri: `${ISSUER}/eu-central-1_Test/.well-known/jwks.json`,
      }),
    }),
  );
}

/** Opens a page of the app and returns what Chromium said about it. */
async function open(path: string): Promise<{ console: string[]; status: number | undefined }> {
  const page = await browser.newPage();
  const said: string[] = [];
  page.on('console', (m) => said.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => said.push(`pageerror: ${e.message}`));
  await fakeDiscovery(page, { revocation: true });
  await page.route(`${SIGN_IN}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<p>managed login</p>' }));
  const response = await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  await page.close();
  return { console: said, status: response?.status() };
}

/** What Chromium says when the CSP blocks something, or a module of the app does not load. */
const violations = (said: string[]) =>
  said.filter((line) => /Content Security Policy|Failed to resolve module specifier|Failed to load module script|Failed to fetch dynamically imported module/i.test(line));

describe('the web app under the deployed CSP', () => {
  it.each(['/', '/councils/npm/meetings/m-1'])('%s loads its modules and import map with no CSP violation', async (path) => {
    const { console: said, status } = await open(path);
    expect(status).toBe(200);
    expect(violations(said)).toEqual([]);
  });
});

describe('complaints sealed in the browser under the deployed CSP (p29)', () => {
  it('loads libsodium from the import map and seals and opens a text, with no CSP violation (its WebAssembly under wasm-unsafe-eval)', async () => {
    const page = await browser.newPage();
    const said: string[] = [];
    page.on('console', (m) => said.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => said.push(`pageerror: ${e.message}`));
    await page.goto(`${base}/councils/npm/complaint`, { waitUntil: 'networkidle' });
    // A string, so vitest leaves the page's own import() alone.
    const opened = await page.evaluate(
      "import('/crypto.js').then(async (c) => { const pair = await c.newKeyPair(); return c.open(await c.seal('Азаптау туралы', pair.publicKey), pair); })",
    );
    expect(opened).toBe('Азаптау туралы');
    await page.close();
    expect(violations(said)).toEqual([]);
  });
});

/** A JWT as Cognito shapes it (unsigned here: the page never checks signatures, the API does). */
function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', kid: 'test' })}.${part(claims)}.c2lnbmF0dXJl`;
}

describe('sign-in against a faked Cognito, under the deployed CSP', () => {
  it('goes to managed login with PKCE (S256), exchanges the code with its verifier, calls the API with the access token, and refreshes it', async () => {
    const page = await browser.newPage();
    const said: string[] = [];
    page.on('console', (m) => said.push(`${m.type()}: ${m.text()}`));
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: `${ISSUER}/eu-central-1_Test`, sub: 'person-1', iat: now, exp: now + 900 };
    const access = jwt({ ...claims, token_use: 'access', client_id: 'client1', scope: 'openid email profile', 'cognito:groups': ['admin'] });
    const id = jwt({ ...claims, token_use: 'id', aud: 'client1', email: 'person@example.kz', name: 'Person One' });
    let authorize: URL | undefined;
    let exchange: URLSearchParams | undefined;
    let refresh: URLSearchParams | undefined;
    await fakeDiscovery(page);
    // Managed login: the person signs in (password, new password, MFA: Cognito's pages) and comes back with a code.
    await page.route(`${SIGN_IN}/oauth2/authorize**`, (route) => {
      authorize = new URL(route.request().url());
      const back = new URL(authorize.searchParams.get('redirect_uri')!);
      back.searchParams.set('code', 'code-1');
      back.searchParams.set('state', authorize.searchParams.get('state')!);
      return route.fulfill({ status: 302, headers: { location: back.href } });
    });
    // The code for tokens; then, a minute before they expire, the refresh token for new ones
    // (rotated: a new refresh token each time). Tokens here expire in 62 s, so the page renews at once.
    await page.route(`${SIGN_IN}/oauth2/token`, (route) => {
      const form = new URLSearchParams(route.request().postData() ?? '');
      if (form.get('grant_type') === 'refresh_token') refresh = form;
      else exchange = form;
      return route.fulfill({
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': '*' },
        body: JSON.stringify({ access_token: access, id_token: id, refresh_token: refresh ? 'refresh-2' : 'refresh-1', token_type: 'Bearer', expires_in: 62 }),
      });
    });
    await page.goto(`${base}/`, { waitUntil: 'networkidle' });
    // The app's own sign-in (web/auth.js), as its sign-in button calls it.
    // (A string, so vitest leaves the page's own import() alone.)
    // It navigates away, so its promise is not awaited.
    await page.evaluate("void import('/auth.js').then((auth) => auth.signInWithCognito('/'))");
    await expect.poll(() => exchange, { timeout: 15_000 }).toBeDefined();
    await expect.poll(() => apiAuthorization.length, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => refresh, { timeout: 15_000 }).toBeDefined();
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).searchParams.has('code')).toBe(false);
    await page.close();

    expect(authorize?.searchParams.get('response_type')).toBe('code');
    expect(authorize?.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize?.searchParams.get('client_id')).toBe('client1');
    expect(authorize?.searchParams.get('scope')).toBe('openid email profile');
    expect(exchange?.get('grant_type')).toBe('authorization_code');
    expect(exchange?.get('code_verifier')).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    expect(refresh?.get('refresh_token')).toBe('refresh-1');
    expect(refresh?.get('client_id')).toBe('client1');
    expect(new Set(apiAuthorization)).toEqual(new Set([`Bearer ${access}`]));
    expect(violations(said)).toEqual([]);
  });
});
