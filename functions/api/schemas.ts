import { z } from 'zod';

/** Schemas shared by many routes; each route's own schemas sit beside its domain. */
export const Text = z.object({ kk: z.string(), ru: z.string(), en: z.string() });

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
    }),
  })
 ;

export const HealthResponse = z.object({ status: z.literal('ok'), today: IsoDate });
