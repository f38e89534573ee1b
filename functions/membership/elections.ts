import { createHash, randomBytes } from 'node:crypto';
import { addYears } from '../clock.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors.ts';
import type { Identity } from '../http/identity.ts';
import { candidateNotFound } from './councils.ts';
import { councilOrFail, decideFor, newId, requireChairperson, type MembershipDeps } from './deps.ts';
import type { Election, ElectionKind, ElectionResult, Member } from './model.ts';
import { seatsFrom } from './tally.ts';

/**
 * POST /v1/councils/{councilId}/elections: the Commissioner opens an election by the commission
 * (p8) for `seats` seats among eligible candidates.
 */
export async function openElection(
  deps: MembershipDeps,
  identity: Identity | undefined,
  councilId: string,
  input: { commissionId: string; date: string; seats: number; candidateIds: string[]; kind?: ElectionKind; termStart?: string },
): Promise<Election> {
  const council = await councilOrFail(deps, councilId);
  requireChairperson(council, identity);
  if (!(await deps.store.getCommission(councilId, input.commissionId))) {
    throw new NotFoundError('commission-not-found', { kk: 'Комиссия табылмады', ru: 'Комиссия не найдена', en: 'Commission not found' });
  }
  if (input.seats > council.seats) {
    throw new InvalidInputError([{ field: 'body.seats', code: 'too-many-seats', message: { kk: `Кеңесте ${council.seats} орын бар`, ru: `В Совете ${council.seats} мест`, en: `The council has ${council.seats} seats` } }]);
  }
  for (const [index, candidateId] of input.candidateIds.entries()) {
    const candidate = await deps.store.getCandidate(councilId, candidateId);
    if (!candidate || candidate.status !== 'eligible') {
      throw new InvalidInputError([
        { field: `body.candidateIds.${index}`, code: 'candidate-not-eligible', message: { kk: 'үміткер табылмады немесе сайлауға түсе алмайды', ru: 'кандидат не найден или не может участвовать', en: 'no such eligible candidate' } },
      ]);
    }
  }
  const kind = input.kind ?? ((await deps.store.listMembers(councilId)).length === 0 ? 'first' : 'renewal');
  const election: Election = {
    id: newId(),
    councilId,
    commissionId: input.commissionId,
    kind,
    date: input.date,
    termStart: input.termStart ?? input.date,
    seats: input.seats,
    candidateIds: input.candidateIds,
    round: 1,
    status: 'open',
  };
  await deps.store.putElection(election);
  return election;
}

/**
 * A secret ballot (p10): only the commission's voters, one ballot each. The voter gets a
 * receipt code; only its hash is stored, with the ballot, so nobody can link the voter to it.
 */
export async function castBallot(
  deps: MembershipDeps,
  identity: Identity | undefined,
  councilId: string,
  electionId: string,
  choices: string[],
): Promise<{ receipt: string }> {
  const election = await electionOrFail(deps, councilId, electionId);
  const commission = await deps.store.getCommission(councilId, election.commissionId);
  if (!identity || !identity.roles.includes('commission') || !commission?.voters.includes(identity.sub)) {
    throw new ForbiddenError('not-a-commission-voter', {
      kk: 'Тек сайлау комиссиясының мүшелері дауыс береді (8-тармақ)',
      ru: 'Голосуют только члены избирательной комиссии (п. 8)',
      en: 'Only members of the election commission vote (p8)',
    });
  }
  if (election.status !== 'open') throw roundClosed();
  const unknown = choices.findIndex((c) => !election.candidateIds.includes(c));
  if (unknown >= 0 || choices.length > election.seats) {
    throw new InvalidInputError([
      unknown >= 0
        ? { field: `body.choices.${unknown}`, code: 'not-a-candidate', message: { kk: 'бұл турдың үміткері емес', ru: 'не кандидат этого тура', en: 'is not a candidate in this round' } }
        : { field: 'body.choices', code: 'too-many-choices', message: { kk: `ең көбі ${election.seats}`, ru: `не более ${election.seats}`, en: `at most ${election.seats}` } },
    ]);
  }
  const receipt = randomBytes(16).toString('base64url');
  await deps.store.castBallot(election, identity.sub, choices, receiptHash(receipt));
  return { receipt };
}

/** Lets a voter check, with their receipt code, that their ballot was counted: yes or no, nothing more. */
export async function verifyReceipt(deps: MembershipDeps, councilId: string, electionId: string, receipt: string) {
  await electionOrFail(deps, councilId, electionId);
  return { counted: await deps.store.ballotCounted(councilId, electionId, receiptHash(receipt)) };
}

/**
 * Closes a round: eligibility is checked again on the election date (p4, p5, p8), each
 * candidate's majority is decided by the `election` question (p10), seats are filled by votes;
 * a tie for the last seat or unfilled seats open a run-off round. Those elected become members
 * with a term of `term.years` (p11).
 */
export async function closeElection(deps: MembershipDeps, identity: Identity | undefined, councilId: string, electionId: string) {
  const council = await councilOrFail(deps, councilId);
  requireChairperson(council, identity);
  const election = await electionOrFail(deps, councilId, electionId);
  if (election.status !== 'open') throw roundClosed();
  const { ballotsCast, votes } = await deps.store.tally(councilId, electionId);
  const subject = { kind: 'election', id: election.id };

  const ineligible: string[] = [];
  const decisions: ElectionResult['decisions'] = [];
  const results = [];
  for (const candidateId of election.candidateIds) {
    const candidate = await deps.store.getCandidate(councilId, candidateId);
    if (!candidate) throw candidateNotFound();
    const eligibility = await decideFor(deps, councilId, { kind: 'candidate', id: candidateId }, 'member-eligibility', election.date, candidate.facts);
    if (eligibility.outcome !== 'eligible' || candidate.status === 'withdrawn') {
      ineligible.push(candidateId);
      decisions.push({ candidateId, outcome: candidate.status === 'withdrawn' ? 'withdrawn' : eligibility.outcome, reasons: eligibility.reasons, version: eligibility.version });
      continue;
    }
    const decision = await decideFor(deps, councilId, subject, 'election', election.date, { ballotsCast, votesForCandidate: votes[candidateId] ?? 0 });
    decisions.push({ candidateId, outcome: decision.outcome, reasons: decision.reasons, version: decision.version });
    results.push({ id: candidateId, votes: votes[candidateId] ?? 0, majority: decision.outcome === 'elected' });
  }

  const seats = seatsFrom(election.seats, results);
  const { years } = await deps.law.parameter<{ years: number }>('term.length', election.date);
  const members: Member[] = [];
  for (const candidateId of seats.elected) {
    const candidate = (await deps.store.getCandidate(councilId, candidateId))!;
    const id = newId();
    members.push({
      id,
      councilId,
      candidateId,
      name: candidate.name,
      sub: candidate.sub,
      electionId: election.id,
      status: 'active',
      terms: [
        {
          memberId: id,
          councilId,
          start: election.termStart,
          end: addYears(election.termStart, years),
          status: 'active',
          cohort: election.kind === 'first' ? 'first-long' : 'regular',
        },
      ],
    });
  }
  const runoff: Election | undefined = seats.runoff
    ? {
        ...election,
        id: newId(),
        seats: seats.runoff.seats,
        candidateIds: seats.runoff.candidates,
        round: election.round + 1,
        previousRoundId: election.id,
        status: 'open',
        result: undefined,
      }
    : undefined;
  const result: ElectionResult = {
    ballotsCast,
    votes,
    elected: seats.elected,
    ineligible,
    decisions,
    ...(runoff && seats.runoff ? { runoff: { electionId: runoff.id, candidates: seats.runoff.candidates, seats: seats.runoff.seats, cause: seats.runoff.cause } } : {}),
  };
  await deps.store.closeElection({ election, result, members, runoff });
  return { election: { ...election, status: 'closed' as const, result }, members };
}

export async function electionOrFail(deps: MembershipDeps, councilId: string, electionId: string): Promise<Election> {
  const election = await deps.store.getElection(councilId, electionId);
  if (!election) throw new NotFoundError('election-not-found', { kk: 'Сайлау табылмады', ru: 'Выборы не найдены', en: 'Election not found' });
  return election;
}

function roundClosed(): ConflictError {
  return new ConflictError('election-closed', { kk: 'Бұл сайлау туры жабылған', ru: 'Этот тур выборов закрыт', en: 'This election round is closed' });
}

function receiptHash(receipt: string): string {
  return createHash('sha256').update(receipt, 'utf8').digest('hex');
}
