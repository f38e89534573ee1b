import { auditEntry } from '../audit.ts';
import { addYears } from '../clock.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { authorize, inOffice, type Caller } from './access.ts';
import type { MembershipDeps } from './deps.ts';
import type { Lot, Member, Term } from './model.ts';
import { endOfTerm } from './elections.ts';
import { draw, newSeed, type HalfRounding } from './lot.ts';

/** What anyone may see of a lot: the seed only once revealed. */
export function publicLot(lot: Lot) {
  const { seed, ...rest } = lot;
  return lot.revealedOn ? { ...rest, seed } : rest;
}

/**
 * The Chairperson commits to a random seed for the lot after the first election (p11): its
 * SHA-256 is published now, the seed itself only at the reveal. There is one lot, ever: a
 * second commitment would let the Chairperson reveal whichever seed they like, so it is
 * refused (409) naming the first.
 */
export async function commitLot(deps: MembershipDeps, caller: Caller, councilId: string, input: { electionId: string; on: string }) {
  await authorize(deps, caller, councilId, input.on);
  const election = await deps.store.getElection(councilId, input.electionId);
  if (!election || election.kind !== 'first') {
    throw new ConflictError('not-a-first-election', {
      kk: 'Жеребе тек алғашқы сайлаудан кейін тасталады (11-тармақ)',
      ru: 'Жеребьёвка проводится только после первых выборов (п. 11)',
      en: 'Lots are drawn only after the first election (p11)',
    });
  }
  const existing = await deps.store.firstLotId(councilId);
  if (existing) throw lotExists(existing);
  const { seed, commitment } = newSeed();
  const lot: Lot = { id: newId(), councilId, electionId: election.id, commitment, committedOn: input.on, seed };
  const audit = auditEntry(councilId, caller.identity!.sub, 'lot-committed', { kind: 'lot', id: lot.id }, { on: input.on, point: 'p11', details: { commitment } });
  try {
    await deps.store.putLot(lot, { audit });
  } catch (error) {
    // Two commitments at once: the guard let one through; name it.
    const first = error instanceof ConflictError ? await deps.store.firstLotId(councilId) : undefined;
    throw first ? lotExists(first) : error;
  }
  return publicLot(lot);
}

/**
 * Reveals the seed and draws which half of the members get a two-year term (p11; odd numbers
 * round by `lot.halfRounding`). Which members the half is of is the reading `lot.base`: those
 * elected at the first election (default), or every member in office on the lot's date; the
 * drawn ones' terms end two years after the first election's terms began (p11). Anyone can
 * recompute the result from the published seed and the ordered member list (lot.ts).
 */
export async function revealLot(deps: MembershipDeps, caller: Caller, councilId: string, lotId: string, input: { on: string }) {
  await authorize(deps, caller, councilId, input.on);
  const lot = await deps.store.getLot(councilId, lotId);
  if (!lot) throw lotNotFound();
  if (lot.revealedOn) throw new ConflictError('lot-revealed', { kk: 'Жеребе бұрын ашылған', ru: 'Жеребьёвка уже раскрыта', en: 'The lot was already revealed' });
  const elections = await deps.store.listElections(councilId);
  if (elections.some((e) => e.kind === 'first' && e.status !== 'closed')) {
    throw new ConflictError('first-election-open', {
      kk: 'Алғашқы сайлаудың барлық турлары аяқталмаған',
      ru: 'Не все туры первых выборов завершены',
      en: 'Not every round of the first election is closed',
    });
  }
  const first = elections.find((e) => e.kind === 'first' && e.round === 1)!;
  const [base, boundary, rounding] = await Promise.all([deps.law.reading('lot.base', input.on), deps.law.reading('term.boundary', input.on), deps.law.parameter<HalfRounding>('lot.halfRounding', input.on)]);
  const active = (m: Member) => m.terms.find((t) => t.status === 'active');
  const members = (await deps.store.listMembers(councilId)).filter((m) =>
    base.value === 'members-in-office' ? active(m) && inOffice(m, input.on) : m.terms.some((t) => t.cohort === 'first-long' && t.status === 'active'),
  );
  const ordered = members.map((m) => m.id).sort();
  const { years: shortYears } = await deps.law.parameter<{ years: number }>('term.firstShortLength', input.on);
  const { short, long } = draw(lot.seed, ordered, rounding);
  const shortEnd = endOfTerm(addYears(first.termStart, shortYears), boundary);
  const shortened: Term[] = members
    .filter((m) => short.includes(m.id))
    .map((m) => active(m)!)
    .map((t) => ({ ...t, cohort: 'first-short' as const, end: shortEnd }));
  const revealed: Lot = { ...lot, revealedOn: input.on, result: { ordered, short, long, rounding } };
  const audit = auditEntry(councilId, caller.identity!.sub, 'lot-revealed', { kind: 'lot', id: lot.id }, { on: input.on, point: 'p11', details: { short, long } });
  await deps.store.revealLot(revealed, shortened, { audit });
  return { ...publicLot(revealed), readings: [base, boundary, await deps.law.reading('lot.halfRounding', input.on)] };
}

/** GET a lot: the council's people; the seed only once revealed. */
export async function readLot(deps: MembershipDeps, caller: Caller, councilId: string, lotId: string) {
  await authorize(deps, caller, councilId);
  const lot = await deps.store.getLot(councilId, lotId);
  if (!lot) throw lotNotFound();
  return publicLot(lot);
}

function lotNotFound(): NotFoundError {
  return new NotFoundError('lot-not-found', { kk: 'Жеребе табылмады', ru: 'Жеребьёвка не найдена', en: 'Lot not found' });
}

function lotExists(firstLotId: string): ConflictError {
  return new ConflictError(
    'lot-exists',
    {
      kk: 'Жеребе бір-ақ рет тасталады: алғашқы сайлаудың жеребесі бұрын белгіленген (11-тармақ)',
      ru: 'Жеребьёвка проводится один раз: жеребьёвка первых выборов уже назначена (п. 11)',
      en: `Lots are drawn once: the first election's lot is ${firstLotId} (p11)`,
    },
    { existing: { kind: 'lot', id: firstLotId } },
  );
}
