// The preventive pages: each page and its URL (app.js spreads PAGES into its routes), and the
// council sections they add to the council's navigation (council-nav.js), by role.
import { Institutions } from './institutions.js';
import { Participants } from './participants.js';
import { VisitPlan } from './visit-plan.js';
import { VisitPlans } from './visit-plans.js';
import { WorkPlans } from './work-plan.js';

export const PAGES = [
  ['/councils/:c/institutions', Institutions],
  ['/councils/:c/visit-plans', VisitPlans],
  ['/councils/:c/visit-plans/:p', VisitPlan],
  ['/councils/:c/participants', Participants],
  ['/councils/:c/work-plan', WorkPlans],
];

/** Who sees each section: those who read the registers (the routes' readers). */
const READERS = ['admin', 'chairperson', 'secretary', 'member', 'staff', 'participant'];
export const SECTIONS = [
  ['institutions', 'nav.institutions', READERS],
  ['visit-plans', 'nav.visitPlans', READERS],
  ['participants', 'nav.participants', READERS],
  ['work-plan', 'nav.workPlan', READERS],
];
