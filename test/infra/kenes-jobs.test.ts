import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import { UserPool } from 'aws-cdk-lib/aws-cognito';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { KenesJobs } from '../../infra/constructs/kenes-jobs.ts';
import { KenesTable } from '../../infra/constructs/kenes-table.ts';

/** The notify job's e-mail: SES from the one sender only, the addresses from the one user pool; the other jobs neither. */
function synth(props: { sesFrom?: string; withPool?: boolean }) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Jobs', { env: { account: '111111111111', region: 'eu-central-1' } });
  const table = new KenesTable(stack, 'Table');
  const userPool = props.withPool ? new UserPool(stack, 'Pool') : undefined;
  const jobs = new KenesJobs(stack, 'J', { table, userPool, sesFrom: props.sesFrom, webUrl: 'https://kenes.example.kz/' });
  const resources = Template.fromStack(stack).toJSON().Resources as Record<string, { Type: string; Properties: Record<string, any> }>;
  const id = (c: { node: { defaultChild?: unknown } }) => stack.getLogicalId(c.node.defaultChild as CfnElement);
  const statementsOf = (job: string) =>
    Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(id(jobs.functions[job]!.role)))
      .flatMap((r) => r.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown; Condition?: unknown }[]);
  const envOf = (job: string) => resources[id(jobs.functions[job]!.function)]!.Properties.Environment.Variables as Record<string, unknown>;
  return { statementsOf, envOf, pool: userPool && id(userPool) };
}

describe('KenesJobs: the notify job’s e-mail', () => {
  it('may send from the configured sender only, and list the pool’s users to find an address by user id', () => {
    const { statementsOf, envOf, pool } = synth({ sesFrom: 'kenes@example.kz', withPool: true });
    const env = envOf('notify');
    expect(env).toMatchObject({ KENES_SES_FROM: 'kenes@example.kz', KENES_USER_POOL_ID: { Ref: pool }, KENES_WEB_URL: 'https://kenes.example.kz/' });
    const ses = statementsOf('notify').find((s) => s.Action === 'ses:SendEmail')!;
    expect(JSON.stringify(ses.Resource)).toContain('identity/kenes@example.kz');
    expect(JSON.stringify(ses.Resource)).toContain('identity/example.kz');
    expect(ses.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'kenes@example.kz' } });
    const cognito = statementsOf('notify').find((s) => s.Action === 'cognito-idp:ListUsers')!;
    expect(cognito.Resource).toEqual({ 'Fn::GetAtt': [pool, 'Arn'] });
    for (const job of ['term-expiry', 'quarterly']) {
      expect(statementsOf(job).flatMap((s) => [s.Action].flat()).filter((a) => /^(ses|cognito-idp):/.test(a))).toEqual([]);
      expect(envOf(job)).not.toHaveProperty('KENES_SES_FROM');
    }
  });

  it('sends no e-mail without a sender: no SES permission, no sender in its environment', () => {
    const { statementsOf, envOf } = synth({});
    expect(statementsOf('notify').flatMap((s) => [s.Action].flat()).filter((a) => /^(ses|cognito-idp):/.test(a))).toEqual([]);
    expect(envOf('notify')).not.toHaveProperty('KENES_SES_FROM');
  });
});
