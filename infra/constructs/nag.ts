import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges cdk-nag findings on a construct (and its children), one reason each.
 * cdk-nag 3 matches exact finding ids, e.g. `AwsSolutions-IAM5[Resource::*]`; keys here omit
 * the `AwsSolutions-` prefix.
 *
 * @example
 * acknowledge(bucket, { S1: 'This is the access-log bucket' });
 */
export function acknowledge(scope: IConstruct, reasons: Record<string, string>): void {
  for (const [finding, reason] of Object.entries(reasons)) {
    Validations.of(scope).acknowledge({ id: `AwsSolutions-${finding}`, reason });
  }
}

/** How cdk-nag prints a resource's ARN in a finding: `<LogicalId.Arn>`. */
export function arnInFinding(resource: IConstruct): string {
  const element = resource.node.defaultChild as CfnElement;
  return `<${Stack.of(element).getLogicalId(element)}.Arn>`;
}
