import { App, type CfnElement, type Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/api/routes.ts';
import { METRIC, SERVICE } from '../../functions/http/metrics.ts';
import { ORIGIN_HEADER, ORIGIN_SECRET_ENV } from '../../functions/http/origin.ts';
import { jobs } from '../../functions/jobs/jobs.ts';
import { THRESHOLDS } from '../../infra/constructs/kenes-alarms.ts';
import { PUBLIC_ROUTE_THROTTLE, STAGE_THROTTLE, VOTE_ROUTE_THROTTLE, VOTE_ROUTES, WEB_ORIGIN_ENV } from '../../infra/constructs/kenes-api.ts';
import { KenesEdgeStack, MANAGED_RULE_GROUPS, RATE_LIMIT_PER_5_MIN } from '../../infra/constructs/kenes-edge-waf.ts';
import { JOB_RETRY_ATTEMPTS } from '../../infra/constructs/kenes-jobs.ts';
import { KenesStack } from '../../infra/kenes-stack.ts';
import { DOCUMENTS_BUCKET_ENV } from '../../functions/store/files.ts';

/**
 * Issue 13, operability: what wakes an operator (alarms to one topic), what keeps a failed job
 * (dead-letter queues), what an operator looks at (the dashboard), and the edge (per-route
 * throttles, the web ACL, the execute-api endpoint, CORS). Three synths, as infra/app.ts makes
 * them: a region other than us-east-1 (the web ACL in its own us-east-1 stack), us-east-1 with
 * the API's own domain, and the offline, environment-agnostic synth.
 */
type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[] };
type Synth = { stack: KenesStack; template: Template; resources: Record<string, Resource>; of: (type: string) => [string, Resource][] };

const account = '111111111111';
const apiCertificateArn = 'arn:aws:acm:us-east-1:111111111111:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab';

function synth(stack: KenesStack): Synth {
  const template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Record<string, Resource>;
  return { stack, template, resources, of: (type) => Object.entries(resources).filter(([, r]) => r.Type === type) };
}

const app = (context: Record<string, unknown> = {}) => new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
const idOf = (stack: Stack, construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);

let regional: Synth;
let edge: { stack: KenesEdgeStack; template: Template };
let east: Synth;
let agnostic: Synth;

beforeAll(() => {
  const a = app({ 'kenes:alarmEmail': 'oncall@example.kz' });
  const edgeStack = new KenesEdgeStack(a, 'KenesEdge', { env: { account, region: 'us-east-1' } });
  regional = synth(new KenesStack(a, 'Kenes', { env: { account, region: 'eu-central-1' }, crossRegionReferences: true, webAclArn: edgeStack.waf.webAclArn }));
  edge = { stack: edgeStack, template: Template.fromStack(edgeStack) };
  east = synth(new KenesStack(app({ 'kenes:apiDomain': 'api.council.example.kz', 'kenes:apiCertificateArn': apiCertificateArn }), 'Kenes', { env: { account, region: 'us-east-1' } }));
  agnostic = synth(new KenesStack(app(), 'Kenes'));
}, 240_000);

describe('Operability: alarms send to one topic', () => {
  const alarms = () => regional.of('AWS::CloudWatch::Alarm').map(([, r]) => r.Properties);
  const topicId = () => idOf(regional.stack, regional.stack.alarms.topic);
  /** The metrics an alarm reads, directly or inside its metric math. */
  const metricsOf = (alarm: Record<string, any>) =>
    alarm.MetricName ? [{ Namespace: alarm.Namespace, MetricName: alarm.MetricName, Dimensions: alarm.Dimensions }] : (alarm.Metrics as any[]).filter((m) => m.MetricStat).map((m) => m.MetricStat.Metric);

  it('every alarm notifies the topic, fires at its threshold or above, and is quiet without data', () => {
    expect(alarms().length).toBeGreaterThan(0);
    for (const alarm of alarms()) {
      expect(alarm.AlarmActions).toEqual([{ Ref: topicId() }]);
      expect(alarm.ComparisonOperator).toBe('GreaterThanOrEqualToThreshold');
      expect(alarm.TreatMissingData).toBe('notBreaching');
    }
  });

  it('on the API’s 5xx', () => {
    const [alarm] = alarms().filter((a) => a.Namespace === 'AWS/ApiGateway' && a.MetricName === '5xx');
    expect(alarm).toMatchObject({ Threshold: THRESHOLDS.api5xx, Statistic: 'Sum', Period: 300 });
    expect(alarm!.Dimensions).toEqual([{ Name: 'ApiId', Value: { Ref: idOf(regional.stack, regional.stack.api.httpApi) } }]);
  });

  it('on the handlers’ UnexpectedError metric, in the namespace the functions write to', () => {
    const [alarm] = alarms().filter((a) => a.MetricName === METRIC.unexpectedError);
    expect(alarm).toMatchObject({ Namespace: 'kenes/Kenes', Threshold: THRESHOLDS.unexpectedError, Dimensions: [{ Name: 'service', Value: SERVICE }] });
    const { api, jobs: scheduled } = regional.stack;
    for (const fn of new Set([...Object.values(api.functions), ...Object.values(scheduled.functions)])) {
      const env = regional.resources[idOf(regional.stack, fn.function)]!.Properties.Environment.Variables;
      expect(env.POWERTOOLS_METRICS_NAMESPACE).toBe('kenes/Kenes');
    }
  });

  it.each([
    ['Errors', THRESHOLDS.functionErrors],
    ['Throttles', THRESHOLDS.functionThrottles],
  ])('on %s of every API function', (metricName, threshold) => {
    const watched = alarms()
      .filter((a) => a.Threshold === threshold)
      .flatMap(metricsOf)
      .filter((m) => m.Namespace === 'AWS/Lambda' && m.MetricName === metricName)
      .map((m) => m.Dimensions[0].Value.Ref);
    const apiFunctions = new Set(Object.values(regional.stack.api.functions).map((fn) => idOf(regional.stack, fn.function)));
    expect(apiFunctions.size).toBeGreaterThan(1);
    for (const fn of apiFunctions) expect(watched).toContain(fn);
  });

  it('on Errors of every job function, and on every dead-letter queue holding one message', () => {
    const all = alarms().flatMap((a) => metricsOf(a).map((m) => ({ ...m, Threshold: a.Threshold })));
    for (const job of jobs) {
      const fn = idOf(regional.stack, regional.stack.jobs.functions[job.id]!.function);
      expect(all.some((m) => m.MetricName === 'Errors' && m.Dimensions[0].Value.Ref === fn)).toBe(true);
      const queue = idOf(regional.stack, regional.stack.jobs.deadLetterQueues[job.id]!);
      const depth = all.find((m) => m.MetricName === 'ApproximateNumberOfMessagesVisible' && JSON.stringify(m.Dimensions).includes(queue));
      expect(depth).toMatchObject({ Namespace: 'AWS/SQS', Threshold: THRESHOLDS.deadLetters });
    }
    // The amendment dry-run runs as a job too (infra/constructs/kenes-dry-run.ts).
    const dryRun = regional.of('AWS::Lambda::Function').filter(([, r]) => r.Properties.Handler === 'index.dryRunJob');
    expect(dryRun).toHaveLength(1);
    expect(all.some((m) => m.MetricName === 'Errors' && m.Dimensions[0].Value.Ref === dryRun[0]![0])).toBe(true);
  });

  it('subscribes the e-mail of context kenes:alarmEmail, and outputs the topic', () => {
    regional.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@example.kz', TopicArn: { Ref: topicId() } });
    expect(regional.template.findOutputs('AlarmTopicArn').AlarmTopicArn!.Value).toEqual({ Ref: topicId() });
    expect(agnostic.of('AWS::SNS::Subscription')).toEqual([]);
  });
});

describe('Operability: a job that fails after its retries is kept', () => {
  it.each(jobs.map((j) => [j.id]))('%s: EventBridge and Lambda both retry, then hand the run to its dead-letter queue', (job) => {
    const { stack, template } = regional;
    const fn = idOf(stack, stack.jobs.functions[job]!.function);
    const queueArn = { 'Fn::GetAtt': [idOf(stack, stack.jobs.deadLetterQueues[job]!), 'Arn'] };
    template.hasResourceProperties('AWS::Events::Rule', {
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [fn, 'Arn'] }, DeadLetterConfig: { Arn: queueArn }, RetryPolicy: Match.objectLike({ MaximumRetryAttempts: JOB_RETRY_ATTEMPTS }) })],
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fn },
      MaximumRetryAttempts: JOB_RETRY_ATTEMPTS,
      DestinationConfig: { OnFailure: { Destination: queueArn } },
    });
  });
});

describe('Signed minutes filed once (S3), served as stored', () => {
  const printers = ['minutes.pdf', 'minutes.sign', 'minutes.correct'];
  it('keeps them in a private, versioned, encrypted, logged bucket that outlives the stack', () => {
    const bucketId = idOf(regional.stack, regional.stack.documents.bucket);
    const bucket = regional.resources[bucketId]!;
    expect(bucket.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: { LogFilePrefix: 'documents/' },
    });
    expect((bucket as { DeletionPolicy?: string }).DeletionPolicy).toBe('Retain');
  });

  it('the functions that sign, correct and print the minutes know the bucket and may read and add under minutes/, never delete', () => {
    const bucketId = idOf(regional.stack, regional.stack.documents.bucket);
    for (const route of printers) {
      const fn = regional.stack.api.functions[route]!;
      const props = regional.resources[idOf(regional.stack, fn.function)]!.Properties;
      expect(props.Environment.Variables[DOCUMENTS_BUCKET_ENV], route).toEqual({ Ref: bucketId });
      const roleId = idOf(regional.stack, fn.role);
      const statements = regional.of('AWS::IAM::Policy')
        .filter(([, p]) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
      const s3 = statements.filter((st) => [st.Action].flat().some((a) => a.startsWith('s3:')));
      expect(s3, route).toEqual([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/minutes/*']] } }]);
    }
    // No other API function touches the bucket.
    const others = Object.entries(regional.stack.api.functions).filter(([route]) => !printers.includes(route)).map(([, fn]) => fn);
    for (const fn of new Set(others)) {
      if (printers.some((r) => regional.stack.api.functions[r] === fn)) continue;
      expect(regional.resources[idOf(regional.stack, fn.function)]!.Properties.Environment?.Variables?.[DOCUMENTS_BUCKET_ENV]).toBeUndefined();
    }
  });
});

describe('Operability: the dashboard', () => {
  it('shows requests, 5xx, latency p90, errors per function, job outcomes and dead letters', () => {
    const [[, dashboard]] = regional.of('AWS::CloudWatch::Dashboard') as [[string, Resource]];
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const title of ['Requests', '4xx and 5xx', 'Latency p90 (ms)', 'Errors per function', 'Job outcomes', 'Dead letters']) expect(body).toContain(title);
    expect(body).toContain('p90');
    expect(body).toContain(METRIC.jobFailed);
  });
});

describe('Edge: per-route throttles', () => {
  const settings = () => regional.of('AWS::ApiGatewayV2::Stage')[0]![1].Properties.RouteSettings as Record<string, unknown>;
  const key = (id: string) => {
    const route = routes.find((r) => r.id === id)!;
    return `${route.method} ${route.path}`;
  };

  it('gives each voting route a limit of its own, sized above a meeting voting at once, apart from the anonymous routes', () => {
    for (const id of VOTE_ROUTES) {
      expect(settings()[key(id)]).toEqual({ ThrottlingRateLimit: VOTE_ROUTE_THROTTLE.rateLimit, ThrottlingBurstLimit: VOTE_ROUTE_THROTTLE.burstLimit });
    }
    // Twelve members voting in the same second pass the burst, twice over.
    expect(VOTE_ROUTE_THROTTLE.burstLimit).toBeGreaterThanOrEqual(24);
    expect(VOTE_ROUTE_THROTTLE.rateLimit!).toBeGreaterThan(PUBLIC_ROUTE_THROTTLE.rateLimit!);
  });

  it('limits every anonymous route on its own, lower than the stage', () => {
    const anonymous = routes.filter((r) => r.access === 'public');
    expect(anonymous.map((r) => r.id)).toEqual(expect.arrayContaining(['rules.evaluate']));
    for (const route of anonymous) expect(settings()[key(route.id)]).toEqual({ ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit, ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit });
    expect(PUBLIC_ROUTE_THROTTLE.rateLimit!).toBeLessThan(STAGE_THROTTLE.rateLimit!);
  });

  it('leaves the other signed-in routes to the stage', () => {
    const limited = new Set<string>([...VOTE_ROUTES, ...routes.filter((r) => r.access === 'public').map((r) => r.id)]);
    expect(Object.keys(settings()).sort()).toEqual(routes.filter((r) => limited.has(r.id)).map((r) => `${r.method} ${r.path}`).sort());
  });
});

describe('Edge: the web ACL in front of CloudFront', () => {
  it('runs the AWS managed rule groups and a rate rule per address, scoped to CloudFront, in us-east-1', () => {
    expect(edge.stack.region).toBe('us-east-1');
    const [acl] = Object.values(edge.template.findResources('AWS::WAFv2::WebACL'));
    expect(acl!.Properties.Scope).toBe('CLOUDFRONT');
    const rules = acl!.Properties.Rules as any[];
    const managed = rules.filter((r) => r.Statement.ManagedRuleGroupStatement).map((r) => r.Statement.ManagedRuleGroupStatement.Name);
    expect(managed.sort()).toEqual([...MANAGED_RULE_GROUPS].sort());
    const rate = rules.find((r) => r.Statement.RateBasedStatement);
    expect(rate).toMatchObject({ Action: { Block: {} }, Statement: { RateBasedStatement: { Limit: RATE_LIMIT_PER_5_MIN, AggregateKeyType: 'IP' } } });
  });

  it('is associated with the distribution that serves the site and /v1/*, across regions or in the same one', () => {
    const distribution = (s: Synth) => s.of('AWS::CloudFront::Distribution')[0]![1].Properties.DistributionConfig;
    // Across regions, CDK reads the ARN from the us-east-1 stack's export (an SSM parameter).
    expect(JSON.stringify(distribution(regional).WebACLId)).toMatch(/ExportsReader/);
    const [[aclId]] = east.of('AWS::WAFv2::WebACL') as [[string, Resource]];
    expect(distribution(east).WebACLId).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    expect(distribution(agnostic).WebACLId).toBeUndefined();
  });
});

describe('Edge: the execute-api endpoint and CORS', () => {
  const apiOf = (s: Synth) => s.of('AWS::ApiGatewayV2::Api')[0]![1].Properties;
  const v1Origin = (s: Synth) => {
    const config = s.of('AWS::CloudFront::Distribution')[0]![1].Properties.DistributionConfig;
    const behaviour = (config.CacheBehaviors as any[]).find((b) => b.PathPattern === '/v1/*');
    return (config.Origins as any[]).find((o) => o.Id === behaviour.TargetOriginId).DomainName;
  };

  it('with the API’s own domain: the execute-api endpoint is disabled and CloudFront calls the domain', () => {
    expect(apiOf(east).DisableExecuteApiEndpoint).toBe(true);
    const [[domainId, domain]] = east.of('AWS::ApiGatewayV2::DomainName') as [[string, Resource]];
    expect(domain.Properties).toMatchObject({ DomainName: 'api.council.example.kz', DomainNameConfigurations: [{ CertificateArn: apiCertificateArn, SecurityPolicy: 'TLS_1_2' }] });
    east.template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { DomainName: { Ref: domainId }, Stage: '$default' });
    expect(v1Origin(east)).toEqual({ Ref: domainId });
    expect(Object.keys(east.template.findOutputs('*'))).toContain('ApiDomainTarget');
  });

  it('without one: the endpoint stays enabled, because it is CloudFront’s only way to the API', () => {
    expect(apiOf(agnostic).DisableExecuteApiEndpoint).toBe(false);
    expect(JSON.stringify(v1Origin(agnostic))).toContain('.execute-api.');
  });

  it('without one: CloudFront sends a generated secret that every API function requires', () => {
    const [[secretId]] = agnostic.of('AWS::SecretsManager::Secret') as [[string, Resource]];
    const config = agnostic.of('AWS::CloudFront::Distribution')[0]![1].Properties.DistributionConfig;
    const behaviour = (config.CacheBehaviors as any[]).find((b) => b.PathPattern === '/v1/*');
    const origin = (config.Origins as any[]).find((o) => o.Id === behaviour.TargetOriginId);
    const [header] = origin.OriginCustomHeaders as { HeaderName: string; HeaderValue: unknown }[];
    expect(header!.HeaderName).toBe(ORIGIN_HEADER);
    expect(JSON.stringify(header!.HeaderValue)).toMatch(new RegExp(`resolve:secretsmanager:.*${secretId}`));
    for (const fn of new Set(Object.values(agnostic.stack.api.functions))) {
      const env = agnostic.resources[idOf(agnostic.stack, fn.function)]!.Properties.Environment.Variables;
      expect(env[ORIGIN_SECRET_ENV]).toEqual(header!.HeaderValue);
    }
    // Behind its own domain the endpoint is closed instead: no secret, no header.
    expect(east.of('AWS::SecretsManager::Secret')).toEqual([]);
    expect(JSON.stringify(east.of('AWS::CloudFront::Distribution'))).not.toContain(ORIGIN_HEADER);
  });

  it('never allows any origin: no CORS without the site’s own domain, the handlers name the site', () => {
    expect(apiOf(agnostic).CorsConfiguration).toBeUndefined();
    const distributionId = agnostic.of('AWS::CloudFront::Distribution')[0]![0];
    for (const fn of new Set(Object.values(agnostic.stack.api.functions))) {
      const env = agnostic.resources[idOf(agnostic.stack, fn.function)]!.Properties.Environment.Variables;
      expect(JSON.stringify(env[WEB_ORIGIN_ENV])).toContain(distributionId);
    }
    const own = synth(new KenesStack(app({ 'kenes:webDomain': 'council.example.kz', 'kenes:webCertificateArn': apiCertificateArn }), 'Kenes'));
    expect(apiOf(own).CorsConfiguration.AllowOrigins).toEqual(['https://council.example.kz']);
  }, 120_000);
});

describe('Operability: cdk-nag AwsSolutions', () => {
  it('leaves no unacknowledged finding in any of the stacks', () => {
    const findings = [regional.stack, edge.stack, east.stack, agnostic.stack].flatMap((stack) =>
      new AwsSolutionsChecks().validateScope(stack).violations.map((v) => `${stack.stackName} ${v.ruleName} ${v.violatingResources.map((r) => r.constructPath)}`),
    );
    expect(findings).toEqual([]);
  });
});
