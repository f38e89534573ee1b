import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * The one X-Ray tracer. It is off wherever Lambda is not (npm start, tests: Powertools checks
 * `AWS_EXECUTION_ENV`), and on Lambda it follows the function's active tracing.
 */
export const tracer = new Tracer({ serviceName: 'kenes' });

/**
 * An AWS SDK v3 client whose calls show as subsegments of the function's trace (DynamoDB's
 * latency per call, beside the handler's); the client itself when tracing is off.
 *
 * @example
 * const base = traced(new DynamoDBClient({}));
 */
export function traced<T>(client: T): T {
  return tracer.captureAWSv3Client(client);
}
