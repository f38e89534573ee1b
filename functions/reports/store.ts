import type { Institution } from '../preventive/model.ts';
import type { AuditEntry } from '../audit.ts';
import type { Consent, Recommendation, ReportingForm, VisitReport } from './model.ts';

/**
 * What the reports need of the table (adapter: functions/store/reports.ts). Every write carries
 * its audit entry and is one transaction: all or nothing.
 */
export type ReportsStore = {
  listForms(councilId: string): Promise<ReportingForm[]>;
  /** Adds the next version; refused (ConflictError) if that version number was taken meanwhile. */
  putForm(form: ReportingForm, audit: AuditEntry): Promise<void>;
  getInstitution(councilId: string, id: string): Promise<Institution | undefined>;
  listInstitutions(councilId: string): Promise<Institution[]>;
  putReport(report: VisitReport, audit: AuditEntry): Promise<void>;
  getReport(councilId: string, id: string): Promise<VisitReport | undefined>;
  listReports(councilId: string): Promise<VisitReport[]>;
  addConsent(councilId: string, reportId: string, consent: Consent, audit: AuditEntry): Promise<void>;
  putRecommendation(recommendation: Recommendation, audit: AuditEntry, expectUnchanged?: Recommendation): Promise<void>;
  getRecommendation(councilId: string, id: string): Promise<Recommendation | undefined>;
  listRecommendations(councilId: string): Promise<Recommendation[]>;
};
