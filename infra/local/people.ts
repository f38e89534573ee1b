import * as z from 'zod';
import { today } from '../../functions/clock.ts';
import { COUNCIL_ROLES, type CouncilRole } from '../../functions/http/roles.ts';
import { rolesOf } from '../../functions/membership/access.ts';
import { everyCouncil, inOrder } from '../../functions/reads/me.ts';
import { personName } from '../../functions/reads/names.ts';
import { peopleIn } from '../../functions/reads/notify.ts';
import { dynamoMembershipStore } from '../../functions/store/membership.ts';
import { dynamoReadStore } from '../../functions/store/reads.ts';
import type { Text } from '../../functions/text.ts';

/** The demo administrator of `npm start` (the Commissioner's Office staff): the only global role. */
export const LOCAL_ADMIN = 'office-admin';

export type LocalPerson = { sub: string; name: string; admin?: true; councils: { id: string; name: Text; roles: CouncilRole[] }[] };

/** What `GET /v1/local/people` answers (local server only, never deployed). */
export const LocalPeopleResponse = z.object({
  people: z.array(
    z.object({
      sub: z.string(),
      name: z.string(),
      admin: z.literal(true).optional(),
      councils: z.array(z.object({ id: z.string(), name: z.object({ kk: z.string(), ru: z.string(), en: z.string() }), roles: z.array(z.enum(COUNCIL_ROLES)) })),
    }),
  ),
});

/**
 * `GET /v1/local/people`, for the dev sign-in: everyone the councils in the table name (their
 * Chairperson, members, commission voters), by the name the council records (a voter has only
 * their user id), with the roles each holds in each council on `on` (default today); and the
 * demo administrator first. Served by the local server only: on AWS people sign in with Cognito.
 *
 * @example
 * (await localPeople()).people[0]; // { sub: 'office-admin', name: 'office-admin', admin: true, councils: [] }
 */
export async function localPeople(on: string = today()): Promise<z.infer<typeof LocalPeopleResponse>> {
  const all = await everyCouncil({ reads: dynamoReadStore(), store: dynamoMembershipStore() });
  const bySub = new Map<string, LocalPerson>();
  for (const people of all) {
    for (const sub of peopleIn(people)) {
      const person = bySub.get(sub) ?? { sub, name: sub, councils: [] };
      person.name = person.name === sub ? (personName(people, sub) ?? sub) : person.name;
      person.councils.push({ id: people.council.id, name: people.council.name, roles: inOrder(rolesOf(people, sub, on).roles) });
      bySub.set(sub, person);
    }
  }
  const listed = [...bySub.values()].sort((a, b) => a.name.localeCompare(b.name, 'kk') || a.sub.localeCompare(b.sub));
  return { people: [{ sub: LOCAL_ADMIN, name: LOCAL_ADMIN, admin: true, councils: [] }, ...listed] };
}
