import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { PARTITIONS } from '../../functions/store/keys.ts';
import { DRY_RUN_PARTITIONS } from '../../functions/store/grants.ts';
import { KenesDryRun } from '../../infra/constructs/kenes-dry-run.ts';
import { KenesFunction } from '../../infra/constructs/kenes-function.ts';
import { KenesTable } from '../../infra/constructs/kenes-table.ts';

/**
 * The dry-run job on AWS: a function of its own with a 5-minute limit, invoked asynchronously
 * by the route's function (which gets its name and the right to invoke it, nothing more), able
 * to invoke itself to continue a run, with the table grant of jobs/dry-run.ts.
 */
let template: Template;
let stack: Stack;
let construct: KenesDryRun;
let starter: KenesFunction;
const ref = (fn: KenesFunction) => stack.getLogicalId(fn.function.node.defaultChild as CfnElement);
const roleRef = (fn: KenesFunction) => ({ Ref: stack.getLogicalId(fn.role.node.defaultChild as CfnElement) });

beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  stack = new Stack(app, 'DryRun');
  const table = new KenesTable(stack, 'Table');
  starter = new KenesFunction(stack, 'Starter', { module: 'api/law.ts', handler: 'router' });
  construct = new KenesDryRun(stack, 'DryRun', { table, starters: [starter] });
  template = Template.fromStack(stack);
}, 120_000);

describe('KenesDryRun', () => {
  it('runs the job handler for up to 5 minutes, retrying a failed invocation at most once', () => {
    template.hasResourceProperties('AWS::Lambda::Function', { Handler: 'index.dryRunJob', Timeout: 300 });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { FunctionName: { Ref: ref(construct.function) }, MaximumRetryAttempts: 1 });
  });

  it("gives the starting function the job's name and lambda:InvokeFunction on it", () => {
    const starterFn = template.toJSON().Resources[ref(starter)];
    expect(starterFn.Properties.Environment.Variables.KENES_DRY_RUN_FUNCTION).toEqual({ Ref: ref(construct.function) });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [roleRef(starter)],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'lambda:InvokeFunction', Resource: Match.arrayWith([{ 'Fn::GetAtt': [ref(construct.function), 'Arn'] }]) })]) },
    });
  });

  it('lets the job invoke itself (to continue a run) from a policy of its own, so the template has no cycle', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [roleRef(construct.function)],
      PolicyDocument: { Statement: [Match.objectLike({ Action: 'lambda:InvokeFunction', Resource: { 'Fn::GetAtt': [ref(construct.function), 'Arn'] } })] },
    });
  });

  it('reads decisions by date through gsi2 and writes only its runs', () => {
    const statements = Object.values(template.toJSON().Resources as Record<string, any>)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles) === JSON.stringify([roleRef(construct.function)]))
      .flatMap((r) => r.Properties.PolicyDocument.Statement);
    const leading = (s: any) => s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'];
    const writes = statements.filter((s: any) => [s.Action].flat().some((a: string) => a === 'dynamodb:PutItem' || a === 'dynamodb:UpdateItem'));
    expect(writes.map(leading)).toEqual([[DRY_RUN_PARTITIONS]]);
    expect(statements.filter((s: any) => JSON.stringify(s.Resource).includes('/index/gsi2')).map(leading)).toEqual([[PARTITIONS.decisions]]);
  });
});
