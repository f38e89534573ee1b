import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { KenesStack } from './kenes-stack.ts';

/** Entry point of `cdk synth`/`deploy` (cdk.json: `npx tsx infra/app.ts`). */
const app = new App();
new KenesStack(app, 'Kenes');
// cdk-nag 3 is a policy-validation plugin (no longer an Aspect): synth fails on any violation
// not acknowledged with `Validations.of(construct).acknowledge({ id, reason })` beside its cause.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
