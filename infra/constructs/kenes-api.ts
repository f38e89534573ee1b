import { Duration, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type Route, routes as routeTable } from '../../functions/api/routes.ts';
import { ROUTER } from '../../functions/http/dispatch.ts';
import { grantsOf, KenesFunction, type TableAccess } from './kenes-function.ts';
import { acknowledge } from './nag.ts';
import { pascalCase } from './paths.ts';

export type KenesApiProps = {
  table: ITable;
  userPool: IUserPool;
  client: IUserPoolClient;
  /** Origins allowed by CORS; the web forms themselves are same-origin through CloudFront. */
  corsOrigins: string[];
  /** @default the route table; tests pass their own to cover access kinds the table lacks yet. */
  routes?: readonly Route[];
};

/**
 * Access log line: who-did-what stays out (no source IP, no user), because a ballot's
 * timing next to a member's identity would link a voter to a vote.
 */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
});

/**
 * The HTTP API, built from the route table `functions/api/routes.ts`: one function per handler
 * module and table access, with that access's grant (functions/store/grants.ts), and the
 * Cognito JWT authorizer on every route that is not `public`.
 *
 * @example
 * const api = new KenesApi(this, 'Api', { table, userPool, client, corsOrigins: ['*'] });
 * api.stage.url;
 */
export class KenesApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly functions: Record<string, KenesFunction> = {};

  constructor(scope: Construct, id: string, props: KenesApiProps) {
    super(scope, id);
    const { region } = Stack.of(this);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'kenes: the Coordination Council API',
      // The default stage cannot take access-log settings; the stage below replaces it.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.corsOrigins,
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.DELETE],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
        exposeHeaders: ['retry-after', 'idempotent-replayed'],
        maxAge: Duration.hours(1),
      },
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(ACCESS_LOG_FORMAT),
      },
    });
    const authorizer = new HttpJwtAuthorizer(
      'Cognito',
      `https://cognito-idp.${region}.amazonaws.com/${props.userPool.userPoolId}`,
      { jwtAudience: [props.client.userPoolClientId] },
    );

    // One function per handler module and table access (least privilege holds per function;
    // a module's public reads apart when its grants give them less, see accessOf): it runs the
    // module's `router`, which hands each routeKey to the route's own export.
    const routes = props.routes ?? routeTable;
    const groups = new Map<string, KenesFunction>();
    for (const route of routes) {
      const name = pascalCase(route.id);
      const access = accessOf(route);
      const group = `${route.module}#${access}`;
      let fn = groups.get(group);
      if (!fn) {
        const members = routes.filter((r) => r.module === route.module && accessOf(r) === access);
        fn = new KenesFunction(this, pascalCase(`${route.module.replace(/\.ts$/, '')}-${access}`), {
          module: route.module,
          handler: ROUTER,
          description: members.map((r) => `${r.method} ${r.path}`).join(', '),
          fonts: members.some((r) => 'fonts' in r && r.fonts),
        });
        fn.bindTable({ table: props.table, accessMode: access });
        groups.set(group, fn);
      }
      this.functions[route.id] = fn;
      const isPublic = route.access === 'public';
      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${name}Integration`, fn.function),
        authorizer: isPublic ? undefined : authorizer,
      });
      if (isPublic && httpRoute) {
        acknowledge(httpRoute, { APIG4: `${route.id} is public in the route table by design: ${route.summary}` });
      }
    }
  }

  /** The API's host name, for CloudFront's `/v1/*` origin. */
  get domainName(): string {
    const stack = Stack.of(this);
    return `${this.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }
}

/**
 * The table grant a route's function gets: its declared table access, except a public read
 * route of a module whose grants have a `public` one (functions/store/grants.ts) — it gets a
 * function of its own with that grant, so the signed-in routes' reads stay out of its reach.
 */
export function accessOf(route: Route): TableAccess {
  return route.access === 'public' && route.table === 'read' && grantsOf(route.module)?.public ? 'public' : route.table;
}
