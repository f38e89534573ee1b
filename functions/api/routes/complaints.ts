import type { Route } from '../route.ts';

/** Complaints and reports of torture (p14.7, p15.6): public intake, the Council's keys, the Chairperson's desk. */
export const complaintRoutes = [] as const satisfies readonly Route[];
