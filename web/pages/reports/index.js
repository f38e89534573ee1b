// The reports pages: each page and its URL (app.js spreads PAGES into its routes), and the
// council sections they add to the council's navigation (council-nav.js), by role.
import { AccessLog } from './access-log.js';
import { AnnualReports } from './annual.js';
import { ReportingForms } from './forms.js';
import { Recommendations } from './recommendations.js';
import { VisitReport } from './visit-report.js';
import { VisitReports } from './visit-reports.js';

export const PAGES = [
  ['/councils/:c/reporting-forms', ReportingForms],
  ['/councils/:c/visit-reports', VisitReports],
  ['/councils/:c/visit-reports/:r', VisitReport],
  ['/councils/:c/recommendations', Recommendations],
  ['/councils/:c/annual-reports', AnnualReports],
  ['/councils/:c/access-log', AccessLog],
];

/** Who sees each section: the readers of its routes (functions/api/routes/reports.ts). */
const READERS = ['admin', 'chairperson', 'secretary', 'member', 'staff'];
export const SECTIONS = [
  ['reporting-forms', 'nav.reportingForms', [...READERS, 'participant']],
  ['visit-reports', 'nav.visitReports', [...READERS, 'participant']],
  ['recommendations', 'nav.recommendations', READERS],
  ['annual-reports', 'nav.annualReports', READERS],
  ['access-log', 'nav.accessLog', ['admin', 'chairperson']],
];
