import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { APP_PATHS_FUNCTION, contentSecurityPolicy, inlineHashes } from '../../infra/constructs/web-edge.ts';

/** The CloudFront Function's own code, run as CloudFront runs it: `handler(event)` on a viewer request. */
const handler = new Function(`${APP_PATHS_FUNCTION}; return handler;`)() as (event: { request: { uri: string } }) => { uri: string };
const served = (uri: string) => handler({ request: { uri } }).uri;
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('Function: APP_PATHS_FUNCTION', () => {
  it.each([
    ['/', '/index.html'],
    ['/councils/npm', '/index.html'],
    ['/councils/npm/meetings/m-1/desk', '/index.html'],
    ['/councils/npm/', '/index.html'],
    ['/v1.2/page', '/index.html'],
  ])('serves the app for its page %s', (uri, expected) => {
    expect(served(uri)).toBe(expected);
  });

  it.each(['/index.html', '/app.js', '/config.json', '/style.css', '/vendor/preact.js', '/vendor/yaml/dist/index.js', '/pages/home.js'])(
    'leaves the file %s alone',
    (uri) => {
      expect(served(uri)).toBe(uri);
    },
  );
});

describe('Function: inlineHashes', () => {
  it('hashes inline scripts (the import map) and styles exactly as written, but no script with src', () => {
    const map = '\n  { "imports": { "preact": "/vendor/preact.js" } }\n  ';
    const html = `<head><script type="importmap">${map}</script><script type="module" src="/app.js"></script><style>p{margin:0}</style></head>`;
    expect(inlineHashes(html)).toEqual({ scripts: [sha(map)], styles: [sha('p{margin:0}')] });
  });

  it('reads CRLF line ends as the browser does (LF)', () => {
    expect(inlineHashes('<script>a\r\nb</script>').scripts).toEqual([sha('a\nb')]);
  });
});

describe('Function: contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy({
    signInOrigin: 'https://kenes-1.auth.eu-central-1.amazoncognito.com',
    issuerOrigin: 'https://cognito-idp.eu-central-1.amazonaws.com',
    indexHtml: '<script type="importmap">{}</script>',
  });

  it('allows own scripts and the inline import map by hash, nothing inline or evaluated else', () => {
    // 'wasm-unsafe-eval' compiles libsodium's WebAssembly (complaints sealed in the browser, p29); eval stays refused.
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${sha('{}')};`);
    expect(policy).toContain("style-src 'self';");
    expect(policy).not.toMatch(/'unsafe-/);
  });

  it('connects to its own origin and Cognito only, posts forms there, and is framed by nobody', () => {
    expect(policy).toContain("connect-src 'self' https://kenes-1.auth.eu-central-1.amazoncognito.com https://cognito-idp.eu-central-1.amazonaws.com;");
    expect(policy).toContain("form-action 'self' https://kenes-1.auth.eu-central-1.amazoncognito.com;");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy.startsWith("default-src 'none';")).toBe(true);
  });

  it('fits CloudFront (a CSP of at most 1783 characters)', () => {
    expect(policy.length).toBeLessThan(1783 - 200); // room for the deploy-time domain and more inline hashes
  });
});

describe('Function: contentSecurityPolicy without Cognito (a local server)', () => {
  it('connects and posts to its own origin only', () => {
    const policy = contentSecurityPolicy({ indexHtml: '' });
    expect(policy).toContain("connect-src 'self';");
    expect(policy).toContain("form-action 'self';");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });
});
