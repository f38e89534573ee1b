import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Route, routeById } from '../../functions/api/routes.ts';
import { KenesApi } from '../../infra/constructs/kenes-api.ts';
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
  auth = new KenesAuth(stack, 'Auth');
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
    });
  });

  it('leaves a public route without authorizer', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /v1/open',
      AuthorizationType: 'NONE',
      AuthorizerId: Match.absent(),
    });
  });

  it('logs access as JSON without the caller IP or identity', () => {
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'));
    const format = JSON.parse(stage!.Properties.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format).toMatchObject({ requestId: '$context.requestId', routeKey: '$context.routeKey', status: '$context.status' });
    expect(Object.values(format).filter((v) => /sourceIp|identity|claims/.test(v))).toEqual([]);
    expect(stage!.Properties.StageName).toBe('$default');
  });
});
