import type { MembershipDeps } from '../membership/deps.ts';
import type { AccessLog } from '../privacy/access-log.ts';
import type { ReportsStore } from './store.ts';

/** The reports' ports: the council's records (roles, decisions), the reports' store, the p29 access log. */
export type ReportDeps = MembershipDeps & { reports: ReportsStore; accessLog: AccessLog };
