import { performance } from 'node:perf_hooks';
import { buildLaw, defaultRulesDir, evaluate, readRulesDir } from '../../functions/rules/index.ts';
import { clean } from '../scenarios/membership.ts';

/**
 * `npm run bench`: speed and memory of the evaluator, the hot path of every legal decision.
 * Targets (on this 2-core machine): a cached evaluation p99 under 2 ms, building the law under
 * 500 ms, and no heap growth across 20 000 evaluations. Exits 1 when a target is missed.
 */
const targets = { evaluateP99Ms: 2, buildLawMs: 500, heapGrowthMb: 20 };

let start = performance.now();
const law = buildLaw(readRulesDir(defaultRulesDir()));
const buildLawMs = performance.now() - start;

const requests = [
  { question: 'decision', at: '2020-03-02', facts: { membersTotal: 11, membersPresent: 10, votesFor: 5, votesAgainst: 5, abstained: 0, presidingVote: 'for' } },
  { question: 'quorum', at: '2016-05-05', facts: { membersTotal: 11, membersPresent: 6 } },
  {
    question: 'member-eligibility',
    at: '2021-01-10',
    facts: { ...clean, citizenOfKazakhstan: false, unexpungedCriminalRecord: true },
  },
];
for (const request of requests) await evaluate(law, request); // warm the engine cache

const rounds = 20_000;
const times: number[] = [];
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
start = performance.now();
for (let i = 0; i < rounds; i++) {
  const t = performance.now();
  await evaluate(law, requests[i % requests.length]!);
  times.push(performance.now() - t);
}
const total = performance.now() - start;
global.gc?.();
const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
times.sort((a, b) => a - b);
const p = (q: number) => times[Math.floor(q * (times.length - 1))]!;

const results = {
  buildLawMs: +buildLawMs.toFixed(1),
  evaluationsPerSecond: Math.round(rounds / (total / 1000)),
  evaluateP50Ms: +p(0.5).toFixed(3),
  evaluateP99Ms: +p(0.99).toFixed(3),
  heapGrowthMb: +heapGrowthMb.toFixed(1),
};
console.table(results);
const missed = [
  results.evaluateP99Ms > targets.evaluateP99Ms && `evaluate p99 ${results.evaluateP99Ms} ms > ${targets.evaluateP99Ms} ms`,
  results.buildLawMs > targets.buildLawMs && `building the law ${results.buildLawMs} ms > ${targets.buildLawMs} ms`,
  results.heapGrowthMb > targets.heapGrowthMb && `heap grew ${results.heapGrowthMb} MB > ${targets.heapGrowthMb} MB`,
].filter(Boolean);
for (const m of missed) console.error(`target missed: ${m}`);
process.exit(missed.length ? 1 : 0);
