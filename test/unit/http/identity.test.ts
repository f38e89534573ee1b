import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { authorize, identify } from '../../../functions/http/identity.ts';
import { ForbiddenError, UnauthorizedError } from '../../../functions/errors.ts';

const withClaims = (claims?: Record<string, unknown>) =>
  ({ requestContext: { authorizer: claims ? { jwt: { claims, scopes: [] } } : undefined } }) as unknown as APIGatewayProxyEventV2;

describe('Function: identify', () => {
  it.each([
    ['API Gateway string form', '[chair secretary]'],
    ['a JSON-ish list', '["chair","secretary"]'],
    ['an array', ['chair', 'secretary']],
  ])('reads roles from %s', (_name, groups) => {
    expect(identify(withClaims({ sub: 'u1', 'cognito:groups': groups }))).toEqual({ sub: 'u1', roles: ['chair', 'secretary'] });
  });

  it('drops roles kenes does not know', () => {
    expect(identify(withClaims({ sub: 'u1', 'cognito:groups': '[chair root]' }))?.roles).toEqual(['chair']);
  });

  it('is anonymous without claims or without sub', () => {
    expect(identify(withClaims())).toBeUndefined();
    expect(identify(withClaims({ 'cognito:groups': '[admin]' }))).toBeUndefined();
  });
});

describe('Function: authorize', () => {
  it('lets anyone call a public route', () => {
    expect(() => authorize(undefined, 'public')).not.toThrow();
  });
  it('refuses an anonymous caller with 401 and a caller without the role with 403', () => {
    expect(() => authorize(undefined, ['admin'])).toThrow(UnauthorizedError);
    expect(() => authorize({ sub: 'u', roles: ['member'] }, ['admin', 'chair'])).toThrow(ForbiddenError);
    expect(() => authorize({ sub: 'u', roles: ['member', 'chair'] }, ['admin', 'chair'])).not.toThrow();
  });
});
