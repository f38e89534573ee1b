/**
 * Filling the seats from a closed round (p10): only candidates with a simple majority of the
 * ballots cast (the `election` question decides that, per candidate) can take a seat; seats go
 * by votes; a tie for the last seat, or seats left unfilled, lead to a run-off round among the
 * tied (or the remaining) candidates for the seats still open.
 *
 * @example
 * seatsFrom(2, [{ id: 'a', votes: 7, majority: true }, { id: 'b', votes: 6, majority: true }, { id: 'c', votes: 6, majority: true }]);
 * // { elected: ['a'], runoff: { candidates: ['b', 'c'], seats: 1, cause: 'tie' } }
 */
export type CandidateResult = { id: string; votes: number; majority: boolean };
export type RunoffCause = 'tie' | 'unfilled';
export type SeatResult = { elected: string[]; runoff?: { candidates: string[]; seats: number; cause: RunoffCause } };

export function seatsFrom(seats: number, results: readonly CandidateResult[]): SeatResult {
  const withMajority = results.filter((r) => r.majority).sort((a, b) => b.votes - a.votes);
  if (withMajority.length <= seats) {
    const elected = withMajority.map((r) => r.id);
    const open = seats - elected.length;
    const rest = results.filter((r) => !r.majority).map((r) => r.id);
    return open > 0 && rest.length > 0 ? { elected, runoff: { candidates: rest, seats: open, cause: 'unfilled' } } : { elected };
  }
  const last = withMajority[seats - 1]!.votes;
  const sure = withMajority.filter((r) => r.votes > last).map((r) => r.id);
  const tied = withMajority.filter((r) => r.votes === last).map((r) => r.id);
  const open = seats - sure.length;
  if (tied.length === open) return { elected: [...sure, ...tied] };
  return { elected: sure, runoff: { candidates: tied, seats: open, cause: 'tie' } };
}
