import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { KenesStack } from '../../infra/kenes-stack.ts';

/** CloudFormation refuses a stack of more than 500 resources: this fails first, at synth. */
describe('KenesStack: CloudFormation limits', () => {
  it('stays under 500 resources with headroom for the routes still to come', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const resources = Object.keys(Template.fromStack(new KenesStack(app, 'Limits')).toJSON().Resources);
    expect(resources.length).toBeLessThan(450);
  });
});
