import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { logger } from '../http/logger.ts';
import { count, METRIC } from '../http/metrics.ts';

/**
 * Wraps a scheduled function (EventBridge on AWS, `npm run job` locally): the same logger, and
 * a summary of what it did as its result and in the log (counts only, never personal data).
 *
 * Its outcome is counted (`JobSucceeded` / `JobFailed`, dimension `job`). A failure is rethrown,
 * unlike an API error: Lambda then retries the run, and a run that still fails is kept in the
 * job's dead-letter queue (infra/constructs/kenes-jobs.ts) so its legal deadline (p11, p20)
 * is not lost silently.
 */
export function scheduled<R extends object>(jobId: string, run: () => Promise<R>) {
  return middy<ScheduledEvent, R, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async function runJob() {
      let summary: R;
      try {
        summary = await run();
      } catch (error) {
        logger.error('job failed', { job: jobId, errorName: (error as Error)?.name, stack: (error as Error)?.stack });
        count(METRIC.jobFailed, { job: jobId });
        throw error;
      }
      logger.info('job done', { job: jobId, ...summary });
      count(METRIC.jobSucceeded, { job: jobId });
      return summary;
    });
}
