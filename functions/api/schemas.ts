import * as z from 'zod';
import { ID_PATTERN } from '../ids.ts';

/** Schemas shared by many routes; each route's own schemas sit beside its domain. */
export const Text = z.object({ kk: z.string(), ru: z.string(), en: z.string() });

/** Every id in a body or a query: the one pattern (functions/ids.ts). */
export const Id = z.string().regex(ID_PATTERN).meta({ description: 'An id: Latin letters, digits, "-" and "_", at most 64 characters' });

/** A short text a person writes (a name, a place, a reason): trimmed, never empty, bounded. */
export const Words = (max: number) => z.string().trim().min(1).max(max);

/** A text in kk, ru and en, as a request carries it: each part bounded. */
export const TextInput = (max = 500) => z.strictObject({ kk: Words(max), ru: Words(max), en: Words(max) });

export const IsoDate = z.iso.date().meta({ description: 'A calendar date, YYYY-MM-DD', example: '2020-03-01' });

export const Reason = z
  .object({
    point: z.string().meta({ example: 'p22' }),
    code: z.string(),
    message: Text,
    numbers: z.record(z.string(), z.unknown()).optional(),
  })
 ;

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: Text,
      field: z.string().optional(),
      details: z.array(z.object({ field: z.string(), code: z.string(), message: Text })).optional(),
      reasons: z.array(Reason).optional(),
      existing: z.object({ kind: z.string(), id: z.string() }).optional().meta({ description: 'The record a 409 conflicts with' }),
    }),
  })
 ;

export const HealthResponse = z.object({ status: z.literal('ok'), today: IsoDate });
