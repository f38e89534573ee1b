import { part } from './keys.ts';

/** Keys of the complaints register (functions/complaints), in the council's partition. */
export const keysComplaints = {
  complaint: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `COMPLAINT#${part(id)}` }),
  /** A public key of the council for complaints (p15.6): kept after it is retired. */
  complaintKey: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `COMPLAINTKEY#${part(id)}` }),
};
