import { performance } from 'node:perf_hooks';
import { engineFor } from '../../functions/rules/engine.ts';
import { evaluate } from '../../functions/rules/evaluate.ts';
import { versionInForce, type Law } from '../../functions/rules/law.ts';
import type { CaseEntry } from '../../functions/rules/read.ts';

export type RuleFigures = {
  /** p50 of one evaluate() per question, in µs. */
  evaluate_us_p50: Record<string, number>;
  /** p50 of the bare engine run of the same compiled documents and facts, in µs. */
  engine_us_p50: Record<string, number>;
  /** ours over the bare engine, per question; and the worst of them. */
  vs_engine: Record<string, number>;
  evaluator_vs_engine_ratio: number;
};

/** One request per question: the first case in rules/cases that the law answers (not a refusal), without overrides. */
export function requestsOf(law: Law, cases: CaseEntry[]): { question: string; at: string; facts: Record<string, unknown> }[] {
  const byQuestion = new Map<string, { question: string; at: string; facts: Record<string, unknown> }>();
  for (const { question, case: c } of cases) {
    if (byQuestion.has(question) || c.refusal || c.parameters || !versionInForce(law, c.at).inForce) continue;
    byQuestion.set(question, { question, at: c.at, facts: c.facts as Record<string, unknown> });
  }
  return [...byQuestion.values()];
}

async function p50(run: () => Promise<unknown>, rounds: number): Promise<number> {
  for (let i = 0; i < Math.min(2000, rounds); i++) await run(); // warm the JIT (to its optimising tier) and the engine cache
  const times = new Float64Array(rounds);
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await run();
    times[i] = performance.now() - t;
  }
  times.sort();
  return times[Math.floor((rounds - 1) / 2)]! * 1000;
}

/**
 * Each question's evaluate() beside a bare json-rules-engine run of the same documents (the
 * Engine evaluate() itself compiled and cached, run on the same facts), interleaved per
 * question so both meet the same machine.
 */
export async function measureRules(law: Law, cases: CaseEntry[], rounds: number): Promise<RuleFigures> {
  const figures: RuleFigures = { evaluate_us_p50: {}, engine_us_p50: {}, vs_engine: {}, evaluator_vs_engine_ratio: 0 };
  for (const request of requestsOf(law, cases)) {
    const found = versionInForce(law, request.at);
    if (!found.inForce) continue;
    const { engine } = engineFor(law, found.version.id, found.version.state, request.question);
    const ours = await p50(() => evaluate(law, request), rounds);
    const bare = await p50(() => engine.run(request.facts), rounds);
    figures.evaluate_us_p50[request.question] = round(ours);
    figures.engine_us_p50[request.question] = round(bare);
    figures.vs_engine[request.question] = round(ours / bare, 2);
  }
  figures.evaluator_vs_engine_ratio = Math.max(...Object.values(figures.vs_engine));
  return figures;
}

export const round = (x: number, digits = 1) => +x.toFixed(digits);
