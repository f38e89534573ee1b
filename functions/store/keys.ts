/**
 * Key layout of the one table. Every key of a council's data starts from the council;
 * gsi2 holds date-sorted cross-council entries (active term ends, decisions by date).
 */
export const keys = {
  council: (cid: string) => ({ pk: `COUNCIL#${cid}`, sk: 'COUNCIL' }),
  candidate: (cid: string, id: string) => ({ pk: `COUNCIL#${cid}`, sk: `CANDIDATE#${id}` }),
  commission: (cid: string, id: string) => ({ pk: `COUNCIL#${cid}`, sk: `COMMISSION#${id}` }),
  election: (cid: string, id: string) => ({ pk: `COUNCIL#${cid}`, sk: `ELECTION#${id}` }),
  tally: (cid: string, id: string) => ({ pk: `COUNCIL#${cid}`, sk: `ELECTION#${id}#TALLY` }),
  voter: (cid: string, id: string, sub: string) => ({ pk: `COUNCIL#${cid}`, sk: `ELECTION#${id}#VOTER#${sub}` }),
  ballot: (cid: string, id: string, receiptHash: string) => ({ pk: `COUNCIL#${cid}`, sk: `ELECTION#${id}#BALLOT#${receiptHash}` }),
  member: (cid: string, id: string) => ({ pk: `COUNCIL#${cid}`, sk: `MEMBER#${id}` }),
  term: (cid: string, mid: string, start: string) => ({ pk: `COUNCIL#${cid}`, sk: `MEMBER#${mid}#TERM#${start}` }),
  leaving: (cid: string, mid: string, id: string) => ({ pk: `COUNCIL#${cid}`, sk: `MEMBER#${mid}#LEAVING#${id}` }),
  /** Kept under the meeting: a vote needs the meeting's recusals, not a member's history. */
  recusal: (cid: string, meetingId: string, memberId: string, itemId: string) => ({ pk: `COUNCIL#${cid}`, sk: `MEETING#${meetingId}#RECUSAL#${memberId}#${itemId}` }),
  meeting: (cid: string, id: string) => ({ pk: `COUNCIL#${cid}`, sk: `MEETING#${id}` }),
  meetingByDate: (cid: string, id: string, date: string) => ({ gsi1pk: `COUNCIL#${cid}#MEETINGS`, gsi1sk: `${date}#${id}` }),
  attendance: (cid: string, mid: string, attendeeId: string) => ({ pk: `COUNCIL#${cid}`, sk: `MEETING#${mid}#ATTENDANCE#${attendeeId}` }),
  motion: (cid: string, mid: string, id: string) => ({ pk: `COUNCIL#${cid}`, sk: `MEETING#${mid}#MOTION#${id}` }),
  vote: (cid: string, mid: string, moid: string, voterId: string) => ({ pk: `COUNCIL#${cid}`, sk: `MEETING#${mid}#VOTE#${moid}#${voterId}` }),
  dissent: (cid: string, mid: string, moid: string, memberId: string) => ({ pk: `COUNCIL#${cid}`, sk: `MEETING#${mid}#DISSENT#${moid}#${memberId}` }),
  signature: (cid: string, mid: string, role: string) => ({ pk: `COUNCIL#${cid}`, sk: `MEETING#${mid}#SIGNATURE#${role}` }),
  correction: (cid: string, mid: string, id: string) => ({ pk: `COUNCIL#${cid}`, sk: `MEETING#${mid}#CORRECTION#${id}` }),
  demand: (cid: string, id: string) => ({ pk: `COUNCIL#${cid}`, sk: `DEMAND#${id}` }),
  notice: (cid: string, id: string) => ({ pk: `COUNCIL#${cid}`, sk: `NOTICE#${id}` }),
  /** Every council, for the jobs that visit them all. */
  councilList: (cid: string) => ({ gsi1pk: 'COUNCILS', gsi1sk: cid }),
  termination: (cid: string, mid: string, id: string) => ({ pk: `COUNCIL#${cid}`, sk: `MEMBER#${mid}#TERMINATION#${id}` }),
  lot: (cid: string, id: string) => ({ pk: `COUNCIL#${cid}`, sk: `LOT#${id}` }),
  secretary: (cid: string, on: string, mid: string) => ({ pk: `COUNCIL#${cid}`, sk: `SECRETARY#${on}#${mid}` }),
  flag: (cid: string, mid: string, end: string) => ({ pk: `COUNCIL#${cid}`, sk: `FLAG#TERM#${mid}#${end}` }),
  decision: (cid: string, id: string) => ({ pk: `COUNCIL#${cid}`, sk: `DECISION#${id}` }),
  /** Sparse: present only while a term is active, so the job reads live terms only. */
  termEnd: (cid: string, mid: string, end: string) => ({ gsi2pk: 'TERMEND', gsi2sk: `${end}#${cid}#${mid}` }),
  decisionByDate: (cid: string, id: string, at: string) => ({ gsi2pk: 'DECISION', gsi2sk: `${at}#${cid}#${id}` }),
  /** The law: one partition holds the act, the head, every version and every withdrawal (one Query loads it). */
  lawAct: () => ({ pk: 'LAW', sk: 'ACT' }),
  lawHead: () => ({ pk: 'LAW', sk: 'HEAD' }),
  lawVersion: (id: string) => ({ pk: 'LAW', sk: `VERSION#${id}` }),
  lawWithdrawal: (versionId: string) => ({ pk: 'LAW', sk: `WITHDRAWAL#${versionId}` }),
  /**
   * The audit log apart, so loading the law does not grow with it. Sorted by the head's
   * revision (each change of the law makes one), then by the entry's place in that change.
   */
  lawAudit: (revision: number, n: number) => ({ pk: 'LAW#AUDIT', sk: `REVISION#${String(revision).padStart(10, '0')}#${String(n).padStart(4, '0')}` }),
};

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'type'];

/** An item without its key attributes: the domain never sees the table's layout. */
export function fromItem<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  return Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRIBUTES.includes(k))) as T;
}
