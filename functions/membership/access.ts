import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { Identity } from '../http/identity.ts';
import type { Access, CouncilRole } from '../http/roles.ts';
import type { MembershipDeps } from './deps.ts';
import type { CouncilPeople, Member, SecretaryAppointment } from './model.ts';

/**
 * Who calls, and what the route they call allows. The HTTP layer makes one per request; the
 * domain checks it against the council's own records with `authorize`, once it knows the date
 * (and the HTTP layer refuses to answer a council route whose logic never checked).
 */
export type Caller = {
  identity: Identity | undefined;
  access: Access;
  /** Set by `authorize`: the HTTP layer asserts every council route checked its caller. */
  checked?: boolean;
  /** The council's people, read once per request (memoised by `authorize`). */
  people?: Promise<CouncilPeople | undefined>;
};

/** What the caller is in the council on the date(s) asked. */
export type Held = {
  people: CouncilPeople;
  roles: Set<CouncilRole | 'admin'>;
  /** The caller's member record when they are a member in office on the date. */
  member?: Member;
  isChairperson: boolean;
  isSecretary: boolean;
};

/** The member whose term covers `on`, if any (a term covers [start, end), or until it ended). */
export function inOffice(member: Member, on: string): boolean {
  return member.terms.some((t) => t.start <= on && on < (t.endedOn ?? t.end));
}

/**
 * The Secretary on a date (p9): the latest appointment made on or before it, while the
 * appointed member is still in office. A member whose membership ended is nobody's Secretary.
 */
export function secretaryOn(people: Pick<CouncilPeople, 'members' | 'secretaries'>, on: string): Member | undefined {
  const latest = latestAppointment(people.secretaries, on);
  const member = latest && people.members.find((m) => m.id === latest.memberId);
  return member && inOffice(member, on) ? member : undefined;
}

function latestAppointment(appointments: SecretaryAppointment[], on: string): SecretaryAppointment | undefined {
  return appointments.filter((a) => a.on <= on).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)).at(-1);
}

/**
 * The roles `sub` holds in the council on `on`; with no date, on any date of its records (the
 * coarse check made before the date is known, so that an outsider learns nothing).
 */
export function rolesOf(people: CouncilPeople, sub: string, on?: string): { roles: Set<CouncilRole>; member?: Member } {
  const roles = new Set<CouncilRole>();
  if (people.council.chairpersonSub === sub) roles.add('chairperson');
  const mine = people.members.filter((m) => m.sub === sub);
  const member = on === undefined ? mine[0] : mine.find((m) => inOffice(m, on));
  if (member) roles.add('member');
  const secretary = on === undefined ? people.secretaries.some((a) => mine.some((m) => m.id === a.memberId)) : Boolean(member && secretaryOn(people, on)?.id === member.id);
  if (secretary) roles.add('secretary');
  if (people.commissions.some((c) => c.voters.includes(sub) && (on === undefined || c.formedOn <= on))) roles.add('voter');
  const during = (from: string, until: string | undefined) => on === undefined || (from <= on && (until === undefined || on < until));
  if (people.staff.some((s) => s.sub === sub && during(s.on, s.revokedOn))) roles.add('staff');
  if (people.participants.some((p) => p.sub === sub && during(p.selectedOn, p.endedOn))) roles.add('participant');
  return { roles, member };
}

/**
 * Checks the caller against the council in the path, from that council's own records: a role
 * the route allows, held on one of `on` (any date when omitted). The platform administrator is
 * the only global role. Throws 404 for a council that does not exist and 403 otherwise.
 *
 * @example
 * const { people, member } = await authorize(deps, caller, councilId, meeting.date);
 */
export async function authorize(deps: MembershipDeps, caller: Caller, councilId: string, on?: string | string[]): Promise<Held> {
  caller.people ??= deps.store.people(councilId);
  const people = await caller.people;
  if (!people) throw councilNotFound();
  caller.checked = true;
  const sub = caller.identity?.sub;
  const admin = Boolean(caller.identity?.roles.includes('admin'));
  const dates = on === undefined ? [undefined] : Array.isArray(on) ? on : [on];
  const allowed = caller.access === 'public' ? undefined : caller.access;
  for (const date of dates) {
    const { roles, member } = sub ? rolesOf(people, sub, date) : { roles: new Set<CouncilRole>(), member: undefined };
    const held = new Set<CouncilRole | 'admin'>(roles);
    if (admin) held.add('admin');
    if (!allowed || [...held].some((role) => allowed.includes(role))) {
      return { people, roles: held, member, isChairperson: roles.has('chairperson'), isSecretary: roles.has('secretary') };
    }
  }
  throw notAllowed();
}

export function councilNotFound(): NotFoundError {
  return new NotFoundError('council-not-found', { kk: 'Кеңес табылмады', ru: 'Совет не найден', en: 'Council not found' });
}

function notAllowed(): ForbiddenError {
  return new ForbiddenError('not-allowed-in-council', {
    kk: 'Бұл кеңесте осы әрекетке рұқсатыңыз жоқ: рөл кеңестің өз жазбаларынан осы күнге анықталады',
    ru: 'В этом совете у вас нет права на это действие: роль определяется по записям самого совета на эту дату',
    en: "You may not do this in this council: roles come from the council's own records on the date",
  });
}
