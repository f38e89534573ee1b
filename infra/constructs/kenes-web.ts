import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DefaultStackSynthesizer, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
  type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { ORIGIN_HEADER } from '../../functions/http/origin.ts';
import type { WebSignIn } from './kenes-auth.ts';
import { acknowledge, arnInFinding } from './nag.ts';
import { repoRoot, webDir } from './paths.ts';
import { API_CONTENT_SECURITY_POLICY, APP_PATHS_FUNCTION, contentSecurityPolicy } from './web-edge.ts';

/** A domain of the Office's own for the web app, with its ACM certificate (in us-east-1, as CloudFront requires). */
export type WebDomain = { domainName: string; certificateArn: string };

export type KenesWebProps = {
  /** Host name of the HTTP API; CloudFront sends `/v1/*` there, so pages and API share one origin. */
  apiDomainName: string;
  /** How the pages sign in: written to `/config.json` and allowed by their Content-Security-Policy. */
  signIn: WebSignIn;
  /**
   * The web app's own domain. With it, viewers need TLS 1.2 or later (TLSv1.2_2021); CloudFront's
   * default `*.cloudfront.net` certificate does not let a distribution set its minimum.
   * @default CloudFront's `*.cloudfront.net` name
   */
  domain?: WebDomain;
  /**
   * The ARN of a CLOUDFRONT-scoped WAFv2 web ACL (us-east-1) to put in front of the site and
   * the API (infra/constructs/kenes-edge-waf.ts). @default none
   */
  webAclArn?: string;
  /** A value CloudFront sends the API in `x-kenes-origin`, so the API can refuse callers that went around it. @default none */
  originSecret?: string;
};

/** `/config.json` as the web app reads it (the contract of issue 11). */
export type WebConfig = {
  auth: {
    mode: 'cognito';
    authority: string;
    clientId: string;
    domain: string;
    redirectUri: string;
    logoutUri: string;
    scope: string;
  };
};

/**
 * Browsers revalidate every file on every load (the modules carry no content hash, so an old
 * and a new module must never mix), answered with a 304 from CloudFront's edge, which keeps
 * each file a day and is invalidated by every deploy.
 */
const WEB_CACHE_CONTROL = [CacheControl.maxAge(Duration.seconds(0)), CacheControl.mustRevalidate(), CacheControl.sMaxAge(Duration.days(1))];

/** The browser-security headers both behaviours send (HSTS for two years, no sniffing, no referrer). */
const SECURITY_HEADERS: Omit<ResponseSecurityHeadersBehavior, 'contentSecurityPolicy'> = {
  strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
  contentTypeOptions: { override: true },
  frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
  // A page's address can hold a calendar secret or, briefly, a sign-in code: never sent on.
  referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
  // The legacy filter is off, as current browsers advise; the CSP does the work.
  xssProtection: { protection: false, override: true },
};

/**
 * The web app: a private bucket behind CloudFront (Origin Access Control), `web/` and its
 * browser libraries (`web/vendor.json`) deployed into it with `/config.json` (how to sign in),
 * the app's own URLs answered with `index.html`, strict security headers, and `/v1/*` passed
 * through to the API uncached.
 *
 * @example
 * const web = new KenesWeb(this, 'Web', { apiDomainName: api.domainName, signIn: auth.webSignIn });
 * web.url; // https://d111111abcdef8.cloudfront.net/
 */
export class KenesWeb extends Construct {
  readonly bucket: Bucket;
  /** The access logs of the site bucket, CloudFront's, and the documents bucket's. */
  readonly accessLogs: Bucket;
  readonly distribution: Distribution;
  /** The web app's address, `https://<host>/`: sign-in returns here. */
  readonly url: string;
  /** What `/config.json` holds (deploy-time values as tokens). */
  readonly config: WebConfig;
  readonly deployment?: BucketDeployment;

  constructor(scope: Construct, id: string, props: KenesWebProps) {
    super(scope, id);
    // S3 server access logs by bucket policy, not the deprecated LogDeliveryWrite ACL that CDK
    // uses without this feature flag; set on this construct so synth and tests agree.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    // One bucket for the site bucket's access logs and CloudFront's standard logs; CloudFront
    // writes its logs with ACLs, hence OBJECT_WRITER ownership.
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.accessLogs = logs;
    acknowledge(logs, { S1: 'This is the access-log bucket; logging it into itself would log its own log writes' });

    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
      // Rebuilt from web/ on every deploy, but RETAIN keeps a failed stack delete harmless.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const arn = props.domain?.certificateArn;
    if (arn && !Token.isUnresolved(arn) && !arn.includes(':us-east-1:')) {
      throw new Error(`${this.node.path}: CloudFront takes a certificate from us-east-1 only, not ${arn}`);
    }
    const stackName = Stack.of(this).stackName;
    const pageHeaders = new ResponseHeadersPolicy(this, 'PageHeaders', {
      comment: `kenes web app: CSP and security headers (${stackName})`,
      securityHeadersBehavior: {
        ...SECURITY_HEADERS,
        contentSecurityPolicy: { contentSecurityPolicy: this.pageContentSecurityPolicy(props.signIn), override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()', override: true },
          // Sign-in is a redirect, never a pop-up, so no other window needs a handle on the app.
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
    });
    const apiHeaders = new ResponseHeadersPolicy(this, 'ApiHeaders', {
      comment: `kenes API through the web origin: security headers (${stackName})`,
      securityHeadersBehavior: {
        ...SECURITY_HEADERS,
        // A handler that sets its own policy keeps it.
        contentSecurityPolicy: { contentSecurityPolicy: API_CONTENT_SECURITY_POLICY, override: false },
      },
    });
    const appPaths = new EdgeFunction(this, 'AppPaths', {
      comment: 'kenes: app URLs without a file extension are served index.html',
      code: FunctionCode.fromInline(APP_PATHS_FUNCTION),
      runtime: FunctionRuntime.JS_2_0,
    });

    const api = new HttpOrigin(props.apiDomainName, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      customHeaders: props.originSecret ? { [ORIGIN_HEADER]: props.originSecret } : undefined,
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `kenes web app (${stackName})`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      webAclId: props.webAclArn,
      ...(props.domain && {
        domainNames: [props.domain.domainName],
        certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      }),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: pageHeaders,
        functionAssociations: [{ function: appPaths, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/v1/*': {
          origin: api,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // With caching disabled, this policy forwards the Authorization header to the API.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: apiHeaders,
        },
      },
    });
    acknowledge(this.distribution, {
      CFR1: 'No geo restriction: members, complainants and visitors may be anywhere, including abroad; the law excludes no country',
    });
    if (!props.webAclArn) {
      acknowledge(this.distribution, {
        CFR2: "No web ACL in this synth: the stack's region is unknown (an environment-agnostic synth, e.g. offline), and a CloudFront web ACL must live in us-east-1 with a region-bound reference; deploy with a region (an AWS profile, or -c kenes:region=...) and infra/app.ts adds the web ACL. Meanwhile every signed-in route needs a Cognito token and every public and voting route has its own throttle",
      });
    }
    if (!props.domain) {
      acknowledge(this.distribution, {
        CFR4: 'No custom domain configured (context kenes:webDomain and kenes:webCertificateArn): the default *.cloudfront.net certificate fixes the viewer minimum at TLSv1 and CloudFront lets no distribution change it; with a domain the stack sets TLSv1.2_2021',
      });
    }

    this.url = `https://${props.domain?.domainName ?? this.distribution.distributionDomainName}/`;
    this.config = {
      auth: {
        mode: 'cognito',
        authority: props.signIn.authority,
        clientId: props.signIn.clientId,
        domain: props.signIn.domain,
        redirectUri: this.url,
        logoutUri: this.url,
        scope: props.signIn.scope,
      },
    };
    // web/ is written by the app's owners; without it the stack still deploys (no site).
    if (existsSync(webDir)) this.deployment = this.deploy();
  }

  /** The pages' CSP, with the inline scripts of the deployed index.html allowed by hash. */
  private pageContentSecurityPolicy(signIn: WebSignIn): string {
    const index = join(webDir, 'index.html');
    return contentSecurityPolicy({
      signInOrigin: signIn.domain,
      issuerOrigin: signIn.issuerOrigin,
      indexHtml: existsSync(index) ? readFileSync(index, 'utf8') : '',
    });
  }

  private deploy(): BucketDeployment {
    const sources: ISource[] = [Source.asset(webDir)];
    const vendor = vendorDir();
    if (vendor) sources.push(Source.asset(vendor));
    // Deploy-time values (pool, client, domain, CloudFront's name) are filled in by the deployment.
    sources.push(Source.jsonData('config.json', this.config));
    const deployment = new BucketDeployment(this, 'Deploy', {
      sources,
      destinationBucket: this.bucket,
      cacheControl: WEB_CACHE_CONTROL,
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    // The asset was copied into the cloud assembly as it was made; the staging folder can go.
    if (vendor && !this.node.tryGetContext('aws:cdk:disable-asset-staging')) rmSync(vendor, { recursive: true, force: true });
    // All of the following is CDK's own code for BucketDeployment, which this stack cannot tighten.
    const stack = Stack.of(this);
    const qualifier = stack.synthesizer.bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    // cdk-nag prints the bucket as the template has it: concrete with an explicit environment.
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    const assets = `arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-${account}-${region}`;
    const actions = "CDK's bucket grant action groups: the deployment reads its asset zips, lists, writes and prunes the site's objects";
    acknowledge(deployment.handlerRole, {
      'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
        "BucketDeployment's handler role comes with AWSLambdaBasicExecutionRole; CDK does not let the stack replace it",
      'IAM5[Action::s3:GetObject*]': actions,
      'IAM5[Action::s3:GetBucket*]': actions,
      'IAM5[Action::s3:List*]': actions,
      'IAM5[Action::s3:DeleteObject*]': actions,
      'IAM5[Action::s3:Abort*]': actions,
      [`IAM5[Resource::${assets}/*]`]: 'The web/ assets sit in the CDK bootstrap bucket under content-hash keys known only at deploy time',
      [`IAM5[Resource::${arnInFinding(this.bucket)}/*]`]: 'The deployment syncs the whole site bucket: it writes every object of web/ and deletes the rest',
      'IAM5[Resource::*]': "CDK grants cloudfront:CreateInvalidation/GetInvalidation on * for the deployment's cache invalidation",
    });
    // The handler is a stack-level singleton, not a child of the deployment.
    for (const child of stack.node.children) {
      if (child.node.id.startsWith('Custom::CDKBucketDeployment')) {
        acknowledge(child, { L1: "BucketDeployment's singleton handler runtime (python3.13) is chosen by aws-cdk-lib, not by this stack" });
      }
    }
    return deployment;
  }
}

/**
 * The browser libraries `web/vendor.json` names (`{ files: { "preact.js": "preact/dist/preact.mjs",
 * "yaml/": "yaml/browser/" } }`: a name ending in `/` is a folder, every `.js` file under it),
 * copied from node_modules into a staging folder under `vendor/`: the URLs of index.html's
 * import map, the same files the local server serves. A missing file fails the synth.
 */
function vendorDir(): string | undefined {
  const manifest = join(webDir, 'vendor.json');
  if (!existsSync(manifest)) return undefined;
  const { files } = JSON.parse(readFileSync(manifest, 'utf8')) as { files: Record<string, string> };
  const stage = mkdtempSync(join(tmpdir(), 'kenes-vendor-'));
  for (const [name, file] of Object.entries(files)) {
    if (!/^[A-Za-z0-9._-]+\/?$/.test(name) || name.startsWith('.')) throw new Error(`web/vendor.json: "${name}" is not a plain file or folder name`);
    const from = join(repoRoot, 'node_modules', file);
    if (!existsSync(from)) throw new Error(`web/vendor.json: ${name} comes from node_modules/${file}, which is missing (npm install?)`);
    const to = join(stage, 'vendor', name);
    if (name.endsWith('/')) {
      cpSync(from, to, { recursive: true, filter: (path) => statSync(path).isDirectory() || path.endsWith('.js') });
    } else {
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
    }
  }
  return stage;
}
