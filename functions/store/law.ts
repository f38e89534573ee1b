import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DecisionRecord } from '../decisions.ts';
import { ConflictError, InvalidInputError } from '../errors.ts';
import type { OutcomeChange, ReplayRecord } from '../rules/dry-run.ts';
import type { DryRunProgress, DryRunRun, DryRunStore } from '../rules/dry-run-job.ts';
import type { AuditEntry, LawCommit, LawHead, LawStore, StoredVersion, Withdrawal } from '../rules/store.ts';
import type { LawDocument } from '../rules/document.ts';
import { actName } from '../rules/law.ts';
import { documentClient, tableName } from './client.ts';
import { fromItem, keys, part, PARTITIONS } from './keys.ts';
import { queryAll, transact } from './transact.ts';

const LAW_CHANGED = () =>
  new ConflictError('law-changed', {
    kk: 'Заң осы уақытта өзгерді (басқа жариялау немесе қайтарып алу): сұрауды қайталаңыз, ол жаңа заңмен тексеріледі',
    ru: 'Закон изменился за это время (другая публикация или отзыв): повторите запрос, он будет проверен по новому закону',
    en: 'The law changed meanwhile (another publication or withdrawal): send the request again, it is checked against the new law',
  });
const VERSION_EXISTS = () =>
  new ConflictError('version-exists', { kk: 'Бұл редакция бұрыннан жазылған', ru: 'Эта редакция уже записана', en: 'This version is already recorded' });
const WITHDRAWN = () =>
  new ConflictError('version-withdrawn', { kk: 'Бұл редакция бұрыннан қайтарып алынған', ru: 'Эта редакция уже отозвана', en: 'This version is already withdrawn' });

/**
 * A version item: a few attributes to read it by in the console, and the document itself as
 * JSON text, exactly as checked (a map would lose nothing either, but rule documents may nest
 * deeper than DynamoDB's 32 levels, and JSON keeps them byte for byte).
 */
type VersionItem = { versionId: string; kind: string; act: string; publishedOn: string; document: string; recorded: StoredVersion['recorded'] };

function versionItem(v: StoredVersion): VersionItem {
  const { version, cases, recorded } = v;
  return { versionId: version.id, kind: version.kind, act: actName(version), publishedOn: version.publishedOn, document: JSON.stringify({ version, cases }), recorded };
}

/**
 * The law on DynamoDB, append-only: every version, withdrawal and audit entry is written with
 * `attribute_not_exists`, and the head only from the revision it was read at, in one
 * transaction. Nothing is ever updated in place but the head.
 */
export function dynamoLawStore(): LawStore {
  const db = documentClient();
  const TableName = tableName();
  const created = { ConditionExpression: 'attribute_not_exists(pk)' };

  return {
    async head() {
      const item = (await db.send(new GetCommand({ TableName, Key: keys.lawHead(), ConsistentRead: true }))).Item;
      return item ? { revision: item.revision as number, versions: item.versions as string[] } : undefined;
    },

    async load() {
      const items = await queryAll({ TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.lawHead().pk }, ConsistentRead: true });
      const of = <T>(type: string) => items.filter((i) => i.type === type).map((i) => fromItem<T>(i)!);
      const [head] = of<LawHead>('law-head');
      const [act] = of<{ act: LawDocument['act'] }>('law-act');
      if (!head || !act) return undefined;
      return {
        act: act.act,
        head: { revision: head.revision, versions: head.versions },
        versions: of<VersionItem>('law-version').map((v) => ({ ...(JSON.parse(v.document) as Pick<StoredVersion, 'version' | 'cases'>), recorded: v.recorded })),
        withdrawals: of<Withdrawal>('law-withdrawal'),
      };
    },

    async commit(change: LawCommit) {
      const items: Parameters<typeof transact>[0] = [];
      const failure: (() => Error)[] = [];
      const add = (item: (typeof items)[number], error: () => Error) => (items.push(item), failure.push(error));
      if (change.act) add({ Put: { TableName, Item: { ...keys.lawAct(), type: 'law-act', act: change.act }, ...created } }, LAW_CHANGED);
      for (const v of change.versions) add({ Put: { TableName, Item: { ...keys.lawVersion(v.version.id), type: 'law-version', ...versionItem(v) }, ...created } }, VERSION_EXISTS);
      if (change.withdrawal) add({ Put: { TableName, Item: { ...keys.lawWithdrawal(change.withdrawal.versionId), type: 'law-withdrawal', ...change.withdrawal }, ...created } }, WITHDRAWN);
      change.audit.forEach((entry, n) => add({ Put: { TableName, Item: { ...keys.lawAudit(entry.revision, n), type: 'law-audit', ...entry }, ...created } }, LAW_CHANGED));
      const head = { ...keys.lawHead(), type: 'law-head', ...change.head };
      add(
        change.expectedRevision === undefined
          ? { Put: { TableName, Item: head, ...created } }
          : { Put: { TableName, Item: head, ConditionExpression: 'revision = :revision', ExpressionAttributeValues: { ':revision': change.expectedRevision } } },
        LAW_CHANGED,
      );
      await transact(items, (index) => failure[index]!());
    },

    async audit() {
      const items = await queryAll({ TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': PARTITIONS.lawAudit }, ConsistentRead: true });
      return items.map((i) => fromItem<AuditEntry>(i)!);
    },

    async decisionsFrom(date) {
      const items = await queryAll({
        TableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk >= :from',
        ExpressionAttributeValues: { ':pk': PARTITIONS.decisions, ':from': date },
      });
      return items.map((i) => fromItem<DecisionRecord>(i)!);
    },
  };
}

/**
 * A dry-run's own partition: the run (`RUN`: its plan, cursor and counts) and one item per
 * changed decision (`CHANGE#<date>#<council>#<decision>`, so the report reads by date and a
 * page written twice writes the same items). Both expire 30 days after they are written (TTL).
 */
export const dryRunKeys = {
  run: (id: string) => ({ pk: `DRYRUN#${part(id)}`, sk: 'RUN' }),
  change: (id: string, c: Pick<OutcomeChange, 'at' | 'councilId' | 'decisionId'>) => ({ pk: `DRYRUN#${part(id)}`, sk: `CHANGE#${part(c.at)}#${part(c.councilId)}#${part(c.decisionId)}` }),
};
const KEEP_SECONDS = 30 * 24 * 3600;
const expiresAt = () => Math.floor(Date.now() / 1000) + KEEP_SECONDS;

/**
 * What a replay reads of a decision item (functions/rules/dry-run.ts ReplayRecord): no reason
 * texts, no readings, no dates basis. A list element can be projected only by its index, so the
 * reasons' points are asked for by index up to MAX_REASONS (eligibility lists at most 9).
 */
const MAX_REASONS = 16;
const PROJECTED = ['id', 'councilId', 'subject', 'question', 'at', 'facts', 'outcome'];
const PROJECTION = {
  ProjectionExpression: [...PROJECTED.map((_, i) => `#p${i}`), '#v.#vid', ...Array.from({ length: MAX_REASONS }, (_, i) => `#r[${i}].#rp`)].join(', '),
  names: { ...Object.fromEntries(PROJECTED.map((name, i) => [`#p${i}`, name])), '#v': 'version', '#vid': 'id', '#r': 'reasons', '#rp': 'point' },
};

/** Runs are stored with their plan as JSON text (an amendment's rules may nest deeper than DynamoDB's 32 levels). */
type RunItem = Omit<DryRunRun, 'amendment' | 'version' | 'ranges'> & { amendment: string; version: string; ranges: string };

/**
 * The dry-run's store on DynamoDB: decisions paged by date through gsi2's `DECISION`
 * partition with a projection, bounded by the range and filtered by its questions; the run's
 * progress saved with a condition on its step, so two continuations never both advance it.
 */
export function dynamoDryRunStore(): DryRunStore {
  const db = documentClient();
  const TableName = tableName();

  return {
    async create(run) {
      const item: RunItem = { ...run, amendment: JSON.stringify(run.amendment), version: JSON.stringify(run.version), ranges: JSON.stringify(run.ranges) };
      await db.send(new PutCommand({ TableName, Item: { ...dryRunKeys.run(run.id), type: 'dry-run', ...item, expiresAt: expiresAt() }, ConditionExpression: 'attribute_not_exists(pk)' }));
    },

    async get(id) {
      const item = fromItem<RunItem & { expiresAt?: number }>((await db.send(new GetCommand({ TableName, Key: dryRunKeys.run(id), ConsistentRead: true }))).Item);
      if (!item) return undefined;
      const { expiresAt: _e, ...run } = item;
      return { ...run, amendment: JSON.parse(run.amendment), version: JSON.parse(run.version), ranges: JSON.parse(run.ranges) };
    },

    async advance(id, step, changes, progress: DryRunProgress) {
      const expires = expiresAt();
      // Bounded concurrency: a page of changes is at most a page of decisions.
      for (let i = 0; i < changes.length; i += 25)
        await Promise.all(changes.slice(i, i + 25).map((c) => db.send(new PutCommand({ TableName, Item: { ...dryRunKeys.change(id, c), type: 'dry-run-change', ...c, expiresAt: expires } }))));
      const fields = Object.entries({ ...progress, step: step + 1 }).filter(([, v]) => v !== undefined);
      try {
        await db.send(
          new UpdateCommand({
            TableName,
            Key: dryRunKeys.run(id),
            UpdateExpression: `SET ${fields.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
            ConditionExpression: '#step = :step',
            ExpressionAttributeNames: { ...Object.fromEntries(fields.map(([name], i) => [`#f${i}`, name])), '#step': 'step' },
            ExpressionAttributeValues: { ...Object.fromEntries(fields.map(([, value], i) => [`:f${i}`, value])), ':step': step },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException)
          throw new ConflictError('dry-run-moved', { kk: 'Тексеру басқа жерде жалғасты', ru: 'Проверка продолжена в другом месте', en: 'The dry-run was continued elsewhere' });
        throw error;
      }
    },

    async decisions(range, after, limit) {
      const questions = range.questions.map((_, i) => `:q${i}`);
      const page = await db.send(
        new QueryCommand({
          TableName,
          IndexName: 'gsi2',
          // gsi2sk is `<date>#<council>#<decision>`: `<until>$` sorts after every key of that day ('$' follows '#').
          KeyConditionExpression: range.until ? '#pk = :pk AND #sk BETWEEN :from AND :to' : '#pk = :pk AND #sk >= :from',
          FilterExpression: `#q IN (${questions.join(', ')})`,
          ProjectionExpression: PROJECTION.ProjectionExpression,
          ExpressionAttributeNames: { ...PROJECTION.names, '#pk': 'gsi2pk', '#sk': 'gsi2sk', '#q': 'question' },
          ExpressionAttributeValues: {
            ':pk': PARTITIONS.decisions,
            ':from': range.from,
            ...(range.until ? { ':to': `${range.until}$` } : {}),
            ...Object.fromEntries(range.questions.map((q, i) => [`:q${i}`, q])),
          },
          Limit: limit,
          ...(after ? { ExclusiveStartKey: JSON.parse(after) as Record<string, unknown> } : {}),
        }),
      );
      return {
        records: (page.Items ?? []).map((i) => ({ ...i, reasons: i.reasons ?? [] }) as ReplayRecord),
        next: page.LastEvaluatedKey ? JSON.stringify(page.LastEvaluatedKey) : null,
      };
    },

    async changes(id, after, limit) {
      const pk = dryRunKeys.run(id).pk;
      if (after !== null && !/^CHANGE#[^\s]{1,300}$/.test(after))
        throw new InvalidInputError([{ field: 'after', code: 'invalid-cursor', message: { kk: 'жарамсыз курсор', ru: 'недопустимый курсор', en: 'is not a cursor this report gave' } }]);
      const page = await db.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :change)',
          ExpressionAttributeValues: { ':pk': pk, ':change': 'CHANGE#' },
          Limit: limit,
          ...(after ? { ExclusiveStartKey: { pk, sk: after } } : {}),
        }),
      );
      return {
        changes: (page.Items ?? []).map((i) => {
          const { expiresAt: _e, ...change } = fromItem<OutcomeChange & { expiresAt: number }>(i)!;
          return change;
        }),
        next: page.LastEvaluatedKey ? String(page.LastEvaluatedKey.sk) : null,
      };
    },
  };
}
