import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Route, routes, takesIdempotencyKey } from '../../functions/api/routes.ts';
import { jobs } from '../../functions/jobs/jobs.ts';
import {
  CALENDAR_PARTITIONS,
  COUNCIL_PARTITIONS,
  EMAIL_OUTBOX,
  IDEMPOTENCY_PARTITIONS,
  type ItemAction,
  MEETINGS_BY_DATE,
  NOTIFICATIONS_BY_TIME,
  PERSON_PARTITIONS,
  type TableGrant,
  tableGrants,
} from '../../functions/store/grants.ts';
import { keys, PARTITIONS } from '../../functions/store/keys.ts';
import { TABLE_NAME_ENV, tableDefinition } from '../../functions/store/table.ts';
import { accessOf } from '../../infra/constructs/kenes-api.ts';
import { KenesDryRun } from '../../infra/constructs/kenes-dry-run.ts';
import { KenesFunction, LEADING_KEYS, tableGrantFor } from '../../infra/constructs/kenes-function.ts';
import { KenesStack } from '../../infra/kenes-stack.ts';

/**
 * Least privilege on the table, read from the synthesized stack: every DynamoDB statement names
 * item actions the code calls, the table or one queried index, and a `dynamodb:LeadingKeys`
 * condition; each function has exactly the grant functions/store/grants.ts lists for it; and
 * the partitions that matter are reachable only by the functions that serve them.
 */
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, unknown>> };
type Resource = { Type: string; Properties: Record<string, any> };

/** The only DynamoDB actions any role may hold: the ones functions/store/*.ts calls. */
const ITEM_ACTIONS: readonly ItemAction[] = ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem'];
const WRITES: readonly ItemAction[] = ['PutItem', 'UpdateItem', 'ConditionCheckItem'];
const INDEXES: readonly string[] = tableDefinition.indexes.map((index) => index.name);

let stack: KenesStack;
let template: Template;
let resources: Record<string, Resource>;

const logicalId = (construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);

/** Every statement of every IAM policy in the stack. */
function allStatements(): Statement[] {
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .flatMap((r) => r.Properties.PolicyDocument.Statement as Statement[]);
}

const actionsOf = (statement: Statement) => [statement.Action].flat();
const isDynamo = (statement: Statement) => actionsOf(statement).some((a) => /^dynamodb:/i.test(a) || a === '*');

/** The DynamoDB statements of a function's role. */
function dynamoStatementsOf(fn: KenesFunction): Statement[] {
  const role = { Ref: logicalId(fn.role) };
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles as unknown[]).some((x) => JSON.stringify(x) === JSON.stringify(role)))
    .flatMap((r) => r.Properties.PolicyDocument.Statement as Statement[])
    .filter(isDynamo);
}

/** The table's ARN, or one index's, as CloudFormation renders it. */
function arnOf(on: 'table' | string): unknown {
  const table = { 'Fn::GetAtt': [logicalId(stack.table), 'Arn'] };
  return on === 'table' ? table : { 'Fn::Join': ['', [table, `/index/${on}`]] };
}

/** `table`, an index name, or the resource itself when it is neither (then every check fails). */
function targetOf(resource: unknown): string {
  if (JSON.stringify(resource) === JSON.stringify(arnOf('table'))) return 'table';
  const index = INDEXES.find((name) => JSON.stringify(resource) === JSON.stringify(arnOf(name)));
  return index ?? JSON.stringify(resource);
}

/** IAM StringLike: `*` any run of characters, `?` any one. */
function stringLike(pattern: string, value: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(value);
}

function leadingKeysOf(statement: Statement): string[] | undefined {
  return statement.Condition?.['ForAllValues:StringLike']?.[LEADING_KEYS] as string[] | undefined;
}

/** Would IAM allow this function `action` on an item (or index partition) with this partition key? */
function can(fn: KenesFunction, action: ItemAction, on: 'table' | string, partition: string): boolean {
  return dynamoStatementsOf(fn).some(
    (s) =>
      s.Effect === 'Allow' &&
      actionsOf(s).includes(`dynamodb:${action}`) &&
      targetOf(s.Resource) === on &&
      // A statement without the condition would allow every partition.
      (leadingKeysOf(s) === undefined || leadingKeysOf(s)!.some((pattern) => stringLike(pattern, partition))),
  );
}

/**
 * Every function of the stack that is given the table, with the grant it should have: labels
 * and grants from the route and job tables (known before the stack is built, for it.each), the
 * function itself once it is.
 */
const GRANTED: readonly { label: string; fn: () => KenesFunction; grant: TableGrant }[] = (() => {
  const out = new Map<string, { label: string; fn: () => KenesFunction; grant: TableGrant }>();
  for (const route of routes as readonly Route[]) {
    const access = accessOf(route);
    const label = `${route.module} ${access}`;
    if (access !== 'none' && !out.has(label)) out.set(label, { label, fn: () => stack.api.functions[route.id]!, grant: tableGrantFor(route.module, access) });
  }
  for (const job of jobs) out.set(job.id, { label: `${job.module} ${job.table}`, fn: () => stack.jobs.functions[job.id]!, grant: tableGrantFor(job.module, job.table) });
  out.set('seed', { label: 'api/law.ts seed', fn: () => stack.lawSeed.function, grant: tableGrantFor('api/law.ts', 'seed') });
  out.set('dry-run', { label: 'jobs/dry-run.ts write', fn: () => (stack.node.findChild('DryRun') as KenesDryRun).function, grant: tableGrantFor('jobs/dry-run.ts', 'write') });
  return [...out.values()];
})();

/** Sample partition keys, as the stores build them. */
const COUNCIL = keys.council('c1').pk;
const BALLOT = keys.ballot('c1', 'e1', 'r1').pk;
const CANDIDATE = keys.candidate('c1', 'k1').pk;
const LAW = keys.lawHead().pk;
const LAW_AUDIT = keys.lawAudit(1, 0).pk;
const IDEMPOTENCY = keys.idempotency('0'.repeat(64)).pk;
const PERSON = keys.notification('u1', 'n1').pk;
const CALENDAR = keys.calendarSecret('0'.repeat(64)).pk;

beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  stack = new KenesStack(app, 'Kenes');
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources;
}, 120_000);

describe('table grants: every DynamoDB statement in the stack', () => {
  it('names only item actions the code calls: no wildcard, Scan, delete, batch, stream or table action', () => {
    const actions = new Set(allStatements().filter(isDynamo).flatMap(actionsOf));
    expect(actions.size).toBeGreaterThan(0);
    expect([...actions].filter((a) => !ITEM_ACTIONS.map((x) => `dynamodb:${x}`).includes(a))).toEqual([]);
    // NotAction would grant everything it does not name.
    expect(allStatements().filter((s) => 'NotAction' in s || 'NotResource' in s)).toEqual([]);
  });

  it('is an Allow on the table or on an index it queries (Query only), never a wildcard resource', () => {
    for (const statement of allStatements().filter(isDynamo)) {
      expect(statement.Effect).toBe('Allow');
      const target = targetOf(statement.Resource);
      expect(['table', ...INDEXES], JSON.stringify(statement.Resource)).toContain(target);
      if (target !== 'table') expect(actionsOf(statement)).toEqual(['dynamodb:Query']);
    }
  });

  it('carries a dynamodb:LeadingKeys condition naming partitions, never all of them', () => {
    for (const statement of allStatements().filter(isDynamo)) {
      expect(Object.keys(statement.Condition ?? {}), JSON.stringify(statement)).toEqual(['ForAllValues:StringLike']);
      expect(Object.keys(statement.Condition!['ForAllValues:StringLike']!)).toEqual([LEADING_KEYS]);
      const patterns = leadingKeysOf(statement)!;
      expect(patterns.length).toBeGreaterThan(0);
      // Each pattern starts with a literal partition name: `*`, `C*` and the like would reach across kinds.
      for (const pattern of patterns) expect(pattern).toMatch(/^[A-Z]+(#|$)/);
    }
  });
});

describe('table grants: each function has exactly its grant from functions/store/grants.ts', () => {
  it('covers every function that is given the table, and only those', () => {
    const functions = stack.node.findAll().filter((c): c is KenesFunction => c instanceof KenesFunction);
    const withTable = functions.filter((fn) => resources[logicalId(fn.function)]!.Properties.Environment.Variables[TABLE_NAME_ENV]);
    const granted = GRANTED.map(({ fn }) => fn());
    expect(granted).toHaveLength(withTable.length);
    expect(new Set(granted)).toEqual(new Set(withTable));
    for (const fn of functions.filter((f) => !withTable.includes(f))) expect(dynamoStatementsOf(fn)).toEqual([]);
  });

  it.each(GRANTED.map(({ label, fn, grant }) => [label, fn, grant] as const))('%s: one statement per entry, with its actions, resource and partitions', (_label, lazy, grant) => {
    const fn = lazy();
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: logicalId(fn.role) }],
      PolicyDocument: {
        Statement: Match.arrayWith(
          grant.map((entry) =>
            Match.objectLike({
              Effect: 'Allow',
              Action: entry.actions.length === 1 ? `dynamodb:${entry.actions[0]}` : entry.actions.map((a) => `dynamodb:${a}`),
              Resource: arnOf(entry.on),
              Condition: { 'ForAllValues:StringLike': { [LEADING_KEYS]: [...entry.partitions] } },
            }),
          ),
        ),
      },
    });
    expect(dynamoStatementsOf(fn)).toHaveLength(grant.length);
  });
});

describe('table grants: who may do what', () => {
  const LAW_WRITERS = () => [stack.api.functions['rules.publish']!, stack.lawSeed.function];

  it("only the law's write function (publish, withdraw) and the deploy seed can put or update the law", () => {
    expect(stack.api.functions['rules.withdraw']).toBe(stack.api.functions['rules.publish']);
    for (const { label, fn: lazy } of GRANTED) {
      const fn = lazy();
      for (const partition of [LAW, LAW_AUDIT]) {
        for (const action of WRITES) {
          expect(can(fn, action, 'table', partition), `${label} ${action} ${partition}`).toBe(LAW_WRITERS().includes(fn));
        }
      }
    }
  });

  it('the public evaluate function reads the LAW partition and nothing else', () => {
    const evaluate = stack.api.functions['rules.evaluate']!;
    expect(dynamoStatementsOf(evaluate)).toEqual([
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:Query'],
        Resource: arnOf('table'),
        Condition: { 'ForAllValues:StringLike': { [LEADING_KEYS]: [PARTITIONS.law] } },
      },
    ]);
    for (const partition of [BALLOT, CANDIDATE, COUNCIL, LAW_AUDIT, PARTITIONS.health, IDEMPOTENCY]) {
      expect(can(evaluate, 'GetItem', 'table', partition), partition).toBe(false);
      expect(can(evaluate, 'Query', 'table', partition), partition).toBe(false);
    }
    for (const index of INDEXES) expect(can(evaluate, 'Query', index, PARTITIONS.decisions)).toBe(false);
  });

  it.each((routes as readonly Route[]).filter((r) => r.access === 'public' && r.id !== 'calendar.feed' && r.module !== 'api/complaints.ts').map((r) => [r.id, r] as const))(
    // The complaints' public routes (a sealed complaint in, its status out) are checked in test/infra/complaints-privacy.test.ts.
    'public route %s: its function only reads, and only the law or the health item',
    (id, route) => {
      const fn = stack.api.functions[id]!;
      for (const statement of dynamoStatementsOf(fn)) {
        expect(actionsOf(statement).every((a) => a === 'dynamodb:GetItem' || a === 'dynamodb:Query')).toBe(true);
        expect(targetOf(statement.Resource)).toBe('table');
        expect(leadingKeysOf(statement)!.every((p) => p === PARTITIONS.law || p === PARTITIONS.health), `${route.module}: ${leadingKeysOf(statement)}`).toBe(true);
      }
    },
  );

  it('the public calendar feed reads a calendar record by its hash and the meetings by date: no council record, no person, no ballot', () => {
    const feed = stack.api.functions['calendar.feed']!;
    expect(feed).not.toBe(stack.api.functions['me.get']);
    for (const statement of dynamoStatementsOf(feed)) expect(actionsOf(statement).every((a) => a === 'dynamodb:GetItem' || a === 'dynamodb:Query')).toBe(true);
    expect(can(feed, 'GetItem', 'table', CALENDAR)).toBe(true);
    expect(can(feed, 'Query', 'table', CALENDAR)).toBe(false);
    expect(can(feed, 'Query', 'gsi1', keys.meetingsOf('c1').gsi1pk)).toBe(true);
    expect(can(feed, 'Query', 'gsi1', PARTITIONS.councils)).toBe(true);
    for (const partition of [COUNCIL, BALLOT, CANDIDATE, PERSON, LAW, LAW_AUDIT, IDEMPOTENCY]) {
      expect(can(feed, 'GetItem', 'table', partition), partition).toBe(false);
      expect(can(feed, 'Query', 'table', partition), partition).toBe(false);
    }
    expect(can(feed, 'Query', 'gsi1', keys.notificationsOf('u1').gsi1pk)).toBe(false);
  });

  it("the read models only read: their council's records, its meetings by date and the law", () => {
    const reads = (routes as readonly Route[]).filter((r) => r.module === 'api/reads.ts');
    expect(reads.length).toBeGreaterThan(0);
    for (const route of reads) {
      const fn = stack.api.functions[route.id]!;
      expect(route.table).toBe('read');
      for (const action of WRITES) for (const partition of [COUNCIL, LAW, PERSON, CALENDAR]) expect(can(fn, action, 'table', partition), `${route.id} ${action} ${partition}`).toBe(false);
      expect(can(fn, 'Query', 'table', COUNCIL)).toBe(true);
      for (const partition of [PERSON, CALENDAR]) expect(can(fn, 'GetItem', 'table', partition), `${route.id} ${partition}`).toBe(false);
      for (const partition of [PARTITIONS.councils, PARTITIONS.termEnds, PARTITIONS.decisions]) for (const index of INDEXES) expect(can(fn, 'Query', index, partition)).toBe(false);
    }
  });

  it("the person's routes write only people's partitions and calendar records, never a council's or the law", () => {
    for (const route of (routes as readonly Route[]).filter((r) => r.module === 'api/me.ts')) {
      const fn = stack.api.functions[route.id]!;
      for (const action of WRITES) {
        for (const partition of [COUNCIL, LAW, LAW_AUDIT, IDEMPOTENCY]) expect(can(fn, action, 'table', partition), `${route.id} ${action} ${partition}`).toBe(false);
        if (action !== 'ConditionCheckItem') expect(can(fn, action, 'table', PERSON), `${route.id} ${action}`).toBe(route.table === 'write');
      }
    }
    const notify = stack.jobs.functions['notify']!;
    expect(can(notify, 'PutItem', 'table', PERSON)).toBe(true);
    expect(can(notify, 'UpdateItem', 'table', CALENDAR)).toBe(true);
    expect(can(notify, 'Query', 'gsi2', EMAIL_OUTBOX)).toBe(true);
    for (const partition of [COUNCIL, LAW]) expect(can(notify, 'PutItem', 'table', partition)).toBe(false);
    expect(stringLike(NOTIFICATIONS_BY_TIME, keys.notificationsOf('u1').gsi1pk)).toBe(true);
    expect(stringLike(MEETINGS_BY_DATE, keys.notificationsOf('u1').gsi1pk)).toBe(false);
  });

  it("the public diff does not share the administrators' law-reading function (audit log, decision records)", () => {
    const diff = stack.api.functions['rules.diff']!;
    expect(diff).not.toBe(stack.api.functions['rules.dryRun']);
    expect(can(diff, 'Query', 'table', LAW_AUDIT)).toBe(false);
    expect(can(diff, 'Query', 'gsi2', PARTITIONS.decisions)).toBe(false);
    // The decisions by date are read by the dry-run job alone, not by any API function.
    expect(can(stack.api.functions['rules.dryRunReport']!, 'Query', 'gsi2', PARTITIONS.decisions)).toBe(false);
    expect(can((stack.node.findChild('DryRun') as KenesDryRun).function, 'Query', 'gsi2', PARTITIONS.decisions)).toBe(true);
  });

  it.each((routes as readonly Route[]).filter((r) => r.module === 'api/membership.ts' || r.module === 'api/meetings.ts').map((r) => [r.id, r] as const))(
    'council route %s: never writes the law; reads its councils and the law; writes councils only in a write group',
    (id, route) => {
      const fn = stack.api.functions[id]!;
      for (const action of WRITES) {
        for (const partition of [LAW, LAW_AUDIT, PARTITIONS.health]) expect(can(fn, action, 'table', partition), `${action} ${partition}`).toBe(false);
        expect(can(fn, action, 'table', COUNCIL), action).toBe(route.table === 'write');
      }
      expect(can(fn, 'GetItem', 'table', COUNCIL)).toBe(true);
      expect(can(fn, 'Query', 'table', LAW)).toBe(true);
      expect(can(fn, 'Query', 'table', LAW_AUDIT)).toBe(false);
      // The cross-council partitions of the indexes belong to the jobs and the law's dry-run.
      for (const partition of [PARTITIONS.councils, PARTITIONS.termEnds, PARTITIONS.decisions]) {
        for (const index of INDEXES) expect(can(fn, 'Query', index, partition), `${index} ${partition}`).toBe(false);
      }
    },
  );

  it('idempotency records: read and written by the write groups that serve requests, by nothing else', () => {
    for (const { label, fn: lazy } of GRANTED) {
      const fn = lazy();
      const serves = (routes as readonly Route[]).some((r) => takesIdempotencyKey(r) && stack.api.functions[r.id] === fn);
      expect(can(fn, 'GetItem', 'table', IDEMPOTENCY), label).toBe(serves);
      expect(can(fn, 'PutItem', 'table', IDEMPOTENCY), label).toBe(serves);
      expect(can(fn, 'UpdateItem', 'table', IDEMPOTENCY), label).toBe(serves);
    }
  });

  it('the jobs query only the index partitions they walk, and write councils, not the law', () => {
    const expiry = stack.jobs.functions['term-expiry']!;
    const quarterly = stack.jobs.functions['quarterly']!;
    expect(can(expiry, 'Query', 'gsi2', PARTITIONS.termEnds)).toBe(true);
    expect(can(expiry, 'Query', 'gsi2', PARTITIONS.decisions)).toBe(false);
    expect(can(quarterly, 'Query', 'gsi1', PARTITIONS.councils)).toBe(true);
    expect(can(quarterly, 'Query', 'gsi1', keys.meetingsOf('c1').gsi1pk)).toBe(true);
    expect(can(quarterly, 'Query', 'gsi2', PARTITIONS.termEnds)).toBe(false);
    for (const job of [expiry, quarterly]) {
      expect(can(job, 'PutItem', 'table', COUNCIL)).toBe(true);
      expect(can(job, 'PutItem', 'table', LAW)).toBe(false);
      expect(can(job, 'GetItem', 'table', IDEMPOTENCY)).toBe(false);
    }
  });
});

describe('table grants: the patterns match the keys the stores build', () => {
  /** Every key builder of keys.ts, called with sample ids. */
  const built = Object.entries(keys).map(([name, build]) => [name, (build as (...a: unknown[]) => Record<string, string>)('c1', 'a1', 'b1', 'd1')] as const);
  const tablePatterns = Object.values(tableGrants).flatMap((g) => Object.values(g as Record<string, TableGrant>).flat()).filter((e) => e.on === 'table').flatMap((e) => e.partitions);

  it('every partition key of the table is named by some grant, and a council key never by a law pattern', () => {
    for (const [name, key] of built) {
      if (!key.pk) continue;
      expect(tablePatterns.some((p) => stringLike(p, key.pk!)), `${name}: ${key.pk}`).toBe(true);
      if (key.pk.startsWith('COUNCIL#')) expect([PARTITIONS.law, PARTITIONS.lawAudit].some((p) => stringLike(p, key.pk!)), name).toBe(false);
      // A person's partition and a calendar record are named by their own patterns, never by a council's or the law's.
      else if (key.pk.startsWith('PERSON#') || key.pk.startsWith('CALENDAR#') || key.pk.startsWith('COMPLAINTRECEIPT#')) expect([COUNCIL_PARTITIONS, PARTITIONS.law, PARTITIONS.lawAudit].some((p) => stringLike(p, key.pk!)), name).toBe(false);
      else if (!key.pk.startsWith('IDEMPOTENCY#')) expect([PARTITIONS.law, PARTITIONS.lawAudit].includes(key.pk as never), name).toBe(true);
    }
    expect(stringLike(COUNCIL_PARTITIONS, COUNCIL)).toBe(true);
    expect(stringLike(IDEMPOTENCY_PARTITIONS, IDEMPOTENCY)).toBe(true);
    expect(stringLike(PERSON_PARTITIONS, PERSON)).toBe(true);
    expect(stringLike(CALENDAR_PARTITIONS, CALENDAR)).toBe(true);
  });

  it("every index partition key is one the grants name for that index", () => {
    for (const [name, key] of built) {
      for (const [attribute, index] of [['gsi1pk', 'gsi1'], ['gsi2pk', 'gsi2']] as const) {
        const value = key[attribute];
        if (!value) continue;
        const patterns = Object.values(tableGrants).flatMap((g) => Object.values(g as Record<string, TableGrant>).flat()).filter((e) => e.on === index).flatMap((e) => e.partitions);
        expect(patterns.some((p) => stringLike(p, value)), `${name}: ${attribute} ${value}`).toBe(true);
      }
    }
    expect(stringLike(MEETINGS_BY_DATE, keys.meetingsOf('c1').gsi1pk)).toBe(true);
    expect(stringLike(MEETINGS_BY_DATE, PARTITIONS.councils)).toBe(false);
  });
});

