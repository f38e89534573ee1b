import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { jobs } from '../../functions/jobs/jobs.ts';
import { KenesFunction } from './kenes-function.ts';
import { pascalCase } from './paths.ts';

/**
 * The scheduled functions of `functions/jobs/jobs.ts`: one function and one EventBridge
 * schedule each; `npm run job -- <id>` runs the same handler export locally.
 *
 * @example
 * new KenesJobs(this, 'Jobs', { table });
 */
export class KenesJobs extends Construct {
  readonly functions: Record<string, KenesFunction> = {};

  constructor(scope: Construct, id: string, props: { table: ITable }) {
    super(scope, id);
    for (const job of jobs) {
      const name = pascalCase(job.id);
      const fn = new KenesFunction(this, name, {
        module: job.module,
        handler: job.handler,
        description: job.summary,
        // A job walks a date window of the table, not one request.
        timeout: Duration.seconds(60),
      });
      fn.bindTable({ table: props.table, accessMode: job.table });
      this.functions[job.id] = fn;
      new Rule(this, `${name}Schedule`, {
        description: job.summary.slice(0, 512),
        schedule: Schedule.expression(job.schedule),
        targets: [new LambdaFunction(fn.function)],
      });
    }
  }
}
