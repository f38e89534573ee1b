import type { z } from 'zod';
import type { Access } from '../http/roles.ts';

/**
 * Who reads a council's records: its own people (roles held in that council on the date read or
 * today) and the platform administrator. The election commission's voters, who are no members,
 * read the elections, the lot and the composition, not the meetings.
 */
export const READERS = ['admin', 'chairperson', 'secretary', 'member', 'voter'] as const;
export const MEETING_READERS = ['admin', 'chairperson', 'secretary', 'member'] as const;
/** Who sees the candidates: those who register them, and the voters who choose among them (private facts to the first only). */
export const CANDIDATE_READERS = ['admin', 'chairperson', 'secretary', 'voter'] as const;
export const C = '/v1/councils/{councilId}';
export const MT = `${C}/meetings/{meetingId}`;

/**
 * Every HTTP route of kenes, as data: the one source for the CDK stack (one function per
 * module and table access, the authorizer on every non-public route, the table grant), the
 * module routers (which export handles a routeKey, functions/http/dispatch.ts), the local
 * server, and the OpenAPI document (security, request and response schemas).
 * The handler validates with the very schemas listed here, so the document cannot drift.
 */
export type Route = {
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path, with `{name}` parameters. */
  path: string;
  /** Handler module, relative to `functions/`. */
  module: string;
  /** Named export of that module that Lambda invokes. */
  handler: string;
  /**
   * `public`, or the roles allowed to call it (any one suffices): `admin` is global; the others
   * are held in the path's council on the date, from its own records. The role matrix.
   */
  access: Access;
  /** What the function may do to the table: least privilege per route. */
  table: 'none' | 'read' | 'write';
  summary: string;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Response schema of the success status; `responseType` when not JSON. */
  response?: z.ZodType;
  status?: number;
  responseType?: string;
  /** The function renders PDF: its bundle ships the fonts (Kazakh letters, p30). */
  fonts?: boolean;
  /**
   * A create route whose retry is recognised by a code the client draws (a ballot's receipt),
   * so it keeps no `Idempotency-Key` record: such a record would link the voter to the ballot.
   */
  retryByReceipt?: boolean;
};

