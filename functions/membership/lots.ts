import { addYears } from '../clock.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Identity } from '../http/identity.ts';
import { councilOrFail, newId, requireChairperson, type MembershipDeps } from './deps.ts';
import type { Lot, Term } from './model.ts';
import { draw, newSeed, type HalfRounding } from './lot.ts';

/** What anyone may see of a lot: the seed only once revealed. */
export function publicLot(lot: Lot) {
  const { seed, ...rest } = lot;
  return lot.revealedOn ? { ...rest, seed } : rest;
}

/**
 * The Chairperson commits to a random seed for the lot after the first election (p11):
 * its SHA-256 is published now, the seed itself only at the reveal.
 */
export async function commitLot(deps: MembershipDeps, identity: Identity | undefined, councilId: string, input: { electionId: string; on: string }) {
  requireChairperson(await councilOrFail(deps, councilId), identity);
  const election = await deps.store.getElection(councilId, input.electionId);
  if (!election || election.kind !== 'first') {
    throw new ConflictError('not-a-first-election', {
      kk: 'Жеребе тек алғашқы сайлаудан кейін тасталады (11-тармақ)',
      ru: 'Жеребьёвка проводится только после первых выборов (п. 11)',
      en: 'Lots are drawn only after the first election (p11)',
    });
  }
  const { seed, commitment } = newSeed();
  const lot: Lot = { id: newId(), councilId, electionId: election.id, commitment, committedOn: input.on, seed };
  await deps.store.putLot(lot);
  return publicLot(lot);
}

/**
 * Reveals the seed and draws which half of the first election's members get a two-year term
 * (p11; odd numbers round by `lot.halfRounding`). Anyone can recompute the result from the
 * published seed and the ordered member list (functions/membership/lot.ts).
 */
export async function revealLot(deps: MembershipDeps, identity: Identity | undefined, councilId: string, lotId: string, input: { on: string }) {
  requireChairperson(await councilOrFail(deps, councilId), identity);
  const lot = await deps.store.getLot(councilId, lotId);
  if (!lot) throw new NotFoundError('lot-not-found', { kk: 'Жеребе табылмады', ru: 'Жеребьёвка не найдена', en: 'Lot not found' });
  if (lot.revealedOn) throw new ConflictError('lot-revealed', { kk: 'Жеребе бұрын ашылған', ru: 'Жеребьёвка уже раскрыта', en: 'The lot was already revealed' });
  const elections = await deps.store.listElections(councilId);
  const firstRounds = elections.filter((e) => e.kind === 'first');
  if (firstRounds.some((e) => e.status === 'open')) {
    throw new ConflictError('first-election-open', {
      kk: 'Алғашқы сайлаудың барлық турлары аяқталмаған',
      ru: 'Не все туры первых выборов завершены',
      en: 'Not every round of the first election is closed',
    });
  }
  const members = (await deps.store.listMembers(councilId)).filter((m) => m.terms.some((t) => t.cohort === 'first-long' && t.status === 'active'));
  const ordered = members.map((m) => m.id).sort();
  const rounding = await deps.law.parameter<HalfRounding>('lot.halfRounding', input.on);
  const { years: shortYears } = await deps.law.parameter<{ years: number }>('term.firstShortLength', input.on);
  const { short, long } = draw(lot.seed, ordered, rounding);
  const shortened: Term[] = members
    .filter((m) => short.includes(m.id))
    .map((m) => m.terms.find((t) => t.cohort === 'first-long' && t.status === 'active')!)
    .map((t) => ({ ...t, cohort: 'first-short' as const, end: addYears(t.start, shortYears) }));
  const revealed: Lot = { ...lot, revealedOn: input.on, result: { ordered, short, long, rounding } };
  await deps.store.revealLot(revealed, shortened);
  return publicLot(revealed);
}
