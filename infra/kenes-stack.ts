import { CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { KenesApi } from './constructs/kenes-api.ts';
import { KenesAuth } from './constructs/kenes-auth.ts';
import { KenesJobs } from './constructs/kenes-jobs.ts';
import { KenesLawSeed } from './constructs/kenes-law-seed.ts';
import { KenesTable } from './constructs/kenes-table.ts';
import { KenesWeb, type WebDomain } from './constructs/kenes-web.ts';

export type KenesStackProps = StackProps & {
  /**
   * Origins CORS allows to call the API directly (e.g. a local forms server against a
   * deployed API). The forms on CloudFront are same-origin and need none. Tokens travel in
   * the Authorization header, never in cookies, so `*` exposes no ambient credentials.
   * @default context `kenes:corsOrigins`, else ['*']
   */
  corsOrigins?: string[];
  /**
   * More pages that may sign in with this pool besides the web app itself, e.g. a developer's
   * `http://localhost:3000/`.
   * @default context `kenes:callbackUrls` (a list, or one string of comma-separated URLs), else none
   */
  callbackUrls?: string[];
  /**
   * Prefix of the managed-login domain (`<prefix>.auth.<region>.amazoncognito.com`).
   * @default context `kenes:authDomainPrefix`, else derived from this stack's id
   */
  authDomainPrefix?: string;
  /**
   * The web app's own domain and its ACM certificate in us-east-1 (viewers then need TLS 1.2).
   * @default context `kenes:webDomain` with `kenes:webCertificateArn`, else CloudFront's name
   */
  webDomain?: WebDomain;
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
    const corsOrigins = props.corsOrigins ?? listContext(this, 'kenes:corsOrigins') ?? ['*'];
    const webDomain = props.webDomain ?? webDomainContext(this);

    this.table = new KenesTable(this, 'Table');
    // The web app's address is CloudFront's, whose origin is the API, whose authorizer names the
    // sign-in client, whose callback is that address: a lazy value closes the loop at synth. The
    // template has no cycle: the distribution needs the API resource, the client the
    // distribution, the authorizer the client.
    const webUrl = Lazy.string({ produce: () => this.web.url });
    const auth = new KenesAuth(this, 'Auth', {
      webUrl,
      extraUrls: props.callbackUrls ?? listContext(this, 'kenes:callbackUrls'),
      domainPrefix: props.authDomainPrefix ?? (this.node.tryGetContext('kenes:authDomainPrefix') as string | undefined),
    });
    this.auth = auth;
    this.api = new KenesApi(this, 'Api', {
      table: this.table,
      userPool: auth.userPool,
      client: auth.client,
      corsOrigins,
    });
    this.jobs = new KenesJobs(this, 'Jobs', { table: this.table, userPool: auth.userPool, webUrl });
    // The law lives in the table: each deploy seeds rules/ into it (append-only, idempotent).
    this.lawSeed = new KenesLawSeed(this, 'LawSeed', { table: this.table });
    const web = new KenesWeb(this, 'Web', { apiDomainName: this.api.domainName, signIn: auth.webSignIn, domain: webDomain });
    this.web = web;

    new CfnOutput(this, 'ApiUrl', { value: this.api.stage.url });
    new CfnOutput(this, 'WebUrl', { value: web.url, description: 'The web app: people sign in here' });
    if (webDomain) {
      new CfnOutput(this, 'WebDomainTarget', {
        value: web.distribution.distributionDomainName,
        description: `Point ${webDomain.domainName} here (a CNAME, or an alias record in Route 53)`,
      });
    }
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId, description: 'Create users and the admin group members here' });
    new CfnOutput(this, 'UserPoolClientId', { value: auth.client.userPoolClientId });
    new CfnOutput(this, 'SignInDomain', { value: auth.domain.baseUrl(), description: "Cognito's managed-login pages" });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}

/** A list from context: a JSON list (cdk.json) or one comma-separated string (`-c key=a,b`). */
function listContext(scope: Construct, key: string): string[] | undefined {
  const value = scope.node.tryGetContext(key) as unknown;
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : String(value).split(',');
  return list.map((v) => String(v).trim()).filter(Boolean);
}

/** `kenes:webDomain` and `kenes:webCertificateArn` together, or neither. */
function webDomainContext(scope: Construct): WebDomain | undefined {
  const domainName = scope.node.tryGetContext('kenes:webDomain') as string | undefined;
  const certificateArn = scope.node.tryGetContext('kenes:webCertificateArn') as string | undefined;
  if (!domainName && !certificateArn) return undefined;
  if (!domainName || !certificateArn) throw new Error('context kenes:webDomain and kenes:webCertificateArn go together');
  return { domainName, certificateArn };
}
