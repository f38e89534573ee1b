import { createHash } from 'node:crypto';
import { auditEntry } from '../audit.ts';
import { addDays, addYears } from '../clock.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors.ts';
import { derivedId, newId } from '../ids.ts';
import { format } from '../text.ts';
import { authorize, inOffice, type Caller } from './access.ts';
import { candidateNotFound } from './councils.ts';
import { askLaw, type MembershipDeps } from './deps.ts';
import type { Election, ElectionKind, ElectionResult, Member } from './model.ts';
import { seatsFrom } from './tally.ts';

/**
 * POST /v1/councils/{councilId}/elections: the Commissioner opens an election by the commission
 * (p8) for `seats` seats among eligible candidates, each person standing once.
 */
export async function openElection(
  deps: MembershipDeps,
  caller: Caller,
  councilId: string,
  input: { commissionId: string; date: string; seats: number; candidateIds: string[]; kind?: ElectionKind; termStart?: string; vacancyOf?: string[] },
) {
  const { people } = await authorize(deps, caller, councilId, input.date);
  const { council } = people;
  const commission = people.commissions.find((c) => c.id === input.commissionId);
  if (!commission) throw new NotFoundError('commission-not-found', { kk: 'Комиссия табылмады', ru: 'Комиссия не найдена', en: 'Commission not found' });
  if (commission.formedOn > input.date) {
    throw new InvalidInputError([{ field: 'body.date', code: 'before-commission', message: { kk: 'сайлау комиссия құрылғанға дейін өте алмайды (8-тармақ)', ru: 'выборы не могут пройти до образования комиссии (п. 8)', en: 'an election cannot precede the forming of its commission (p8)' } }]);
  }
  const candidates = await Promise.all(input.candidateIds.map((id) => deps.store.getCandidate(councilId, id)));
  const problems = candidates.flatMap((candidate, index) => {
    if (!candidate || candidate.status !== 'eligible') {
      return [{ field: `body.candidateIds.${index}`, code: 'candidate-not-eligible', message: { kk: 'үміткер табылмады немесе сайлауға түсе алмайды', ru: 'кандидат не найден или не может участвовать', en: 'no such eligible candidate' } }];
    }
    // A person cannot stand twice in one round (two applications of one account).
    const first = candidates.findIndex((c) => c?.sub && c.sub === candidate.sub);
    return first !== index && candidate.sub
      ? [{ field: `body.candidateIds.${index}`, code: 'same-person', message: { kk: 'бұл адам осы турда бұрыннан үміткер', ru: 'этот человек уже кандидат в этом туре', en: `the same person as body.candidateIds.${first}` } }]
      : [];
  });
  if (problems.length) throw new InvalidInputError(problems);
  const firstElection = (await deps.store.listElections(councilId)).find((e) => e.kind === 'first');
  const kind = input.kind ?? (input.vacancyOf ? 'vacancy' : people.members.length === 0 && !firstElection ? 'first' : 'renewal');
  if (kind === 'first' && (firstElection || people.members.length > 0)) {
    throw new ConflictError('first-election-held', {
      kk: 'Алғашқы сайлау бұрын өткізілген (11-тармақ)',
      ru: 'Первые выборы уже проводились (п. 11)',
      en: 'The first election was already held (p11)',
    });
  }
  const terms = await termsOf(deps, people.members, { ...input, kind });
  // Never more members than seats (p8, p11): those in office when the new terms begin, and the new.
  const staying = people.members.filter((m) => inOffice(m, terms.start)).length;
  if (staying + input.seats > council.seats) {
    throw new InvalidInputError([
      {
        field: 'body.seats',
        code: 'more-than-seats',
        message: format(
          {
            kk: 'жаңа мерзімдер басталғанда {staying} мүше қызметте болады, ал кеңесте {seats} орын бар',
            ru: 'когда начнутся новые сроки, в должности {staying, plural, one {останется # член} few {останутся # члена} other {останутся # членов}}, а мест в совете {seats}',
            en: "when the new terms begin {staying, plural, one {# member} other {# members}} will still be in office, of the council's {seats, plural, one {# seat} other {# seats}}",
          },
          { staying, seats: council.seats },
        ),
      },
    ]);
  }
  const election: Election = {
    id: newId(),
    councilId,
    commissionId: input.commissionId,
    kind,
    date: input.date,
    termStart: terms.start,
    ...(terms.end ? { termEnd: terms.end } : {}),
    ...(input.vacancyOf ? { vacancyOf: input.vacancyOf } : {}),
    seats: input.seats,
    candidateIds: input.candidateIds,
    round: 1,
    status: 'open',
  };
  await deps.store.putElection(election, { audit: auditEntry(councilId, caller.identity!.sub, 'election-opened', { kind: 'election', id: election.id }, { on: input.date, point: 'p10', details: { seats: input.seats, kind } }) });
  return { ...election, readings: terms.readings };
}

/**
 * When the terms of those elected begin and, for a vacancy, end (p11), by the readings in force
 * on the election date: a renewal begins when the outgoing terms end (`term.renewalStart`), and a
 * member elected to a vacancy serves the rest of that seat's term (`term.vacancy`), so the two
 * halves stay staggered. A date given in the request wins for the start.
 */
async function termsOf(deps: MembershipDeps, members: Member[], input: { kind: ElectionKind; date: string; termStart?: string; seats: number; vacancyOf?: string[] }) {
  const readings = [];
  let start = input.termStart ?? input.date;
  let end: string | undefined;
  if (input.kind === 'renewal' && !input.termStart) {
    const reading = await deps.law.reading('term.renewalStart', input.date);
    readings.push(reading);
    const outgoing = members.flatMap((m) => m.terms).filter((t) => t.status === 'active' && t.end > input.date).map((t) => t.end).sort()[0];
    if (reading.value === 'when-outgoing-end' && outgoing) start = outgoing;
  }
  if (input.kind === 'vacancy') {
    const reading = await deps.law.reading('term.vacancy', input.date);
    readings.push(reading);
    const vacated = (input.vacancyOf ?? []).map((id, index) => ({ index, member: members.find((m) => m.id === id) }));
    const bad = vacated.filter(({ member }) => !member || member.status !== 'ended');
    if (!input.vacancyOf || bad.length || input.vacancyOf.length !== input.seats) {
      throw new InvalidInputError(
        bad.length
          ? bad.map(({ index }) => ({ field: `body.vacancyOf.${index}`, code: 'not-vacant', message: { kk: 'бұл мүшенің орны бос емес', ru: 'место этого члена не вакантно', en: "is not a member whose seat is vacant" } }))
          : [{ field: 'body.vacancyOf', code: 'vacancies', message: { kk: 'бос орындарды (әр орынға бір мүше) атаңыз', ru: 'назовите вакантные места (по одному члену на место)', en: 'name the vacant seats, one member per seat' } }],
      );
    }
    if (reading.value === 'rest-of-seat') {
      const ends = [...new Set(vacated.map(({ member }) => member!.terms.at(-1)!.end))];
      if (ends.length > 1) {
        throw new InvalidInputError([{ field: 'body.vacancyOf', code: 'different-halves', message: { kk: 'бұл орындардың мерзімдері әртүрлі күні аяқталады: әр жартыға бөлек сайлау өткізіңіз (11-тармақ)', ru: 'сроки этих мест кончаются в разные дни: проведите выборы для каждой половины отдельно (п. 11)', en: 'these seats end on different dates: hold one election per half (p11)' } }]);
      }
      end = ends[0];
    }
  }
  return { start, end, readings };
}

/** GET an election: its own council's people only, on its date or today. */
export async function readElection(deps: MembershipDeps, caller: Caller, councilId: string, electionId: string, today: string): Promise<Election> {
  await authorize(deps, caller, councilId);
  const election = await electionOrFail(deps, councilId, electionId);
  await authorize(deps, caller, councilId, [election.date, today]);
  return election;
}

/**
 * A secret ballot (p10): only the voters of this round's commission, one ballot each, while the
 * round is open. The voter's browser draws the receipt code; only its hash is stored, with the
 * ballot, so nobody can link the voter to it. The choices are stored in a canonical order, not
 * the voter's. A retry with the same code and choices is the same ballot, answered the same.
 */
export async function castBallot(deps: MembershipDeps, caller: Caller, councilId: string, electionId: string, input: { choices: string[]; receipt: string }): Promise<{ receipt: string }> {
  await authorize(deps, caller, councilId);
  const election = await electionOrFail(deps, councilId, electionId);
  const { people } = await authorize(deps, caller, councilId, election.date);
  const commission = people.commissions.find((c) => c.id === election.commissionId);
  if (!commission?.voters.includes(caller.identity!.sub)) {
    throw new ForbiddenError('not-a-commission-voter', {
      kk: 'Бұл турда тек осы сайлау комиссиясының мүшелері дауыс береді (8-тармақ)',
      ru: 'В этом туре голосуют только члены этой избирательной комиссии (п. 8)',
      en: "Only the members of this round's election commission vote (p8)",
    });
  }
  if (election.status !== 'open') throw roundClosed();
  const unknown = input.choices.findIndex((c) => !election.candidateIds.includes(c));
  if (unknown >= 0 || input.choices.length > election.seats) {
    throw new InvalidInputError([
      unknown >= 0
        ? { field: `body.choices.${unknown}`, code: 'not-a-candidate', message: { kk: 'бұл турдың үміткері емес', ru: 'не кандидат этого тура', en: 'is not a candidate in this round' } }
        : { field: 'body.choices', code: 'too-many-choices', message: { kk: `ең көбі ${election.seats}`, ru: `не более ${election.seats}`, en: `at most ${election.seats}` } },
    ]);
  }
  await deps.store.castBallot(election, caller.identity!.sub, [...input.choices].sort(), receiptHash(input.receipt));
  return { receipt: input.receipt };
}

/** Lets a voter check, with their receipt code, that their ballot was counted: yes or no, nothing more. */
export async function verifyReceipt(deps: MembershipDeps, caller: Caller, councilId: string, electionId: string, receipt: string) {
  await authorize(deps, caller, councilId);
  await electionOrFail(deps, councilId, electionId);
  return { counted: await deps.store.ballotCounted(councilId, electionId, receiptHash(receipt)) };
}

/**
 * Closes a round. First the round leaves `open` (a conditional write: no ballot is accepted
 * after), then the ballots stored are counted, read consistently: the count is exactly what was
 * accepted. Eligibility is checked again on the election date (p4, p5, p8), each candidate's
 * majority is decided by the `election` question (p10), seats are filled by votes; a tie for
 * the last seat or unfilled seats open a run-off round. Those elected become members with a
 * term of `term.length` (p11). Every record the close writes has an id derived from the round,
 * so a close that failed half-way is finished by calling it again, never doubled.
 */
export async function closeElection(deps: MembershipDeps, caller: Caller, councilId: string, electionId: string) {
  await authorize(deps, caller, councilId);
  const found = await electionOrFail(deps, councilId, electionId);
  await authorize(deps, caller, councilId, found.date);
  if (found.status === 'closed') throw roundClosed();
  await deps.store.beginClose(found);
  const election: Election = { ...found, status: 'closing' };
  const ballots = await deps.store.ballots(councilId, electionId);
  const votes: Record<string, number> = Object.fromEntries(election.candidateIds.map((c) => [c, 0]));
  for (const choices of ballots) for (const c of choices) if (c in votes) votes[c]!++;
  const ballotsCast = ballots.length;
  const blankBallots = ballots.filter((choices) => choices.length === 0).length;
  const subject = { kind: 'election', id: election.id };

  const ineligible: string[] = [];
  const decisions: ElectionResult['decisions'] = [];
  const records = [];
  const results = [];
  const candidates = await Promise.all(election.candidateIds.map((id) => deps.store.getCandidate(councilId, id)));
  for (const [index, candidateId] of election.candidateIds.entries()) {
    const candidate = candidates[index];
    if (!candidate) throw candidateNotFound();
    const eligibility = await askLaw(deps, councilId, { kind: 'candidate', id: candidateId }, 'member-eligibility', election.date, candidate.facts, derivedId(election.id, 'eligibility', candidateId));
    records.push(eligibility.record);
    if (eligibility.outcome !== 'eligible' || candidate.status === 'withdrawn') {
      ineligible.push(candidateId);
      decisions.push({ candidateId, outcome: candidate.status === 'withdrawn' ? 'withdrawn' : eligibility.outcome, reasons: eligibility.reasons, version: eligibility.version });
      continue;
    }
    const decision = await askLaw(deps, councilId, subject, 'election', election.date, { ballotsCast, blankBallots, votesForCandidate: votes[candidateId] ?? 0 }, derivedId(election.id, 'election', candidateId));
    records.push(decision.record);
    decisions.push({ candidateId, outcome: decision.outcome, reasons: decision.reasons, version: decision.version });
    results.push({ id: candidateId, votes: votes[candidateId] ?? 0, majority: decision.outcome === 'elected' });
  }

  const seats = seatsFrom(election.seats, results);
  const { years } = await deps.law.parameter<{ years: number }>('term.length', election.date);
  const boundary = await deps.law.reading('term.boundary', election.date);
  const termEnd = election.termEnd ?? endOfTerm(addYears(election.termStart, years), boundary);
  const members: Member[] = seats.elected.map((candidateId) => {
    const candidate = candidates[election.candidateIds.indexOf(candidateId)]!;
    const id = derivedId(election.id, 'member', candidateId);
    return {
      id,
      councilId,
      candidateId,
      name: candidate.name,
      sub: candidate.sub,
      electionId: election.id,
      status: 'active',
      terms: [{ memberId: id, councilId, start: election.termStart, end: termEnd, status: 'active', cohort: election.kind === 'first' ? 'first-long' : 'regular' }],
    };
  });
  const runoff: Election | undefined = seats.runoff
    ? {
        ...election,
        id: derivedId(election.id, 'runoff'),
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
  const audit = auditEntry(councilId, caller.identity!.sub, 'election-closed', subject, { on: election.date, point: 'p10', details: { ballotsCast, elected: seats.elected } });
  await deps.store.finishClose({ election, result, members, runoff, decisions: records, audit });
  const readings = [...new Map([...records.flatMap((r) => r.readings), ...(election.termEnd ? [] : [boundary])].map((r) => [r.parameter, r])).values()];
  return { election: { ...election, status: 'closed' as const, result }, members, readings };
}

export async function electionOrFail(deps: MembershipDeps, councilId: string, electionId: string): Promise<Election> {
  const election = await deps.store.getElection(councilId, electionId);
  if (!election) throw new NotFoundError('election-not-found', { kk: 'Сайлау табылмады', ru: 'Выборы не найдены', en: 'Election not found' });
  return election;
}

/**
 * A term's end as stored: the first day out of office. By `term.boundary`, the anniversary is
 * the first day out (`anniversary-excluded`) or still inside the term (`anniversary-included`).
 */
export function endOfTerm(anniversary: string, boundary: { value: unknown }): string {
  return boundary.value === 'anniversary-included' ? addDays(anniversary, 1) : anniversary;
}

function roundClosed(): ConflictError {
  return new ConflictError('election-closed', { kk: 'Бұл сайлау туры жабылған', ru: 'Этот тур выборов закрыт', en: 'This election round is closed' });
}

function receiptHash(receipt: string): string {
  return createHash('sha256').update(receipt, 'utf8').digest('hex');
}
