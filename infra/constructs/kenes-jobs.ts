import { Arn, Duration, Stack } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { jobs, type Job } from '../../functions/jobs/jobs.ts';
import { MAIL_ENV } from '../../functions/jobs/mail.ts';
import { KenesFunction } from './kenes-function.ts';
import { acknowledge } from './nag.ts';
import { pascalCase } from './paths.ts';

export type KenesJobsProps = {
  table: ITable;
  /** The user pool whose users' verified e-mail addresses a job that mails looks up (by `sub`). */
  userPool?: IUserPool;
  /**
   * The sender of e-mails (an Amazon SES identity verified in the stack's region, e.g.
   * `kenes@example.kz`): without it no e-mail is sent, and the app alone shows the outbox.
   * @default context `kenes:sesFrom`
   */
  sesFrom?: string;
  /** The site's address, written at the end of each e-mail. */
  webUrl?: string;
};

/** How often a failed run is tried again, by EventBridge (delivery) and by Lambda (the run). */
export const JOB_RETRY_ATTEMPTS = 2;

/**
 * The scheduled functions of `functions/jobs/jobs.ts`: one function and one EventBridge
 * schedule each; `npm run job -- <id>` runs the same handler export locally.
 *
 * A run that still fails after its retries is kept, never dropped: each job has a dead-letter
 * queue that receives both the event EventBridge could not deliver and the run Lambda gave up
 * on (its asynchronous on-failure destination). A job's work carries legal deadlines (a term's
 * end, p11; a quarter without a meeting, p20), so an alarm watches every queue
 * (infra/constructs/kenes-alarms.ts) and an operator re-runs the job (`npm run job`).
 *
 * @example
 * new KenesJobs(this, 'Jobs', { table, userPool, webUrl });
 */
export class KenesJobs extends Construct {
  readonly functions: Record<string, KenesFunction> = {};
  /** Each job's dead-letter queue, by job id. */
  readonly deadLetterQueues: Record<string, Queue> = {};

  constructor(scope: Construct, id: string, props: KenesJobsProps) {
    super(scope, id);
    const sesFrom = props.sesFrom ?? (this.node.tryGetContext('kenes:sesFrom') as string | undefined);
    for (const job of jobs as readonly Job[]) {
      const name = pascalCase(job.id);
      const fn = new KenesFunction(this, name, {
        module: job.module,
        handler: job.handler,
        description: job.summary,
        // A job walks a date window of the table, not one request.
        timeout: Duration.seconds(60),
      });
      fn.bindTable({ table: props.table, accessMode: job.table });
      if (job.mail) this.allowMail(fn, { ...props, sesFrom });
      this.functions[job.id] = fn;
      const deadLetters = new Queue(this, `${name}DeadLetters`, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        // SQS's longest: time for an operator to read what failed and re-run it.
        retentionPeriod: Duration.days(14),
      });
      acknowledge(deadLetters, { SQS3: 'This queue is itself the dead-letter queue of a job' });
      this.deadLetterQueues[job.id] = deadLetters;
      fn.function.configureAsyncInvoke({ retryAttempts: JOB_RETRY_ATTEMPTS, onFailure: new SqsDestination(deadLetters) });
      new Rule(this, `${name}Schedule`, {
        description: job.summary.slice(0, 512),
        schedule: Schedule.expression(job.schedule),
        targets: [new LambdaFunction(fn.function, { deadLetterQueue: deadLetters, retryAttempts: JOB_RETRY_ATTEMPTS, maxEventAge: Duration.hours(2) })],
      });
    }
  }

  /**
   * A job that e-mails: ListUsers on the one user pool (to find a person's verified address by
   * `sub`), and SendEmail from the one sender only (its address and its domain's SES identities,
   * on the condition that the From address is that sender).
   */
  private allowMail(fn: KenesFunction, props: KenesJobsProps): void {
    if (props.webUrl) fn.function.addEnvironment('KENES_WEB_URL', props.webUrl);
    if (props.userPool) {
      fn.function.addEnvironment(MAIL_ENV.userPool, props.userPool.userPoolId);
      fn.role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: ['cognito-idp:ListUsers'], resources: [props.userPool.userPoolArn] }));
    }
    if (!props.sesFrom) return;
    fn.function.addEnvironment(MAIL_ENV.from, props.sesFrom);
    const stack = Stack.of(this);
    const identity = (name: string) => Arn.format({ service: 'ses', resource: 'identity', resourceName: name }, stack);
    const domain = props.sesFrom.split('@')[1];
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail'],
        resources: [identity(props.sesFrom), ...(domain ? [identity(domain)] : [])],
        conditions: { StringEquals: { 'ses:FromAddress': props.sesFrom } },
      }),
    );
  }
}
