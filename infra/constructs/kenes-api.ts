import { Duration, Stack, Token } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { ApiMapping, type CfnRoute, type CfnStage, CorsHttpMethod, DomainName, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination, SecurityPolicy, type ThrottleSettings } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type Route, routes as routeTable } from '../../functions/api/routes.ts';
import { ROUTER } from '../../functions/http/dispatch.ts';
import { ORIGIN_SECRET_ENV } from '../../functions/http/origin.ts';
import { ACCESS_TOKEN_SCOPE } from './kenes-auth.ts';
import { grantsOf, KenesFunction, type TableAccess } from './kenes-function.ts';
import { acknowledge } from './nag.ts';
import { pascalCase } from './paths.ts';

export type KenesApiProps = {
  table: ITable;
  userPool: IUserPool;
  client: IUserPoolClient;
  /**
   * Origins allowed by CORS; none: no CORS at all. The web app is same-origin through CloudFront
   * and needs none; a developer's page against a deployed API may be listed.
   */
  corsOrigins: string[];
  /** The site's origin (`https://<host>`): the handlers' own CORS header names it, never `*`. */
  webOrigin?: string;
  /**
   * The API's own domain (ACM certificate in the stack's region). With it the default
   * execute-api endpoint is disabled: CloudFront reaches the API by this name, and nothing
   * reaches it around CloudFront (and its WAF). Without it the execute-api name is CloudFront's
   * origin and must stay enabled.
   */
  domain?: ApiDomain;
  /**
   * The value CloudFront's `x-kenes-origin` header carries (a secret's dynamic reference): each
   * function refuses a request without it (functions/http/origin.ts). Used when the execute-api
   * endpoint must stay enabled. @default none: no check
   */
  originSecret?: string;
  /** @default the route table; tests pass their own to cover access kinds the table lacks yet. */
  routes?: readonly Route[];
};

/** A domain of the Office's own for the API (the origin CloudFront calls), with its regional certificate. */
export type ApiDomain = { domainName: string; certificateArn: string };

/** What the whole stage takes (the signed-in routes share it). */
export const STAGE_THROTTLE: ThrottleSettings = { rateLimit: 50, burstLimit: 100 };

/**
 * What each public route takes on its own (the calendar feed, ask the law, health): anyone may
 * call them, so a flood there is refused with 429 on that route alone and never eats the
 * stage's budget the signed-in people share. A calendar app polls a feed a few times an hour.
 */
export const PUBLIC_ROUTE_THROTTLE: ThrottleSettings = { rateLimit: 5, burstLimit: 10 };

/**
 * What each voting route takes on its own (a vote on a motion, a secret ballot), apart from the
 * stage and the anonymous routes, so a flood elsewhere never starves a vote. Sized for a
 * meeting: about 12 members voting within the same second, each vote a request and perhaps a
 * retry, with room for two meetings at once.
 */
export const VOTE_ROUTE_THROTTLE: ThrottleSettings = { rateLimit: 20, burstLimit: 40 };

/** The routes that record votes, throttled with VOTE_ROUTE_THROTTLE. */
export const VOTE_ROUTES = ['motions.vote', 'ballots.cast'] as const;

/**
 * Access log line: who-did-what stays out (no source IP, no user), because a ballot's
 * timing next to a member's identity would link a voter to a vote.
 */
const ACCESS_LOG_FORMAT = JSON.stringify({
  // The same name the function logs give it (functions/http/handle.ts): one id joins both.
  correlation_id: '$context.requestId',
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
  /** The API's own domain in front of the stage; CloudFront's origin then. */
  readonly customDomain?: DomainName;

  constructor(scope: Construct, id: string, props: KenesApiProps) {
    super(scope, id);
    const { region } = Stack.of(this);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'kenes: the Coordination Council API',
      // The default stage cannot take access-log settings; the stage below replaces it.
      createDefaultStage: false,
      disableExecuteApiEndpoint: Boolean(props.domain),
      corsPreflight: props.corsOrigins.length
        ? {
            allowOrigins: props.corsOrigins,
            allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.DELETE],
            allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
            exposeHeaders: ['retry-after', 'idempotent-replayed'],
            maxAge: Duration.hours(1),
          }
        : undefined,
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
    if (props.domain) this.customDomain = this.mapDomain(props.domain);
    const authorizer = new HttpJwtAuthorizer(
      'Cognito',
      `https://cognito-idp.${region}.amazonaws.com/${props.userPool.userPoolId}`,
      { jwtAudience: [props.client.userPoolClientId] },
    );

    // One function per handler module and table access (least privilege holds per function;
    // a module's public reads apart when its grants give them less, see accessOf): it runs the
    // module's `router`, which hands each routeKey to the route's own export.
    const routes = props.routes ?? routeTable;
    // One integration per function, shared by its routes: a stack holds at most 500 resources,
    // and an integration per route cost one each (API Gateway still checks each route's own permission).
    const groups = new Map<string, { fn: KenesFunction; integration: HttpLambdaIntegration }>();
    const throttled: [CfnRoute, ThrottleSettings][] = [];
    for (const route of routes) {
      const access = accessOf(route);
      const group = `${route.module}#${access}`;
      let entry = groups.get(group);
      if (!entry) {
        const members = routes.filter((r) => r.module === route.module && accessOf(r) === access);
        const fn = new KenesFunction(this, pascalCase(`${route.module.replace(/\.ts$/, '')}-${access}`), {
          module: route.module,
          handler: ROUTER,
          description: members.map((r) => `${r.method} ${r.path}`).join(', '),
          fonts: members.some((r) => 'fonts' in r && r.fonts),
        });
        fn.bindTable({ table: props.table, accessMode: access });
        if (props.webOrigin) fn.function.addEnvironment(WEB_ORIGIN_ENV, props.webOrigin);
        if (props.originSecret) fn.function.addEnvironment(ORIGIN_SECRET_ENV, props.originSecret);
        entry = { fn, integration: new HttpLambdaIntegration(`${fn.node.id}Integration`, fn.function) };
        groups.set(group, entry);
      }
      const { fn, integration } = entry;
      this.functions[route.id] = fn;
      const isPublic = route.access === 'public';
      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        authorizer: isPublic ? undefined : authorizer,
        // Only the web client's access token carries it (see ACCESS_TOKEN_SCOPE): no ID token.
        authorizationScopes: isPublic ? undefined : [ACCESS_TOKEN_SCOPE],
      });
      if (isPublic && httpRoute) {
        acknowledge(httpRoute, { APIG4: `${route.id} is public in the route table by design: ${route.summary}` });
      }
      const limit = isPublic ? PUBLIC_ROUTE_THROTTLE : (VOTE_ROUTES as readonly string[]).includes(route.id) ? VOTE_ROUTE_THROTTLE : undefined;
      if (limit && httpRoute) throttled.push([httpRoute.node.defaultChild as CfnRoute, limit]);
    }
    this.throttleRoutes(throttled);
  }

  /**
   * Route-level throttling (the stage's RouteSettings, keyed by route key): every public route
   * and every voting route has a limit of its own, independent of the stage's and of each
   * other's. The stage waits for those routes: route settings naming a route the API does not
   * have yet fail the deployment.
   */
  private throttleRoutes(routes: [CfnRoute, ThrottleSettings][]): void {
    if (routes.length === 0) return;
    const stage = this.stage.node.defaultChild as CfnStage;
    stage.routeSettings = Object.fromEntries(
      routes.map(([route, limit]) => [route.routeKey, { ThrottlingRateLimit: limit.rateLimit, ThrottlingBurstLimit: limit.burstLimit }]),
    );
    for (const [route] of routes) stage.addResourceDependency(route);
  }

  private mapDomain(domain: ApiDomain): DomainName {
    const arn = domain.certificateArn;
    const { region } = Stack.of(this);
    if (!Token.isUnresolved(arn) && !Token.isUnresolved(region) && !arn.includes(`:${region}:`)) {
      throw new Error(`${this.node.path}: the API's certificate must be in the stack's region ${region}, not ${arn}`);
    }
    const name = new DomainName(this, 'Domain', {
      domainName: domain.domainName,
      certificate: Certificate.fromCertificateArn(this, 'Certificate', arn),
      securityPolicy: SecurityPolicy.TLS_1_2,
    });
    new ApiMapping(this, 'Mapping', { api: this.httpApi, domainName: name, stage: this.stage });
    return name;
  }

  /** The API's host name, for CloudFront's `/v1/*` origin: its own domain, else execute-api's. */
  get domainName(): string {
    if (this.customDomain) return this.customDomain.name;
    const stack = Stack.of(this);
    return `${this.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }
}

/** The site's origin, for the handlers' CORS header (functions/http/handle.ts reads it). */
export const WEB_ORIGIN_ENV = 'KENES_WEB_ORIGIN';

/**
 * The table grant a route's function gets: its declared table access, except a public read
 * route of a module whose grants have a `public` one (functions/store/grants.ts) — it gets a
 * function of its own with that grant, so the signed-in routes' reads stay out of its reach.
 */
export function accessOf(route: Route): TableAccess {
  return route.access === 'public' && route.table === 'read' && grantsOf(route.module)?.public ? 'public' : route.table;
}
