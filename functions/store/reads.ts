import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConflictError, InvalidInputError } from '../errors.ts';
import { meetingFromStored, type Meeting } from '../meetings/model.ts';
import type { Council } from '../membership/model.ts';
import type { CalendarFeed, Notification, Page, PageRequest, PersonStore, ReadStore, RecordKind, Records } from '../reads/store.ts';
import { documentClient, tableName } from './client.ts';
import { fromItem, keys, PARTITIONS, within } from './keys.ts';
import { queryAll, transact } from './transact.ts';

type Key = Record<string, string>;
type Item = Record<string, unknown>;

/** How many items one Query may evaluate while a page is filled: few round trips, bounded reads. */
const EVALUATE = 100;
/** The key attributes a cursor may hold (each value at most 400 characters: ids, dates, hashes). */
const CURSOR_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'];

/**
 * One page of a Query, filled up to `limit` items (a filter may skip items of other kinds that
 * share the sort-key prefix). The cursor is the key of the last item returned, base64url JSON;
 * a cursor given back is accepted only when `fits` (it is a key of this very list), else a 400
 * naming `query.cursor`: DynamoDB never sees another partition's key or a start outside the list.
 *
 * @example
 * const { items, next } = await page({ TableName, KeyConditionExpression: 'pk = :pk', ... }, { limit: 50 }, ['pk', 'sk'], (k) => k.pk === pk);
 */
export async function page(input: QueryCommandInput, request: PageRequest, attributes: readonly string[], fits: (key: Key) => boolean): Promise<Page<Item>> {
  let start: Key | undefined = request.cursor === undefined ? undefined : decodeCursor(request.cursor, attributes, fits);
  const items: Item[] = [];
  let more = false;
  do {
    const result = await documentClient().send(new QueryCommand({ ...input, Limit: Math.max(EVALUATE, request.limit), ExclusiveStartKey: start }));
    items.push(...((result.Items ?? []) as Item[]));
    start = result.LastEvaluatedKey as Key | undefined;
    more = Boolean(start) || items.length > request.limit;
  } while (start && items.length < request.limit);
  const kept = items.slice(0, request.limit);
  const last = kept.at(-1);
  return { items: kept, next: more && last ? encodeCursor(Object.fromEntries(attributes.map((a) => [a, String(last[a])]))) : undefined };
}

function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, attributes: readonly string[], fits: (key: Key) => boolean): Key {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const names = key && typeof key === 'object' && !Array.isArray(key) ? Object.keys(key) : [];
  const shaped =
    names.length === attributes.length &&
    attributes.every((a) => typeof (key as Key)[a] === 'string' && (key as Key)[a]!.length <= 400) &&
    names.every((n) => CURSOR_ATTRIBUTES.includes(n));
  if (!shaped || !fits(key as Key)) throw badCursor();
  return key as Key;
}

export function badCursor(): InvalidInputError {
  return new InvalidInputError([
    {
      field: 'query.cursor',
      code: 'invalid-cursor',
      message: {
        kk: 'бет белгісі жарамсыз: тізімнің алдыңғы бетінің жауабындағы белгіні жіберіңіз',
        ru: 'неверная отметка страницы: передайте отметку из ответа с предыдущей страницей этого списка',
        en: 'is not a cursor of this list: send the `next` of the page before',
      },
    },
  ]);
}

/** Where each kind of record sits in a council's partition, and its item type. */
const PLACES: Record<RecordKind, { label: string; type: string }> = {
  candidate: { label: 'CANDIDATE', type: 'candidate' },
  commission: { label: 'COMMISSION', type: 'commission' },
  // Receipts and ballots share the prefix (`ELECTION#<id>#…`): the filter leaves them out.
  election: { label: 'ELECTION', type: 'election' },
  lot: { label: 'LOT', type: 'lot' },
  demand: { label: 'DEMAND', type: 'demand' },
  // Members, terms and terminations share the prefix.
  leaving: { label: 'MEMBER', type: 'leaving' },
  audit: { label: 'AUDIT', type: 'audit' },
};

/** The read models' lists on DynamoDB: Queries by partition and prefix (or the meetings' date index), never a Scan. */
export function dynamoReadStore(): ReadStore {
  const TableName = tableName();
  const kindQuery = (cid: string, kind: RecordKind): QueryCommandInput => {
    const { pk, prefix } = within(cid, PLACES[kind].label);
    return {
      TableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: '#type = :type',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix, ':type': PLACES[kind].type },
      ConsistentRead: true,
    };
  };
  return {
    async councils() {
      const items = await queryAll({ TableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': PARTITIONS.councils } });
      return items.map((i) => fromItem<Council>(i)!);
    },
    async page<K extends RecordKind>(cid: string, kind: K, request: PageRequest) {
      const input = kindQuery(cid, kind);
      const { pk, prefix } = within(cid, PLACES[kind].label);
      const found = await page(input, request, ['pk', 'sk'], (key) => key.pk === pk && key.sk!.startsWith(prefix));
      return { items: found.items.map((i) => fromItem<Records[K]>(i)!), next: found.next };
    },
    async every<K extends RecordKind>(cid: string, kind: K) {
      return (await queryAll(kindQuery(cid, kind))).map((i) => fromItem<Records[K]>(i)!);
    },
    async meetings(cid, { from, to }, request) {
      const { gsi1pk } = keys.meetingsOf(cid);
      const { pk } = keys.council(cid);
      const until = `${to}#~`;
      const input: QueryCommandInput = {
        TableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': gsi1pk, ':from': from, ':to': until },
      };
      const fits = (key: Key) => key.gsi1pk === gsi1pk && key.gsi1sk! >= from && key.gsi1sk! <= until && key.pk === pk && key.sk!.startsWith('MEETING#');
      const found = await page(input, request, ['pk', 'sk', 'gsi1pk', 'gsi1sk'], fits);
      return { items: found.items.map((i) => meetingFromStored(fromItem<Meeting>(i)!)), next: found.next };
    },
    async hasVoted(cid, eid, sub) {
      const item = (await documentClient().send(new GetCommand({ TableName, Key: keys.voter(cid, eid, sub), ConsistentRead: true }))).Item;
      return Boolean(item);
    },
  };
}

const calendarChanged = () =>
  new ConflictError('calendar-changed', {
    kk: 'Күнтізбе сілтемесі осы уақытта өзгерді: қайталаңыз',
    ru: 'Ссылка на календарь за это время изменилась: повторите',
    en: 'The calendar link changed meanwhile: try again',
  });

/** A person's own partition on DynamoDB: the outbox and the calendar secret's pointer. */
export function dynamoPersonStore(): PersonStore {
  const db = documentClient();
  const TableName = tableName();
  const calendarOf = async (sub: string) => (await db.send(new GetCommand({ TableName, Key: keys.calendarOf(sub), ConsistentRead: true }))).Item?.hash as string | undefined;
  const conditional = async <T>(run: () => Promise<T>, otherwise: T): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return otherwise;
      throw error;
    }
  };
  return {
    async notifications(sub, request) {
      const { gsi1pk } = keys.notificationsOf(sub);
      // The person's own partition (every key of theirs shares it).
      const { pk } = keys.calendarOf(sub);
      const input: QueryCommandInput = { TableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': gsi1pk }, ScanIndexForward: false };
      const found = await page(input, request, ['pk', 'sk', 'gsi1pk', 'gsi1sk'], (key) => key.gsi1pk === gsi1pk && key.pk === pk && key.sk!.startsWith('NOTIFICATION#'));
      return { items: found.items.map((i) => fromItem<Notification>(i)!), next: found.next };
    },
    putNotification: (n, email) =>
      conditional(async () => {
        const item = { ...n, ...keys.notification(n.sub, n.id), ...keys.notificationByTime(n.sub, n.id, n.createdAt), ...(email ? keys.emailPending(n.sub, n.id, n.createdAt) : {}), type: 'notification' };
        await db.send(new PutCommand({ TableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
        return true;
      }, false),
    markRead: (sub, id, at) =>
      conditional(async () => {
        const result = await db.send(
          new UpdateCommand({ TableName, Key: keys.notification(sub, id), UpdateExpression: 'SET readAt = if_not_exists(readAt, :at)', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':at': at }, ReturnValues: 'ALL_NEW' }),
        );
        return fromItem<Notification>(result.Attributes);
      }, undefined),
    async pendingEmails(limit) {
      const result = await db.send(new QueryCommand({ TableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': 'OUTBOX' }, Limit: limit }));
      return ((result.Items ?? []) as Item[]).map((i) => fromItem<Notification>(i)!);
    },
    async emailDone(n, outcome) {
      const [set, value] = 'emailedAt' in outcome ? ['emailedAt', outcome.emailedAt] : ['emailSkipped', outcome.skipped];
      await db.send(new UpdateCommand({ TableName, Key: keys.notification(n.sub, n.id), UpdateExpression: `SET ${set} = :v REMOVE gsi2pk, gsi2sk`, ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':v': value } }));
    },

    calendarOf,
    async newCalendar(feed, previous) {
      await transact(
        [
          { Put: { TableName, Item: { ...feed, ...keys.calendarSecret(feed.hash), type: 'calendar' }, ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Put: {
              TableName,
              Item: { ...keys.calendarOf(feed.sub), type: 'calendar-of', hash: feed.hash },
              // Only over the secret this request saw: two requests at once cannot leave two secrets in force.
              ConditionExpression: previous ? '#hash = :previous' : 'attribute_not_exists(#hash)',
              ExpressionAttributeNames: { '#hash': 'hash' },
              ...(previous ? { ExpressionAttributeValues: { ':previous': previous } } : {}),
            },
          },
          ...(previous ? [{ Update: { TableName, Key: keys.calendarSecret(previous), UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)', ExpressionAttributeValues: { ':at': feed.createdAt } } }] : []),
        ],
        calendarChanged,
      );
    },
    async revokeCalendar(sub, at) {
      const hash = await calendarOf(sub);
      if (!hash) return false;
      await transact(
        [
          { Update: { TableName, Key: keys.calendarOf(sub), UpdateExpression: 'REMOVE #hash', ConditionExpression: '#hash = :hash', ExpressionAttributeNames: { '#hash': 'hash' }, ExpressionAttributeValues: { ':hash': hash } } },
          { Update: { TableName, Key: keys.calendarSecret(hash), UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)', ExpressionAttributeValues: { ':at': at } } },
        ],
        calendarChanged,
      );
      return true;
    },
    async calendarByHash(hash) {
      return fromItem<CalendarFeed>((await db.send(new GetCommand({ TableName, Key: keys.calendarSecret(hash), ConsistentRead: true }))).Item);
    },
    async refreshCalendar(hash, councilIds, on) {
      await conditional(async () => {
        await db.send(
          new UpdateCommand({
            TableName,
            Key: keys.calendarSecret(hash),
            UpdateExpression: 'SET councilIds = :ids, councilsOn = :on',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
            ExpressionAttributeValues: { ':ids': councilIds, ':on': on },
          }),
        );
      }, undefined);
    },
  };
}
