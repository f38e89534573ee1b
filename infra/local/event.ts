import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import type { JWTPayload } from 'jose';
import type { Route } from '../../functions/api/routes.ts';

/**
 * Turns a local HTTP request into the API Gateway HTTP API event (payload 2.0) that Lambda
 * would receive, claims included as the JWT authorizer hands them over (every claim a string,
 * arrays as `[a b]`). Nothing else: the handler decides everything.
 */
export function httpApiEvent(input: {
  route: Route;
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
  pathParameters: Record<string, string>;
  claims?: JWTPayload;
}): APIGatewayProxyEventV2WithJWTAuthorizer {
  const { route, method, url, headers, body, pathParameters, claims } = input;
  const flatHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
  const query = url.searchParams.size ? Object.fromEntries(url.searchParams) : undefined;
  const now = new Date();
  const text = body.length && isText(flatHeaders['content-type']);
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers: flatHeaders,
    queryStringParameters: query,
    pathParameters: Object.keys(pathParameters).length ? pathParameters : undefined,
    body: body.length ? (text ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: Boolean(body.length && !text),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: flatHeaders['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claims ? stringClaims(claims) : {}, scopes: [] } },
    },
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
}

/** A Lambda context good enough for middy and the Powertools logger. */
export function lambdaContext(route: { id: string }): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `kenes-local-${route.id}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:kenes-local-${route.id}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/kenes-local-${route.id}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function stringClaims(claims: JWTPayload): Record<string, string> {
  return Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : String(v)]));
}

function isText(contentType: string | undefined): boolean {
  return !contentType || /^(text\/|application\/(.+\+)?json|application\/x-www-form-urlencoded)/.test(contentType);
}
