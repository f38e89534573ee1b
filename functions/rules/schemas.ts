import * as z from 'zod';
import { IsoDate, Reason, Text } from '../api/schemas.ts';
import { Amendment, LawText } from './document.ts';
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
    value: z.union([z.string(), z.boolean(), z.array(z.int())]),
    point: z.string().meta({ example: 'p25' }),
    explanation: Text,
    overridden: z.literal(true).optional(),
  })
  .meta({ id: 'Reading', description: 'A question the text leaves open, and the reading this answer used' });

export const DatesBasis = z
  .object({
    assumed: z.boolean().meta({ description: 'true when a date this answer rests on comes from an assumed publication date (not recorded yet)' }),
    message: Text,
  })
  .meta({ id: 'DatesBasis', description: 'Whether the dates an answer rests on come from an assumed publication date, and the same in words' });

export const EvaluateResponse = z
  .object({
    question: z.enum(QUESTIONS),
    at: IsoDate,
    outcome: z.string().meta({ example: 'adopted' }),
    reasons: z.array(Reason),
    version: z.object({ id: z.string().meta({ example: 'order-15-2019' }), act: z.string().meta({ example: 'Order No. 15 of 2019-06-27' }), title: Text.meta({ description: "The act's title in kk, ru and en" }) }),
    readings: z.array(Reading),
    dates: DatesBasis,
  })
  .meta({ id: 'EvaluateResponse' });

export const VersionSummary = z
  .object({
    id: z.string(),
    kind: z.enum(['adoption', 'amendment', 'repeal', 'correction']),
    corrects: z.string().optional().meta({ description: 'For a correction: the version whose text it fills in' }),
    act: z.string(),
    title: Text,
    summary: Text,
    adoptedOn: IsoDate,
    publishedOn: IsoDate,
    publishedOnAssumed: z.boolean(),
    publishedIn: Text.optional().meta({ description: 'Where it was first officially published, once recorded' }),
    registeredOn: IsoDate.optional().meta({ description: 'The day the Ministry of Justice registered it (a registrable act is published only after)' }),
    inForceFrom: IsoDate,
    inForceFromReason: Text.optional(),
    inForceUntil: IsoDate.nullable().meta({ description: 'The last day this version applies' }),
    dates: DatesBasis,
    status: z.enum(['in-force', 'superseded', 'repealed', 'repeal', 'not-yet-in-force', 'withdrawn', 'correction']),
    recorded: z
      .object({ by: z.string(), at: z.string(), source: z.enum(['seed', 'publication']) })
      .optional()
      .meta({ description: 'Who recorded the version in the table (a token sub, or the seeding process) and when' }),
    withdrawal: z.object({ reason: Text, by: z.string(), at: z.string() }).optional().meta({ description: 'For a withdrawn version: the record that withdrew it' }),
  })
  .meta({ id: 'VersionSummary' });

export const VersionsResponse = z.object({ at: IsoDate, versions: z.array(VersionSummary) }).meta({ id: 'VersionsResponse' });

/** The body of POST /v1/rules/versions and /v1/rules/versions/dry-run. */
export const AmendmentRequest = Amendment;

/** The body of POST /v1/rules/versions/{versionId}/publication. */
export const PublicationDateRequest = z
  .strictObject({
    publishedOn: IsoDate.meta({ description: 'The day of the first official publication, as found in the source' }),
    publishedIn: LawText.meta({ description: 'Where it was published (the official source), in kk, ru and en' }),
  })
  .meta({
    id: 'PublicationDateRequest',
    description:
      'The real publication date of a version whose date was assumed: recorded as a correction, withdrawn like one. To bring cases that supersede others, publish the same correction (kind correction, corrects, publishedOn, publishedIn, cases) to POST /v1/rules/versions.',
  });

export const PublicationResponse = z
  .object({ version: VersionSummary, revision: z.int().meta({ description: "The law head's revision after the publication" }) })
  .meta({ id: 'PublicationResponse' });

export const OutcomeChange = z
  .object({
    decisionId: z.string(),
    councilId: z.string(),
    subject: z.object({ kind: z.string(), id: z.string() }),
    question: z.string(),
    at: IsoDate,
    old: z.object({ outcome: z.string(), version: z.string(), points: z.array(z.string()) }),
    new: z.object({ outcome: z.string(), version: z.string().nullable(), point: z.string().nullable(), points: z.array(z.string()), code: z.string().optional() }),
  })
  .meta({ id: 'OutcomeChange', description: 'A stored decision whose outcome the amendment would change' });

export const DryRunResponse = z
  .object({
    version: VersionSummary,
    inForce: z.object({ from: IsoDate, until: IsoDate.nullable() }),
    examined: z.object({ from: IsoDate, records: z.int() }).meta({ description: 'Every decision dated on or after the entry into force is replayed' }),
    changes: z.array(OutcomeChange),
  })
  .meta({ id: 'DryRunResponse' });

export const WithdrawalRequest = z.strictObject({ reason: LawText.meta({ description: 'Why the version is withdrawn, in kk, ru and en' }) }).meta({ id: 'WithdrawalRequest' });
export const WithdrawalResponse = z
  .object({ versionId: z.string(), revision: z.int(), reason: Text, by: z.string(), at: z.string() })
  .meta({ id: 'WithdrawalResponse' });

const Side = z.unknown().nullable();
export const DiffResponse = z
  .object({
    a: z.string(),
    b: z.string(),
    points: z.array(z.object({ point: z.string(), a: Side, b: Side })),
    parameters: z.array(z.object({ parameter: z.string(), a: Side, b: Side })),
    questions: z.array(
      z.object({
        question: z.string(),
        changes: z.array(z.object({ part: z.enum(['rule', 'otherwise', 'outcomes', 'dependsOn', 'readings', 'title', 'known']), name: z.string().optional(), a: Side, b: Side })),
      }),
    ),
  })
  .meta({ id: 'DiffResponse', description: 'What differs between the law under version a and under version b (null: absent)' });

export const AuditResponse = z
  .object({
    entries: z.array(
      z.object({
        id: z.string(),
        action: z.enum(['seed', 'publication', 'publication-date', 'withdrawal']),
        versionId: z.string(),
        act: z.string(),
        by: z.string(),
        at: z.string(),
        revision: z.int(),
        reason: Text.optional(),
      }),
    ),
  })
  .meta({ id: 'AuditResponse' });
