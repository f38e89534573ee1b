import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { KenesError } from '../../../functions/errors.ts';
import { evaluate, QUESTIONS } from '../../../functions/rules/index.ts';
import { caseFiles, law } from './law.ts';

/**
 * Runs every case of rules/cases/*.yaml: one test per case, named by its sentence. The cases
 * are the law's expected answers, written for lawyers; this file only reads and compares them.
 */
const Case = z
  .strictObject({
    name: z.string().min(1),
    at: z.string(),
    facts: z.record(z.string(), z.unknown()),
    parameters: z.record(z.string(), z.unknown()).optional(),
    outcome: z.string().optional(),
    refusal: z.strictObject({ status: z.union([z.literal(400), z.literal(422)]), code: z.string().optional(), fields: z.array(z.string()).optional() }).optional(),
    points: z.array(z.string()),
    codes: z.array(z.string()).optional(),
    version: z.string().optional(),
    readings: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((c) => Boolean(c.outcome) !== Boolean(c.refusal), 'give an outcome or a refusal');

const sorted = (list: string[]) => [...new Set(list)].sort();

const files = caseFiles();

it('has a case file for every question', () => {
  expect(files.map((f) => f.question).sort()).toEqual([...QUESTIONS].sort());
});

for (const file of files) {
  describe(`cases: ${file.question}`, () => {
    for (const raw of file.cases) {
      const c = Case.parse(raw);
      it(c.name, async () => {
        const run = evaluate(law, { question: file.question, at: c.at, facts: c.facts }, { parameters: c.parameters });
        if (c.refusal) {
          const error = await run.then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error, 'expected a refusal').toBeInstanceOf(KenesError);
          const refusal = error as KenesError;
          expect(refusal.statusCode).toBe(c.refusal.status);
          if (c.refusal.code) expect(refusal.code).toBe(c.refusal.code);
          if (c.refusal.fields) expect(sorted(refusal.details?.map((d) => d.field) ?? [])).toEqual(sorted(c.refusal.fields));
          expect(sorted(refusal.reasons?.map((r) => r.point) ?? [])).toEqual(sorted(c.points));
          return;
        }
        const answer = await run;
        expect(answer.outcome).toBe(c.outcome);
        expect(sorted(answer.reasons.map((r) => r.point))).toEqual(sorted(c.points));
        if (c.codes) expect(sorted(answer.reasons.map((r) => r.code))).toEqual(sorted(c.codes));
        if (c.version) expect(answer.version.id).toBe(c.version);
        for (const [parameter, value] of Object.entries(c.readings ?? {}))
          expect(answer.readings.find((r) => r.parameter === parameter)?.value, parameter).toEqual(value);
      });
    }
  });
}
