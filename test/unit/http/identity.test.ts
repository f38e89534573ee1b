import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { authorize, identify } from '../../../functions/http/identity.ts';
import { ForbiddenError, UnauthorizedError } from '../../../functions/errors.ts';

const withClaims = (claims?: Record<string, unknown>) =>
  ({ requestContext: { authorizer: claims ? { jwt: { claims, scopes: [] } } : undefined } }) as unknown as APIGatewayProxyEventV2;

describe('Function: identify', () => {
  it.each([
    ['API Gateway string form', '[admin other]'],
    ['a JSON-ish list', '["admin","other"]'],
    ['an array', ['admin', 'other']],
  ])('reads the global role from %s', (_name, groups) => {
    expect(identify(withClaims({ sub: 'u1', 'cognito:groups': groups }))).toEqual({ sub: 'u1', roles: ['admin'] });
  });

  it('drops groups that are no global role: a council role never comes from a token', () => {
    expect(identify(withClaims({ sub: 'u1', 'cognito:groups': '[chair member root]' }))?.roles).toEqual([]);
  });

  it('treats a sub that is not an id as no identity (it would become part of a key)', () => {
    expect(identify(withClaims({ sub: 'u1#VOTER#x' }))).toBeUndefined();
    expect(identify(withClaims({ sub: 'x'.repeat(65) }))).toBeUndefined();
  });

  it('is anonymous without claims or without sub', () => {
    expect(identify(withClaims())).toBeUndefined();
    expect(identify(withClaims({ 'cognito:groups': '[admin]' }))).toBeUndefined();
  });
});

describe('Function: authorize', () => {
  it('lets anyone call a public route', () => {
    expect(() => authorize(undefined, 'public', false)).not.toThrow();
  });
  it('refuses an anonymous caller with 401 and, outside a council, a caller without the global role with 403', () => {
    expect(() => authorize(undefined, ['admin'], false)).toThrow(UnauthorizedError);
    expect(() => authorize(undefined, ['member'], true)).toThrow(UnauthorizedError);
    expect(() => authorize({ sub: 'u', roles: [] }, ['admin'], false)).toThrow(ForbiddenError);
    expect(() => authorize({ sub: 'u', roles: ['admin'] }, ['admin'], false)).not.toThrow();
  });
  it('leaves a council route to the council check: no global group makes anyone a member', () => {
    expect(() => authorize({ sub: 'u', roles: [] }, ['member'], true)).not.toThrow();
  });
});
