import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { lawDeps } from '../api/wiring-law.ts';
import { logger } from '../http/logger.ts';
import { continueDryRun, failDryRun, type DryRunDeps } from '../rules/dry-run-job.ts';
import { dynamoDryRunStore } from '../store/law.ts';

/**
 * The amendment dry-run's function (infra/constructs/kenes-dry-run.ts): continues a run from
 * its saved cursor and, before its time runs out, hands the run over to a fresh invocation of
 * itself. The route that starts a run launches it the same way: on AWS an asynchronous Lambda
 * invocation (`InvocationType: 'Event'`: the route answers 202 at once); locally this very
 * handler in the same process, not awaited, so the local server never blocks.
 */

/** The job function's name, set by the construct on the functions that start runs. */
export const DRY_RUN_FUNCTION_ENV = 'KENES_DRY_RUN_FUNCTION';
/** Locally: how long one in-process "invocation" runs before it hands over (default 60 s). Tests set it small. */
export const DRY_RUN_BUDGET_ENV = 'KENES_DRY_RUN_BUDGET_MS';
/** Decisions per page (default PAGE_SIZE of dry-run-job.ts): tests set it small to see many pages. */
export const DRY_RUN_PAGE_ENV = 'KENES_DRY_RUN_PAGE_SIZE';
/** Kept in hand at the end of an invocation: the last save and the hand-over must fit. */
const MARGIN_MS = 5_000;

export type DryRunEvent = { runId: string };

export function dryRunDeps(): DryRunDeps {
  return { law: lawDeps(), runs: dynamoDryRunStore(), newId: randomUUID };
}

let lambda: LambdaClient | undefined;

/**
 * Starts (or continues) a run without waiting for it.
 *
 * @example
 * await launchDryRun(run.id); // returns at once; GET /v1/rules/dry-runs/{id} shows the progress
 */
export async function launchDryRun(runId: string, name = process.env[DRY_RUN_FUNCTION_ENV]): Promise<void> {
  if (name) {
    // Loaded only where it is used: the API function's cold start does not pay for it.
    const { InvokeCommand, LambdaClient } = await import('@aws-sdk/client-lambda');
    lambda ??= new LambdaClient({});
    await lambda.send(new InvokeCommand({ FunctionName: name, InvocationType: 'Event', Payload: new TextEncoder().encode(JSON.stringify({ runId })) }));
    return;
  }
  const deadline = Date.now() + Number(process.env[DRY_RUN_BUDGET_ENV] ?? 60_000);
  setImmediate(() => {
    dryRunJob({ runId }, { getRemainingTimeInMillis: () => deadline - Date.now() + MARGIN_MS }).catch((error: unknown) => logger.error('dry-run failed', { runId, error }));
  });
}

/**
 * The job's handler: one invocation's share of a run. An unexpected error fails the run (its
 * report says so) and is thrown again, so it reaches Lambda's error metric.
 *
 * @example
 * await dryRunJob({ runId }, context); // { runId, status: 'running', examined: 41250, changed: 3, handedOver: true }
 */
export async function dryRunJob(event: DryRunEvent, context: Pick<Context, 'getRemainingTimeInMillis'>) {
  const deps = dryRunDeps();
  try {
    const { run, next } = await continueDryRun(deps, event.runId, {
      timeLeft: () => context.getRemainingTimeInMillis() - MARGIN_MS,
      ...(process.env[DRY_RUN_PAGE_ENV] ? { pageSize: Number(process.env[DRY_RUN_PAGE_ENV]) } : {}),
    });
    // On Lambda it continues in a fresh invocation of itself; locally, in this process again.
    if (next === 'continue') await launchDryRun(run.id, process.env.AWS_LAMBDA_FUNCTION_NAME);
    const summary = { runId: run.id, status: run.status, examined: run.examined, changed: run.changed, handedOver: next === 'continue' };
    logger.info('dry-run step', summary);
    return summary;
  } catch (error) {
    const run = await deps.runs.get(event.runId).catch(() => undefined);
    if (run?.status === 'running') await failDryRun(deps, run, error).catch(() => undefined);
    throw error;
  }
}
