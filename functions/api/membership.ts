import { today } from '../clock.ts';
import { handle } from '../http/handle.ts';
import { authorize } from '../membership/access.ts';
import * as councils from '../membership/councils.ts';
import * as elections from '../membership/elections.ts';
import * as lots from '../membership/lots.ts';
import * as changes from '../membership/changes.ts';
import { composition } from '../membership/composition.ts';
import * as staff from '../membership/staff.ts';
import { membershipDeps } from './wiring.ts';
import { dispatch } from '../http/dispatch.ts';
import * as self from './membership.ts';

/** Handlers of the membership routes: each validates (via the route's schemas), calls the domain, answers. */

export const createCouncil = handle('councils.create', async ({ body, identity }) => ({
  json: await councils.createCouncil(membershipDeps(), identity!.sub, { ...body, createdOn: body.createdOn ?? today() }),
}));

export const applyAsCandidate = handle('candidates.apply', async ({ body, params, caller }) => ({
  json: await councils.applyAsCandidate(membershipDeps(), caller, params.councilId!, { ...body, appliedOn: body.appliedOn ?? today() }),
}));

export const declareFacts = handle('candidates.declareFacts', async ({ body, params, caller }) => {
  await councils.declareFacts(membershipDeps(), caller, params.councilId!, params.candidateId!, body.facts, body.declaredOn ?? today());
  return { json: { candidateId: params.candidateId, facts: body.facts } };
});

export const withdrawCandidate = handle('candidates.withdraw', async ({ body, params, caller }) => {
  await councils.withdrawCandidate(membershipDeps(), caller, params.councilId!, params.candidateId!, body.on ?? today());
  return { json: { candidateId: params.candidateId, status: 'withdrawn' } };
});

export const formCommission = handle('commissions.form', async ({ body, params, caller }) => ({
  json: await councils.formCommission(membershipDeps(), caller, params.councilId!, { voters: body.voters, formedOn: body.formedOn ?? today() }),
}));

export const openElection = handle('elections.open', async ({ body, params, caller }) => ({
  json: await elections.openElection(membershipDeps(), caller, params.councilId!, body),
}));


export const castBallot = handle('ballots.cast', async ({ body, params, caller }) => ({
  json: await elections.castBallot(membershipDeps(), caller, params.councilId!, params.electionId!, body),
}));

export const verifyReceipt = handle('ballots.verify', async ({ query, params, caller }) => ({
  json: await elections.verifyReceipt(membershipDeps(), caller, params.councilId!, params.electionId!, query.receipt),
}));

export const closeElection = handle('elections.close', async ({ params, caller }) => ({
  json: await elections.closeElection(membershipDeps(), caller, params.councilId!, params.electionId!),
}));

export const commitLot = handle('lots.commit', async ({ body, params, caller }) => ({
  json: await lots.commitLot(membershipDeps(), caller, params.councilId!, { electionId: body.electionId, on: body.on ?? today() }),
}));

export const revealLot = handle('lots.reveal', async ({ body, params, caller }) => ({
  json: await lots.revealLot(membershipDeps(), caller, params.councilId!, params.lotId!, { on: body.on ?? today() }),
}));

export const getLot = handle('lots.get', async ({ params, caller }) => ({
  json: await lots.readLot(membershipDeps(), caller, params.councilId!, params.lotId!),
}));

export const appointSecretary = handle('secretary.appoint', async ({ body, params, caller }) => ({
  json: await changes.appointSecretary(membershipDeps(), caller, params.councilId!, { memberId: body.memberId, on: body.on ?? today() }),
}));

export const listMembers = handle('members.list', async ({ query, params, caller }) => ({
  json: await composition(membershipDeps(), caller, params.councilId!, query.at ?? today(), today()),
}));

export const sendLeavingNotice = handle('members.leave', async ({ body, params, caller }) => ({
  json: await changes.sendLeavingNotice(membershipDeps(), caller, params.councilId!, params.memberId!, { kind: body.kind, noticeDate: body.noticeDate ?? today(), statement: body.statement }),
}));

export const acceptLeavingNotice = handle('members.acceptLeaving', async ({ body, params, caller }) => ({
  json: await changes.acceptLeavingNotice(membershipDeps(), caller, params.councilId!, params.memberId!, params.noticeId!, { on: body.on ?? today(), receivedOn: body.receivedOn }),
}));

export const terminateMember = handle('members.terminate', async ({ body, params, caller }) => ({
  json: await changes.terminateMember(membershipDeps(), caller, params.councilId!, params.memberId!, body),
}));


export const authoriseStaff = handle('staff.authorise', async ({ body, params, caller }) => ({
  json: await staff.authoriseStaff(membershipDeps(), caller, params.councilId!, params.sub!, { name: body.name, on: body.on ?? today() }),
}));

export const revokeStaff = handle('staff.revoke', async ({ body, params, caller }) => ({
  json: await staff.revokeStaff(membershipDeps(), caller, params.councilId!, params.sub!, { on: body.on ?? today() }),
}));

export const listStaff = handle('staff.list', async ({ params, caller }) => ({ json: await staff.listStaff(membershipDeps(), caller, params.councilId!, today()) }));

/** What Lambda runs for every route of this module: the route's own export, by routeKey. */
export const router = dispatch(self);
