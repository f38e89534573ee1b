import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildLaw, defaultRulesDir, readCases, readRulesDir, seedLaw } from '../../functions/rules/index.ts';
import { lawDeps } from '../../functions/api/wiring-law.ts';
import { repoRoot } from '../../infra/constructs/paths.ts';
import { createTable, startDynamo } from '../../infra/local/dynamo.ts';
import { useDynamo, LOCAL_TABLE } from '../../infra/local/environment.ts';
import { apiModules, bundle, byPackage } from './bundles.ts';
import { measureColdStarts, name } from './cold-start.ts';
import { countDynamoCalls, localApi, measureEvaluateRoute, measureMinutes, measureVote } from './http.ts';
import { measureRules, requestsOf, round } from './rules.ts';

/**
 * `npm run bench` (a table) and `npm run -s bench -- --json` (ONE JSON object on stdout, progress
 * on stderr): issue 13's budgets, every figure beside its bare reference and its budget, all
 * measured side by side in this one run. `--quick` runs fewer rounds (a smoke run, not figures).
 * Exits 0 whatever the figures: the budgets are reported, not asserted.
 */
const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
// The handlers run in this process too (the local server) and log to stdout: while the
// benchmark runs, stdout goes to stderr, so that stdout carries the one JSON object only.
const stdout = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
const BUDGET = { kb: 300, coldStartRatio: 1.3, evaluateUs: 60, evaluatorVsEngine: 1.5, evaluateRoute: 1.2, vote: 2, voteCalls: 2, pdfVsJson: 1.5 } as const;

const started = performance.now();
let stopDynamo: (() => Promise<void>) | undefined;
try {
  const dynamo = await startDynamo();
  stopDynamo = dynamo.stop;
  useDynamo(dynamo.endpoint);
  process.env.KENES_TABLE = LOCAL_TABLE;
  await createTable(dynamo.endpoint, LOCAL_TABLE);
  // Seeded as the stack's law-seed custom resource seeds it on AWS: functions read the law from the table.
  await seedLaw(lawDeps(), 'bench');
  log(`DynamoDB Local at ${dynamo.endpoint}, law seeded`);

  const dir = defaultRulesDir();
  let t = performance.now();
  const law = buildLaw(readRulesDir(dir));
  const yamlLawMs = performance.now() - t;
  const cases = readCases(dir);

  log('rules: evaluate() beside the bare engine…');
  const rules = await measureRules(law, cases, quick ? 500 : 5000);

  const api = await localApi();
  log('http: POST /v1/rules/evaluate beside a bare node:http server…');
  const decision = requestsOf(law, cases).find((r) => r.question === 'decision')!;
  const evaluateRoute = await measureEvaluateRoute(api, law, decision, quick ? 200 : 1500);
  log('http: a vote beside a bare PutItem handler…');
  const vote = await measureVote(api.call, countDynamoCalls(), dynamo.endpoint, LOCAL_TABLE);
  log('minutes: PDF beside JSON…');
  const minutes = await measureMinutes(api.call, vote, quick ? 3 : 10);
  api.close();

  log('bundles: esbuild with KenesFunction\'s options…');
  const outRoot = join(repoRoot, 'node_modules', '.cache', 'kenes-bench');
  const bundles = [];
  for (const module of apiModules()) bundles.push(await bundle(module, outRoot));
  const env = { ...process.env, KENES_RULES_DIR: dir, KENES_FONTS_DIR: join(repoRoot, 'node_modules/pdfmake/fonts/Roboto'), POWERTOOLS_LOG_LEVEL: 'SILENT' };
  log('cold starts: each bundle and the minimal handler in fresh node processes…');
  const cold = await measureColdStarts(bundles, env, quick ? 1 : 5, log);
  const coldStart = Object.fromEntries(
    bundles.map((b) => {
      const f = cold.functions[name(b.module)]!;
      return [name(b.module), { kb: f.kb, map_kb: f.mapKb, ms: round(f.ms), ratio: round(f.ratio, 2), first_status: f.status, biggest: byPackage(b.inputs).slice(0, 5).map(([p, bytes]) => `${p} ${Math.round(bytes / 1024)} KB`) }];
    }),
  );

  const dryRunFile = join(repoRoot, 'test/bench/dry-run.ts');
  let dryRun: Record<string, unknown> = { decisions_10k_s: null, decisions_100k_s: null, growth_ratio: null, peak_mb: null, note: 'test/bench/dry-run.ts (measureDryRun) is not there yet' };
  if (existsSync(dryRunFile)) {
    log('dry-run: 10k and 100k decisions…');
    const { measureDryRun } = (await import(pathToFileURL(dryRunFile).href)) as { measureDryRun: (count: number) => Promise<{ seconds: number; peakMb: number }> };
    const small = await measureDryRun(10_000);
    const large = quick ? undefined : await measureDryRun(100_000);
    dryRun = { decisions_10k_s: round(small.seconds, 2), decisions_100k_s: large ? round(large.seconds, 2) : null, growth_ratio: large ? round(large.seconds / small.seconds, 2) : null, peak_mb: round(Math.max(small.peakMb, large?.peakMb ?? 0)) };
  }

  const report = {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version, quick },
    coldStart: { minimal_ms: round(cold.minimalMs), budget_ratio: BUDGET.coldStartRatio, budget_kb: BUDGET.kb, ...coldStart },
    law: { yaml_build_ms: round(yamlLawMs) },
    rules: { ...rules, budget_us: BUDGET.evaluateUs, budget_ratio: BUDGET.evaluatorVsEngine },
    http: {
      evaluate_vs_bare_ratio: round(evaluateRoute.ratio, 2),
      evaluate_rps: evaluateRoute.ours_rps,
      evaluate_bare_rps: evaluateRoute.bare_rps,
      evaluate_budget_ratio: BUDGET.evaluateRoute,
      vote_vs_bare_ratio: round(vote.ratio, 2),
      vote_ms: round(vote.ours_ms, 2),
      vote_bare_put_ms: round(vote.bare_ms, 2),
      vote_budget_ratio: BUDGET.vote,
      vote_dynamo_calls: vote.dynamo_calls,
      vote_budget_calls: BUDGET.voteCalls,
    },
    dryRun,
    minutes: { pdf_vs_json_ratio: round(minutes.ratio, 2), pdf_ms: round(minutes.pdf_ms, 1), json_ms: round(minutes.json_ms, 1), budget_ratio: BUDGET.pdfVsJson, note: 'signed minutes: the PDF filed at the seal, served as stored' },
    seconds: round((performance.now() - started) / 1000),
  };
  process.stdout.write = stdout;
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printTable(report);
} finally {
  await stopDynamo?.();
}
process.exit(0);

function printTable(report: Record<string, any>): void {
  const rows: { figure: string; value: unknown; budget: unknown }[] = [];
  for (const [fn, f] of Object.entries(report.coldStart)) {
    if (typeof f !== 'object' || !f) continue;
    const figures = f as { kb: number; ratio: number; ms: number };
    rows.push({ figure: `coldStart.${fn}`, value: `${figures.kb} KB, ${figures.ms} ms, ${figures.ratio}x`, budget: `${BUDGET.kb} KB, ${BUDGET.coldStartRatio}x` });
  }
  for (const [q, us] of Object.entries(report.rules.evaluate_us_p50)) rows.push({ figure: `rules.${q}`, value: `${us} µs, ${report.rules.vs_engine[q]}x engine`, budget: `${BUDGET.evaluateUs} µs, ${BUDGET.evaluatorVsEngine}x` });
  for (const [k, v] of Object.entries(report.http)) rows.push({ figure: `http.${k}`, value: v, budget: '' });
  for (const [k, v] of Object.entries(report.dryRun)) rows.push({ figure: `dryRun.${k}`, value: v, budget: '' });
  rows.push({ figure: 'minutes.pdf_vs_json_ratio', value: report.minutes.pdf_vs_json_ratio, budget: BUDGET.pdfVsJson });
  console.table(rows);
  console.log(`minimal handler cold start ${report.coldStart.minimal_ms} ms; ${report.machine.cpus} × ${report.machine.cpu}, Node ${report.machine.node}; ${report.seconds} s`);
}
