import * as z from 'zod';
import { Id, IsoDate, Text, Words } from '../api/schemas.ts';
import { Bilingual } from '../meetings/schemas.ts';
import { INSTITUTION_TYPES, REGIONS } from './model.ts';

/** Request and response schemas of the preventive routes (institutions, visit plans, participants, the work plan). */

/** An amount in tiyn (1 tenge = 100 tiyn): an exact integer, never a float. */
const Tiyn = z.int().nonnegative().max(Number.MAX_SAFE_INTEGER).meta({ description: 'An amount in tiyn (100 tiyn = 1 tenge), an integer', example: 125000050 });
const Region = z.enum(REGIONS);
const InstitutionType = z.enum(INSTITUTION_TYPES);
const Period = z.strictObject({ from: IsoDate, to: IsoDate });

export const AddInstitution = z.strictObject({
  name: z.strictObject({ kk: Words(300), ru: Words(300), en: Words(300).optional() }),
  type: InstitutionType,
  region: Region,
  addedOn: IsoDate.optional(),
});
export const InstitutionResponse = z.object({ councilId: z.string(), id: z.string(), name: Text, type: InstitutionType, region: Region, addedOn: IsoDate });
export const InstitutionList = z.object({ items: z.array(InstitutionResponse) });

const Visit = z.strictObject({
  institutionId: Id,
  from: IsoDate,
  to: IsoDate,
  costTiyn: Tiyn,
  participantIds: z.array(Id).max(50).optional(),
});
export const DraftVisitPlan = z.strictObject({
  title: Bilingual,
  period: Period,
  budgetTiyn: Tiyn,
  visits: z.array(Visit).max(500),
  on: IsoDate.optional().meta({ description: 'The legal date the plan is drafted on (default today): the law in force then judges the budget' }),
});
export const AdoptVisitPlan = z.strictObject({ decisionId: Id });

const BilingualOut = z.object({ kk: z.string(), ru: z.string() });
export const VisitPlanResponse = z.object({
  councilId: z.string(),
  id: z.string(),
  title: BilingualOut,
  period: z.object({ from: IsoDate, to: IsoDate }),
  budgetTiyn: z.number(),
  totalTiyn: z.number(),
  draftedOn: IsoDate,
  status: z.enum(['draft', 'adopted']),
  adoption: z.object({ decisionId: z.string(), motionId: z.string(), adoptedOn: IsoDate }).optional(),
  visits: z.array(
    z.object({
      institutionId: z.string(),
      from: IsoDate,
      to: IsoDate,
      costTiyn: z.number(),
      participantIds: z.array(z.string()).optional(),
      institution: z.object({ name: Text, type: InstitutionType, region: Region, typeName: Text, regionName: Text }).optional(),
    }),
  ),
});
export const VisitPlanList = z.object({ items: z.array(VisitPlanResponse) });

export const SelectParticipant = z.strictObject({
  name: Words(300),
  sub: Id.optional().meta({ description: "The participant's account, so they can act as participant in this council" }),
  organisation: Words(300).optional(),
  groups: z.array(Region).min(1).max(REGIONS.length),
  decisionId: Id.meta({ description: 'The Council decision selecting the participant (p14.8)' }),
  selectedOn: IsoDate.optional(),
});
export const ExcludeParticipant = z.strictObject({
  region: Region,
  decisionId: Id.meta({ description: "The members' decision to exclude (p14.14)" }),
  visitReportId: Id.optional().meta({ description: 'The visit report whose good faith is in doubt' }),
  reason: Bilingual,
});
export const ParticipantResponse = z.object({
  councilId: z.string(),
  id: z.string(),
  name: z.string(),
  sub: z.string().optional(),
  selectedOn: IsoDate,
  endedOn: IsoDate.optional(),
  organisation: z.string().optional(),
  selectedBy: z.object({ decisionId: z.string(), motionId: z.string() }),
  groups: z.array(
    z.object({
      region: Region,
      from: IsoDate,
      to: IsoDate.optional(),
      excludedBy: z.object({ decisionId: z.string(), visitReportId: z.string().optional(), on: IsoDate, reason: BilingualOut }).optional(),
    }),
  ),
});
export const ParticipantList = z.object({ items: z.array(ParticipantResponse) });

export const DraftWorkPlan = z.strictObject({
  year: z.int().min(2013).max(2100),
  items: z.array(z.strictObject({ title: Bilingual, due: IsoDate.optional(), responsible: Words(300).optional() })).max(200),
});
export const ApproveWorkPlan = z.strictObject({ on: IsoDate.optional() });
export const WorkPlanResponse = z.object({
  councilId: z.string(),
  id: z.string(),
  year: z.number(),
  items: z.array(z.object({ title: BilingualOut, due: IsoDate.optional(), responsible: z.string().optional() })),
  status: z.enum(['draft', 'approved']),
  approval: z.object({ by: z.string(), on: IsoDate }).optional(),
});
export const WorkPlanList = z.object({ items: z.array(WorkPlanResponse) });
