import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../errors.ts';
import type { DecisionRecord } from '../decisions.ts';
import type { Candidate, Commission, Council, Election, Lot, Member, ParticipantRecord, SecretaryAppointment, StaffAuthorisation, Term } from '../membership/model.ts';
import type { LeavingNotice, MembershipStore, TermFlag, Termination } from '../membership/store.ts';
import { documentClient, tableName } from './client.ts';
import { fromItem, keys, PARTITIONS, within } from './keys.ts';
import { peopleAt, peopleVersionOf } from './people-cache.ts';
import { batches, queryAll, transact } from './transact.ts';
import { auditPut, decisionPut, trailItems, type Items } from './trail.ts';

const conflict = (code: string, text: { kk: string; ru: string; en: string }) => new ConflictError(code, text);
const ALREADY_VOTED = () => conflict('already-voted', { kk: 'Сіз бұл турда дауыс бердіңіз', ru: 'Вы уже голосовали в этом туре', en: 'You have already voted in this round' });
const ROUND_CLOSED = () => conflict('election-closed', { kk: 'Бұл сайлау туры жабылған', ru: 'Этот тур выборов закрыт', en: 'This election round is closed' });
const EXISTS = (type: string) => () => conflict(`${type}-exists`, { kk: 'Жазба бұрыннан бар', ru: 'Запись уже существует', en: 'The record already exists' });
const created = { ConditionExpression: 'attribute_not_exists(pk)' };
const alreadyACandidate = () =>
  conflict('already-a-candidate', { kk: 'Бұл адам үміткер ретінде тіркелген', ru: 'Этот человек уже зарегистрирован кандидатом', en: 'This person is already a standing candidate' });
const STATUS = { '#status': 'status' };

/** The membership store on DynamoDB: conditions and transactions keep every act whole. */
export function dynamoMembershipStore(): MembershipStore {
  const db = documentClient();
  const TableName = tableName();
  const get = async <T>(key: Record<string, string>) => fromItem<T>((await db.send(new GetCommand({ TableName, Key: key, ConsistentRead: true }))).Item);
  const under = async <T>(cid: string, label: string, ...rest: string[]) => {
    const { pk, prefix } = within(cid, label, ...rest);
    const items = await queryAll({ TableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix }, ConsistentRead: true });
    return items;
  };
  const ofType = <T>(items: Record<string, unknown>[], type: string) => items.filter((i) => i.type === type).map((i) => fromItem<T>(i)!);
  /** One item created with its trail, all or nothing. */
  const create = (item: Record<string, unknown>, trail: Parameters<typeof trailItems>[1], onExists: () => Error) =>
    transact([{ Put: { TableName, Item: item, ...created } }, ...trailItems(TableName, trail)], (index) => (index === 0 ? onExists() : EXISTS('audit')()));

  const membersOf = (items: Record<string, unknown>[]) => {
    const members = ofType<Omit<Member, 'terms'>>(items, 'member').map((m) => ({ ...m, terms: [] as Term[] }));
    for (const term of ofType<Term>(items, 'term')) members.find((m) => m.id === term.memberId)?.terms.push(term);
    return members as Member[];
  };

  const termPut = (term: Term): Items[number] => ({
    Put: { TableName, Item: { ...term, ...keys.term(term.councilId, term.memberId, term.start), ...(term.status === 'active' ? keys.termEnd(term.councilId, term.memberId, term.end) : {}), type: 'term' } },
  });
  /** The person's candidacy no longer stands (withdrawn or elected): they may apply again later. */
  const release = (cid: string, sub: string | undefined): Items =>
    sub ? [{ Update: { TableName, Key: keys.candidacy(cid, sub), UpdateExpression: 'SET standing = :no', ExpressionAttributeValues: { ':no': false } } }] : [];
  const electionPut = (e: Election): Items[number] => ({ Put: { TableName, Item: { ...e, ...keys.election(e.councilId, e.id), type: 'election' } } });

  return {
    createCouncil: (council, trail) => create({ ...council, ...keys.council(council.id), ...keys.councilList(council.id), type: 'council' }, trail, EXISTS('council')),
    getCouncil: (cid) => get<Council>(keys.council(cid)),

    async people(cid) {
      const item = (await db.send(new GetCommand({ TableName, Key: keys.council(cid), ConsistentRead: true }))).Item;
      if (!item) return undefined;
      return { council: fromItem<Council>(item)!, ...(await peopleAt(cid, peopleVersionOf(item))) };
    },

    async putCandidate(c, trail) {
      // A person stands once at a time: the guard is taken in the same transaction, or the application fails.
      const guard: Items = c.sub
        ? [{ Put: { TableName, Item: { ...keys.candidacy(c.councilId, c.sub), type: 'candidacy', candidateId: c.id, standing: true }, ConditionExpression: 'attribute_not_exists(pk) OR standing = :no', ExpressionAttributeValues: { ':no': false } } }]
        : [];
      await transact([{ Put: { TableName, Item: { ...c, ...keys.candidate(c.councilId, c.id), type: 'candidate' }, ...created } }, ...guard, ...trailItems(TableName, trail)], (index) =>
        index === 1 && c.sub ? alreadyACandidate() : EXISTS('candidate')(),
      );
    },
    getCandidate: (cid, id) => get<Candidate>(keys.candidate(cid, id)),
    listCandidates: async (cid) => ofType<Candidate>(await under(cid, 'CANDIDATE'), 'candidate'),
    async standingCandidacy(cid, sub) {
      const guard = await get<{ candidateId: string; standing: boolean }>(keys.candidacy(cid, sub));
      return guard?.standing ? guard.candidateId : undefined;
    },
    async updateCandidateFacts(cid, id, facts, declaredOn, trail) {
      const update: Items[number] = {
        Update: {
          TableName,
          Key: keys.candidate(cid, id),
          UpdateExpression: 'SET facts = :facts, factsDeclaredOn = :on',
          ConditionExpression: '#status = :eligible',
          ExpressionAttributeNames: STATUS,
          ExpressionAttributeValues: { ':facts': facts, ':eligible': 'eligible', ':on': declaredOn },
        },
      };
      await transact([update, ...trailItems(TableName, trail)], () =>
        conflict('candidate-not-standing', { kk: 'Үміткер енді сайлауға түспейді', ru: 'Кандидат больше не участвует в выборах', en: 'The candidate is no longer standing' }),
      );
    },
    async withdrawCandidate(cid, id, on, trail) {
      const update: Items[number] = {
        Update: {
          TableName,
          Key: keys.candidate(cid, id),
          UpdateExpression: 'SET #status = :withdrawn, withdrawnOn = :on',
          ConditionExpression: '#status = :eligible',
          ExpressionAttributeNames: STATUS,
          ExpressionAttributeValues: { ':withdrawn': 'withdrawn', ':eligible': 'eligible', ':on': on },
        },
      };
      const candidate = await get<Candidate>(keys.candidate(cid, id));
      await transact([update, ...release(cid, candidate?.sub), ...trailItems(TableName, trail)], () =>
        conflict('candidate-not-withdrawable', { kk: 'Үміткерді қайтарып алу мүмкін емес', ru: 'Кандидата нельзя отозвать', en: 'The candidate cannot be withdrawn now' }),
      );
    },

    putCommission: (c, trail) => create({ ...c, ...keys.commission(c.councilId, c.id), type: 'commission' }, trail, EXISTS('commission')),
    getCommission: (cid, id) => get<Commission>(keys.commission(cid, id)),

    putElection: (e, trail) => create({ ...e, ...keys.election(e.councilId, e.id), type: 'election' }, trail, EXISTS('election')),
    getElection: (cid, id) => get<Election>(keys.election(cid, id)),
    listElections: async (cid) => ofType<Election>(await under(cid, 'ELECTION'), 'election'),

    async castBallot(e, voterSub, choices, receiptHash) {
      try {
        await transact(
          [
            // The round is open, in the same transaction: a close moves it out of `open` first.
            { ConditionCheck: { TableName, Key: keys.election(e.councilId, e.id), ConditionExpression: '#status = :open', ExpressionAttributeNames: STATUS, ExpressionAttributeValues: { ':open': 'open' } } },
            // The voter's receipt: who voted, never how.
            { Put: { TableName, Item: { ...keys.voter(e.councilId, e.id, voterSub), type: 'voter' }, ...created } },
            // The ballot: how, never who or when; keyed by the hash of the voter's receipt code.
            { Put: { TableName, Item: { ...keys.ballot(e.councilId, e.id, receiptHash), type: 'ballot', choices }, ...created } },
          ],
          (index) => (index === 0 ? ROUND_CLOSED() : ALREADY_VOTED()),
        );
        return 'cast';
      } catch (error) {
        if (!(error instanceof ConflictError) || error.code !== 'already-voted') throw error;
        // A retry of the very same ballot (same voter, same code, same choices) is answered as the first.
        const [voter, ballot] = await Promise.all([get(keys.voter(e.councilId, e.id, voterSub)), get<{ choices: string[] }>(keys.ballot(e.councilId, e.id, receiptHash))]);
        if (voter && ballot && JSON.stringify(ballot.choices) === JSON.stringify(choices)) return 'same';
        throw error;
      }
    },
    async ballotCounted(cid, eid, receiptHash) {
      return Boolean(await get(keys.ballot(cid, eid, receiptHash)));
    },
    async beginClose(e) {
      await transact(
        [
          {
            Update: {
              TableName,
              Key: keys.election(e.councilId, e.id),
              UpdateExpression: 'SET #status = :closing',
              ConditionExpression: '#status = :open OR #status = :closing',
              ExpressionAttributeNames: STATUS,
              ExpressionAttributeValues: { ':open': 'open', ':closing': 'closing' },
            },
          },
        ],
        ROUND_CLOSED,
      );
    },
    async ballots(cid, eid) {
      return ofType<{ choices: string[] }>(await under(cid, 'ELECTION', eid, 'BALLOT'), 'ballot').map((b) => b.choices);
    },
    async finishClose({ election, result, members, runoff, decisions = [], audit }) {
      const cid = election.councilId;
      // Derived ids: a retry writes these very records again, never new ones.
      const records: Items = [
        ...decisions.map((d) => decisionPut(TableName, d)),
        ...members.flatMap((member): Items => {
          const { terms, ...rest } = member;
          return [
            { Put: { TableName, Item: { ...rest, ...keys.member(cid, member.id), type: 'member' } } },
            ...terms.map(termPut),
            {
              Update: {
                TableName,
                Key: keys.candidate(cid, member.candidateId),
                UpdateExpression: 'SET #status = :elected, memberId = :mid',
                ExpressionAttributeNames: STATUS,
                ExpressionAttributeValues: { ':elected': 'elected', ':mid': member.id },
              },
            },
            ...release(cid, member.sub),
          ];
        }),
        ...(runoff ? [electionPut(runoff)] : []),
      ];
      for (const batch of batches(records)) await transact(batch, ROUND_CLOSED);
      const close: Items[number] = {
        Put: {
          ...(electionPut({ ...election, status: 'closed', result }) as { Put: NonNullable<Items[number]['Put']> }).Put,
          ConditionExpression: '#status = :closing',
          ExpressionAttributeNames: STATUS,
          ExpressionAttributeValues: { ':closing': 'closing' },
        },
      };
      await transact([close, ...(audit ? [auditPut(TableName, audit)] : [])], ROUND_CLOSED);
    },

    listMembers: async (cid) => membersOf(await under(cid, 'MEMBER')),
    async getMember(cid, mid) {
      const [member, history] = await Promise.all([get<Omit<Member, 'terms'>>(keys.member(cid, mid)), under(cid, 'MEMBER', mid)]);
      return member && { ...member, terms: ofType<Term>(history, 'term') };
    },

    async putLot(lot, trail) {
      await transact(
        [
          // p11: one lot for the first election, ever: the guard names it.
          { Put: { TableName, Item: { ...keys.firstLot(lot.councilId), type: 'first-lot', lotId: lot.id }, ...created } },
          { Put: { TableName, Item: { ...lot, ...keys.lot(lot.councilId, lot.id), type: 'lot' }, ...created } },
          ...trailItems(TableName, trail),
        ],
        EXISTS('lot'),
      );
    },
    getLot: (cid, id) => get<Lot>(keys.lot(cid, id)),
    async firstLotId(cid) {
      return (await get<{ lotId: string }>(keys.firstLot(cid)))?.lotId;
    },
    async revealLot(lot, shortened, trail) {
      await transact(
        [
          { Put: { TableName, Item: { ...lot, ...keys.lot(lot.councilId, lot.id), type: 'lot' }, ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revealedOn)' } },
          ...shortened.map((term) => ({ Put: { ...termPut(term).Put!, ConditionExpression: '#status = :active', ExpressionAttributeNames: STATUS, ExpressionAttributeValues: { ':active': 'active' } } })),
          ...trailItems(TableName, trail),
        ],
        () => conflict('lot-revealed', { kk: 'Жеребе бұрын ашылған', ru: 'Жеребьёвка уже раскрыта', en: 'The lot was already revealed' }),
      );
    },

    async putStaff(staff, trail) {
      // One record per person: a new authorisation after a revocation replaces it; the audit log keeps the history.
      await transact([{ Put: { TableName, Item: { ...staff, ...keys.staff(staff.councilId, staff.sub), type: 'staff' }, ConditionExpression: 'attribute_not_exists(pk) OR attribute_exists(revokedOn)' } }, ...trailItems(TableName, trail)], () =>
        conflict('staff-authorised', { kk: 'Бұл адамға бұрын рұқсат берілген', ru: 'Этому человеку уже дано разрешение', en: 'This person is already authorised' }),
      );
    },
    async revokeStaff(staff, trail) {
      await transact(
        [
          {
            Update: {
              TableName,
              Key: keys.staff(staff.councilId, staff.sub),
              UpdateExpression: 'SET revokedOn = :on',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedOn)',
              ExpressionAttributeValues: { ':on': staff.revokedOn },
            },
          },
          ...trailItems(TableName, trail),
        ],
        () => conflict('staff-revoked', { kk: 'Рұқсат бұрын қайтарылған', ru: 'Разрешение уже отозвано', en: 'The authorisation was already revoked' }),
      );
    },

    appointSecretary: (a, trail) =>
      create({ ...a, ...keys.secretary(a.councilId, a.on), type: 'secretary' }, trail, () =>
        conflict('secretary-appointed-that-day', {
          kk: 'Осы күнге хатшы тағайындалып қойған: басқа күнді көрсетіңіз',
          ru: 'На эту дату секретарь уже назначен: укажите другую дату',
          en: 'A Secretary was already appointed on that date: give another date',
        }),
      ),

    putLeavingNotice: async (n) => {
      try {
        await db.send(new PutCommand({ TableName, Item: { ...n, ...keys.leaving(n.councilId, n.memberId, n.id), type: 'leaving' }, ...created }));
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw EXISTS('leaving')();
        throw error;
      }
    },
    getLeavingNotice: (cid, mid, id) => get<LeavingNotice>(keys.leaving(cid, mid, id)),
    listLeavingNotices: async (cid) => ofType<LeavingNotice>(await under(cid, 'MEMBER'), 'leaving'),
    async endTerm(term, endedOn, ending, record, trail) {
      const cid = term.councilId;
      const items: Items = [
        {
          Update: {
            TableName,
            Key: keys.term(cid, term.memberId, term.start),
            UpdateExpression: 'SET #status = :ended, endedOn = :on, ending = :ending REMOVE gsi2pk, gsi2sk',
            ConditionExpression: '#status = :active',
            ExpressionAttributeNames: STATUS,
            ExpressionAttributeValues: { ':ended': 'ended', ':active': 'active', ':on': endedOn, ':ending': ending },
          },
        },
        { Update: { TableName, Key: keys.member(cid, term.memberId), UpdateExpression: 'SET #status = :ended', ExpressionAttributeNames: STATUS, ExpressionAttributeValues: { ':ended': 'ended' } } },
      ];
      if (record.leavingNotice) {
        const n = record.leavingNotice;
        items.push({ Put: { TableName, Item: { ...n, ...keys.leaving(cid, n.memberId, n.id), type: 'leaving' } } });
      }
      if (record.termination) {
        const t: Termination = record.termination;
        items.push({ Put: { TableName, Item: { ...t, councilId: cid, memberId: term.memberId, ...keys.termination(cid, term.memberId, t.id), type: 'termination' }, ...created } });
      }
      items.push(...trailItems(TableName, trail));
      try {
        await transact(items, () => new TermAlreadyEnded());
        return true;
      } catch (error) {
        if (error instanceof TermAlreadyEnded) return false;
        throw error;
      }
    },

    getDecision: (cid, id) => get<DecisionRecord>(keys.decision(cid, id)),

    async termsEndingBy(date) {
      const items = await queryAll({
        TableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :until',
        ExpressionAttributeValues: { ':pk': PARTITIONS.termEnds, ':until': `${date}#~` },
      });
      return items.map((i) => fromItem<Term>(i)!);
    },
    async flagTerm(term, on, deadline) {
      try {
        await db.send(new PutCommand({ TableName, Item: { ...keys.flag(term.councilId, term.memberId, term.end), type: 'flag', memberId: term.memberId, termEnd: term.end, flaggedOn: on, deadline, point: 'p11' }, ...created }));
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
    listFlags: async (cid) => ofType<TermFlag>(await under(cid, 'FLAG'), 'flag'),

  };
}

class TermAlreadyEnded extends Error {}
