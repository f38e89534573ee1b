import type { Identity } from '../http/identity.ts';
import { COUNCIL_ROLES, type CouncilRole } from '../http/roles.ts';
import { rolesOf } from '../membership/access.ts';
import type { CouncilPeople } from '../membership/model.ts';
import { agendaOf, votedIn } from './agenda.ts';
import type { ReadDeps } from './deps.ts';
import { personName } from './names.ts';
import { todosOf } from './todos.ts';

/**
 * Every council with its people. Councils are few (one index partition lists them), so the
 * person's routes and the `notify` job read each council's people, in parallel. A per-person
 * index of memberships would spare that, but it would have to be written in the very
 * transactions that make and end memberships (functions/store/membership.ts), or it could lie;
 * until councils are many, reading the councils' own records is simpler and always exact.
 */
export async function everyCouncil(deps: Pick<ReadDeps, 'reads' | 'store'>): Promise<CouncilPeople[]> {
  const councils = await deps.reads.councils();
  const people = await Promise.all(councils.map((c) => deps.store.people(c.id)));
  return people.filter((p): p is CouncilPeople => Boolean(p));
}

/** Council roles in their one order (chairperson, secretary, member, voter). */
export function inOrder(roles: ReadonlySet<string>): CouncilRole[] {
  return COUNCIL_ROLES.filter((role) => roles.has(role));
}

/** The councils where `sub` holds a role today. */
export function councilsOf(all: CouncilPeople[], sub: string, today: string): string[] {
  return all.filter((people) => rolesOf(people, sub, today).roles.size > 0).map((people) => people.council.id);
}

/**
 * GET /v1/me: the caller, their name as a council records it, and each council where they hold
 * a role today with what they must do now there (functions/reads/todos.ts). The administrator
 * sees every council (with the roles they hold there, if any), to reach it.
 */
export async function me(deps: ReadDeps, identity: Identity, today: string) {
  const admin = identity.roles.includes('admin');
  const all = await everyCouncil(deps);
  const councils = await Promise.all(
    all.map(async (people) => {
      const { roles, member } = rolesOf(people, identity.sub, today);
      if (!roles.size && !admin) return undefined;
      let todo: ReturnType<typeof todosOf> = [];
      if (roles.size) {
        const agenda = await agendaOf(deps, people, today, roles.has('chairperson'));
        todo = todosOf(agenda, identity.sub, today, await votedIn(deps, agenda, identity.sub, today));
      }
      return { id: people.council.id, name: people.council.name, roles: inOrder(roles), ...(member ? { memberId: member.id } : {}), todo };
    }),
  );
  const name = all.map((people) => personName(people, identity.sub)).find(Boolean);
  return { sub: identity.sub, admin, ...(name ? { name } : {}), councils: councils.filter((c) => c !== undefined) };
}
