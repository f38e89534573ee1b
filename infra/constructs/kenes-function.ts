import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type GrantKind, type TableGrant, tableGrants } from '../../functions/store/grants.ts';
import { TABLE_NAME_ENV } from '../../functions/store/table.ts';
import { acknowledge } from './nag.ts';
import { functionsDir, lockFile, repoRoot, rulesDir } from './paths.ts';

/**
 * Which of its module's grants (functions/store/grants.ts) a function gets; `none` gets neither
 * the table's name nor a grant.
 */
export type TableAccess = 'none' | GrantKind;

/** The IAM condition that limits a statement to items whose partition key matches a pattern. */
export const LEADING_KEYS = 'dynamodb:LeadingKeys';

/** The grants of a handler module, if it has any. */
export function grantsOf(module: string): Partial<Record<GrantKind, TableGrant>> | undefined {
  return (tableGrants as Record<string, Partial<Record<GrantKind, TableGrant>>>)[module];
}

/**
 * The grant of a handler module's function, from functions/store/grants.ts; a module or kind
 * without one fails synth (a function must never fall back to the whole table).
 */
export function tableGrantFor(module: string, access: Exclude<TableAccess, 'none'>): TableGrant {
  const grant = grantsOf(module)?.[access];
  if (!grant) throw new Error(`no '${access}' table grant for ${module} in functions/store/grants.ts: add the partitions it reads and writes there`);
  return grant;
}

/**
 * IAM statements of a grant: one per entry, its actions on the table's ARN (or the one index's
 * ARN), only for items whose partition key (the index's own, for an index) matches the entry's
 * partitions. `ForAllValues` because `dynamodb:LeadingKeys` is multivalued; every action granted
 * is item-level and always carries a partition key (no Scan), so the empty set never occurs.
 */
export function tableStatements(table: ITable, grant: TableGrant): PolicyStatement[] {
  return grant.map(
    (entry) =>
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: entry.actions.map((action) => `dynamodb:${action}`),
        resources: [entry.on === 'table' ? table.tableArn : `${table.tableArn}/index/${entry.on}`],
        conditions: { 'ForAllValues:StringLike': { [LEADING_KEYS]: [...entry.partitions] } },
      }),
  );
}

export type KenesFunctionProps = {
  /** Handler module, relative to `functions/` (as in the route and job tables). */
  module: string;
  /** Named export Lambda invokes. */
  handler: string;
  description?: string;
  /** @default 10 seconds (API routes); jobs pass 60. */
  timeout?: Duration;
  /** Ship pdfmake's Roboto fonts (the minutes' PDF, with Kazakh letters) beside the bundle. */
  fonts?: boolean;
};

/** Where the handlers read the law's YAML files (the bundle's copy of `rules/`). */
const RULES_DIR_IN_BUNDLE = '/var/task/rules';
const FONTS_DIR_IN_BUNDLE = '/var/task/fonts/Roboto';

/**
 * ESM bundles lack what CommonJS dependencies expect: `require`, `__filename`, `__dirname`
 * (pdfmake and pdfkit use them). Aliased imports, so no source file's own import can clash.
 */
const BANNER = [
  "import { createRequire as __kenesCreateRequire } from 'module';",
  "import { fileURLToPath as __kenesFileURLToPath } from 'url';",
  "import { dirname as __kenesDirname } from 'path';",
  'const require = __kenesCreateRequire(import.meta.url);',
  'const __filename = __kenesFileURLToPath(import.meta.url);',
  'const __dirname = __kenesDirname(__filename);',
].join(' ');

/**
 * How every function is bundled, as esbuild options: NodejsFunction below passes exactly these,
 * and `npm run bench` builds with them (test/bench/bundles.ts), so the benchmark measures what
 * deploys. `@aws-sdk/*` stays out: the nodejs22.x runtime provides it (NodejsFunction's default).
 */
export const BUNDLING = {
  format: 'esm',
  mainFields: ['module', 'main'],
  banner: BANNER,
  minify: true,
  sourceMap: true,
  target: 'node22',
  externalModules: ['@aws-sdk/*'],
} as const;

/** The Lambda environment's NODE_OPTIONS, which the benchmark's cold starts run under too. */
export const NODE_OPTIONS = '--enable-source-maps';

/**
 * The one Lambda function shape of kenes: Node 22 on arm64, ESM bundle with the law's
 * `rules/` beside it, X-Ray tracing, its own log group and a role that can write only there.
 *
 * @example
 * const health = new KenesFunction(this, 'Health', { module: 'api/health.ts', handler: 'health' });
 * health.bindTable({ table, accessMode: 'read' });
 * new HttpLambdaIntegration('HealthIntegration', health.function);
 */
export class KenesFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  /** The module file and export bundled: the local server invokes the very same. */
  readonly entry: string;
  readonly handler: string;
  /** The handler module, relative to `functions/`: the key of its table grant. */
  readonly module: string;

  constructor(scope: Construct, id: string, props: KenesFunctionProps) {
    super(scope, id);
    // Fail synth loudly: a bundle without the law would only fail at run time, in AWS.
    if (!existsSync(rulesDir)) {
      throw new Error(`KenesFunction ${id}: ${rulesDir} does not exist; every bundle ships the rules/ folder`);
    }
    // Own role instead of AWSLambdaBasicExecutionRole: it may write logs to its own group only.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.THREE_MONTHS });
    this.role = role;
    this.entry = join(functionsDir, props.module);
    this.handler = props.handler;
    this.module = props.module;
    this.function = new NodejsFunction(this, 'Function', {
      entry: this.entry,
      handler: props.handler,
      description: props.description?.slice(0, 256),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      role,
      logGroup,
      environment: {
        KENES_RULES_DIR: RULES_DIR_IN_BUNDLE,
        NODE_OPTIONS,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...(props.fonts ? { KENES_FONTS_DIR: FONTS_DIR_IN_BUNDLE } : {}),
      },
      projectRoot: repoRoot,
      depsLockFilePath: lockFile,
      bundling: {
        format: OutputFormat.ESM,
        mainFields: [...BUNDLING.mainFields],
        banner: BUNDLING.banner,
        minify: BUNDLING.minify,
        sourceMap: BUNDLING.sourceMap,
        target: BUNDLING.target,
        externalModules: [...BUNDLING.externalModules],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          // inputDir is the project root (a container path under Docker bundling).
          afterBundling: (inputDir: string, outputDir: string) => [
            `cp -R "${inputDir}/rules" "${outputDir}/rules"`,
            // The law precompiled to JSON, read beside index.mjs (functions/rules/precompiled.ts).
            `cp "${inputDir}/functions/rules/law-document.json" "${outputDir}/law-document.json"`,
            ...(props.fonts ? [`mkdir -p "${outputDir}/fonts"`, `cp -R "${inputDir}/node_modules/pdfmake/fonts/Roboto" "${outputDir}/fonts/Roboto"`] : []),
          ],
        },
      },
    });
    logGroup.grantWrite(role);
    acknowledge(this.function, {
      L1: 'nodejs22.x is pinned on purpose: the bundle targets node22 and the code is tested on it; move runtime and target together',
    });
    acknowledge(role, {
      'IAM5[Resource::*]': 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions, so active tracing needs Resource *',
    });
  }

  /**
   * Gives the function the table's name and exactly the access its module's grant lists
   * (functions/store/grants.ts): the actions its code calls, on the table and the indexes it
   * queries, limited by `dynamodb:LeadingKeys` to the partitions it serves. `none`: nothing.
   *
   * @example
   * fn.bindTable({ table, accessMode: route.table });
   */
  bindTable({ table, accessMode }: { table: ITable; accessMode: TableAccess }): void {
    if (accessMode === 'none') return;
    const grant = tableGrantFor(this.module, accessMode);
    this.function.addEnvironment(TABLE_NAME_ENV, table.tableName);
    for (const statement of tableStatements(table, grant)) this.role.addToPrincipalPolicy(statement);
    // A customer-managed key would need the matching KMS grant (kenes-table.ts uses the AWS
    // managed key aws/dynamodb, whose use DynamoDB authorizes itself: no KMS statement then).
    const writes = grant.some((entry) => entry.actions.some((action) => action !== 'GetItem' && action !== 'Query'));
    if (table.encryptionKey) {
      if (writes) table.encryptionKey.grantEncryptDecrypt(this.role);
      else table.encryptionKey.grantDecrypt(this.role);
    }
  }
}
