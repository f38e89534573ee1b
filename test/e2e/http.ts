import type { Api } from '../scenarios/membership.ts';

/**
 * The scenarios' `call` against a running `npm start` at `base`: a dev token minted for the
 * caller (`as`: their `sub` and global roles) on each call, the answer read as JSON when it is.
 */
export function against(base: string): Pick<Api, 'call'> & { token: (as: { sub: string; roles?: string[] }) => Promise<string> } {
  async function token(as: { sub: string; roles?: string[] }): Promise<string> {
    const minted = await fetch(`${base}/v1/local/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub: as.sub, roles: as.roles ?? [] }) });
    return ((await minted.json()) as { token: string }).token;
  }
  return {
    token,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      if (options.as) headers.authorization = `Bearer ${await token(options.as)}`;
      const response = await fetch(`${base}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: response.status, json, text, headers: response.headers };
    },
  };
}
