import { authorize, secretaryOn, type Caller } from '../membership/access.ts';
import { readElection } from '../membership/elections.ts';
import { publicLot } from '../membership/lots.ts';
import type { Candidate, CouncilPeople, Election } from '../membership/model.ts';
import type { Meeting } from '../meetings/model.ts';
import { COUNCIL_ROLES } from '../http/roles.ts';
import type { ReadDeps } from './deps.ts';
import { chairpersonName, named, nameOf, personName } from './names.ts';
import type { PageRequest } from './store.ts';

/**
 * The council's read models: each checks the caller against the council's own records today
 * (functions/membership/access.ts), reads one page, and puts names beside the ids it shows.
 */

/** Who may see a candidate's declared facts, documents and account (private data). */
const SEES_PRIVATE = ['admin', 'chairperson', 'secretary'] as const;

/** GET /v1/councils/{c}: the council, its Chairperson and Secretary today, and the caller's roles today. */
export async function readCouncil(deps: ReadDeps, caller: Caller, councilId: string, today: string) {
  const { people, roles } = await authorize(deps, caller, councilId, today);
  const { council } = people;
  const secretary = secretaryOn(people, today);
  return {
    id: council.id,
    name: council.name,
    seats: council.seats,
    createdOn: council.createdOn,
    chairperson: { sub: council.chairpersonSub, name: chairpersonName(council) },
    ...(secretary ? { secretary: { memberId: secretary.id, name: secretary.name } } : {}),
    myRoles: (['admin', ...COUNCIL_ROLES] as const).filter((role) => roles.has(role)),
  };
}

/** A candidate as a list shows it: the declared facts, documents and account only to those who may see them. */
export function candidateItem(candidate: Candidate & { memberId?: string }, seesPrivate: boolean) {
  const { id, name, status, appliedOn, profile, withdrawnOn, memberId, sub, facts, documents, eligibility } = candidate;
  return { id, name, status, appliedOn, profile, withdrawnOn, memberId, ...(seesPrivate ? { sub, facts, documents, eligibility } : {}) };
}

export async function listCandidates(deps: ReadDeps, caller: Caller, councilId: string, request: PageRequest, today: string) {
  const { roles } = await authorize(deps, caller, councilId, today);
  const page = await deps.reads.page(councilId, 'candidate', request);
  const seesPrivate = SEES_PRIVATE.some((role) => roles.has(role));
  return { items: page.items.map((c) => candidateItem(c, seesPrivate)), next: page.next };
}

export async function listCommissions(deps: ReadDeps, caller: Caller, councilId: string, request: PageRequest, today: string) {
  await authorize(deps, caller, councilId, today);
  const page = await deps.reads.page(councilId, 'commission', request);
  return { items: page.items.map(({ id, formedOn, voters }) => ({ id, formedOn, voters: voters.map((sub) => ({ sub })) })), next: page.next };
}

/** A round's candidates by name (with their public profile): the names of every id its result shows. */
export function candidatesOf(election: Pick<Election, 'candidateIds'>, candidates: Candidate[]) {
  return election.candidateIds.map((id) => {
    const found = candidates.find((c) => c.id === id);
    return { id, name: found?.name ?? id, ...(found?.profile ? { profile: found.profile } : {}) };
  });
}

export async function listElections(deps: ReadDeps, caller: Caller, councilId: string, request: PageRequest, today: string) {
  await authorize(deps, caller, councilId, today);
  const [page, candidates] = await Promise.all([deps.reads.page(councilId, 'election', request), deps.reads.every(councilId, 'candidate')]);
  const items = page.items.map((e) => ({
    ...{ id: e.id, kind: e.kind, date: e.date, termStart: e.termStart, seats: e.seats, round: e.round, status: e.status, commissionId: e.commissionId, previousRoundId: e.previousRoundId },
    candidates: candidatesOf(e, candidates),
  }));
  return { items, next: page.next };
}

/**
 * GET …/elections/{e}: the round, its candidates by name, and for a voter of its commission
 * `myBallot`, from that voter's own receipt (whether they voted, never how): for the caller alone.
 */
export async function readElectionView(deps: ReadDeps, caller: Caller, councilId: string, electionId: string, today: string) {
  const election = await readElection(deps, caller, councilId, electionId, today);
  const [{ people }, candidates] = await Promise.all([authorize(deps, caller, councilId), deps.reads.every(councilId, 'candidate')]);
  const sub = caller.identity?.sub;
  const isVoter = Boolean(sub) && people.commissions.some((c) => c.id === election.commissionId && c.voters.includes(sub!));
  const myBallot = isVoter ? ((await deps.reads.hasVoted(councilId, electionId, sub!)) ? ('cast' as const) : ('not-cast' as const)) : undefined;
  return { ...election, candidates: candidatesOf(election, candidates), ...(myBallot ? { myBallot } : {}) };
}

export async function listLots(deps: ReadDeps, caller: Caller, councilId: string, request: PageRequest, today: string) {
  const { people } = await authorize(deps, caller, councilId, today);
  const page = await deps.reads.page(councilId, 'lot', request);
  return { items: page.items.map((lot) => ({ ...publicLot(lot), members: (lot.result?.ordered ?? []).map((id) => named(people, id)) })), next: page.next };
}

/** A meeting as a list shows it. */
export function meetingItem(m: Meeting) {
  return { id: m.id, date: m.date, kind: m.kind, status: m.status, number: m.number, place: m.place, region: m.region, sealed: Boolean(m.sealedAt), openMotions: m.openMotions };
}

export async function listMeetings(deps: ReadDeps, caller: Caller, councilId: string, query: PageRequest & { from?: string; to?: string }, today: string) {
  await authorize(deps, caller, councilId, today);
  const page = await deps.reads.meetings(councilId, { from: query.from ?? '0000-01-01', to: query.to ?? '9999-12-31' }, query);
  return { items: page.items.map(meetingItem), next: page.next };
}

export async function listDemands(deps: ReadDeps, caller: Caller, councilId: string, request: PageRequest, today: string) {
  const { people } = await authorize(deps, caller, councilId, today);
  const page = await deps.reads.page(councilId, 'demand', request);
  return { items: page.items.map((d) => ({ ...d, signatories: d.signatories.map((id) => named(people, id)) })), next: page.next };
}

export async function listLeavingNotices(deps: ReadDeps, caller: Caller, councilId: string, request: PageRequest, today: string) {
  const { people } = await authorize(deps, caller, councilId, today);
  const page = await deps.reads.page(councilId, 'leaving', request);
  const items = page.items.map((n) => ({
    id: n.id,
    memberId: n.memberId,
    name: nameOf(people, n.memberId),
    kind: n.kind ?? 'notice',
    noticeDate: n.noticeDate,
    statement: n.statement,
    acceptedOn: n.acceptedOn,
    receivedOn: n.receivedOn,
  }));
  return { items, next: page.next };
}

/** The council's audit log, oldest first, by pages: who did it, by the name the council records (a job is `system`). */
export async function readAudit(deps: ReadDeps, caller: Caller, councilId: string, request: PageRequest, today: string) {
  const { people } = await authorize(deps, caller, councilId, today);
  const page = await deps.reads.page(councilId, 'audit', request);
  return { entries: page.items.map((e) => withByName(people, e)), next: page.next };
}

function withByName<E extends { by: string }>(people: CouncilPeople, entry: E): E & { byName?: string } {
  const byName = personName(people, entry.by);
  return byName ? { ...entry, byName } : entry;
}
