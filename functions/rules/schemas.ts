import { z } from 'zod';
import { IsoDate, Reason, Text } from '../api/schemas.ts';
import { FACTS, QUESTIONS } from './facts.ts';

/** Schemas of the rules API, for the HTTP layer and the OpenAPI document. */

const factList = Object.entries(FACTS)
  .map(([question, schema]) => `${question}: ${Object.keys(schema.shape).join(', ')}`)
  .join('; ');

export const EvaluateRequest = z
  .strictObject({
    question: z.enum(QUESTIONS).meta({ example: 'decision' }),
    at: IsoDate.meta({ description: 'The legal date of the event: the version in force on it decides' }),
    facts: z.record(z.string(), z.unknown()).meta({
      description: `The facts of the question, all required, non-negative integers, booleans or the listed words. ${factList}`,
      example: { membersTotal: 11, membersPresent: 10, votesFor: 6, votesAgainst: 3, abstained: 1, presidingVote: 'for' },
    }),
  })
  .meta({ id: 'EvaluateRequest' });

export const Reading = z
  .object({
    parameter: z.string().meta({ example: 'decision.majorityBase' }),
    value: z.union([z.string(), z.boolean()]),
    point: z.string().meta({ example: 'p25' }),
    explanation: Text,
    overridden: z.literal(true).optional(),
  })
  .meta({ id: 'Reading', description: 'A question the text leaves open, and the reading this answer used' });

export const EvaluateResponse = z
  .object({
    question: z.enum(QUESTIONS),
    at: IsoDate,
    outcome: z.string().meta({ example: 'adopted' }),
    reasons: z.array(Reason),
    version: z.object({ id: z.string().meta({ example: 'order-15-2019' }), act: z.string().meta({ example: 'Order No. 15 of 2019-06-27' }) }),
    readings: z.array(Reading),
  })
  .meta({ id: 'EvaluateResponse' });

export const VersionSummary = z
  .object({
    id: z.string(),
    kind: z.enum(['adoption', 'amendment', 'repeal']),
    act: z.string(),
    title: Text,
    summary: Text,
    adoptedOn: IsoDate,
    publishedOn: IsoDate,
    publishedOnAssumed: z.boolean(),
    inForceFrom: IsoDate,
    inForceFromReason: Text.optional(),
    inForceUntil: IsoDate.nullable().meta({ description: 'The last day this version applies' }),
    status: z.enum(['in-force', 'superseded', 'repealed', 'repeal', 'not-yet-in-force']),
  })
  .meta({ id: 'VersionSummary' });

export const VersionsResponse = z.object({ at: IsoDate, versions: z.array(VersionSummary) }).meta({ id: 'VersionsResponse' });
