import type { Institution } from '../preventive/model.ts';
import { fromItem, part } from './keys.ts';

/** Keys of the preventive mechanism's registers (functions/preventive), in the council's partition. */
export const keysPreventive = {
  institution: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `INSTITUTION#${part(id)}` }),
  /** A visit plan (p14.6): its visits inside the item (at most 500, well under the item size). */
  visitPlan: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `VISITPLAN#${part(id)}` }),
  /** A work plan (p15.5). */
  workPlan: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `WORKPLAN#${part(id)}` }),
};

/**
 * An institution as the table holds it. The item's `type` is the table's record type
 * ('institution'), so the institution's own type (penal, children, …) is kept as
 * `institutionType`: read every institution item back with `institutionFromItem`.
 */
export function institutionItem(institution: Institution): Record<string, unknown> {
  const { type, ...rest } = institution;
  return { ...rest, institutionType: type, ...keysPreventive.institution(institution.councilId, institution.id), type: 'institution' };
}

/** The institution an item holds, or undefined when it holds none (another record type). */
export function institutionFromItem(item: Record<string, unknown> | undefined): Institution | undefined {
  if (item?.type !== 'institution') return undefined;
  const { institutionType, ...rest } = fromItem<Omit<Institution, 'type'> & { institutionType: Institution['type'] }>(item)!;
  return { ...rest, type: institutionType };
}
