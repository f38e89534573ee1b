import { auditEntry } from '../audit.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { authorize, type Caller } from './access.ts';
import type { MembershipDeps } from './deps.ts';
import type { StaffAuthorisation } from './model.ts';

/**
 * p31, p15.6: the Commissioner's Office supports the Council, and the Chairperson may have
 * staff of the Office do the preventive mechanism's work with them (read complaints, keep the
 * registers). The Chairperson authorises a person, by their account, from a date, and may revoke
 * it from a date; both are in the audit log, so who could act on a date stays answerable.
 */
export async function authoriseStaff(deps: MembershipDeps, caller: Caller, councilId: string, sub: string, input: { name: string; on: string }): Promise<StaffAuthorisation> {
  const { people } = await authorize(deps, caller, councilId, input.on);
  const current = people.staff.find((s) => s.sub === sub && !s.revokedOn);
  if (current) throw new ConflictError('staff-authorised', { kk: 'Бұл адамға бұрын рұқсат берілген', ru: 'Этому человеку уже дано разрешение', en: 'This person is already authorised' }, { existing: { kind: 'staff', id: sub } });
  const staff: StaffAuthorisation = { councilId, sub, name: input.name, on: input.on, by: caller.identity!.sub };
  await deps.store.putStaff(staff, { audit: auditEntry(councilId, staff.by, 'staff-authorised', { kind: 'staff', id: sub }, { on: input.on, point: 'p31' }) });
  return staff;
}

export async function revokeStaff(deps: MembershipDeps, caller: Caller, councilId: string, sub: string, input: { on: string }): Promise<StaffAuthorisation> {
  const { people } = await authorize(deps, caller, councilId, input.on);
  const current = people.staff.find((s) => s.sub === sub && !s.revokedOn);
  if (!current) throw new NotFoundError('staff-not-found', { kk: 'Мұндай рұқсат жоқ', ru: 'Такого разрешения нет', en: 'No such authorisation' });
  const revoked = { ...current, revokedOn: input.on };
  await deps.store.revokeStaff(revoked, { audit: auditEntry(councilId, caller.identity!.sub, 'staff-revoked', { kind: 'staff', id: sub }, { on: input.on, point: 'p31' }) });
  return revoked;
}

export async function listStaff(deps: MembershipDeps, caller: Caller, councilId: string, today: string) {
  const { people } = await authorize(deps, caller, councilId, today);
  return { items: people.staff };
}
