import type { Route } from '../route.ts';

/** The reporting form (p14.9), visit reports (p14.10), recommendations and proposals (p14.11, p14.12) and their follow-up, privacy (p29), the annual report (p14.13). */
export const reportRoutes = [] as const satisfies readonly Route[];
