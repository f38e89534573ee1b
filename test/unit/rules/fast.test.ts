import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { engineFor } from '../../../functions/rules/engine.ts';
import { FACTS, type Question } from '../../../functions/rules/facts.ts';
import { Case } from '../../../functions/rules/document.ts';
import { evaluate, versionInForce, type EvaluateOptions } from '../../../functions/rules/index.ts';
import { caseFiles, law } from './law.ts';

/**
 * The compiled path (functions/rules/fast.ts) against json-rules-engine, the reference: every
 * case of rules/cases, then facts generated around them, must give the same answer both ways,
 * to the outcome, every reason's words and numbers, the readings, and any refusal.
 */
const files = caseFiles().map((f) => ({ question: f.question as Question, cases: f.cases.map((c) => Case.parse(c)) }));

type Request = { question: string; at: string; facts: Record<string, unknown> };

async function settled(request: Request, options: EvaluateOptions): Promise<unknown> {
  try {
    return { answer: await evaluate(law, request, options) };
  } catch (error) {
    const e = error as Error & Record<string, unknown>;
    return { refused: e.name, message: e.message, ...JSON.parse(JSON.stringify(e)) };
  }
}

/** Both ways, compared; whether the law answered (not a refusal). */
async function sameBothWays(request: Request, parameters?: Record<string, unknown>): Promise<boolean> {
  const fast = await settled(request, { parameters });
  const reference = await settled(request, { parameters, reference: true });
  expect(fast, JSON.stringify({ request, parameters })).toEqual(reference);
  return 'answer' in (fast as object);
}

describe('the compiled path answers as json-rules-engine does', () => {
  it('on every case of rules/cases', async () => {
    for (const { question, cases } of files) for (const c of cases) await sameBothWays({ question, at: c.at, facts: c.facts as Record<string, unknown> }, c.parameters);
  });

  it('answers every case the law answers itself, without falling back to the engine', () => {
    let answered = 0;
    for (const { question, cases } of files)
      for (const c of cases) {
        if (c.refusal) continue;
        const found = versionInForce(law, c.at);
        const parsed = FACTS[question].safeParse(c.facts);
        const definition = found.inForce ? found.version.state.questions[question] : undefined;
        if (!found.inForce || !parsed.success || !definition || 'unknown' in definition || c.refusal) continue;
        const compiled = engineFor(law, found.version.id, found.version.state, question, c.parameters ?? {});
        expect(compiled.fast(parsed.data as Record<string, unknown>), `${question}: ${c.name}`).toBeDefined();
        answered++;
      }
    expect(answered).toBeGreaterThan(100);
  });

  for (const { question, cases } of files) {
    it(`on generated facts: ${question}`, async () => {
      // Each fact ranges over small counts, both booleans, and every value the cases give it.
      const seen = new Map<string, Set<unknown>>();
      for (const c of cases) for (const [name, value] of Object.entries(c.facts as Record<string, unknown>)) seen.set(name, (seen.get(name) ?? new Set()).add(value));
      const factArbitraries = Object.fromEntries(
        [...seen].map(([name, values]) => {
          const list = [...values];
          const arbitrary = list.every((v) => Number.isInteger(v)) ? fc.oneof(fc.integer({ min: 0, max: 15 }), fc.constantFrom(...list)) : list.every((v) => typeof v === 'boolean') ? fc.boolean() : fc.constantFrom(...list);
          return [name, fc.option(arbitrary, { freq: 12, nil: undefined })];
        }),
      );
      const dates = [...new Set([...cases.map((c) => c.at), '2016-05-01', '2019-05-01', '2020-01-01', '2022-06-01', '2024-01-01'])];
      // The dates on which the law answers the question (no refusal of the date itself).
      const answering = [...new Set(cases.filter((c) => !c.refusal).map((c) => c.at))];
      const parameterSets = [undefined, ...cases.map((c) => c.parameters).filter(Boolean)];
      const drawn = fc.record(factArbitraries).map((d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)));
      // Anything: refusals of facts, dates and parameters must match too.
      await fc.assert(
        fc.asyncProperty(drawn, fc.constantFrom(...dates), fc.constantFrom(...parameterSets), async (facts, at, parameters) => {
          await sameBothWays({ question, at, facts }, parameters);
        }),
        { numRuns: 150 },
      );
      // Facts the question accepts, on dates it answers: the rules themselves decide.
      let answered = 0;
      await fc.assert(
        fc.asyncProperty(drawn, fc.constantFrom(...answering), fc.constantFrom(...parameterSets), async (facts, at, parameters) => {
          fc.pre(FACTS[question].safeParse(facts).success);
          if (await sameBothWays({ question, at, facts }, parameters)) answered++;
        }),
        { numRuns: 300 },
      );
      // Not a test of refusals alone: most of them get an answer.
      expect(answered).toBeGreaterThan(150);
    });
  }
});
