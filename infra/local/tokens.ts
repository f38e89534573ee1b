import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import { ID_PATTERN } from '../../functions/ids.ts';
import { ROLES, ROLES_CLAIM, type Role } from '../../functions/http/roles.ts';

/**
 * Dev tokens for the local server, standing in for Cognito: signed with a local key, carrying
 * `sub` and the roles in `cognito:groups` exactly as Cognito does. Never part of the stack.
 */
export type LocalTokens = {
  mint: (sub: string, roles: Role[]) => Promise<string>;
  verify: (token: string) => Promise<JWTPayload | undefined>;
};

const ISSUER = 'kenes-local';

export function localTokens(key: Uint8Array = randomBytes(32)): LocalTokens {
  return {
    async mint(sub, roles) {
      return new SignJWT({ [ROLES_CLAIM]: roles, token_use: 'access' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sub)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime('12h')
        .sign(key);
    },
    async verify(token) {
      try {
        return (await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] })).payload;
      } catch {
        return undefined;
      }
    },
  };
}

/** Body of `POST /v1/local/tokens`: who (an id), and `admin` for the platform administrator; council roles come from the council's records. */
export const MintRequest = z.strictObject({ sub: z.string().regex(ID_PATTERN), roles: z.array(z.enum(ROLES)).max(ROLES.length).default([]) });
