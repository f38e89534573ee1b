import { CHAIRPERSON } from '../meetings/model.ts';
import type { Council, CouncilPeople } from '../membership/model.ts';

/** An id a page shows, with the name of what it names. */
export type Named = { id: string; name: string };

/** The Chairperson (the Commissioner, p15.1) by the name the council records; without one, their user id. */
export function chairpersonName(council: Council): string {
  return council.chairpersonName ?? council.chairpersonSub;
}

/**
 * The name of someone who sits at a council's meetings (`chairperson`, or a member id), from
 * the council's own records: the Chairperson's recorded name, the member's name as elected. An
 * id the records do not know stays an id (never a guess).
 *
 * @example
 * nameOf(people, 'chairperson'); // 'Төраға'
 */
export function nameOf(people: CouncilPeople, id: string): string {
  if (id === CHAIRPERSON) return chairpersonName(people.council);
  return people.members.find((m) => m.id === id)?.name ?? id;
}

/** `{ id, name }` for someone who sits at the meetings. */
export function named(people: CouncilPeople, id: string): Named {
  return { id, name: nameOf(people, id) };
}

/**
 * A person's name in a council, by their user id, as its records give it: the Chairperson's
 * recorded name, or a member's (the latest membership). A commission voter is recorded by their
 * user id only: no name (undefined).
 */
export function personName(people: CouncilPeople, sub: string): string | undefined {
  if (people.council.chairpersonSub === sub) return people.council.chairpersonName;
  return people.members.filter((m) => m.sub === sub).at(-1)?.name ?? people.staff.find((s) => s.sub === sub)?.name ?? people.participants.find((p) => p.sub === sub)?.name;
}
