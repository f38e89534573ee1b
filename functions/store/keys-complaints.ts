import { part } from './keys.ts';

/** Keys of the complaints register (functions/complaints), in the council's partition. */
export const keysComplaints = {
  complaint: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `COMPLAINT#${part(id)}` }),
};
