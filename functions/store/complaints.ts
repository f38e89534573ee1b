import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Complaint, ComplaintKey } from '../complaints/model.ts';
import type { ComplaintStore, ReceiptRecord } from '../complaints/store.ts';
import { ConflictError } from '../errors.ts';
import { documentClient, tableName } from './client.ts';
import { keysComplaints } from './keys-complaints.ts';
import { keysPreventive } from './keys-preventive.ts';
import { fromItem, keys, within } from './keys.ts';
import { page } from './reads.ts';
import { queryAll, transact } from './transact.ts';
import { auditPut } from './trail.ts';

/** The receipt's record was there first: the domain decides whether this is a retry or a 409. */
class ReceiptUsed extends Error {}

const changed = () =>
  new ConflictError('complaint-changed', { kk: 'Шағым осы уақытта өзгерді: жаңартып, қайталаңыз', ru: 'Жалоба за это время изменилась: обновите и повторите', en: 'The complaint changed meanwhile: reload and try again' });

/**
 * The complaints register on DynamoDB, in the council's partition; the receipt's record apart,
 * under the receipt's hash (`keys.complaintReceipt`), so the status can be looked up by the
 * receipt alone. Neither the receipt nor anything sealed is ever in a key.
 */
export function dynamoComplaintStore(): ComplaintStore {
  const db = documentClient();
  const TableName = tableName();
  const get = async <T>(key: Record<string, string>) => fromItem<T>((await db.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }))).Item);
  const query = (cid: string, label: string, extra: Record<string, unknown> = {}) => {
    const { pk, prefix } = within(cid, label);
    return { TableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix }, ConsistentRead: true, ...extra } as const;
  };
  return {
    async putKey(key, audit) {
      await transact([{ Put: { TableName, Item: { ...key, ...keysComplaints.complaintKey(key.councilId, key.id), type: 'complaint-key' }, ConditionExpression: 'attribute_not_exists(pk)' } }, auditPut(TableName, audit)], () =>
        new ConflictError('complaint-key-exists', { kk: 'Кілт бұрыннан бар', ru: 'Ключ уже существует', en: 'The key already exists' }),
      );
    },
    keys: async (cid) => (await queryAll(query(cid, 'COMPLAINTKEY'))).map((i) => fromItem<ComplaintKey>(i)!),
    institutionExists: async (cid, id) => Boolean(await get(keysPreventive.institution(cid, id))),
    async receive(complaint, receipt) {
      const record: ReceiptRecord = { councilId: complaint.councilId, complaintId: complaint.id, sealedHash: receipt.sealedHash };
      try {
        await transact(
          [
            { Put: { TableName, Item: { ...complaint, ...keysComplaints.complaint(complaint.councilId, complaint.id), type: 'complaint' }, ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName, Item: { ...record, ...keys.complaintReceipt(receipt.hash), type: 'complaint-receipt' }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
          (index) => (index === 1 ? new ReceiptUsed() : changed()),
        );
        return 'received';
      } catch (error) {
        if (error instanceof ReceiptUsed) return 'receipt-used';
        throw error;
      }
    },
    byReceipt: (hash) => get<ReceiptRecord>(keys.complaintReceipt(hash)),
    get: (cid, id) => get<Complaint>(keysComplaints.complaint(cid, id)),
    async list(cid, request) {
      const q = query(cid, 'COMPLAINT');
      const { pk, prefix } = within(cid, 'COMPLAINT');
      const found = await page(q, request, ['pk', 'sk'], (key) => key.pk === pk && key.sk!.startsWith(prefix));
      return { items: found.items.map((i) => fromItem<Complaint>(i)!), next: found.next };
    },
    async receivedBetween(cid, from, to) {
      // Only the plain fields and the summary: the minutes never carry the sealed text.
      const q = query(cid, 'COMPLAINT', {
        FilterExpression: from === undefined ? 'receivedOn <= :to' : 'receivedOn > :from AND receivedOn <= :to',
        ProjectionExpression: 'id, councilId, receivedOn, category, #region, institutionType, #status, consideration',
        ExpressionAttributeNames: { '#status': 'status', '#region': 'region' },
      });
      const items = await queryAll({ ...q, ExpressionAttributeValues: { ...q.ExpressionAttributeValues, ':to': to, ...(from === undefined ? {} : { ':from': from }) } });
      return items.map((i) => fromItem<Complaint>(i)!);
    },
    async update(complaint, expected, audit) {
      await transact(
        [
          {
            Put: {
              TableName,
              Item: { ...complaint, ...keysComplaints.complaint(complaint.councilId, complaint.id), type: 'complaint' },
              ConditionExpression: 'attribute_exists(pk) AND #status = :status AND keyId = :keyId',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':status': expected.status, ':keyId': expected.keyId },
            },
          },
          auditPut(TableName, audit),
        ],
        changed,
      );
    },
  };
}
