import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { KenesApi } from './constructs/kenes-api.ts';
import { KenesAuth } from './constructs/kenes-auth.ts';
import { KenesJobs } from './constructs/kenes-jobs.ts';
import { KenesLawSeed } from './constructs/kenes-law-seed.ts';
import { KenesTable } from './constructs/kenes-table.ts';
import { KenesWeb } from './constructs/kenes-web.ts';

export type KenesStackProps = StackProps & {
  /**
   * Origins CORS allows to call the API directly (e.g. a local forms server against a
   * deployed API). The forms on CloudFront are same-origin and need none. Tokens travel in
   * the Authorization header, never in cookies, so `*` exposes no ambient credentials.
   * @default context `kenes:corsOrigins`, else ['*']
   */
  corsOrigins?: string[];
};

/**
 * kenes on AWS: the table, who may sign in, the API from the route table, the scheduled
 * jobs from the job table, the law seeded into the table, and the web forms in front of the API.
 */
export class KenesStack extends Stack {
  readonly table: KenesTable;
  readonly auth: KenesAuth;
  readonly api: KenesApi;
  readonly jobs: KenesJobs;
  readonly lawSeed: KenesLawSeed;
  readonly web: KenesWeb;

  constructor(scope: Construct, id: string, props: KenesStackProps = {}) {
    super(scope, id, { description: 'kenes: the Coordination Council under the Commissioner for Human Rights', ...props });
    const corsOrigins = props.corsOrigins ?? (this.node.tryGetContext('kenes:corsOrigins') as string[] | undefined) ?? ['*'];

    this.table = new KenesTable(this, 'Table');
    const auth = new KenesAuth(this, 'Auth');
    this.auth = auth;
    this.api = new KenesApi(this, 'Api', {
      table: this.table,
      userPool: auth.userPool,
      client: auth.client,
      corsOrigins,
    });
    this.jobs = new KenesJobs(this, 'Jobs', { table: this.table });
    // The law lives in the table: each deploy seeds rules/ into it (append-only, idempotent).
    this.lawSeed = new KenesLawSeed(this, 'LawSeed', { table: this.table });
    const web = new KenesWeb(this, 'Web', { apiDomainName: this.api.domainName });
    this.web = web;

    new CfnOutput(this, 'ApiUrl', { value: this.api.stage.url });
    new CfnOutput(this, 'WebUrl', { value: `https://${web.distribution.distributionDomainName}` });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: auth.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}
