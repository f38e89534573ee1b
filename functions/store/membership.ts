import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../errors.ts';
import type { DecisionRecord } from '../decisions.ts';
import type { Candidate, Commission, Council, Election, Lot, Member, Term } from '../membership/model.ts';
import type { LeavingNotice, MembershipStore, Termination } from '../membership/store.ts';
import { documentClient, tableName } from './client.ts';
import { fromItem, keys } from './keys.ts';
import { queryAll, transact } from './transact.ts';

const exists = (text: { kk: string; ru: string; en: string }, code: string) => new ConflictError(code, text);
const ALREADY_VOTED = () =>
  exists({ kk: 'Сіз бұл турда дауыс бердіңіз', ru: 'Вы уже голосовали в этом туре', en: 'You have already voted in this round' }, 'already-voted');
const ROUND_CLOSED = () => exists({ kk: 'Бұл сайлау туры жабылған', ru: 'Этот тур выборов закрыт', en: 'This election round is closed' }, 'election-closed');

/** The membership store on DynamoDB: conditions and transactions keep every write whole. */
export function dynamoMembershipStore(): MembershipStore {
  const db = documentClient();
  const TableName = tableName();
  const get = async <T>(key: Record<string, string>) => fromItem<T>((await db.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }))).Item);
  const put = async (key: Record<string, string>, type: string, value: object, unique = false, extra: Record<string, string> = {}) => {
    try {
      await db.send(
        new PutCommand({ TableName, Item: { ...value, ...key, ...extra, type }, ...(unique ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}) }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw exists({ kk: 'Жазба бұрыннан бар', ru: 'Запись уже существует', en: 'The record already exists' }, `${type}-exists`);
      throw error;
    }
  };
  const byPrefix = async <T>(cid: string, prefix: string, type: string) =>
    (
      await queryAll({
        TableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        FilterExpression: '#type = :type',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':pk': keys.council(cid).pk, ':prefix': prefix, ':type': type },
        ConsistentRead: true,
      })
    ).map((item) => fromItem<T>(item)!);

  const membersOf = async (cid: string, prefix: string) => {
    const items = await queryAll({
      TableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.council(cid).pk, ':prefix': prefix },
      ConsistentRead: true,
    });
    const members = items.filter((i) => i.type === 'member').map((i) => ({ ...fromItem<Omit<Member, 'terms'>>(i)!, terms: [] as Term[] }));
    for (const term of items.filter((i) => i.type === 'term').map((i) => fromItem<Term>(i)!)) {
      members.find((m) => m.id === term.memberId)?.terms.push(term);
    }
    return members as Member[];
  };

  const termPut = (term: Term) => ({
    Put: { TableName, Item: { ...term, ...keys.term(term.councilId, term.memberId, term.start), ...(term.status === 'active' ? keys.termEnd(term.councilId, term.memberId, term.end) : {}), type: 'term' } },
  });

  return {
    createCouncil: (council) => put(keys.council(council.id), 'council', council, true, keys.councilList(council.id)),
    getCouncil: (cid) => get<Council>(keys.council(cid)),

    putCandidate: (c) => put(keys.candidate(c.councilId, c.id), 'candidate', c),
    getCandidate: (cid, id) => get<Candidate>(keys.candidate(cid, id)),
    async updateCandidateFacts(cid, id, facts, declaredOn) {
      await transact(
        [
          {
            Update: {
              TableName,
              Key: keys.candidate(cid, id),
              UpdateExpression: 'SET facts = :facts, factsDeclaredOn = :on',
              ConditionExpression: '#status = :eligible',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':facts': facts, ':eligible': 'eligible', ':on': declaredOn },
            },
          },
        ],
        () => exists({ kk: 'Үміткер енді сайлауға түспейді', ru: 'Кандидат больше не участвует в выборах', en: 'The candidate is no longer standing' }, 'candidate-not-standing'),
      );
    },
    async withdrawCandidate(cid, id, on) {
      await transact(
        [
          {
            Update: {
              TableName,
              Key: keys.candidate(cid, id),
              UpdateExpression: 'SET #status = :withdrawn, withdrawnOn = :on',
              ConditionExpression: '#status = :eligible',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':withdrawn': 'withdrawn', ':eligible': 'eligible', ':on': on },
            },
          },
        ],
        () => exists({ kk: 'Үміткерді қайтарып алу мүмкін емес', ru: 'Кандидата нельзя отозвать', en: 'The candidate cannot be withdrawn now' }, 'candidate-not-withdrawable'),
      );
    },

    putCommission: (c) => put(keys.commission(c.councilId, c.id), 'commission', c),
    getCommission: (cid, id) => get<Commission>(keys.commission(cid, id)),

    async putElection(e) {
      const votes = Object.fromEntries(e.candidateIds.map((c) => [c, 0]));
      await transact(
        [
          { Put: { TableName, Item: { ...e, ...keys.election(e.councilId, e.id), type: 'election' }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName, Item: { ...keys.tally(e.councilId, e.id), type: 'tally', status: 'open', ballotsCast: 0, votes }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
        () => exists({ kk: 'Сайлау бұрыннан бар', ru: 'Выборы уже существуют', en: 'The election already exists' }, 'election-exists'),
      );
    },
    getElection: (cid, id) => get<Election>(keys.election(cid, id)),
    listElections: (cid) => byPrefix<Election>(cid, 'ELECTION#', 'election'),

    async castBallot(e, voterSub, choices, receiptHash) {
      const names: Record<string, string> = { '#status': 'status' };
      const values: Record<string, unknown> = { ':open': 'open', ':one': 1 };
      const increments = choices.map((c, i) => {
        names[`#c${i}`] = c;
        return `votes.#c${i} = votes.#c${i} + :one`;
      });
      await transact(
        [
          // The voter's receipt: who voted, never how.
          { Put: { TableName, Item: { ...keys.voter(e.councilId, e.id, voterSub), type: 'voter' }, ConditionExpression: 'attribute_not_exists(pk)' } },
          // The ballot: how, never who or when; keyed by the hash of the voter's receipt code.
          { Put: { TableName, Item: { ...keys.ballot(e.councilId, e.id, receiptHash), type: 'ballot', choices }, ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Update: {
              TableName,
              Key: keys.tally(e.councilId, e.id),
              UpdateExpression: ['ADD ballotsCast :one', increments.length ? `SET ${increments.join(', ')}` : ''].join(' '),
              ConditionExpression: '#status = :open',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            },
          },
        ],
        (index) => (index === 2 ? ROUND_CLOSED() : ALREADY_VOTED()),
      );
    },
    async ballotCounted(cid, eid, receiptHash) {
      return Boolean(await get(keys.ballot(cid, eid, receiptHash)));
    },
    async tally(cid, eid) {
      const tally = await get<{ ballotsCast: number; votes: Record<string, number> }>(keys.tally(cid, eid));
      return { ballotsCast: tally?.ballotsCast ?? 0, votes: tally?.votes ?? {} };
    },
    async closeElection({ election, result, members, runoff }) {
      const cid = election.councilId;
      const items: Parameters<typeof transact>[0] = [
        {
          Update: {
            TableName,
            Key: keys.tally(cid, election.id),
            UpdateExpression: 'SET #status = :closed',
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':closed': 'closed', ':open': 'open' },
          },
        },
        { Put: { TableName, Item: { ...election, status: 'closed', result, ...keys.election(cid, election.id), type: 'election' } } },
      ];
      for (const member of members) {
        const { terms, ...rest } = member;
        items.push({ Put: { TableName, Item: { ...rest, ...keys.member(cid, member.id), type: 'member' }, ConditionExpression: 'attribute_not_exists(pk)' } });
        items.push(...terms.map(termPut));
        items.push({
          Update: {
            TableName,
            Key: keys.candidate(cid, member.candidateId),
            UpdateExpression: 'SET #status = :elected, memberId = :mid',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':elected': 'elected', ':mid': member.id },
          },
        });
      }
      if (runoff) {
        items.push({ Put: { TableName, Item: { ...runoff, ...keys.election(cid, runoff.id), type: 'election' }, ConditionExpression: 'attribute_not_exists(pk)' } });
        items.push({
          Put: { TableName, Item: { ...keys.tally(cid, runoff.id), type: 'tally', status: 'open', ballotsCast: 0, votes: Object.fromEntries(runoff.candidateIds.map((c) => [c, 0])) } },
        });
      }
      await transact(items, () => ROUND_CLOSED());
    },

    listMembers: (cid) => membersOf(cid, 'MEMBER#'),
    async getMember(cid, mid) {
      return (await membersOf(cid, `MEMBER#${mid}`)).find((m) => m.id === mid);
    },

    putLot: (lot) => put(keys.lot(lot.councilId, lot.id), 'lot', lot, true),
    getLot: (cid, id) => get<Lot>(keys.lot(cid, id)),
    async revealLot(lot, shortened) {
      await transact(
        [
          {
            Put: {
              TableName,
              Item: { ...lot, ...keys.lot(lot.councilId, lot.id), type: 'lot' },
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revealedOn)',
            },
          },
          ...shortened.map((term) => ({ ...termPut(term), Put: { ...termPut(term).Put, ConditionExpression: '#status = :active', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':active': 'active' } } })),
        ],
        () => exists({ kk: 'Жеребе бұрын ашылған', ru: 'Жеребьёвка уже раскрыта', en: 'The lot was already revealed' }, 'lot-revealed'),
      );
    },

    async setSecretary(cid, mid, on, by) {
      await transact(
        [
          {
            Update: {
              TableName,
              Key: keys.council(cid),
              UpdateExpression: 'SET secretaryMemberId = :mid',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':mid': mid },
            },
          },
          { Put: { TableName, Item: { ...keys.secretary(cid, on, mid), type: 'secretary', memberId: mid, on, by } } },
        ],
        () => exists({ kk: 'Кеңес табылмады', ru: 'Совет не найден', en: 'Council not found' }, 'council-not-found'),
      );
    },
    secretaryHistory: (cid) => byPrefix<{ memberId: string; on: string; by: string }>(cid, 'SECRETARY#', 'secretary'),

    putLeavingNotice: (n) => put(keys.leaving(n.councilId, n.memberId, n.id), 'leaving', n, true),
    getLeavingNotice: (cid, mid, id) => get<LeavingNotice>(keys.leaving(cid, mid, id)),
    async endTerm(term, endedOn, ending, record) {
      const cid = term.councilId;
      const items: Parameters<typeof transact>[0] = [
        {
          Update: {
            TableName,
            Key: keys.term(cid, term.memberId, term.start),
            UpdateExpression: 'SET #status = :ended, endedOn = :on, ending = :ending REMOVE gsi2pk, gsi2sk',
            ConditionExpression: '#status = :active',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':ended': 'ended', ':active': 'active', ':on': endedOn, ':ending': ending },
          },
        },
        {
          Update: {
            TableName,
            Key: keys.member(cid, term.memberId),
            UpdateExpression: 'SET #status = :ended',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':ended': 'ended' },
          },
        },
      ];
      if (record?.leavingNotice) {
        const n = record.leavingNotice;
        items.push({ Put: { TableName, Item: { ...n, ...keys.leaving(cid, n.memberId, n.id), type: 'leaving' } } });
      }
      if (record?.termination) {
        const t: Termination = record.termination;
        items.push({ Put: { TableName, Item: { ...t, councilId: cid, memberId: term.memberId, ...keys.termination(cid, term.memberId, t.id), type: 'termination' }, ConditionExpression: 'attribute_not_exists(pk)' } });
      }
      try {
        await transact(items, () => new TermAlreadyEnded());
        return true;
      } catch (error) {
        if (error instanceof TermAlreadyEnded) return false;
        throw error;
      }
    },

    putRecusal: (r) => put(keys.recusal(r.councilId, r.meetingId, r.memberId, r.itemId), 'recusal', r, true),

    putDecision: (d) => put(keys.decision(d.councilId, d.id), 'decision', d, true, keys.decisionByDate(d.councilId, d.id, d.at)),
    getDecision: (cid, id) => get<DecisionRecord>(keys.decision(cid, id)),

    async termsEndingBy(date) {
      const items = await queryAll({
        TableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :until',
        ExpressionAttributeValues: { ':pk': 'TERMEND', ':until': `${date}#~` },
      });
      return items.map((i) => fromItem<Term>(i)!);
    },
    async flagTerm(term, on) {
      try {
        await put(keys.flag(term.councilId, term.memberId, term.end), 'flag', { memberId: term.memberId, termEnd: term.end, flaggedOn: on, point: 'p11' }, true);
        return true;
      } catch (error) {
        if (error instanceof ConflictError) return false;
        throw error;
      }
    },
    listFlags: (cid) => byPrefix(cid, 'FLAG#', 'flag'),
  };
}

class TermAlreadyEnded extends Error {}
