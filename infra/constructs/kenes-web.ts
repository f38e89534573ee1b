import { existsSync } from 'node:fs';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
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
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket; logging it into itself would log its own log writes',
    });

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
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason: 'No custom domain yet: the default *.cloudfront.net certificate fixes the viewer minimum at TLSv1; with a domain and ACM certificate set minimumProtocolVersion TLS_V1_2_2021',
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
    // Findings filled in from the first synth: see the report for the exact ids.
    Validations.of(deployment.handlerRole).acknowledge({
      id: 'AwsSolutions-IAM4',
      reason: "CDK's BucketDeployment handler role uses AWSLambdaBasicExecutionRole; CDK does not expose it for replacement",
    });
    // The handler is a stack-level singleton, not a child of the deployment.
    const stack = Stack.of(this);
    for (const child of stack.node.children) {
      if (child.node.id.startsWith('Custom::CDKBucketDeployment')) {
        Validations.of(child).acknowledge({
          id: 'AwsSolutions-L1',
          reason: "BucketDeployment's singleton handler runtime is chosen by aws-cdk-lib, not by this stack",
        });
      }
    }
  }
}
