import * as z from 'zod';
import { IsoDate, Text } from '../api/schemas.ts';
import { OutcomeChange, VersionSummary } from './schemas.ts';

/** The body of the 202 that starts a dry-run (POST /v1/rules/versions/dry-run). */
export const DryRunStarted = z
  .object({
    id: z.string().meta({ description: 'The run: read its progress and report at GET /v1/rules/dry-runs/{id}' }),
    status: z.enum(['running', 'done']).meta({ description: '`done` at once when the amendment changes nothing any question rests on' }),
  })
  .meta({ id: 'DryRunStarted' });

const Range = z.object({ from: IsoDate, until: IsoDate.nullable(), questions: z.array(z.string()) });

/** GET /v1/rules/dry-runs/{runId}: progress while running, the report once done. */
export const DryRunReport = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'done', 'failed']),
    version: VersionSummary,
    inForce: z.object({ from: IsoDate, until: IsoDate.nullable() }),
    examined: z
      .object({ from: IsoDate, records: z.int(), ranges: z.array(Range) })
      .meta({ description: 'Decisions replayed so far: only those dated where the amendment changes what a question rests on, and only of those questions' }),
    changes: z.array(OutcomeChange).meta({ description: 'The changes found so far, by date (a page of them: see next)' }),
    next: z.string().optional().meta({ description: 'More changes: ask again with ?after= this' }),
    startedAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().optional(),
    error: z.object({ code: z.string(), message: Text }).optional(),
  })
  .meta({ id: 'DryRunReport' });

export const DryRunReportQuery = z.strictObject({ after: z.string().max(400).optional() });
