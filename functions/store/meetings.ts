import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../errors.ts';
import type { Council } from '../membership/model.ts';
import { minutesSigned } from '../meetings/deps.ts';
import type { Dissent, ExtraordinaryDemand, Meeting, Motion, Signature, VoteChoice } from '../meetings/model.ts';
import type { Attendance, Correction, MeetingStore, Notice, Recusal } from '../meetings/store.ts';
import { documentClient, tableName } from './client.ts';
import { fromItem, keys } from './keys.ts';
import { queryAll, transact } from './transact.ts';

type Items = Parameters<typeof transact>[0];

const conflict = (code: string, en: string, ru: string, kk: string) => new ConflictError(code, { kk, ru, en });

/** The meetings store on DynamoDB: every write carries the condition that the minutes are not signed. */
export function dynamoMeetingStore(): MeetingStore {
  const db = documentClient();
  const TableName = tableName();
  const get = async <T>(key: Record<string, string>) => fromItem<T>((await db.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }))).Item);
  const under = async <T>(cid: string, prefix: string) =>
    (
      await queryAll({
        TableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.council(cid).pk, ':prefix': prefix },
        ConsistentRead: true,
      })
    ).map((item) => fromItem<T>(item)!);
  /** The guard every write on a meeting carries (p28: signed minutes are final). */
  const unsigned = (m: Meeting) => ({
    ConditionCheck: { TableName, Key: keys.meeting(m.councilId, m.id), ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(signedAt)' },
  });
  /** Writes `items` after the guard; the guard's failure is `minutes-signed`, another's is `other`. */
  const guarded = (m: Meeting, items: Items, other: () => Error) => transact([unsigned(m), ...items], (index) => (index === 0 ? minutesSigned() : other()));

  return {
    async listCouncils() {
      const items = await queryAll({ TableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': 'COUNCILS' } });
      return items.map((i) => fromItem<Council>(i)!);
    },

    async putMeeting(meeting, demand) {
      const items: Items = [
        { Put: { TableName, Item: { ...meeting, ...keys.meeting(meeting.councilId, meeting.id), ...keys.meetingByDate(meeting.councilId, meeting.id, meeting.date), type: 'meeting' }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ];
      if (demand) {
        items.push({
          Update: {
            TableName,
            Key: keys.demand(demand.councilId, demand.id),
            UpdateExpression: 'SET #status = :convened, meetingId = :mid',
            ConditionExpression: '#status = :due',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':convened': 'convened', ':mid': meeting.id, ':due': 'must-convene' },
          },
        });
      }
      await transact(items, () => conflict('demand-not-due', 'This demand does not call for an extraordinary meeting (p21)', 'По этому требованию не нужно созывать внеочередное заседание (п. 21)', 'Бұл талап бойынша кезектен тыс отырыс шақыру қажет емес (21-тармақ)'));
    },
    getMeeting: (cid, id) => get<Meeting>(keys.meeting(cid, id)),
    async listMeetings(cid, from, to) {
      const items = await queryAll({
        TableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': `COUNCIL#${cid}#MEETINGS`, ':from': from, ':to': `${to}#~` },
      });
      return items.map((i) => fromItem<Meeting>(i)!);
    },
    async addAgendaItem(meeting, item) {
      await transact(
        [
          {
            Update: {
              TableName,
              Key: keys.meeting(meeting.councilId, meeting.id),
              UpdateExpression: 'SET agenda = list_append(agenda, :item)',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(signedAt)',
              ExpressionAttributeValues: { ':item': [item] },
            },
          },
        ],
        () => minutesSigned(),
      );
    },
    async markHeld(meeting) {
      await transact(
        [
          {
            Update: {
              TableName,
              Key: keys.meeting(meeting.councilId, meeting.id),
              UpdateExpression: 'SET #status = :held',
              ConditionExpression: '#status = :convened',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':held': 'held', ':convened': 'convened' },
            },
          },
        ],
        () => conflict('meeting-held', 'The meeting has already ended', 'Заседание уже завершено', 'Отырыс аяқталған'),
      );
    },

    async setAttendance(meeting, attendeeId, present) {
      await guarded(meeting, [{ Put: { TableName, Item: { ...keys.attendance(meeting.councilId, meeting.id, attendeeId), type: 'attendance', attendeeId, present } } }], () => minutesSigned());
    },
    listAttendance: (cid, mid) => under<Attendance>(cid, `MEETING#${mid}#ATTENDANCE#`),
    listRecusals: (cid, mid) => under<Recusal>(cid, `MEETING#${mid}#RECUSAL#`),

    async putMotion(meeting, motion) {
      await guarded(meeting, [{ Put: { TableName, Item: { ...motion, ...keys.motion(motion.councilId, motion.meetingId, motion.id), type: 'motion' } } }], () => minutesSigned());
    },
    getMotion: (cid, mid, id) => get<Motion>(keys.motion(cid, mid, id)),
    listMotions: (cid, mid) => under<Motion>(cid, `MEETING#${mid}#MOTION#`),
    async putVote(meeting, motion, voterId, choice) {
      await guarded(
        meeting,
        [
          {
            ConditionCheck: {
              TableName,
              Key: keys.motion(motion.councilId, motion.meetingId, motion.id),
              ConditionExpression: '#status = :open',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':open': 'open' },
            },
          },
          // The key is the voter: a second vote replaces the first, never adds to it.
          { Put: { TableName, Item: { ...keys.vote(motion.councilId, motion.meetingId, motion.id, voterId), type: 'vote', voterId, choice } } },
        ],
        () => conflict('motion-closed', 'Voting on this motion is closed', 'Голосование по этому вопросу завершено', 'Бұл мәселе бойынша дауыс беру аяқталды'),
      );
    },
    listVotes: (cid, mid, moid) => under<{ voterId: string; choice: VoteChoice }>(cid, `MEETING#${mid}#VOTE#${moid}#`),
    async closeMotion(meeting, motion) {
      await guarded(
        meeting,
        [{ Put: { TableName, Item: { ...motion, ...keys.motion(motion.councilId, motion.meetingId, motion.id), type: 'motion' }, ConditionExpression: '#status = :open', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':open': 'open' } } }],
        () => conflict('motion-closed', 'Voting on this motion is closed', 'Голосование по этому вопросу завершено', 'Бұл мәселе бойынша дауыс беру аяқталды'),
      );
    },
    async putDissent(meeting, motion, dissent: Dissent) {
      await guarded(
        meeting,
        [{ Put: { TableName, Item: { ...dissent, motionId: motion.id, ...keys.dissent(motion.councilId, motion.meetingId, motion.id, dissent.memberId), type: 'dissent' } } }],
        () => minutesSigned(),
      );
    },
    listDissents: (cid, mid) => under<Dissent & { motionId: string }>(cid, `MEETING#${mid}#DISSENT#`),

    async putSignature(meeting, signature: Signature, final) {
      // The seal carries the guard itself: one transaction may touch the meeting item once.
      const seal: Items[number] = final
        ? {
            Update: {
              TableName,
              Key: keys.meeting(meeting.councilId, meeting.id),
              UpdateExpression: 'SET signedAt = :at',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(signedAt)',
              ExpressionAttributeValues: { ':at': signature.signedAt },
            },
          }
        : unsigned(meeting);
      await transact(
        [seal, { Put: { TableName, Item: { ...signature, ...keys.signature(meeting.councilId, meeting.id, signature.role), type: 'signature' }, ConditionExpression: 'attribute_not_exists(pk)' } }],
        (index) => (index === 0 ? minutesSigned() : conflict('already-signed', 'You have already signed these minutes', 'Вы уже подписали этот протокол', 'Сіз бұл хаттамаға қол қойдыңыз')),
      );
    },
    listSignatures: (cid, mid) => under<Signature>(cid, `MEETING#${mid}#SIGNATURE#`),
    async putCorrection(meeting, correction: Correction) {
      await db.send(new PutCommand({ TableName, Item: { ...correction, ...keys.correction(meeting.councilId, meeting.id, correction.id), type: 'correction' }, ConditionExpression: 'attribute_not_exists(pk)' }));
    },
    listCorrections: (cid, mid) => under<Correction>(cid, `MEETING#${mid}#CORRECTION#`),

    async putDemand(demand) {
      await db.send(new PutCommand({ TableName, Item: { ...demand, ...keys.demand(demand.councilId, demand.id), type: 'demand' }, ConditionExpression: 'attribute_not_exists(pk)' }));
    },
    getDemand: (cid, id) => get<ExtraordinaryDemand>(keys.demand(cid, id)),
    async addSignatory(demand, memberId) {
      try {
        const result = await db.send(
          new UpdateCommand({
            TableName,
            Key: keys.demand(demand.councilId, demand.id),
            UpdateExpression: 'SET signatories = list_append(signatories, :m)',
            ConditionExpression: 'attribute_exists(pk) AND NOT contains(signatories, :id)',
            ExpressionAttributeValues: { ':m': [memberId], ':id': memberId },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return (result.Attributes?.signatories ?? []) as string[];
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw conflict('already-signed', 'You have already signed this demand', 'Вы уже подписали это требование', 'Сіз бұл талапқа қол қойдыңыз');
        throw error;
      }
    },
    async decideDemand(demand, decision, status, notice?: Notice) {
      const items: Items = [
        {
          Update: {
            TableName,
            Key: keys.demand(demand.councilId, demand.id),
            UpdateExpression: 'SET decision = :d, #status = :s',
            // Only forward: collecting -> must-convene -> convened; a late signature never reopens it.
            ConditionExpression: '#status = :collecting OR #status = :s',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':d': decision, ':s': status, ':collecting': 'collecting' },
          },
        },
      ];
      if (notice) items.push({ Put: { TableName, Item: { ...notice, ...keys.notice(demand.councilId, notice.id), type: 'notice' } } });
      await transact(items, () => conflict('demand-decided', 'The demand was already decided', 'Требование уже рассмотрено', 'Талап қаралып қойған')).catch((error) => {
        if (!(error instanceof ConflictError)) throw error;
      });
    },

    async putNotice(cid, notice) {
      try {
        await db.send(new PutCommand({ TableName, Item: { ...notice, ...keys.notice(cid, notice.id), type: 'notice' }, ConditionExpression: 'attribute_not_exists(pk)' }));
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
    listNotices: (cid) => under<Notice>(cid, 'NOTICE#'),
  };
}
