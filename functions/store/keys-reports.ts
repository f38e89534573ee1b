import { part } from './keys.ts';

/** Keys of the reporting forms, visit reports, recommendations and annual reports (functions/reports), in the council's partition. */
export const keysReports = {
  visitReport: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `VISITREPORT#${part(id)}` }),
};
