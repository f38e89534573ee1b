import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactGetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, StoreUnavailableError } from '../errors.ts';
import type { Council } from '../membership/model.ts';
import { meetingChanged, minutesSigned, voterNotPresent } from '../meetings/deps.ts';
import type { MinutesBody } from '../meetings/minutes-doc.ts';
import type { Dissent, ExtraordinaryDemand, Meeting, Motion, Vote } from '../meetings/model.ts';
import { CHAIRPERSON, meetingFromStored } from '../meetings/model.ts';
import type { Attendance, Correction, MeetingStore, Notice } from '../meetings/store.ts';
import { documentClient, tableName } from './client.ts';
import { fromItem, keys, PARTITIONS, within } from './keys.ts';
import { anyKeptPeople, peopleAt, peopleVersionOf } from './people-cache.ts';
import { queryAll, transact } from './transact.ts';
import { trailItems, type Items } from './trail.ts';

const conflict = (code: string, en: string, ru: string, kk: string) => new ConflictError(code, { kk, ru, en });
const motionClosed = () => conflict('motion-closed', 'Voting on this motion is closed', 'Голосование по этому вопросу завершено', 'Бұл мәселе бойынша дауыс беру аяқталды');
const STATUS = { '#status': 'status' };
/** DynamoDB reads at most 100 items in one TransactGetItems. */
const MAX_TRANSACT_GET = 100;
const membershipChanged = () =>
  conflict('membership-changed', 'The council\'s membership changed meanwhile: try again', 'Состав совета за это время изменился: повторите', 'Кеңестің құрамы осы уақытта өзгерді: қайталаңыз');
const created = { ConditionExpression: 'attribute_not_exists(pk)' };

/** The meetings store on DynamoDB: every write that feeds the minutes carries the one seal guard. */
export function dynamoMeetingStore(): MeetingStore {
  const db = documentClient();
  const TableName = tableName();
  const get = async <T>(key: Record<string, string>) => fromItem<T>((await db.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }))).Item);
  const under = async <T>(cid: string, label: string, ...rest: string[]) => {
    const { pk, prefix } = within(cid, label, ...rest);
    const items = await queryAll({ TableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix }, ConsistentRead: true });
    return items.map((item) => fromItem<T>(item)!);
  };

  /**
   * The one seal guard (p28), on the meeting item, for every write that feeds its minutes. While
   * convened: the status holds (nothing is signed before the meeting ends). Once held: not sealed,
   * and the change counts a revision and voids any pending signature, visibly.
   */
  const seal = (m: Meeting): Items[number] =>
    m.status === 'convened'
      ? { ConditionCheck: { TableName, Key: keys.meeting(m.councilId, m.id), ConditionExpression: '#status = :convened', ExpressionAttributeNames: STATUS, ExpressionAttributeValues: { ':convened': 'convened' } } }
      : {
          Update: {
            TableName,
            Key: keys.meeting(m.councilId, m.id),
            UpdateExpression: 'SET revision = revision + :one, voidedSignatures = list_append(voidedSignatures, signatures), signatures = :none',
            ConditionExpression: '#status = :held AND attribute_not_exists(sealedAt)',
            ExpressionAttributeNames: STATUS,
            ExpressionAttributeValues: { ':one': 1, ':none': [], ':held': 'held' },
          },
        };
  /** Why the guard failed: the seal, or a change of state since the meeting was read. */
  const refusal = async (m: Meeting) => ((await get<Meeting>(keys.meeting(m.councilId, m.id)))?.sealedAt ? minutesSigned() : meetingChanged());
  /** `items` after the seal guard; the guard's failure is explained, another item's is `other`. */
  const guarded = async (m: Meeting, items: Items, other: (index: number) => Error = meetingChanged) => {
    const guardFailed = new GuardFailed();
    try {
      await transact([seal(m), ...items], (index) => (index === 0 ? guardFailed : other(index - 1)));
    } catch (error) {
      throw error === guardFailed ? await refusal(m) : error;
    }
  };
  const meetingUpdate = (m: Meeting, update: string, condition: string, values: Record<string, unknown>): Items[number] => ({
    Update: { TableName, Key: keys.meeting(m.councilId, m.id), UpdateExpression: update, ConditionExpression: condition, ExpressionAttributeNames: STATUS, ExpressionAttributeValues: values },
  });

  return {
    async listCouncils() {
      const items = await queryAll({ TableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': PARTITIONS.councils } });
      return items.map((i) => fromItem<Council>(i)!);
    },

    async putMeeting(given, demand, trail) {
      // The number: the year's count, read and then moved on in the very write that stores the
      // meeting, on condition that nobody moved it meanwhile; a concurrent convener retries.
      const counter = keys.meetingCount(given.councilId, given.date.slice(0, 4));
      for (let attempt = 1; ; attempt++) {
        const count = (await get<{ count: number }>(counter))?.count ?? 0;
        const meeting: Meeting = { ...given, number: count + 1 };
        const items: Items = [
          { Put: { TableName, Item: { ...meeting, ...keys.meeting(meeting.councilId, meeting.id), ...keys.meetingByDate(meeting.councilId, meeting.id, meeting.date), type: 'meeting' }, ...created } },
          {
            Update: {
              TableName,
              Key: counter,
              UpdateExpression: 'SET #count = :next, #type = :type',
              ConditionExpression: count === 0 ? 'attribute_not_exists(pk)' : '#count = :count',
              ExpressionAttributeNames: { '#count': 'count', '#type': 'type' },
              ExpressionAttributeValues: { ':next': count + 1, ':type': 'meeting-count', ...(count === 0 ? {} : { ':count': count }) },
            },
          },
          ...trailItems(TableName, trail),
        ];
        if (demand) {
          items.push({
            Update: {
              TableName,
              Key: keys.demand(demand.councilId, demand.id),
              UpdateExpression: 'SET #status = :convened, meetingId = :mid',
              ConditionExpression: '#status = :due',
              ExpressionAttributeNames: STATUS,
              ExpressionAttributeValues: { ':convened': 'convened', ':mid': meeting.id, ':due': 'may-convene' },
            },
          });
        }
        const counted = new CountMoved();
        try {
          await transact(items, (index) =>
            index === 0
              ? conflict('meeting-exists', 'The meeting already exists', 'Заседание уже существует', 'Отырыс бұрыннан бар')
              : index === 1
                ? counted
                : conflict('demand-not-due', 'This demand does not call for an extraordinary meeting (p21)', 'По этому требованию не нужно созывать внеочередное заседание (п. 21)', 'Бұл талап бойынша кезектен тыс отырыс шақыру қажет емес (21-тармақ)'),
          );
          return meeting;
        } catch (error) {
          if (error !== counted) throw error;
          if (attempt >= COUNT_ATTEMPTS) throw new StoreUnavailableError({ cause: error });
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
        }
      }
    },
    getMeeting: async (cid, id) => {
      const meeting = await get<Meeting>(keys.meeting(cid, id));
      return meeting && meetingFromStored(meeting);
    },
    async listMeetings(cid, from, to) {
      const { gsi1pk } = keys.meetingsOf(cid);
      const items = await queryAll({
        TableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': gsi1pk, ':from': from, ':to': `${to}#~` },
      });
      return items.map((i) => meetingFromStored(fromItem<Meeting>(i)!));
    },
    async addAgendaItem(meeting, item) {
      await transact([meetingUpdate(meeting, 'SET agenda = list_append(agenda, :item)', '#status = :convened', { ':item': [item], ':convened': 'convened' })], meetingChanged);
    },
    async markHeld(meeting, endTime, trail) {
      await transact(
        [meetingUpdate(meeting, 'SET #status = :held, endTime = :end', '#status = :convened AND openMotions = :zero', { ':held': 'held', ':end': endTime, ':convened': 'convened', ':zero': 0 }), ...trailItems(TableName, trail)],
        meetingChanged,
      );
    },

    async setAttendance(meeting, attendeeId, present) {
      await guarded(meeting, [{ Put: { TableName, Item: { ...keys.attendance(meeting.councilId, meeting.id, attendeeId), type: 'attendance', attendeeId, present } } }]);
    },
    listAttendance: (cid, mid) => under<Attendance>(cid, 'MEETING', mid, 'ATTENDANCE'),

    async putMotion(meeting, motion) {
      // The motion counts among the open ones: the meeting cannot end while it is open.
      await transact(
        [
          meetingUpdate(meeting, 'SET openMotions = openMotions + :one', '#status = :convened', { ':one': 1, ':convened': 'convened' }),
          { Put: { TableName, Item: { ...motion, ...keys.motion(motion.councilId, motion.meetingId, motion.id), type: 'motion' }, ...created } },
        ],
        (index) => (index === 0 ? meetingChanged() : conflict('motion-exists', 'The motion already exists', 'Вопрос уже существует', 'Мәселе бұрыннан бар')),
      );
    },
    getMotion: (cid, mid, id) => get<Motion>(keys.motion(cid, mid, id)),
    listMotions: (cid, mid) => under<Motion>(cid, 'MEETING', mid, 'MOTION'),
    async votingContext(cid, mid, moid) {
      // Whom to read beside the meeting: the people this instance keeps (at any version); the
      // version read below says whether they are still current.
      const guess = anyKeptPeople(cid);
      const attendees = guess ? [CHAIRPERSON, ...guess.people.members.map((m) => m.id)] : [];
      const byKey = guess !== undefined && attendees.length + 3 <= MAX_TRANSACT_GET;
      const wanted = [keys.council(cid), keys.meeting(cid, mid), keys.motion(cid, mid, moid), ...(byKey ? attendees.map((id) => keys.attendance(cid, mid, id)) : [])];
      // One strongly consistent read of all of them at one instant.
      const read = await db.send(new TransactGetCommand({ TransactItems: wanted.map((Key) => ({ Get: { TableName, Key } })) }));
      const [councilItem, meetingItem, motionItem, ...attendanceItems] = (read.Responses ?? []).map((r) => r?.Item);
      if (!councilItem) return undefined;
      const peopleVersion = peopleVersionOf(councilItem);
      const people = { council: fromItem<Council>(councilItem)!, ...(await peopleAt(cid, peopleVersion)) };
      // The attendance read by key is whole only if nobody joined the council since the guess.
      const attendance = byKey && guess.version === peopleVersion ? attendanceItems.filter(Boolean).map((i) => fromItem<Attendance>(i)!) : await under<Attendance>(cid, 'MEETING', mid, 'ATTENDANCE');
      const meeting = fromItem<Meeting>(meetingItem);
      return { people, peopleVersion, meeting: meeting && meetingFromStored(meeting), motion: fromItem<Motion>(motionItem), attendance };
    },
    async putVote(meeting, motion, vote, peopleVersion) {
      await guarded(
        meeting,
        [
          // Accepted only while the motion is open: its close moves it out of `open` first.
          { ConditionCheck: { TableName, Key: keys.motion(motion.councilId, motion.meetingId, motion.id), ConditionExpression: '#status = :open', ExpressionAttributeNames: STATUS, ExpressionAttributeValues: { ':open': 'open' } } },
          // The key is the voter: a second vote replaces the first, never adds to it.
          { Put: { TableName, Item: { ...keys.vote(motion.councilId, motion.meetingId, motion.id, vote.voterId), type: 'vote', ...vote } } },
          // The voter is present now, as read.
          { ConditionCheck: { TableName, Key: keys.attendance(motion.councilId, motion.meetingId, vote.voterId), ConditionExpression: 'present = :yes', ExpressionAttributeValues: { ':yes': true } } },
          // Nobody's membership changed since it was read (the roles and the sitting the vote was judged on).
          {
            ConditionCheck: {
              TableName,
              Key: keys.council(motion.councilId),
              ConditionExpression: peopleVersion ? 'peopleVersion = :version' : 'attribute_not_exists(peopleVersion)',
              ...(peopleVersion ? { ExpressionAttributeValues: { ':version': peopleVersion } } : {}),
            },
          },
        ],
        (index) => (index === 0 ? motionClosed() : index === 2 ? voterNotPresent() : membershipChanged()),
      );
    },
    listVotes: (cid, mid, moid) => under<Vote>(cid, 'MEETING', mid, 'VOTE', moid),
    async beginCloseMotion(meeting, motion) {
      const key = keys.motion(motion.councilId, motion.meetingId, motion.id);
      await guarded(
        meeting,
        [{ Update: { TableName, Key: key, UpdateExpression: 'SET #status = :closing', ConditionExpression: '#status = :open OR #status = :closing', ExpressionAttributeNames: STATUS, ExpressionAttributeValues: { ':open': 'open', ':closing': 'closing' } } }],
        motionClosed,
      );
    },
    async finishCloseMotion(meeting, motion, trail) {
      await transact(
        [
          meetingUpdate(meeting, 'SET openMotions = openMotions - :one', '#status = :convened', { ':one': 1, ':convened': 'convened' }),
          {
            Put: {
              TableName,
              Item: { ...motion, ...keys.motion(motion.councilId, motion.meetingId, motion.id), type: 'motion' },
              ConditionExpression: '#status = :closing',
              ExpressionAttributeNames: STATUS,
              ExpressionAttributeValues: { ':closing': 'closing' },
            },
          },
          ...trailItems(TableName, trail),
        ],
        (index) => (index === 0 ? meetingChanged() : motionClosed()),
      );
    },
    async putDissent(meeting, motion, dissent: Dissent) {
      await guarded(meeting, [{ Put: { TableName, Item: { ...dissent, motionId: motion.id, ...keys.dissent(motion.councilId, motion.meetingId, motion.id, dissent.memberId), type: 'dissent' } } }]);
    },
    listDissents: (cid, mid) => under<Dissent & { motionId: string }>(cid, 'MEETING', mid, 'DISSENT'),

    async putSignature(meeting, { signature, content, replace, seal: sealing, voidedAt }, trail) {
      const values: Record<string, unknown> = { ':held': 'held', ':rev': meeting.revision, ':n': meeting.signatures.length, ':sig': [signature] };
      const sets = [replace ? 'signatures = :sig' : 'signatures = list_append(signatures, :sig)'];
      if (replace && meeting.signatures.length) {
        sets.push('voidedSignatures = list_append(voidedSignatures, :voided)');
        values[':voided'] = meeting.signatures.map((s) => ({ ...s, voidedAt }));
      }
      if (sealing) {
        sets.push('sealedAt = :at, sealedHash = :hash');
        Object.assign(values, { ':at': signature.signedAt, ':hash': signature.contentHash });
      }
      await transact(
        [
          // Signed on the revision the signer read, with the signatures they saw: nothing changed meanwhile.
          meetingUpdate(meeting, `SET ${sets.join(', ')}`, '#status = :held AND attribute_not_exists(sealedAt) AND revision = :rev AND size(signatures) = :n', values),
          // The exact content signed, stored under its hash: what is signed never changes.
          { Put: { TableName, Item: { ...keys.minutes(meeting.councilId, meeting.id, signature.contentHash), type: 'minutes', content: JSON.stringify(content) } } },
          ...trailItems(TableName, trail),
        ],
        () => conflict('minutes-changed', 'The minutes changed while you signed: read them again and sign', 'Протокол изменился во время подписания: перечитайте и подпишите', 'Қол қою кезінде хаттама өзгерді: қайта оқып, қол қойыңыз'),
      );
    },
    async signedContent(cid, mid, hash) {
      const item = await get<{ content: string }>(keys.minutes(cid, mid, hash));
      return item ? (JSON.parse(item.content) as MinutesBody) : undefined;
    },
    async putCorrection(meeting, correction: Correction, trail) {
      await transact(
        [
          { ConditionCheck: { TableName, Key: keys.meeting(meeting.councilId, meeting.id), ConditionExpression: 'attribute_exists(sealedAt)' } },
          { Put: { TableName, Item: { ...correction, ...keys.correction(meeting.councilId, meeting.id, correction.id), type: 'correction' }, ...created } },
          ...trailItems(TableName, trail),
        ],
        () => conflict('correction-not-possible', 'Only sealed minutes take a correction', 'Исправление возможно только к подписанному протоколу', 'Түзету тек қол қойылған хаттамаға жасалады'),
      );
    },
    listCorrections: (cid, mid) => under<Correction>(cid, 'MEETING', mid, 'CORRECTION'),

    async putDemand(demand, notice, trail) {
      await transact(
        [
          { Put: { TableName, Item: { ...demand, ...keys.demand(demand.councilId, demand.id), type: 'demand' }, ...created } },
          ...(notice ? [{ Put: { TableName, Item: { ...notice, ...keys.notice(demand.councilId, notice.id), type: 'notice' } } }] : []),
          ...trailItems(TableName, trail),
        ],
        () => conflict('demand-exists', 'The demand already exists', 'Требование уже существует', 'Талап бұрыннан бар'),
      );
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
    async decideDemand(demand, decision, status, notice, trail) {
      const items: Items = [
        {
          Update: {
            TableName,
            Key: keys.demand(demand.councilId, demand.id),
            UpdateExpression: 'SET decision = :d, #status = :s',
            // Only forward: collecting -> may-convene -> convened; a late signature never reopens it.
            ConditionExpression: '#status = :collecting OR #status = :s',
            ExpressionAttributeNames: STATUS,
            ExpressionAttributeValues: { ':d': decision, ':s': status, ':collecting': 'collecting' },
          },
        },
        ...trailItems(TableName, trail),
      ];
      if (notice) items.push({ Put: { TableName, Item: { ...notice, ...keys.notice(demand.councilId, notice.id), type: 'notice' } } });
      await transact(items, () => conflict('demand-decided', 'The demand was already decided', 'Требование уже рассмотрено', 'Талап қаралып қойған')).catch((error) => {
        if (!(error instanceof ConflictError)) throw error;
      });
    },

    async putNotice(cid, notice) {
      try {
        await db.send(new PutCommand({ TableName, Item: { ...notice, ...keys.notice(cid, notice.id), type: 'notice' }, ...created }));
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
    listNotices: (cid) => under<Notice>(cid, 'NOTICE'),
  };
}

class GuardFailed extends Error {}
/** Another convener took the number meanwhile: read the count again. */
class CountMoved extends Error {}
/** Conveners racing for one year's count: each attempt reads it afresh. */
const COUNT_ATTEMPTS = 20;
