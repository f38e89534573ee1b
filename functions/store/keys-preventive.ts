import { part } from './keys.ts';

/** Keys of the preventive mechanism's registers (functions/preventive), in the council's partition. */
export const keysPreventive = {
  institution: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `INSTITUTION#${part(id)}` }),
};
