import { auditEntry } from '../audit.ts';
import { newId } from '../ids.ts';
import { authorize, type Caller } from '../membership/access.ts';
import type { PreventiveDeps } from './deps.ts';
import type { Institution, InstitutionType, Region } from './model.ts';

/**
 * The register of institutions subject to preventive visits (p14.6 sets which of them are
 * visited; the preamble's laws type them). Kept by the Chairperson, the Secretary or staff.
 */
export async function addInstitution(
  deps: PreventiveDeps,
  caller: Caller,
  councilId: string,
  input: { name: Institution['name']; type: InstitutionType; region: Region; addedOn: string },
): Promise<Institution> {
  const { people } = await authorize(deps, caller, councilId, input.addedOn);
  const institution: Institution = { councilId: people.council.id, id: newId(), name: input.name, type: input.type, region: input.region, addedOn: input.addedOn };
  await deps.preventive.putInstitution(institution, {
    audit: auditEntry(councilId, caller.identity!.sub, 'institution-added', { kind: 'institution', id: institution.id }, { on: input.addedOn, point: 'p14.6' }),
  });
  return institution;
}

export async function listInstitutions(deps: PreventiveDeps, caller: Caller, councilId: string, today: string): Promise<{ items: Institution[] }> {
  await authorize(deps, caller, councilId, today);
  return { items: await deps.preventive.listInstitutions(councilId) };
}
