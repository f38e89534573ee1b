import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DecisionRecord } from '../decisions.ts';
import { ConflictError } from '../errors.ts';
import type { AuditEntry, LawCommit, LawHead, LawStore, StoredVersion, Withdrawal } from '../rules/store.ts';
import type { LawDocument } from '../rules/document.ts';
import { actName } from '../rules/law.ts';
import { documentClient, tableName } from './client.ts';
import { fromItem, keys, PARTITIONS } from './keys.ts';
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
