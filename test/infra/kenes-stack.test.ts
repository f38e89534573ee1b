import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Route, routes } from '../../functions/api/routes.ts';
import { ROLES } from '../../functions/http/roles.ts';
import { type Job, jobs } from '../../functions/jobs/jobs.ts';
import { TABLE_NAME_ENV, tableDefinition } from '../../functions/store/table.ts';
import { PUBLIC_ROUTE_THROTTLE } from '../../infra/constructs/kenes-api.ts';
import { KenesStack } from '../../infra/kenes-stack.ts';

/** Actions that change the table (test/infra/grants.test.ts checks each function's grant in full). */
const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

type Resource = { Type: string; Properties: Record<string, any> };

let stack: KenesStack;
let template: Template;
let resources: Record<string, Resource>;

/** Logical id of a construct's CloudFormation resource. */
function logicalId(construct: IConstruct): string {
  return stack.getLogicalId(construct.node.defaultChild as CfnElement);
}

/** Every IAM action granted to a role, across all its policies. */
function actionsOf(roleId: string): string[] {
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .filter((r) => (r.Properties.Roles as unknown[]).some((role) => JSON.stringify(role) === JSON.stringify({ Ref: roleId })))
    .flatMap((r) => r.Properties.PolicyDocument.Statement as { Action: string | string[] }[])
    .flatMap((s) => [s.Action].flat());
}

beforeAll(() => {
  // Skip esbuild here: test/infra/kenes-function.test.ts is the one test that bundles.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  stack = new KenesStack(app, 'Kenes');
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources;
}, 120_000); // vitest.config.ts gives the infra project testTimeout only; hooks default to 10 s

describe('KenesStack: table', () => {
  it('is built from tableDefinition, on demand, PITR, deletion protection, retained', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
        ],
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
        GlobalSecondaryIndexes: tableDefinition.indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    });
  });
});

describe('KenesStack: API routes from the route table', () => {
  const byKey = routes.map((route): [string, Route] => [`${route.method} ${route.path}`, route]);

  it.each(byKey)('%s: JWT authorizer unless public, integrated with its own function', (_key, route) => {
    const [routeResource, ...others] = Object.values(resources).filter(
      (r) => r.Type === 'AWS::ApiGatewayV2::Route' && r.Properties.RouteKey === `${route.method} ${route.path}`,
    );
    expect(others).toEqual([]);
    expect(routeResource).toBeDefined();
    const properties = routeResource!.Properties;
    if (route.access === 'public') {
      expect(properties.AuthorizationType).toBe('NONE');
      expect(properties.AuthorizerId).toBeUndefined();
    } else {
      expect(properties.AuthorizationType).toBe('JWT');
      expect(properties.AuthorizationScopes).toEqual(['openid']);
      const authorizer = resources[properties.AuthorizerId.Ref as string]!.Properties;
      expect(authorizer).toMatchObject({
        AuthorizerType: 'JWT',
        JwtConfiguration: { Audience: [{ Ref: logicalId(stack.auth.client) }] },
      });
    }
    const integrationId = properties.Target['Fn::Join'][1][1].Ref as string;
    expect(resources[integrationId]!.Properties.IntegrationUri).toEqual({
      'Fn::GetAtt': [logicalId(stack.api.functions[route.id]!.function), 'Arn'],
    });
  });

  it.each(byKey)("%s: nodejs22.x on arm64, its module's router, table access as declared", (_key, route) => {
    const fn = stack.api.functions[route.id]!;
    const properties = resources[logicalId(fn.function)]!.Properties;
    expect(properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.router',
      Timeout: 10,
      MemorySize: 512,
      TracingConfig: { Mode: 'Active' },
      Environment: {
        Variables: {
          KENES_RULES_DIR: '/var/task/rules',
          NODE_OPTIONS: '--enable-source-maps',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
      },
    });
    const tableName = properties.Environment.Variables[TABLE_NAME_ENV];
    const actions = actionsOf(logicalId(fn.role));
    if (route.table === 'none') {
      expect(tableName).toBeUndefined();
      expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
      return;
    }
    expect(tableName).toEqual({ Ref: logicalId(stack.table) });
    expect(actions).toContain('dynamodb:GetItem');
    if (route.table === 'read') expect(actions.filter((a) => WRITE_ACTIONS.includes(a))).toEqual([]);
    // A write function writes (its exact actions per module are asserted in grants.test.ts: the annual report's PDF only appends to the access log).
    else expect(actions).toContain('dynamodb:PutItem');
  });
});

describe('KenesStack: scheduled jobs from the job table', () => {
  it.each(jobs.map((job): [string, Job] => [job.id, job]))('%s: its schedule targets its own 60 s function', (_id, job) => {
    const fn = stack.jobs.functions[job.id]!;
    const fnId = logicalId(fn.function);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: job.schedule,
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] } })],
    });
    expect(resources[fnId]!.Properties).toMatchObject({ Handler: `index.${job.handler}`, Timeout: 60, Runtime: 'nodejs22.x' });
    expect(resources[fnId]!.Properties.Environment.Variables[TABLE_NAME_ENV]).toEqual({ Ref: logicalId(stack.table) });
    const writes = actionsOf(logicalId(fn.role)).filter((a) => WRITE_ACTIONS.includes(a));
    expect(writes.length > 0).toBe(job.table === 'write');
  });
});

describe('KenesStack: jobs that mail', () => {
  const mailing = (jobs as readonly Job[]).filter((job) => job.mail);

  it.each(mailing.map((job): [string, Job] => [job.id, job]))("%s looks people up in the user pool and links to the web app", (_id, job) => {
    const fn = stack.jobs.functions[job.id]!;
    expect(resources[logicalId(fn.function)]!.Properties.Environment.Variables).toMatchObject({
      KENES_USER_POOL_ID: { Ref: logicalId(stack.auth.userPool) },
      KENES_WEB_URL: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalId(stack.web.distribution), 'DomainName'] }, '/']] },
    });
    expect(actionsOf(logicalId(fn.role))).toContain('cognito-idp:ListUsers');
  });
});

describe('KenesStack: sign-in', () => {
  it('lets no one sign up, requires MFA and threat protection', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      UserPoolTier: 'PLUS',
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true, RequireUppercase: true }) },
    });
  });

  it.each([...ROLES])('has a Cognito group for role %s', (role) => {
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', {
      GroupName: role,
      UserPoolId: { Ref: logicalId(stack.auth.userPool) },
    });
  });
});

describe('KenesStack: web forms', () => {
  it('blocks public access on every bucket', () => {
    const buckets = template.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets).length).toBeGreaterThan(0);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
  });

  it('serves index.html through OAC and passes /v1/* to the API uncached', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/v1/*',
            AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
            CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
            OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
          }),
        ],
      }),
    });
  });

  it('outputs what a deploy needs', () => {
    const outputs = Object.keys(template.findOutputs('*'));
    expect(outputs).toEqual(expect.arrayContaining(['ApiUrl', 'WebUrl', 'UserPoolId', 'UserPoolClientId', 'SignInDomain', 'TableName']));
  });
});

describe('KenesStack: public routes', () => {
  it.each(routes.filter((r) => r.access === 'public').map((r): [string] => [`${r.method} ${r.path}`]))('%s is throttled on its own', (key) => {
    const [stage] = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Stage');
    expect(stage!.Properties.RouteSettings[key]).toEqual({ ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit, ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit });
  });
});

describe('KenesStack: cdk-nag AwsSolutions', () => {
  it('leaves no unacknowledged finding (cdk synth fails on warnings too)', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    const findings = report.violations.map((v) => `${v.severity} ${v.ruleName} ${v.violatingResources.map((r) => r.constructPath)}`);
    expect(findings).toEqual([]);
  });
});
