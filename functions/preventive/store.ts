import type { Trail } from '../membership/store.ts';
import type { Institution, Participant, VisitPlan, WorkPlan } from './model.ts';

/**
 * The preventive mechanism's registers as the domain sees them (adapter:
 * functions/store/preventive.ts). Every write goes with its trail (audit entry, the law's
 * answers it rests on) in one transaction; a write whose state changed meanwhile fails (409).
 */
export interface PreventiveStore {
  putInstitution(institution: Institution, trail: Trail): Promise<void>;
  listInstitutions(councilId: string): Promise<Institution[]>;

  putVisitPlan(plan: VisitPlan, trail: Trail): Promise<void>;
  getVisitPlan(councilId: string, planId: string): Promise<VisitPlan | undefined>;
  listVisitPlans(councilId: string): Promise<VisitPlan[]>;
  /** The draft becomes adopted: refused (409) if it was adopted meanwhile. */
  adoptVisitPlan(plan: VisitPlan, trail: Trail): Promise<void>;

  putParticipant(participant: Participant, trail: Trail): Promise<void>;
  getParticipant(councilId: string, participantId: string): Promise<Participant | undefined>;
  listParticipants(councilId: string): Promise<Participant[]>;
  /** Ends the membership of group `index` (its `to` and `excludedBy`): refused (409) if it had ended meanwhile. */
  endGroupMembership(participant: Participant, index: number, trail: Trail): Promise<void>;

  putWorkPlan(plan: WorkPlan, trail: Trail): Promise<void>;
  getWorkPlan(councilId: string, planId: string): Promise<WorkPlan | undefined>;
  listWorkPlans(councilId: string): Promise<WorkPlan[]>;
  /** The draft becomes approved: refused (409) if it was approved meanwhile. */
  approveWorkPlan(plan: WorkPlan, trail: Trail): Promise<void>;
}
