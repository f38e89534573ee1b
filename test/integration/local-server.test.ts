import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocal } from './local.ts';

describe('the local server', () => {
  let local: Awaited<ReturnType<typeof startLocal>>;
  beforeAll(async () => {
    local = await startLocal();
  });
  afterAll(() => local.close());

  it('answers health once the table is reachable', async () => {
    const { status, json } = await local.call('GET', '/v1/health');
    expect(status).toBe(200);
    expect(json.status).toBe('ok');
  });

  it('serves the web app at / and at app paths, and its local configuration', async () => {
    for (const path of ['/', '/councils/x/meetings']) {
      const { status, text, headers } = await local.call('GET', path);
      expect(status, path).toBe(200);
      expect(headers.get('content-type')).toMatch(/text\/html/);
      expect(text).toContain('id="app"');
    }
    expect((await local.call('GET', '/config.json')).json).toEqual({ auth: { mode: 'local' } });
  });

  it('serves the OpenAPI document', async () => {
    const { status, json } = await local.call('GET', '/v1/openapi.json');
    expect(status).toBe(200);
    expect(json.openapi).toBe('3.1.0');
  });

  it('answers an unknown route like API Gateway', async () => {
    expect((await local.call('GET', '/v1/nothing-here')).status).toBe(404);
    expect((await local.call('GET', '/../package.json')).status).toBe(404);
  });

  it('mints a dev token for a person (the only global role is admin), and refuses a bad request', async () => {
    const minted = await local.call('POST', '/v1/local/tokens', { body: { sub: 'admin-1', roles: ['admin'] } });
    expect(minted.status).toBe(201);
    const [, payload] = minted.json.token.split('.');
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({ sub: 'admin-1', 'cognito:groups': ['admin'] });
    expect((await local.call('POST', '/v1/local/tokens', { body: { sub: 'person-1' } })).status).toBe(201);
    expect((await local.call('POST', '/v1/local/tokens', { body: { sub: 'x', roles: ['chair'] } })).status).toBe(400);
    expect((await local.call('POST', '/v1/local/tokens', { body: { sub: 'x#y' } })).status).toBe(400);
  });

  it('answers a CORS preflight', async () => {
    const { status, headers } = await local.call('OPTIONS', '/v1/health');
    expect(status).toBe(204);
    expect(headers.get('access-control-allow-origin')).toBe('*');
  });
});
