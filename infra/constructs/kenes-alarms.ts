import { Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { METRIC, SERVICE } from '../../functions/http/metrics.ts';
import type { KenesFunction } from './kenes-function.ts';
import { acknowledge } from './nag.ts';

export type KenesAlarmsProps = {
  httpApi: HttpApi;
  /** The API's functions, by any key (several routes may share one function: each is watched once). */
  apiFunctions: Record<string, KenesFunction>;
  /** The scheduled jobs' functions and dead-letter queues, by job id. */
  jobFunctions: Record<string, KenesFunction>;
  deadLetterQueues: Record<string, Queue>;
  /**
   * Who is woken: an e-mail address subscribed to the topic (it must confirm the subscription).
   * @default context `kenes:alarmEmail`, else none (subscribe to the topic by hand)
   */
  email?: string;
};

/** Where an alarm looks, over what, and from how much it fires: the intent the tests read. */
export const THRESHOLDS = {
  /** API Gateway answered 5xx (ours or its own) at least this often in five minutes. */
  api5xx: 3,
  /** Any unexpected error is a bug: one is enough. */
  unexpectedError: 1,
  /** Lambda's own errors (a crash, a timeout) and throttles of a function: one is enough. */
  functionErrors: 1,
  functionThrottles: 1,
  /** A job that failed after its retries waits in its dead-letter queue: one message is enough. */
  deadLetters: 1,
} as const;

const PERIOD = Duration.minutes(5);

/**
 * What wakes an operator, and what they look at then: CloudWatch alarms on the API's 5xx, every
 * function's errors and throttles, the handlers' `UnexpectedError` metric and every job's
 * dead-letter queue, all sending to one SNS topic; and a dashboard of requests, 5xx, latency,
 * errors per function, job outcomes and dead-letter depth. Every function emits its metrics
 * (functions/http/metrics.ts) into this stack's own namespace.
 *
 * @example
 * new KenesAlarms(this, 'Alarms', { httpApi: api.httpApi, apiFunctions: api.functions, jobFunctions: jobs.functions, deadLetterQueues: jobs.deadLetterQueues });
 */
export class KenesAlarms extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;
  /** The namespace of kenes's own metrics in this stack: `kenes/<stack name>`. */
  readonly namespace: string;

  constructor(scope: Construct, id: string, props: KenesAlarmsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.namespace = `kenes/${stack.stackName}`;
    this.topic = new Topic(this, 'Topic', { displayName: `kenes alarms (${stack.stackName})`, enforceSSL: true });
    acknowledge(this.topic, {
      SNS2: "Alarm notifications carry alarm names and metric values only, never personal data; CloudWatch cannot publish to a topic under the AWS-managed aws/sns key, and a customer key for this alone is not worth its cost",
    });
    const email = props.email ?? (this.node.tryGetContext('kenes:alarmEmail') as string | undefined);
    if (email) this.topic.addSubscription(new EmailSubscription(email));
    const action = new SnsAction(this.topic);
    const alarm = (name: string, metric: IMetric, threshold: number, description: string) => {
      const created = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No request, no failure: silence is not an alarm.
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(action);
      return created;
    };

    const apiFunctions = unique(props.apiFunctions);
    for (const fn of apiFunctions.values()) fn.function.addEnvironment('POWERTOOLS_METRICS_NAMESPACE', this.namespace);
    for (const fn of Object.values(props.jobFunctions)) fn.function.addEnvironment('POWERTOOLS_METRICS_NAMESPACE', this.namespace);

    alarm('Api5xx', props.httpApi.metricServerError({ period: PERIOD, statistic: 'Sum' }), THRESHOLDS.api5xx, 'The API answered 5xx: unexpected errors, the table unavailable (503), or API Gateway itself');
    alarm('UnexpectedErrors', this.metric(METRIC.unexpectedError), THRESHOLDS.unexpectedError, 'A handler met an error no code foresaw (answered 500): read the function logs by correlation_id');
    // Every function is watched, ten to an alarm (a metric-math alarm takes at most ten metrics):
    // an alarm per function would cost two resources of the stack's 500 each. The dashboard shows which one.
    const api = [...apiFunctions];
    chunks(api).forEach((group, i) => {
      const names = group.map(([name]) => name).join(', ');
      alarm(`ApiErrors${i + 1}`, sum(group.map(([, fn]) => fn.function.metricErrors({ period: PERIOD, statistic: 'Sum' })), 'Lambda Errors'), THRESHOLDS.functionErrors, `Lambda Errors (a crash or a timeout) of: ${names}`);
      alarm(`ApiThrottles${i + 1}`, sum(group.map(([, fn]) => fn.function.metricThrottles({ period: PERIOD, statistic: 'Sum' })), 'Lambda Throttles'), THRESHOLDS.functionThrottles, `Lambda Throttles (concurrency) of: ${names}`);
    });
    const jobs = Object.entries(props.jobFunctions);
    chunks(jobs).forEach((group, i) => {
      alarm(`JobErrors${i + 1}`, sum(group.map(([, fn]) => fn.function.metricErrors({ period: PERIOD, statistic: 'Sum' })), 'Job errors'), THRESHOLDS.functionErrors, `A run of a job failed (it is retried): ${group.map(([job]) => job).join(', ')}`);
    });
    const queues = Object.entries(props.deadLetterQueues);
    chunks(queues).forEach((group, i) => {
      const names = group.map(([job]) => job).join(', ');
      alarm(
        `DeadLetters${i + 1}`,
        sum(group.map(([, queue]) => queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' })), 'Dead letters'),
        THRESHOLDS.deadLetters,
        `A job failed after its retries (${names}): its legal deadlines (p11, p20) may be missed; fix the cause, re-run it (npm run job -- <id>) and purge its dead-letter queue`,
      );
    });

    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `kenes-${stack.stackName}` });
    const http = props.httpApi;
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Requests', left: [http.metricCount({ period: PERIOD, statistic: 'Sum' })], right: [this.metric(METRIC.vote, 'Votes'), this.metric(METRIC.ballot, 'Ballots')] }),
      new GraphWidget({ title: '4xx and 5xx', left: [http.metricClientError({ period: PERIOD, statistic: 'Sum' }), http.metricServerError({ period: PERIOD, statistic: 'Sum' }), this.metric(METRIC.unexpectedError, 'Unexpected errors')] }),
      new GraphWidget({ title: 'Latency p90 (ms)', left: [http.metricLatency({ period: PERIOD, statistic: 'p90' }), http.metricIntegrationLatency({ period: PERIOD, statistic: 'p90' })] }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Errors per function', width: 12, left: [...api, ...jobs].map(([name, fn]) => fn.function.metricErrors({ period: PERIOD, statistic: 'Sum', label: name })) }),
      new GraphWidget({
        title: 'Job outcomes',
        left: Object.keys(props.jobFunctions).flatMap((job) => [this.metric(METRIC.jobSucceeded, `${job} ok`, { job }), this.metric(METRIC.jobFailed, `${job} failed`, { job })]),
      }),
      new GraphWidget({ title: 'Dead letters', left: Object.entries(props.deadLetterQueues).map(([job, q]) => q.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum', label: job })) }),
    );
  }

  /** One of kenes's own metrics (functions/http/metrics.ts), summed per period. */
  metric(name: (typeof METRIC)[keyof typeof METRIC], label?: string, dimensions: Record<string, string> = {}): Metric {
    return new Metric({ namespace: this.namespace, metricName: name, dimensionsMap: { service: SERVICE, ...dimensions }, statistic: 'Sum', period: PERIOD, label });
  }
}

/** Groups of at most ten (the metrics one alarm may read). */
function chunks<T>(items: T[]): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += 10) groups.push(items.slice(i, i + 10));
  return groups;
}

/** The sum of some metrics, as one alarm's metric (a missing one counts 0). */
function sum(metrics: IMetric[], label: string): IMetric {
  if (metrics.length === 1) return metrics[0]!;
  const usingMetrics = Object.fromEntries(metrics.map((metric, i) => [`m${i}`, metric]));
  return new MathExpression({ expression: `SUM([${Object.keys(usingMetrics).join(',')}])`, usingMetrics, label, period: PERIOD });
}

/** Each function once, by its construct id (several routes share one function). */
function unique(functions: Record<string, KenesFunction>): Map<string, KenesFunction> {
  const byId = new Map<string, KenesFunction>();
  for (const fn of Object.values(functions)) byId.set(fn.node.id, fn);
  return byId;
}
