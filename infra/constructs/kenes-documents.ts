import { RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DOCUMENTS_BUCKET_ENV } from '../../functions/store/files.ts';
import type { KenesFunction } from './kenes-function.ts';
import { acknowledge } from './nag.ts';

/**
 * The rendered documents: the PDF of signed minutes, in kk and ru, rendered once when they are
 * sealed (or corrected) and served as stored (functions/meetings/minutes-file.ts). The functions
 * that print them may read and add objects, never delete one; the bucket is versioned, so an
 * object is never lost to an overwrite either, and private, encrypted, TLS only, logged.
 *
 * @example
 * new KenesDocuments(this, 'Documents', { printers: [api.functions['minutes.pdf']!], accessLogs });
 */
export class KenesDocuments extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: { printers: readonly KenesFunction[]; accessLogs: IBucket }) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'documents/',
      // Signed minutes are the Council's record (p28): a stack deleted keeps them.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const printer of new Set(props.printers)) {
      printer.function.addEnvironment(DOCUMENTS_BUCKET_ENV, this.bucket.bucketName);
      printer.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [this.bucket.arnForObjects('minutes/*')] }));
      acknowledge(printer.role, { [`IAM5[Resource::<${this.logicalIdOf()}.Arn>/minutes/*]`]: 'Reads and adds the rendered minutes, objects under one prefix of the one documents bucket; never deletes' });
    }
  }

  private logicalIdOf(): string {
    return this.bucket.stack.getLogicalId(this.bucket.node.defaultChild as never);
  }
}
