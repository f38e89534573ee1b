import { Duration, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { type CfnRoute, type CfnStage, CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination, type ThrottleSettings } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type Route, routes as routeTable } from '../../functions/api/routes.ts';
import { ROUTER } from '../../functions/http/dispatch.ts';
import { ACCESS_TOKEN_SCOPE } from './kenes-auth.ts';
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

/** What the whole stage takes (the signed-in routes share it). */
export const STAGE_THROTTLE: ThrottleSettings = { rateLimit: 50, burstLimit: 100 };

/**
 * What each public route takes on its own (the calendar feed, ask the law, health): anyone may
 * call them, so a flood there is refused with 429 on that route alone and never eats the
 * stage's budget the signed-in people share. A calendar app polls a feed a few times an hour.
 */
export const PUBLIC_ROUTE_THROTTLE: ThrottleSettings = { rateLimit: 5, burstLimit: 10 };

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
 * module and table access, with that access's grant (functions/store/grants.ts), the
 * Cognito JWT authorizer on every route that is not `public` (an access token of the web client,
 * its `client_id` and the `openid` scope checked), and a throttle of its own on every public route.
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
      throttle: STAGE_THROTTLE,
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
    const publicRoutes: CfnRoute[] = [];
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
        // Only the web client's access token carries it (see ACCESS_TOKEN_SCOPE): no ID token.
        authorizationScopes: isPublic ? undefined : [ACCESS_TOKEN_SCOPE],
      });
      if (isPublic && httpRoute) {
        acknowledge(httpRoute, { APIG4: `${route.id} is public in the route table by design: ${route.summary}` });
        publicRoutes.push(httpRoute.node.defaultChild as CfnRoute);
      }
    }
    this.throttlePublicRoutes(publicRoutes);
  }

  /**
   * Route-level throttling (the stage's RouteSettings, keyed by route key) for every public
   * route. The stage waits for those routes: route settings naming a route the API does not
   * have yet fail the deployment.
   */
  private throttlePublicRoutes(publicRoutes: CfnRoute[]): void {
    if (publicRoutes.length === 0) return;
    const stage = this.stage.node.defaultChild as CfnStage;
    stage.routeSettings = Object.fromEntries(
      publicRoutes.map((route) => [
        route.routeKey,
        { ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit, ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit },
      ]),
    );
    for (const route of publicRoutes) stage.addResourceDependency(route);
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
