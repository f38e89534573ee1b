import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../errors.ts';
import { traced } from '../http/tracer.ts';
import { TABLE_NAME_ENV } from './table.ts';

/**
 * The document client and table name every store adapter uses. On Lambda the SDK finds its
 * region and credentials itself; locally `KENES_DYNAMO_ENDPOINT` points at DynamoDB Local.
 *
 * Every call is bounded well inside a function's 10 s: 1 s to connect, 2 s per attempt, 3
 * attempts with the SDK's backoff. What still fails for want of the table (a timeout, a refused
 * connection, throttling, a service error) becomes StoreUnavailableError: a 503 with
 * `Retry-After`, never a 500, and never a silent success.
 */
let client: DynamoDBDocumentClient | undefined;

export function documentClient(): DynamoDBDocumentClient {
  if (client) return client;
  const endpoint = process.env.KENES_DYNAMO_ENDPOINT;
  const base = traced(new DynamoDBClient({
    ...(endpoint ? { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    maxAttempts: 3,
    // throwOnRequestTimeout: without it this SDK only warns when a request outlives requestTimeout.
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true },
  }));
  base.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        throw isUnavailable(error) ? new StoreUnavailableError({ cause: error }) : error;
      }
    },
    { step: 'initialize', name: 'kenesStoreUnavailable' },
  );
  client = DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } });
  return client;
}

const UNAVAILABLE = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
]);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

function isUnavailable(error: unknown): boolean {
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  return UNAVAILABLE.has(e?.name ?? '') || NETWORK.has(e?.code ?? '') || (e?.$metadata?.httpStatusCode ?? 0) >= 500;
}

export function tableName(): string {
  const name = process.env[TABLE_NAME_ENV];
  if (!name) throw new Error(`${TABLE_NAME_ENV} is not set`);
  return name;
}
