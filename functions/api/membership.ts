import { today } from '../clock.ts';
import { NotFoundError } from '../errors.ts';
import { handle } from '../http/handle.ts';
import * as councils from '../membership/councils.ts';
import * as elections from '../membership/elections.ts';
import * as lots from '../membership/lots.ts';
import * as changes from '../membership/changes.ts';
import { composition } from '../membership/composition.ts';
import { membershipDeps } from './wiring.ts';
import { dispatch } from '../http/dispatch.ts';
import * as self from './membership.ts';

/** Handlers of the membership routes: each validates (via the route's schemas), calls the domain, answers. */

export const createCouncil = handle('councils.create', async ({ body }) => ({
  json: await councils.createCouncil(membershipDeps(), { ...body, createdOn: body.createdOn ?? today() }),
}));

export const applyAsCandidate = handle('candidates.apply', async ({ body, params }) => ({
  json: await councils.applyAsCandidate(membershipDeps(), params.councilId!, { ...body, appliedOn: body.appliedOn ?? today() }),
}));

export const declareFacts = handle('candidates.declareFacts', async ({ body, params }) => {
  await councils.declareFacts(membershipDeps(), params.councilId!, params.candidateId!, body.facts, body.declaredOn ?? today());
  return { json: { candidateId: params.candidateId, facts: body.facts } };
});

export const withdrawCandidate = handle('candidates.withdraw', async ({ body, params }) => {
  await councils.withdrawCandidate(membershipDeps(), params.councilId!, params.candidateId!, body.on ?? today());
  return { json: { candidateId: params.candidateId, status: 'withdrawn' } };
});

export const formCommission = handle('commissions.form', async ({ body, params, identity }) => ({
  json: await councils.formCommission(membershipDeps(), identity, params.councilId!, { voters: body.voters, formedOn: body.formedOn ?? today() }),
}));

export const openElection = handle('elections.open', async ({ body, params, identity }) => ({
  json: await elections.openElection(membershipDeps(), identity, params.councilId!, body),
}));

export const getElection = handle('elections.get', async ({ params }) => ({
  json: await elections.electionOrFail(membershipDeps(), params.councilId!, params.electionId!),
}));

export const castBallot = handle('ballots.cast', async ({ body, params, identity }) => ({
  json: await elections.castBallot(membershipDeps(), identity, params.councilId!, params.electionId!, body.choices),
}));

export const verifyReceipt = handle('ballots.verify', async ({ query, params }) => ({
  json: await elections.verifyReceipt(membershipDeps(), params.councilId!, params.electionId!, query.receipt),
}));

export const closeElection = handle('elections.close', async ({ params, identity }) => ({
  json: await elections.closeElection(membershipDeps(), identity, params.councilId!, params.electionId!),
}));

export const commitLot = handle('lots.commit', async ({ body, params, identity }) => ({
  json: await lots.commitLot(membershipDeps(), identity, params.councilId!, { electionId: body.electionId, on: body.on ?? today() }),
}));

export const revealLot = handle('lots.reveal', async ({ body, params, identity }) => ({
  json: await lots.revealLot(membershipDeps(), identity, params.councilId!, params.lotId!, { on: body.on ?? today() }),
}));

export const getLot = handle('lots.get', async ({ params }) => {
  const lot = await membershipDeps().store.getLot(params.councilId!, params.lotId!);
  if (!lot) throw new NotFoundError('lot-not-found', { kk: 'Жеребе табылмады', ru: 'Жеребьёвка не найдена', en: 'Lot not found' });
  return { json: lots.publicLot(lot) };
});

export const appointSecretary = handle('secretary.appoint', async ({ body, params, identity }) => ({
  json: await changes.appointSecretary(membershipDeps(), identity, params.councilId!, { memberId: body.memberId, on: body.on ?? today() }),
}));

export const listMembers = handle('members.list', async ({ query, params }) => ({
  json: await composition(membershipDeps(), params.councilId!, query.at ?? today()),
}));

export const sendLeavingNotice = handle('members.leave', async ({ body, params, identity }) => ({
  json: await changes.sendLeavingNotice(membershipDeps(), identity, params.councilId!, params.memberId!, { noticeDate: body.noticeDate ?? today(), statement: body.statement }),
}));

export const acceptLeavingNotice = handle('members.acceptLeaving', async ({ body, params, identity }) => ({
  json: await changes.acceptLeavingNotice(membershipDeps(), identity, params.councilId!, params.memberId!, params.noticeId!, { on: body.on ?? today() }),
}));

export const recordRecusal = handle('members.recuse', async ({ body, params, identity }) => ({
  json: await changes.recordRecusal(membershipDeps(), identity, params.councilId!, params.memberId!, { ...body, on: body.on ?? today() }),
}));

export const terminateMember = handle('members.terminate', async ({ body, params, identity }) => ({
  json: await changes.terminateMember(membershipDeps(), identity, params.councilId!, params.memberId!, body),
}));


/** What Lambda runs for every route of this module: the route's own export, by routeKey. */
export const router = dispatch(self);
