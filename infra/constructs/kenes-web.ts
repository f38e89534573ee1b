import { existsSync } from 'node:fs';
import { DefaultStackSynthesizer, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge, arnInFinding } from './nag.ts';
import { webDir } from './paths.ts';

export type KenesWebProps = {
  /** Host name of the HTTP API; CloudFront sends `/v1/*` there, so forms and API share one origin. */
  apiDomainName: string;
};

/**
 * The web forms: a private bucket behind CloudFront (Origin Access Control), the `web/`
 * folder deployed into it, and `/v1/*` passed through to the API uncached.
 *
 * @example
 * const web = new KenesWeb(this, 'Web', { apiDomainName: api.domainName });
 * web.distribution.distributionDomainName;
 */
export class KenesWeb extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;

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

    const api = new HttpOrigin(props.apiDomainName, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `kenes web forms (${Stack.of(this).stackName})`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
      },
      additionalBehaviors: {
        '/v1/*': {
          origin: api,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // With caching disabled, this policy forwards the Authorization header to the API.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
    });
    acknowledge(this.distribution, {
      CFR1: 'No geo restriction: members, complainants and visitors may be anywhere, including abroad; the law excludes no country',
      CFR2: 'No WAF yet: every /v1/* route but health and openapi needs a Cognito JWT and the API stage is throttled; a CloudFront web ACL must live in us-east-1 and is billed monthly, add it when abuse appears',
      CFR4: 'No custom domain yet: the default *.cloudfront.net certificate fixes the viewer minimum at TLSv1; with a domain and ACM certificate set minimumProtocolVersion TLS_V1_2_2021',
    });

    // web/ is written by the forms' owners; without it the stack still deploys (no site).
    if (existsSync(webDir)) this.deploy();
  }

  private deploy(): void {
    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [Source.asset(webDir)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    // All of the following is CDK's own code for BucketDeployment, which this stack cannot tighten.
    const stack = Stack.of(this);
    const qualifier = stack.synthesizer.bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    const assets = `arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-<AWS::Region>`;
    const actions = "CDK's bucket grant action groups: the deployment reads its asset zip, lists, writes and prunes the site's objects";
    acknowledge(deployment.handlerRole, {
      'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
        "BucketDeployment's handler role comes with AWSLambdaBasicExecutionRole; CDK does not let the stack replace it",
      'IAM5[Action::s3:GetObject*]': actions,
      'IAM5[Action::s3:GetBucket*]': actions,
      'IAM5[Action::s3:List*]': actions,
      'IAM5[Action::s3:DeleteObject*]': actions,
      'IAM5[Action::s3:Abort*]': actions,
      [`IAM5[Resource::${assets}/*]`]: 'The web/ asset sits in the CDK bootstrap bucket under a content-hash key known only at deploy time',
      [`IAM5[Resource::${arnInFinding(this.bucket)}/*]`]: 'The deployment syncs the whole site bucket: it writes every object of web/ and deletes the rest',
      'IAM5[Resource::*]': "CDK grants cloudfront:CreateInvalidation/GetInvalidation on * for the deployment's cache invalidation",
    });
    // The handler is a stack-level singleton, not a child of the deployment.
    for (const child of stack.node.children) {
      if (child.node.id.startsWith('Custom::CDKBucketDeployment')) {
        acknowledge(child, { L1: "BucketDeployment's singleton handler runtime (python3.13) is chosen by aws-cdk-lib, not by this stack" });
      }
    }
  }
}
