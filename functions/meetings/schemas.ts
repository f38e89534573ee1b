import { z } from 'zod';
import { IsoDate } from '../api/schemas.ts';

/** Request schemas of the meeting routes. Texts that go into the minutes come in both working languages (p30). */
const Id = z.string().min(1).max(100);
export const Bilingual = z.strictObject({ kk: z.string().trim().min(1).max(2000), ru: z.string().trim().min(1).max(2000) });

export const Convene = z.strictObject({
  kind: z.enum(['regular', 'extraordinary']),
  date: IsoDate.meta({ description: "The meeting's legal date: quorum and votes are judged on it" }),
  place: z.string().max(300).optional(),
  region: z.string().max(200).optional().meta({ description: 'A field meeting in a region (p19)' }),
  instruction: z.string().max(300).optional().meta({ description: "The Chairperson's instruction when a member convenes or presides (p17.2, p20, p23)" }),
  presidingMemberId: Id.optional(),
  agenda: z.array(z.strictObject({ title: Bilingual })).max(100).default([]),
  invited: z.array(z.strictObject({ name: z.string().min(1).max(200), organisation: z.string().min(1).max(300), position: z.string().max(200).optional() })).max(100).default([]),
  hearings: z.array(z.strictObject({ speaker: z.string().min(1).max(200), subject: Bilingual })).max(100).default([]),
  demandId: Id.optional().meta({ description: 'The extraordinary demand (p21) this meeting answers' }),
});

export const AgendaItem = z.strictObject({ title: Bilingual });
export const Attendance = z.strictObject({ present: z.boolean() });
export const PutMotion = z.strictObject({
  itemId: Id,
  kind: z.enum(['ordinary', 'termination', 'suspension', 'dissolution']),
  category: z.enum(['recommendation', 'proposal', 'decision']).optional(),
  title: Bilingual,
  subjectMemberId: Id.optional(),
});
export const Vote = z.strictObject({ choice: z.enum(['for', 'against', 'abstain']) });
export const Dissent = z.strictObject({ text: z.string().trim().min(1).max(20000), language: z.enum(['kk', 'ru', 'en']), writtenOn: IsoDate.optional() });
export const MinutesQuery = z.strictObject({ lang: z.enum(['kk', 'ru']).optional() });
export const Sign = z.strictObject({ contentHash: z.string().regex(/^[0-9a-f]{64}$/).optional().meta({ description: 'The hash of the content the signer read' }) });
export const Correction = z.strictObject({ text: Bilingual, reason: z.string().trim().min(1).max(2000), on: IsoDate.optional() });
export const OpenDemand = z.strictObject({ reason: Bilingual, on: IsoDate.optional() });
export const SignDemand = z.strictObject({ on: IsoDate.optional() });
