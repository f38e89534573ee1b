import { createHash } from 'node:crypto';

/**
 * What CloudFront adds to the web app at the edge, as plain data that the stack and the tests
 * share (and that a local server may apply too): the pages' Content-Security-Policy, and the
 * rewrite that serves `index.html` for the app's own URLs.
 */

/** Where the pages may connect and post besides their own origin (none locally: the dev sign-in is same-origin). */
export type CspSources = {
  /** The managed-login origin, `https://<prefix>.auth.<region>.amazoncognito.com`: token, userInfo, revoke, and its pages. */
  signInOrigin?: string;
  /** Cognito's user-pool origin, `https://cognito-idp.<region>.amazonaws.com`: the OIDC discovery document. */
  issuerOrigin?: string;
  /** The text of `web/index.html`: each inline script (the import map) and style is allowed by its hash. */
  indexHtml: string;
};

/**
 * The web app's Content-Security-Policy: scripts and styles from its own origin only (inline
 * ones by SHA-256 hash, so the import map runs and nothing injected does), connections to its
 * own origin and Cognito, no framing, no plugins, no `<base>`.
 *
 * @example
 * contentSecurityPolicy({ signInOrigin: 'https://kenes-1.auth.eu-central-1.amazoncognito.com',
 *   issuerOrigin: 'https://cognito-idp.eu-central-1.amazonaws.com', indexHtml });
 * // "default-src 'none'; script-src 'self' 'sha256-…'; …"
 */
export function contentSecurityPolicy({ signInOrigin, issuerOrigin, indexHtml }: CspSources): string {
  const inline = inlineHashes(indexHtml);
  const cognito = [signInOrigin, issuerOrigin].filter((o): o is string => Boolean(o));
  return [
    "default-src 'none'",
    // 'wasm-unsafe-eval': libsodium (web/crypto.js seals complaints in the browser, p29) runs as
    // WebAssembly compiled from bytes inside its own module, and its ES module build has no asm.js
    // fallback. It allows compiling WebAssembly only: eval() and new Function() stay refused.
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...inline.scripts].join(' '),
    ['style-src', "'self'", ...inline.styles].join(' '),
    // data: for the empty favicon; blob: for a document fetched with the token and shown.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ['connect-src', "'self'", ...cognito].join(' '),
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    ['form-action', "'self'", ...(signInOrigin ? [signInOrigin] : [])].join(' '),
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The API's answers get their own, stricter policy (no script at all): only a handler's own
 * HTML (the minutes) is ever rendered from them, with its inline stylesheet.
 */
export const API_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * `'sha256-…'` sources for every inline `<script>` (without `src`) and `<style>` of a page,
 * hashed as the browser hashes them: the exact text between the tags, line ends as LF.
 *
 * @example
 * inlineHashes('<script type="importmap">{}</script>').scripts; // ["'sha256-RBNvo1WzZ4oRRq0W9+hknpT7T8If536DEMBg9hyq/4o='"]
 */
export function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  const text = html.replace(/\r\n?/g, '\n');
  const hashes = (pattern: RegExp) =>
    [...text.matchAll(pattern)].map((m) => `'sha256-${createHash('sha256').update(m[1] ?? '', 'utf8').digest('base64')}'`);
  return {
    scripts: [...new Set(hashes(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script\s*>/gi))],
    styles: [...new Set(hashes(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi))],
  };
}

/**
 * CloudFront Function (viewer request, cloudfront-js-2.0) on the web app's behaviour only: a
 * path whose last segment has no dot is a page of the app (`/councils/npm/meetings/m1`), so
 * S3 is asked for `/index.html` and the app routes in the browser. Files (`/app.js`,
 * `/config.json`) pass unchanged, and `/v1/*` never reaches it (its own behaviour), so the
 * API's 404s stay 404s.
 */
export const APP_PATHS_FUNCTION = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.lastIndexOf('.') <= uri.lastIndexOf('/')) request.uri = '/index.html';
  return request;
}`;
