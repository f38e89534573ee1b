import type { Commission, CouncilPeople, Member, ParticipantRecord, SecretaryAppointment, StaffAuthorisation, Term } from '../membership/model.ts';
import { tableName } from './client.ts';
import { fromItem, within } from './keys.ts';
import { queryAll } from './transact.ts';

/**
 * A council's people (members and terms, the Secretary's appointments, commissions, staff,
 * participants) kept in this function instance between requests, under the council's
 * `peopleVersion`: every write to those records moves it in the same transaction
 * (functions/store/transact.ts). A request reads the council item (strongly consistent) and takes
 * the people kept here only when the version there is the version kept; else it reads them
 * again. Nothing assumes one process: each instance checks against the table, and a vote's write
 * is conditioned on the version it read. A kept entry is dropped after MAX_AGE_MS whatever its
 * version, so a write made without the bump (by code older than the bump, during a deploy)
 * cannot outlive a minute here.
 */
export type KeptPeople = Omit<CouncilPeople, 'council'>;

const MAX_AGE_MS = 60_000;
const MAX_COUNCILS = 200;
const kept = new Map<string, { version: number; people: KeptPeople; at: number }>();

/** The council item's version of its people (absent before the first write that moved it). */
export function peopleVersionOf(item: Record<string, unknown>): number {
  return typeof item.peopleVersion === 'number' ? item.peopleVersion : 0;
}

/** The people kept for this council at this version, as a copy the caller may change. */
export function keptPeople(councilId: string, version: number, now = Date.now()): KeptPeople | undefined {
  const entry = kept.get(councilId);
  if (!entry || entry.version !== version || now - entry.at > MAX_AGE_MS) return undefined;
  return structuredClone(entry.people);
}

export function keepPeople(councilId: string, version: number, people: KeptPeople, now = Date.now()): void {
  if (kept.size >= MAX_COUNCILS && !kept.has(councilId)) kept.clear();
  kept.set(councilId, { version, people: structuredClone(people), at: now });
}

/** The people kept for this council at any version, to know whom to read beside it (a vote's one read). */
export function anyKeptPeople(councilId: string): { version: number; people: KeptPeople } | undefined {
  const entry = kept.get(councilId);
  return entry && { version: entry.version, people: entry.people };
}

/** The people of a council at a version of them: kept in this instance, or read (five Queries, strongly consistent) and kept. */
export async function peopleAt(councilId: string, version: number): Promise<KeptPeople> {
  const found = keptPeople(councilId, version);
  if (found) return found;
  const under = async (label: string) => {
    const { pk, prefix } = within(councilId, label);
    return queryAll({ TableName: tableName(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix }, ConsistentRead: true });
  };
  const [members, secretaries, commissions, staff, participants] = await Promise.all(['MEMBER', 'SECRETARY', 'COMMISSION', 'STAFF', 'PARTICIPANT'].map(under));
  const people: KeptPeople = {
    members: membersOf(members!),
    secretaries: ofType<SecretaryAppointment>(secretaries!, 'secretary'),
    commissions: ofType<Commission>(commissions!, 'commission'),
    staff: ofType<StaffAuthorisation>(staff!, 'staff'),
    participants: ofType<ParticipantRecord>(participants!, 'participant'),
  };
  keepPeople(councilId, version, people);
  return people;
}

const ofType = <T>(items: Record<string, unknown>[], type: string) => items.filter((i) => i.type === type).map((i) => fromItem<T>(i)!);

function membersOf(items: Record<string, unknown>[]): Member[] {
  const members = ofType<Omit<Member, 'terms'>>(items, 'member').map((m) => ({ ...m, terms: [] as Term[] }));
  for (const term of ofType<Term>(items, 'term')) members.find((m) => m.id === term.memberId)?.terms.push(term);
  return members;
}
