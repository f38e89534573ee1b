import { today } from '../clock.ts';
import { handle } from '../http/handle.ts';
import * as council from '../reads/council.ts';
import type { ReadDeps } from '../reads/deps.ts';
import { readMeetingView } from '../reads/meeting.ts';
import { dynamoReadStore } from '../store/reads.ts';
import { meetingDeps } from './wiring.ts';
import { dispatch } from '../http/dispatch.ts';
import * as self from './reads.ts';

/** Handlers of the council's read models: each checks its caller against the council (functions/reads/council.ts), reads one page, answers. */

let deps: ReadDeps | undefined;
/** The read models' stores, built once per function instance. */
function readDeps(): ReadDeps {
  deps ??= { ...meetingDeps(), reads: dynamoReadStore() };
  return deps;
}

const pageOf = (query: { limit?: number; cursor?: string }) => ({ limit: query.limit ?? 50, cursor: query.cursor });

export const getCouncil = handle('councils.get', async ({ params, caller }) => ({ json: await council.readCouncil(readDeps(), caller, params.councilId!, today()) }));

export const listCandidates = handle('candidates.list', async ({ query, params, caller }) => ({ json: await council.listCandidates(readDeps(), caller, params.councilId!, pageOf(query), today()) }));

export const listCommissions = handle('commissions.list', async ({ query, params, caller }) => ({ json: await council.listCommissions(readDeps(), caller, params.councilId!, pageOf(query), today()) }));

export const listElections = handle('elections.list', async ({ query, params, caller }) => ({ json: await council.listElections(readDeps(), caller, params.councilId!, pageOf(query), today()) }));

export const getElection = handle('elections.get', async ({ params, caller }) => ({ json: await council.readElectionView(readDeps(), caller, params.councilId!, params.electionId!, today()) }));

export const listLots = handle('lots.list', async ({ query, params, caller }) => ({ json: await council.listLots(readDeps(), caller, params.councilId!, pageOf(query), today()) }));

export const listMeetings = handle('meetings.list', async ({ query, params, caller }) => ({ json: await council.listMeetings(readDeps(), caller, params.councilId!, { ...query, ...pageOf(query) }, today()) }));

export const getMeeting = handle('meetings.get', async ({ params, caller }) => ({ json: await readMeetingView(readDeps(), caller, params.councilId!, params.meetingId!, today()) }));

export const listDemands = handle('demands.list', async ({ query, params, caller }) => ({ json: await council.listDemands(readDeps(), caller, params.councilId!, pageOf(query), today()) }));

export const listLeavingNotices = handle('leaving.list', async ({ query, params, caller }) => ({ json: await council.listLeavingNotices(readDeps(), caller, params.councilId!, pageOf(query), today()) }));

export const auditLog = handle('audit.list', async ({ query, params, caller }) => ({ json: await council.readAudit(readDeps(), caller, params.councilId!, pageOf(query), today()) }));

/** What Lambda runs for every route of this module: the route's own export, by routeKey. */
export const router = dispatch(self);
