import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { DRY_RUN_FUNCTION_ENV } from '../../functions/jobs/dry-run.ts';
import { KenesFunction } from './kenes-function.ts';
import { acknowledge, arnInFinding } from './nag.ts';

/** The handler the job runs (functions/jobs/dry-run.ts); locally the route calls the same in-process. */
export const DRY_RUN_JOB = { module: 'jobs/dry-run.ts', handler: 'dryRunJob' } as const;

/**
 * The amendment dry-run's job: a function of its own, invoked asynchronously by the route that
 * starts a run, and by itself to continue a run before its 5 minutes run out. The starters
 * get its name and the right to invoke it, nothing more; it gets its own table grant
 * (functions/store/grants.ts `jobs/dry-run.ts`): the law, the decisions by date, its runs.
 *
 * @example
 * new KenesDryRun(this, 'DryRun', { table, starters: [api.functions['rules.dryRun']!] });
 */
export class KenesDryRun extends Construct {
  readonly function: KenesFunction;

  constructor(scope: Construct, id: string, props: { table: ITable; starters: readonly KenesFunction[] }) {
    super(scope, id);
    this.function = new KenesFunction(this, 'Job', {
      ...DRY_RUN_JOB,
      description: 'Amendment dry-run: replays the stored decisions an amendment can change, page by page, continuing itself',
      timeout: Duration.minutes(5),
    });
    this.function.bindTable({ table: props.table, accessMode: 'write' });
    // An asynchronous invocation retries a failed run at most once: a failure is recorded in the run itself.
    this.function.function.configureAsyncInvoke({ retryAttempts: 1, maxEventAge: Duration.hours(1) });
    const fn = this.function.function;
    for (const starter of props.starters) {
      starter.function.addEnvironment(DRY_RUN_FUNCTION_ENV, fn.functionName);
      fn.grantInvoke(starter.role);
      acknowledge(starter.role, { [`IAM5[Resource::${arnInFinding(fn)}:*]`]: 'Invokes the versions of the one dry-run function it starts, nothing else' });
    }
    // It continues a run by invoking itself (by AWS_LAMBDA_FUNCTION_NAME, which Lambda sets). A
    // policy of its own: in the role's default policy the function would depend on its own ARN.
    new Policy(this, 'ContinueItself', {
      roles: [this.function.role],
      statements: [new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fn.functionArn] })],
    });
  }
}
