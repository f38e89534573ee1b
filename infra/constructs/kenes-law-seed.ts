import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CustomResource, Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { KenesFunction } from './kenes-function.ts';
import { acknowledge, arnInFinding } from './nag.ts';
import { rulesDir } from './paths.ts';

/** The handler the deploy runs; `npm start` calls the same seedLaw directly (infra/local/environment.ts). */
export const LAW_SEED = { module: 'api/law.ts', handler: 'seedOnDeploy' } as const;

/**
 * Seeds the law's real history from the bundled rules/ into the table on every deploy: a
 * custom resource whose handler (functions/api/law.ts `seedOnDeploy`) writes only the versions
 * the table lacks, never overwriting one. It runs on create, and on update whenever rules/
 * changed (its property is a hash of the folder), so a version added to the files reaches a
 * running system with the deploy, and everything published meanwhile stays.
 *
 * @example
 * new KenesLawSeed(this, 'LawSeed', { table });
 */
export class KenesLawSeed extends Construct {
  readonly function: KenesFunction;
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: { table: ITable }) {
    super(scope, id);
    this.function = new KenesFunction(this, 'Seed', {
      ...LAW_SEED,
      description: 'Deploy: seeds the law (rules/) into the table; never overwrites a stored version',
      timeout: Duration.seconds(60),
    });
    // Its own grant: the law's partitions only (no council partition, no idempotency record).
    this.function.bindTable({ table: props.table, accessMode: 'seed' });
    const provider = new Provider(this, 'Provider', {
      onEventHandler: this.function.function,
      logGroup: new LogGroup(this, 'ProviderLogs', { retention: RetentionDays.THREE_MONTHS }),
    });
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::KenesLawSeed',
      properties: { rules: rulesHash() },
    });
    acknowledge(provider, {
      'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
        "The Provider framework's own function (built by aws-cdk-lib) only relays the CloudFormation event to the seed function and writes its logs",
      [`IAM5[Resource::${arnInFinding(this.function.function)}:*]`]: 'The Provider framework may invoke the versions of the one seed function it wraps, nothing else',
    });
  }
}

/** A hash of every file under rules/: a changed law makes CloudFormation run the seed again. */
function rulesHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(relative(rulesDir, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(rulesDir);
  return hash.digest('hex');
}
