import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * The metrics kenes emits as CloudWatch Embedded Metric Format (EMF) lines in its function logs,
 * and the one place their names live: the handlers count with `count()`, and the alarms and the
 * dashboard (infra/constructs/kenes-alarms.ts) read the same names.
 */
export const METRIC = {
  /** Every answered request; dimensions `route` and `statusClass` (`2xx`, `4xx`, `5xx`). */
  request: 'Request',
  /** Every refusal (a KenesError: 4xx or 503); dimension `code`. */
  refusal: 'Refusal',
  /** An error no code foresaw (a bug): answered 500, counted here, alarmed on. */
  unexpectedError: 'UnexpectedError',
  /** A vote on a motion recorded (route `motions.vote`). */
  vote: 'Vote',
  /** A secret ballot cast (route `ballots.cast`). */
  ballot: 'Ballot',
  /** A scheduled job's outcome; dimension `job`. */
  jobSucceeded: 'JobSucceeded',
  jobFailed: 'JobFailed',
} as const;

/** The default namespace; the stack sets `POWERTOOLS_METRICS_NAMESPACE` per stack (kenes/<stack>). */
export const DEFAULT_NAMESPACE = 'kenes';
/** The `service` dimension every metric carries (Powertools' default dimension). */
export const SERVICE = 'kenes';

const metrics = new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? DEFAULT_NAMESPACE, serviceName: SERVICE });

/**
 * On only where someone reads them: on Lambda (CloudWatch turns the lines into metrics), or
 * where `POWERTOOLS_METRICS_DISABLED` says so explicitly (a test that reads the lines). So
 * `npm start` and the tests print no EMF JSON.
 */
function enabled(): boolean {
  const disabled = process.env.POWERTOOLS_METRICS_DISABLED;
  if (disabled !== undefined) return !/^(1|true|yes|on)$/i.test(disabled.trim());
  return Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME);
}

/**
 * Counts one occurrence of a metric with its own dimensions, written at once as one EMF line
 * (a single metric, so each count keeps its own dimensions and nothing is lost if the function
 * dies before a flush). Never throws: a metric must not turn an answer into an error.
 *
 * @example
 * count(METRIC.refusal, { code: 'not-quorate' });
 */
export function count(name: (typeof METRIC)[keyof typeof METRIC], dimensions: Record<string, string> = {}): void {
  if (!enabled()) return;
  try {
    const single = metrics.singleMetric();
    for (const [key, value] of Object.entries(dimensions)) single.addDimension(key, value);
    single.addMetric(name, MetricUnit.Count, 1);
  } catch {
    // An invalid dimension (e.g. too long) loses one count, never the request.
  }
}

/** `2xx`, `4xx`, `5xx` from a status code. */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}
