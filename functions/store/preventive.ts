import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../errors.ts';
import { alreadyAdopted } from '../preventive/visit-plans.ts';
import { notInGroup } from '../preventive/participants.ts';
import { alreadyApproved } from '../preventive/work-plans.ts';
import type { PreventiveStore } from '../preventive/store.ts';
import type { Trail } from '../membership/store.ts';
import { documentClient, tableName } from './client.ts';
import { fromItem, keys, within } from './keys.ts';
import { institutionFromItem, institutionItem, keysPreventive } from './keys-preventive.ts';
import { queryAll, transact } from './transact.ts';
import { trailItems, type Items } from './trail.ts';

const exists = (kind: string) => () => new ConflictError(`${kind}-exists`, { kk: 'Жазба бұрыннан бар', ru: 'Запись уже существует', en: 'The record already exists' });
const STATUS = { '#status': 'status' };

/** The preventive mechanism's registers on DynamoDB: each act one transaction with its trail, guarded by conditions. */
export function dynamoPreventiveStore(): PreventiveStore {
  const db = documentClient();
  const TableName = tableName();
  const get = async <T>(key: Record<string, string>) => fromItem<T>((await db.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }))).Item);
  const under = (cid: string, label: string) => {
    const { pk, prefix } = within(cid, label);
    return queryAll({ TableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix }, ConsistentRead: true });
  };
  const list = async <T>(cid: string, label: string, type: string) => (await under(cid, label)).filter((i) => i.type === type).map((i) => fromItem<T>(i)!);
  /** One write with its trail; a failed condition on the first item is `onFailed`, on the trail a duplicate. */
  const write = (first: Items[number], trail: Trail, onFailed: () => Error) => transact([first, ...trailItems(TableName, trail)], (index) => (index === 0 ? onFailed() : exists('audit')()));
  const create = (item: Record<string, unknown>, trail: Trail, kind: string) => write({ Put: { TableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } }, trail, exists(kind));
  /** Replaces a draft with its next state, only while it is still a draft. */
  const fromDraft = (item: Record<string, unknown>, trail: Trail, onFailed: () => Error) =>
    write({ Put: { TableName, Item: item, ConditionExpression: 'attribute_exists(pk) AND #status = :draft', ExpressionAttributeNames: STATUS, ExpressionAttributeValues: { ':draft': 'draft' } } }, trail, onFailed);

  return {
    putInstitution: (i, trail) => create(institutionItem(i), trail, 'institution'),
    listInstitutions: async (cid) => (await under(cid, 'INSTITUTION')).map(institutionFromItem).filter((i) => i !== undefined),

    putVisitPlan: (p, trail) => create({ ...p, ...keysPreventive.visitPlan(p.councilId, p.id), type: 'visit-plan' }, trail, 'visit-plan'),
    getVisitPlan: (cid, id) => get(keysPreventive.visitPlan(cid, id)),
    listVisitPlans: (cid) => list(cid, 'VISITPLAN', 'visit-plan'),
    adoptVisitPlan: (p, trail) => fromDraft({ ...p, ...keysPreventive.visitPlan(p.councilId, p.id), type: 'visit-plan' }, trail, () => alreadyAdopted(p.id)),

    // At keys.participant with type 'participant': the access check reads these (ParticipantRecord).
    putParticipant: (p, trail) => create({ ...p, ...keys.participant(p.councilId, p.id), type: 'participant' }, trail, 'participant'),
    getParticipant: (cid, id) => get(keys.participant(cid, id)),
    listParticipants: (cid) => list(cid, 'PARTICIPANT', 'participant'),
    endGroupMembership: (p, index, trail) => {
      const group = p.groups[index]!;
      return write(
        {
          Update: {
            TableName,
            Key: keys.participant(p.councilId, p.id),
            // The index is an integer the domain found; the names are fixed.
            UpdateExpression: `SET #groups[${index}].#to = :to, #groups[${index}].excludedBy = :by`,
            ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(#groups[${index}].#to) AND #groups[${index}].#region = :region`,
            ExpressionAttributeNames: { '#groups': 'groups', '#to': 'to', '#region': 'region' },
            ExpressionAttributeValues: { ':to': group.to, ':by': group.excludedBy, ':region': group.region },
          },
        },
        trail,
        notInGroup,
      );
    },

    putWorkPlan: (p, trail) => create({ ...p, ...keysPreventive.workPlan(p.councilId, p.id), type: 'work-plan' }, trail, 'work-plan'),
    getWorkPlan: (cid, id) => get(keysPreventive.workPlan(cid, id)),
    listWorkPlans: (cid) => list(cid, 'WORKPLAN', 'work-plan'),
    approveWorkPlan: (p, trail) => fromDraft({ ...p, ...keysPreventive.workPlan(p.councilId, p.id), type: 'work-plan' }, trail, () => alreadyApproved(p.id)),
  };
}
