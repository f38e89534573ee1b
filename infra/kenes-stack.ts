import { CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { type ApiDomain, KenesApi } from './constructs/kenes-api.ts';
import { KenesAlarms } from './constructs/kenes-alarms.ts';
import { KenesEdgeWaf } from './constructs/kenes-edge-waf.ts';
import { KenesAuth } from './constructs/kenes-auth.ts';
import { KenesDocuments } from './constructs/kenes-documents.ts';
import { KenesDryRun } from './constructs/kenes-dry-run.ts';
import { KenesJobs } from './constructs/kenes-jobs.ts';
import { KenesLawSeed } from './constructs/kenes-law-seed.ts';
import { KenesTable } from './constructs/kenes-table.ts';
import { KenesWeb, type WebDomain } from './constructs/kenes-web.ts';
import { acknowledge } from './constructs/nag.ts';

export type KenesStackProps = StackProps & {
  /**
   * Origins CORS allows to call the API directly (e.g. a local forms server against a
   * deployed API). The forms on CloudFront are same-origin and need none.
   * @default context `kenes:corsOrigins`, else the site's own domain when it has one, else none
   */
  corsOrigins?: string[];
  /**
   * The API's own domain and its ACM certificate in the stack's region: CloudFront then calls
   * the API by it, and the default execute-api endpoint is disabled.
   * @default context `kenes:apiDomain` with `kenes:apiCertificateArn`, else the execute-api endpoint (enabled)
   */
  apiDomain?: ApiDomain;
  /**
   * A CLOUDFRONT web ACL (us-east-1) for the distribution; infra/app.ts passes the one of its
   * us-east-1 stack. @default one created here when this stack is in us-east-1, else none
   */
  webAclArn?: string;
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
  readonly alarms: KenesAlarms;
  readonly documents: KenesDocuments;

  constructor(scope: Construct, id: string, props: KenesStackProps = {}) {
    super(scope, id, { description: 'kenes: the Coordination Council under the Commissioner for Human Rights', ...props });
    const webDomain = props.webDomain ?? webDomainContext(this);
    // CORS names the site alone, never `*`. Without a domain of its own the site's name is
    // CloudFront's, which the API cannot name (the distribution already depends on the API): no
    // CORS then, which the same-origin web app does not need.
    const corsOrigins = props.corsOrigins ?? listContext(this, 'kenes:corsOrigins') ?? (webDomain ? [`https://${webDomain.domainName}`] : []);
    const apiDomain = props.apiDomain ?? pairContext(this, 'kenes:apiDomain', 'kenes:apiCertificateArn');
    const originSecret = apiDomain ? undefined : this.originSecret();

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
      // The site's origin for the handlers' own CORS header: a function may name the distribution.
      webOrigin: Lazy.string({ produce: () => this.web.url.replace(/\/$/, '') }),
      domain: apiDomain,
      originSecret,
    });
    this.jobs = new KenesJobs(this, 'Jobs', { table: this.table, userPool: auth.userPool, webUrl });
    const dryRun = new KenesDryRun(this, 'DryRun', { table: this.table, starters: [this.api.functions['rules.dryRun']!] });
    // The law lives in the table: each deploy seeds rules/ into it (append-only, idempotent).
    this.lawSeed = new KenesLawSeed(this, 'LawSeed', { table: this.table });
    // A CLOUDFRONT web ACL must be in us-east-1: here if this stack is, else infra/app.ts's edge stack.
    const webAclArn = props.webAclArn ?? (this.region === 'us-east-1' ? new KenesEdgeWaf(this, 'Waf').webAclArn : undefined);
    const web = new KenesWeb(this, 'Web', { apiDomainName: this.api.domainName, signIn: auth.webSignIn, domain: webDomain, webAclArn, originSecret });
    this.web = web;
    // Signed minutes are printed once, at the seal or a correction, and served as stored.
    const printers = ['minutes.pdf', 'minutes.sign', 'minutes.correct'].map((route) => this.api.functions[route]!);
    this.documents = new KenesDocuments(this, 'Documents', { printers, accessLogs: web.accessLogs });
    this.alarms = new KenesAlarms(this, 'Alarms', {
      httpApi: this.api.httpApi,
      apiFunctions: this.api.functions,
      // The dry-run's errors are watched like a job's (it records a failed run in the run itself).
      jobFunctions: { ...this.jobs.functions, 'dry-run': dryRun.function },
      deadLetterQueues: this.jobs.deadLetterQueues,
    });

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
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn, description: 'Subscribe the on-call operator here (or deploy with -c kenes:alarmEmail=...)' });
    new CfnOutput(this, 'DashboardName', { value: this.alarms.dashboard.dashboardName });
    if (this.api.customDomain) {
      new CfnOutput(this, 'ApiDomainTarget', {
        value: this.api.customDomain.regionalDomainName,
        description: `Point ${apiDomain!.domainName} here (a CNAME, or an alias record in Route 53); the execute-api endpoint is disabled`,
      });
    }
  }

  /**
   * Without a domain of its own the API's execute-api endpoint stays enabled (it is CloudFront's
   * origin): CloudFront then sends a generated secret that every function checks
   * (functions/http/origin.ts), so no request reaches the handlers around CloudFront's web ACL.
   * CloudFormation resolves it into the distribution and the functions at deploy time.
   */
  private originSecret(): string {
    const secret = new Secret(this, 'OriginSecret', {
      description: 'kenes: the header value CloudFront sends the API; the functions refuse requests without it',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    acknowledge(secret, {
      SMG4: 'Not rotated automatically: CloudFront and the functions read it at deploy time (a dynamic reference), so a rotation is a new secret value and a redeploy; it guards the API against callers going around CloudFront, not a person',
    });
    return secret.secretValue.unsafeUnwrap();
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
  return pairContext(scope, 'kenes:webDomain', 'kenes:webCertificateArn');
}

/** A domain and its certificate from two context keys: both, or neither. */
function pairContext(scope: Construct, domainKey: string, certificateKey: string): { domainName: string; certificateArn: string } | undefined {
  const domainName = scope.node.tryGetContext(domainKey) as string | undefined;
  const certificateArn = scope.node.tryGetContext(certificateKey) as string | undefined;
  if (!domainName && !certificateArn) return undefined;
  if (!domainName || !certificateArn) throw new Error(`context ${domainKey} and ${certificateKey} go together`);
  return { domainName, certificateArn };
}
