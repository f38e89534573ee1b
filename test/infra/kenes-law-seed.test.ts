import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_NAME_ENV } from '../../functions/store/table.ts';
import { KenesStack } from '../../infra/kenes-stack.ts';

/** The deploy-time seed of the law: a custom resource whose function writes rules/ into the table. */
let stack: KenesStack;
let template: Template;
let resources: Record<string, { Type: string; Properties: Record<string, any>; DependsOn?: string[] }>;
const logicalId = (construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);

beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  stack = new KenesStack(app, 'Kenes');
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources;
}, 120_000);

describe('KenesLawSeed', () => {
  it('runs the seed function of functions/api/law.ts through a Provider on every create and update', () => {
    const seed = resources[logicalId(stack.lawSeed.function.function)]!.Properties;
    expect(seed).toMatchObject({ Handler: 'index.seedOnDeploy', Runtime: 'nodejs22.x', Timeout: 60, Environment: { Variables: { KENES_RULES_DIR: '/var/task/rules' } } });
    const [resource, ...others] = Object.values(resources).filter((r) => r.Type === 'Custom::KenesLawSeed');
    expect(others).toEqual([]);
    // The provider's framework function invokes the seed function.
    const frameworkId = resource!.Properties.ServiceToken['Fn::GetAtt'][0] as string;
    expect(resources[frameworkId]!.Properties.Environment.Variables.USER_ON_EVENT_FUNCTION_ARN).toEqual({ 'Fn::GetAtt': [logicalId(stack.lawSeed.function.function), 'Arn'] });
  });

  it('re-runs when rules/ changes: its property is a hash of the folder', () => {
    const [resource] = Object.values(resources).filter((r) => r.Type === 'Custom::KenesLawSeed');
    expect(resource!.Properties.rules).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is given the table and may write the law's partitions (the seed adds versions), nothing else", () => {
    const seed = resources[logicalId(stack.lawSeed.function.function)]!.Properties;
    expect(seed.Environment.Variables[TABLE_NAME_ENV]).toEqual({ Ref: logicalId(stack.table) });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: logicalId(stack.lawSeed.function.role) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: Match.arrayWith(['dynamodb:PutItem']),
            Resource: { 'Fn::GetAtt': [logicalId(stack.table), 'Arn'] },
            Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['LAW', 'LAW#AUDIT'] } },
          }),
        ]),
      },
    });
  });
});
