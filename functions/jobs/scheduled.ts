import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { logger } from '../http/logger.ts';

/**
 * Wraps a scheduled function (EventBridge on AWS, `npm run job` locally): the same logger, and
 * a summary of what it did as its result and in the log (counts only, never personal data).
 */
export function scheduled<R extends object>(jobId: string, run: () => Promise<R>) {
  return middy<ScheduledEvent, R, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async function runJob() {
      const summary = await run();
      logger.info('job done', { job: jobId, ...summary });
      return summary;
    });
}
