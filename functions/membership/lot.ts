import { createHash, randomBytes } from 'node:crypto';

/**
 * The drawing of lots after the first election (p11): which half of the members get a
 * two-year first term. Verifiable by anyone: the Chairperson commits to a random seed before
 * (its SHA-256 is published), reveals it after, and the result is a pure function of the seed
 * and the ordered member list:
 *
 *   rank(member) = SHA-256(seed + ":" + memberId) in hex; sort ascending;
 *   the first `shortCount` members get the short term.
 *
 * @example
 * const { seed, commitment } = newSeed();
 * draw(seed, ['m1', 'm2', 'm3', 'm4'], 'down').short.length; // 2
 */
export function newSeed(): { seed: string; commitment: string } {
  const seed = randomBytes(32).toString('hex');
  return { seed, commitment: commitmentOf(seed) };
}

export function commitmentOf(seed: string): string {
  return createHash('sha256').update(seed, 'utf8').digest('hex');
}

/** How "half" rounds with an odd number of members: a rule parameter (`lot.halfRounding`). */
export type HalfRounding = 'down' | 'up';

export function shortCount(members: number, rounding: HalfRounding): number {
  return rounding === 'up' ? Math.ceil(members / 2) : Math.floor(members / 2);
}

export function draw(seed: string, memberIds: readonly string[], rounding: HalfRounding) {
  const ranked = [...memberIds]
    .map((id) => ({ id, rank: createHash('sha256').update(`${seed}:${id}`, 'utf8').digest('hex') }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  const count = shortCount(memberIds.length, rounding);
  return { ranked, short: ranked.slice(0, count).map((r) => r.id), long: ranked.slice(count).map((r) => r.id) };
}
