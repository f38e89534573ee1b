import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Route, routeById } from '../../functions/api/routes.ts';
import { KenesApi, PUBLIC_ROUTE_THROTTLE, STAGE_THROTTLE } from '../../infra/constructs/kenes-api.ts';
import { KenesAuth } from '../../infra/constructs/kenes-auth.ts';
import { KenesTable } from '../../infra/constructs/kenes-table.ts';

/**
 * The route table may hold only public routes for now; this builds the API from a table with
 * one route of each access kind, so the authorizer wiring is proven before real routes need it.
 */
const health = routeById('health');
const secured: Route = { ...health, id: 'secured', path: '/v1/secured', access: ['admin'] };
const open: Route = { ...health, id: 'open', path: '/v1/open', access: 'public' };

let stack: Stack;
let auth: KenesAuth;
let template: Template;

function logicalId(construct: IConstruct): string {
  return stack.getLogicalId(construct.node.defaultChild as CfnElement);
}

beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  stack = new Stack(app, 'Api');
  const table = new KenesTable(stack, 'Table');
  auth = new KenesAuth(stack, 'Auth', { webUrl: 'https://council.example.kz/' });
  new KenesApi(stack, 'Api', { table, userPool: auth.userPool, client: auth.client, corsOrigins: ['*'], routes: [secured, open] });
  template = Template.fromStack(stack);
}, 120_000);

describe('KenesApi: access from the route table', () => {
  it('puts the Cognito JWT authorizer on a route that names roles', () => {
    const [authorizerId] = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'));
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: logicalId(auth.client) }],
        Issuer: {
          'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: logicalId(auth.userPool) }]],
        },
      },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /v1/secured',
      AuthorizationType: 'JWT',
      AuthorizerId: { Ref: authorizerId },
      // Only an access token of the web client's code flow carries openid: no ID token passes.
      AuthorizationScopes: ['openid'],
    });
  });

  it('leaves a public route without authorizer', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /v1/open',
      AuthorizationType: 'NONE',
      AuthorizerId: Match.absent(),
      AuthorizationScopes: Match.absent(),
    });
  });

  it('logs access as JSON without the caller IP or identity', () => {
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'));
    const format = JSON.parse(stage!.Properties.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format).toMatchObject({ correlation_id: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status' });
    expect(Object.values(format).filter((v) => /sourceIp|identity|claims/.test(v))).toEqual([]);
    expect(stage!.Properties.StageName).toBe('$default');
  });
});

describe('KenesApi: throttling', () => {
  const stage = () => Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!;

  it('throttles the whole stage', () => {
    expect(stage().Properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: STAGE_THROTTLE.rateLimit, ThrottlingBurstLimit: STAGE_THROTTLE.burstLimit });
  });

  it('gives each public route a lower limit of its own, and none to a signed-in route', () => {
    expect(stage().Properties.RouteSettings).toEqual({
      'GET /v1/open': { ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit, ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit },
    });
    expect(PUBLIC_ROUTE_THROTTLE.rateLimit!).toBeLessThan(STAGE_THROTTLE.rateLimit!);
  });

  it('deploys the stage after the routes its settings name', () => {
    const [openRoute] = Object.entries(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: 'GET /v1/open' } }));
    expect(stage().DependsOn).toContain(openRoute![0]);
  });
});
