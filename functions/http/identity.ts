import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';
import { isId } from '../ids.ts';
import { ROLES, ROLES_CLAIM, type Access, type Role } from './roles.ts';

/** Who calls: read from the authorizer's claims in the event, and from nothing else. */
export type Identity = { sub: string; roles: Role[] };

type JwtClaims = Record<string, string | number | boolean | string[]>;

/**
 * The caller's identity from an HTTP API v2 event, or undefined for an anonymous call.
 * API Gateway's JWT authorizer hands array claims over as a string like `[admin chair]`.
 *
 * @example
 * identify(event)?.roles.includes('chair');
 */
export function identify(event: APIGatewayProxyEventV2): Identity | undefined {
  const claims = (event.requestContext as { authorizer?: { jwt?: { claims?: JwtClaims } } }).authorizer?.jwt?.claims;
  const sub = claims?.sub;
  // The sub becomes part of keys (a voter's receipt): it must be an id like any other.
  if (!isId(sub)) return undefined;
  return { sub, roles: parseRoles(claims?.[ROLES_CLAIM]) };
}

function parseRoles(claim: JwtClaims[string] | undefined): Role[] {
  const raw = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.replace(/^\[|\]$/g, '').split(/[\s,]+/) : [];
  return raw.map((r) => r.replace(/^"|"$/g, '')).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
}

/**
 * Throws 401 without an identity on a non-public route; a `signed-in` route needs nothing more.
 * On a route outside any council, 403 unless the caller holds one of the global roles it
 * allows; a council route's roles are checked by its logic, against that council's records
 * (functions/membership/access.ts).
 */
export function authorize(identity: Identity | undefined, allowed: Access, inCouncil: boolean): void {
  if (allowed === 'public') return;
  if (!identity) throw new UnauthorizedError();
  if (allowed === 'signed-in') return;
  if (!inCouncil && !identity.roles.some((role) => allowed.includes(role))) throw new ForbiddenError();
}
