import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { tableDefinition } from '../../functions/store/table.ts';

/**
 * The one table of kenes, built from `tableDefinition` (the local starter builds its table
 * from the same data). It holds the council's record, so it outlives the stack: RETAIN,
 * deletion protection and point-in-time recovery.
 *
 * `Table` rather than `TableV2`: one region is enough, and cdk-nag's PITR check (DDB3)
 * inspects `AWS::DynamoDB::Table` only. Encryption uses the AWS managed key (aws/dynamodb):
 * every use is in CloudTrail, and there is no key policy to get wrong or key to lose while
 * the table is retained; a customer-managed key is worth its cost only for cross-account
 * access or to make the data unreadable by disabling the key.
 *
 * @example
 * const table = new KenesTable(this, 'Table');
 * fn.bindTable({ table, accessMode: 'read' });
 */
export class KenesTable extends Table {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      partitionKey: { name: tableDefinition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDefinition.sortKey, type: AttributeType.STRING },
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryption.AWS_MANAGED,
    });
    for (const index of tableDefinition.indexes) {
      this.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
  }
}
