import type { Route } from '../route.ts';

/** Institutions, visit plans (p14.6), participants and regional groups (p14.8, p14.14), the work plan (p15.5). */
export const preventiveRoutes = [] as const satisfies readonly Route[];
