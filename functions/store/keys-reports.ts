import { part } from './keys.ts';

/** Keys of the reporting forms, visit reports, recommendations and annual reports (functions/reports), in the council's partition. */
export const keysReports = {
  visitReport: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `VISITREPORT#${part(id)}` }),
  /** A version of the reporting form (p14.9). */
  reportingForm: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `REPORTINGFORM#${part(id)}` }),
  /** One form per version number: two approvals racing cannot both be version n. */
  formVersion: (cid: string, version: number) => ({ pk: `COUNCIL#${part(cid)}`, sk: `REPORTINGFORMVERSION#${part(String(version))}` }),
  /** A recommendation (p14.11) or a proposal to improve legislation (p14.12). */
  recommendation: (cid: string, id: string) => ({ pk: `COUNCIL#${part(cid)}`, sk: `RECOMMENDATION#${part(id)}` }),
};
