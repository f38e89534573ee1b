import { Annotations, App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { KenesEdgeStack } from './constructs/kenes-edge-waf.ts';
import { KenesStack } from './kenes-stack.ts';

/** Entry point of `cdk synth`/`deploy` (cdk.json: `npx tsx infra/app.ts`). */
const app = new App();
// The region decides where CloudFront's web ACL goes (it must be us-east-1): from context, or
// the CLI's profile. Unknown (an offline synth), the stack stays environment-agnostic and has no
// web ACL (kenes-web.ts says so in its cdk-nag acknowledgement).
const region = (app.node.tryGetContext('kenes:region') as string | undefined) ?? process.env.CDK_DEFAULT_REGION;
const account = process.env.CDK_DEFAULT_ACCOUNT;
if (!region) {
  new KenesStack(app, 'Kenes');
} else if (region === 'us-east-1') {
  new KenesStack(app, 'Kenes', { env: { account, region } });
} else {
  const edge = new KenesEdgeStack(app, 'KenesEdge', { env: { account, region: 'us-east-1' } });
  const stack = new KenesStack(app, 'Kenes', { env: { account, region }, crossRegionReferences: true, webAclArn: edge.waf.webAclArn });
  Annotations.of(stack).acknowledgeWarning(
    '@aws-cdk/core:crossStackReferencesDefaultStrong',
    'The one reference (the web ACL ARN) is meant to be strong: the edge stack cannot delete the ACL while the distribution uses it',
  );
}
// cdk-nag 3 is a policy-validation plugin (no longer an Aspect): synth fails on any violation
// not acknowledged with `Validations.of(construct).acknowledge({ id, reason })` beside its cause.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
