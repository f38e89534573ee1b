import type { Role } from '../http/roles.ts';
import * as M from '../membership/schemas.ts';
import { EvaluateRequest, EvaluateResponse, VersionsResponse } from '../rules/index.ts';
import { HealthResponse, IsoDate } from './schemas.ts';
import { z } from 'zod';

/** Every role: routes any signed-in user of the council may call. */
const SIGNED_IN = ['chair', 'secretary', 'member', 'commission', 'admin', 'participant'] as const;
const C = '/v1/councils/{councilId}';

/**
 * Every HTTP route of kenes, as data: the one source for the CDK stack (one function per
 * route, the authorizer on every non-public route, the table grant), the local server (which
 * handler export to invoke) and the OpenAPI document (security, request and response schemas).
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
  /** `public`, or the roles allowed to call it (any one suffices). */
  access: 'public' | readonly Role[];
  /** What the function may do to the table: least privilege per route. */
  table: 'none' | 'read' | 'write';
  summary: string;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Response schema of the success status; `responseType` when not JSON. */
  response?: z.ZodType;
  status?: number;
  responseType?: string;
};

export const routes = [
  {
    id: 'health',
    method: 'GET',
    path: '/v1/health',
    module: 'api/health.ts',
    handler: 'health',
    access: 'public',
    table: 'read',
    summary: 'Health: 200 once the function can reach its table',
    response: HealthResponse,
  },
  {
    id: 'openapi',
    method: 'GET',
    path: '/v1/openapi.json',
    module: 'api/openapi.ts',
    handler: 'openapi',
    access: 'public',
    table: 'none',
    summary: 'This API as an OpenAPI 3.1 document',
  },
  {
    id: 'rules.evaluate',
    method: 'POST',
    path: '/v1/rules/evaluate',
    module: 'api/rules.ts',
    handler: 'evaluate',
    access: 'public',
    table: 'none',
    summary: 'Ask the Regulation a question at a date: the outcome, every reason with its point, the version in force',
    body: EvaluateRequest,
    response: EvaluateResponse,
  },
  {
    id: 'rules.versions',
    method: 'GET',
    path: '/v1/rules/versions',
    module: 'api/rules.ts',
    handler: 'versions',
    access: 'public',
    table: 'none',
    summary: 'Every version of the act, with its dates and its status on a date',
    query: z.strictObject({ at: IsoDate.optional() }),
    response: VersionsResponse,
  },
  {
    id: 'councils.create',
    method: 'POST',
    path: '/v1/councils',
    module: 'api/membership.ts',
    handler: 'createCouncil',
    access: ['admin'],
    table: 'write',
    summary: 'Create a council (a tenant): its name, seats and Chairperson, the Commissioner (p15.1)',
    body: M.CreateCouncil,
    status: 201,
  },
  {
    id: 'candidates.apply',
    method: 'POST',
    path: `${C}/candidates`,
    module: 'api/membership.ts',
    handler: 'applyAsCandidate',
    access: ['admin', 'chair', 'secretary'],
    table: 'write',
    summary: "Register a candidate: eligibility (p4, p5, p8) judged on the application date; a refusal lists every failing point",
    body: M.ApplyAsCandidate,
    status: 201,
  },
  {
    id: 'candidates.declareFacts',
    method: 'PUT',
    path: `${C}/candidates/{candidateId}/facts`,
    module: 'api/membership.ts',
    handler: 'declareFacts',
    access: ['admin', 'chair', 'secretary'],
    table: 'write',
    summary: "Replace a standing candidate's declared facts; eligibility is judged again when the round closes",
    body: M.DeclareFacts,
  },
  {
    id: 'candidates.withdraw',
    method: 'POST',
    path: `${C}/candidates/{candidateId}/withdrawal`,
    module: 'api/membership.ts',
    handler: 'withdrawCandidate',
    access: ['admin', 'chair'],
    table: 'write',
    summary: 'Withdraw a candidate who has not been elected',
    body: M.Withdraw,
  },
  {
    id: 'commissions.form',
    method: 'POST',
    path: `${C}/commissions`,
    module: 'api/membership.ts',
    handler: 'formCommission',
    access: ['chair'],
    table: 'write',
    summary: 'The Commissioner forms the election commission; its members are the voters (p8)',
    body: M.FormCommission,
    status: 201,
  },
  {
    id: 'elections.open',
    method: 'POST',
    path: `${C}/elections`,
    module: 'api/membership.ts',
    handler: 'openElection',
    access: ['chair'],
    table: 'write',
    summary: 'Open an election by the commission for N seats among eligible candidates (p8, p10)',
    body: M.OpenElection,
    status: 201,
  },
  {
    id: 'elections.get',
    method: 'GET',
    path: `${C}/elections/{electionId}`,
    module: 'api/membership.ts',
    handler: 'getElection',
    access: SIGNED_IN,
    table: 'read',
    summary: 'An election round: its status and, once closed, the tally and the decisions',
  },
  {
    id: 'ballots.cast',
    method: 'POST',
    path: `${C}/elections/{electionId}/ballots`,
    module: 'api/membership.ts',
    handler: 'castBallot',
    access: ['commission'],
    table: 'write',
    summary: 'Cast a secret ballot (p10): one per commission voter; returns a receipt code',
    body: M.CastBallot,
    response: M.BallotReceipt,
    status: 201,
  },
  {
    id: 'ballots.verify',
    method: 'GET',
    path: `${C}/elections/{electionId}/receipts`,
    module: 'api/membership.ts',
    handler: 'verifyReceipt',
    access: ['commission'],
    table: 'read',
    summary: 'Check with a receipt code that a ballot was counted (yes or no, never its content)',
    query: M.ReceiptQuery,
  },
  {
    id: 'elections.close',
    method: 'POST',
    path: `${C}/elections/{electionId}/close`,
    module: 'api/membership.ts',
    handler: 'closeElection',
    access: ['chair'],
    table: 'write',
    summary: 'Close a round: simple majority of ballots cast (p10), seats by votes, a run-off on a tie or unfilled seats',
  },
  {
    id: 'lots.commit',
    method: 'POST',
    path: `${C}/lots`,
    module: 'api/membership.ts',
    handler: 'commitLot',
    access: ['chair'],
    table: 'write',
    summary: 'Commit to the seed of the lot after the first election (p11): its SHA-256 is published',
    body: M.CommitLot,
    status: 201,
  },
  {
    id: 'lots.reveal',
    method: 'POST',
    path: `${C}/lots/{lotId}/reveal`,
    module: 'api/membership.ts',
    handler: 'revealLot',
    access: ['chair'],
    table: 'write',
    summary: 'Reveal the seed and draw which half gets two-year terms (p11); anyone can recompute it',
    body: M.OnDate,
  },
  {
    id: 'lots.get',
    method: 'GET',
    path: `${C}/lots/{lotId}`,
    module: 'api/membership.ts',
    handler: 'getLot',
    access: SIGNED_IN,
    table: 'read',
    summary: 'A lot: its commitment, and once revealed its seed and result',
  },
  {
    id: 'secretary.appoint',
    method: 'PUT',
    path: `${C}/secretary`,
    module: 'api/membership.ts',
    handler: 'appointSecretary',
    access: ['chair'],
    table: 'write',
    summary: 'Appoint the Secretary from among the elected members (p9); history is kept',
    body: M.AppointSecretary,
  },
  {
    id: 'members.list',
    method: 'GET',
    path: `${C}/members`,
    module: 'api/membership.ts',
    handler: 'listMembers',
    access: SIGNED_IN,
    table: 'read',
    summary: 'Composition on a date: members, roles, term ends, vacancies, and every term in history',
    query: M.CompositionQuery,
  },
  {
    id: 'members.leave',
    method: 'POST',
    path: `${C}/members/{memberId}/leaving`,
    module: 'api/membership.ts',
    handler: 'sendLeavingNotice',
    access: ['member', 'secretary'],
    table: 'write',
    summary: "A member's written notice of leaving to the Commissioner (p12); only the member sends it",
    body: M.LeavingNotice,
    status: 201,
  },
  {
    id: 'members.acceptLeaving',
    method: 'POST',
    path: `${C}/members/{memberId}/leaving/{noticeId}/acceptance`,
    module: 'api/membership.ts',
    handler: 'acceptLeavingNotice',
    access: ['chair'],
    table: 'write',
    summary: 'The Commissioner accepts a leaving notice; membership ends from the acceptance (p15.7)',
    body: M.OnDate,
  },
  {
    id: 'members.recuse',
    method: 'POST',
    path: `${C}/members/{memberId}/recusals`,
    module: 'api/membership.ts',
    handler: 'recordRecusal',
    access: ['member', 'secretary', 'chair'],
    table: 'write',
    summary: 'Record a recusal from one agenda item when impartiality is in doubt (p12)',
    body: M.Recusal,
    status: 201,
  },
  {
    id: 'members.terminate',
    method: 'POST',
    path: `${C}/members/{memberId}/terminations`,
    module: 'api/membership.ts',
    handler: 'terminateMember',
    access: ['chair'],
    table: 'write',
    summary: "Terminate a member's powers on a ground of p18 (ground 1 needs an adopted termination vote, p25)",
    body: M.Termination,
    status: 201,
  },
] as const satisfies readonly Route[];

export type RouteId = (typeof routes)[number]['id'];

export function routeById(id: RouteId): Route {
  const route = routes.find((r) => r.id === id);
  if (!route) throw new Error(`unknown route ${id}`);
  return route;
}
