// The complaints pages: each page and its URL (app.js spreads PAGES into its routes), and the
// council sections they add to the council's navigation (council-nav.js), by role.
import { ComplaintsDesk } from './desk.js';
import { ComplaintKeys } from './keys.js';
import { SendComplaint } from './send.js';
import { ComplaintStatus } from './status.js';

export const PAGES = [
  // Public: no sign-in (p14.7).
  ['/councils/:c/complaint', SendComplaint],
  ['/complaint-status', ComplaintStatus],
  // The desk: the Chairperson and the staff the Chairperson authorised (p15.6); not the administrator (p29).
  ['/councils/:c/complaints', ComplaintsDesk],
  ['/councils/:c/complaint-keys', ComplaintKeys],
];
export const SECTIONS = [
  ['complaints', 'nav.complaints', ['chairperson', 'staff']],
  ['complaint-keys', 'nav.complaintKeys', ['chairperson', 'staff']],
];
