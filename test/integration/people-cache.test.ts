import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setToday } from '../../functions/clock.ts';
import { ConflictError } from '../../functions/errors.ts';
import type { Meeting, Motion } from '../../functions/meetings/model.ts';
import { documentClient } from '../../functions/store/client.ts';
import { keys } from '../../functions/store/keys.ts';
import { dynamoMeetingStore } from '../../functions/store/meetings.ts';
import { dynamoMembershipStore } from '../../functions/store/membership.ts';
import { seatCouncil, type Seated } from '../scenarios/council.ts';
import { startLocal } from './local.ts';

/**
 * A council's people kept in a function instance between requests (functions/store/people-cache.ts),
 * and the vote read in one call and written in one: every write to the people moves the
 * council's version in the same transaction, an instance reads them again when it moved, and a
 * vote judged on people or attendance that changed before its write is refused, leaving nothing.
 */
let local: Awaited<ReturnType<typeof startLocal>>;
beforeAll(async () => {
  local = await startLocal();
  setToday('2020-06-10');
});
afterAll(async () => {
  setToday(undefined);
  await local.close();
});

const councilItem = async (cid: string) => (await documentClient().send(new GetCommand({ TableName: local.table, Key: keys.council(cid), ConsistentRead: true }))).Item!;
const bilingual = { kk: 'Мәтін', ru: 'Текст' };

/** DynamoDB calls made by `run`, counted on the one document client. */
async function calls<T>(run: () => Promise<T>): Promise<{ value: T; calls: number }> {
  let n = 0;
  const name = `count-${Math.random()}`;
  documentClient().middlewareStack.add((next) => async (args) => {
    n++;
    return next(args);
  }, { step: 'initialize', name });
  try {
    return { value: await run(), calls: n };
  } finally {
    documentClient().middlewareStack.remove(name);
  }
}

/** A convened meeting of `s` with everyone present and one open motion. */
async function openMotion(s: Seated) {
  const chair = s.people.chairperson;
  const C = `/v1/councils/${s.councilId}`;
  const convened = await local.call('POST', `${C}/meetings`, { as: chair, body: { kind: 'regular', date: '2020-06-10', agenda: [{ title: bilingual }] } });
  const M = `${C}/meetings/${convened.json.id}`;
  for (const id of ['chairperson', ...s.memberIds]) expect((await local.call('PUT', `${M}/attendance/${id}`, { as: chair, body: { present: true } })).status).toBe(200);
  const motion = await local.call('POST', `${M}/motions`, { as: chair, body: { itemId: convened.json.agenda[0].id, kind: 'ordinary', title: bilingual } });
  return { C, M, meetingId: convened.json.id as string, motionId: motion.json.id as string };
}

describe("a council's people kept between requests", () => {
  it('moves the version with every write to the people, in the same write, and never with other writes', async () => {
    const s = await seatCouncil(local, 'people-version');
    const seated = Number((await councilItem(s.councilId)).peopleVersion);
    expect(seated).toBeGreaterThan(0);
    expect((await local.call('PUT', `/v1/councils/${s.councilId}/secretary`, { as: s.people.chairperson, body: { memberId: s.memberIds[1], on: '2020-05-01' } })).status).toBe(200);
    expect((await councilItem(s.councilId)).peopleVersion).toBe(seated + 1);
    await openMotion(s);
    expect((await councilItem(s.councilId)).peopleVersion).toBe(seated + 1);
    // Never shown: it is the table's bookkeeping, not the council's data.
    const council = await local.call('GET', `/v1/councils/${s.councilId}`, { as: s.people.chairperson });
    expect(council.status).toBe(200);
    expect(JSON.stringify(council.json)).not.toContain('peopleVersion');
  });

  it('reads the council item alone while the people stand, and the people again once they change', async () => {
    const s = await seatCouncil(local, 'people-kept');
    const store = dynamoMembershipStore();
    await store.people(s.councilId);
    const kept = await calls(() => store.people(s.councilId));
    expect(kept.calls).toBe(1);
    expect((await local.call('PUT', `/v1/councils/${s.councilId}/secretary`, { as: s.people.chairperson, body: { memberId: s.memberIds[2], on: '2020-05-02' } })).status).toBe(200);
    const fresh = await calls(() => store.people(s.councilId));
    expect(fresh.calls).toBeGreaterThan(1);
    expect(fresh.value!.secretaries.map((a) => a.memberId)).toContain(s.memberIds[2]);
    // A copy each time: a caller changing it changes nothing kept.
    fresh.value!.members.length = 0;
    expect((await store.people(s.councilId))!.members).toHaveLength(s.memberIds.length);
  });
});

describe('a vote: one read, one write', () => {
  it('reads the people, the meeting, the motion and the attendance in one call, and votes in one more', async () => {
    const s = await seatCouncil(local, 'vote-calls');
    const { M, motionId } = await openMotion(s);
    const vote = await calls(() => local.call('PUT', `${M}/motions/${motionId}/votes/${s.memberIds[1]}`, { as: { sub: `${s.councilId}-m2` }, body: { choice: 'for' } }));
    expect(vote.value.status, vote.value.text).toBe(200);
    expect(vote.calls).toBe(2);
  });

  it('refuses a vote judged on people who changed before its write, and writes nothing', async () => {
    const s = await seatCouncil(local, 'vote-people');
    const { meetingId, motionId } = await openMotion(s);
    const store = dynamoMeetingStore();
    const context = (await store.votingContext(s.councilId, meetingId, motionId))!;
    expect(context.attendance.filter((a) => a.present)).toHaveLength(s.memberIds.length + 1);
    // Meanwhile another instance records a change of the people.
    expect((await local.call('PUT', `/v1/councils/${s.councilId}/secretary`, { as: s.people.chairperson, body: { memberId: s.memberIds[1], on: '2020-05-03' } })).status).toBe(200);
    const refused = await store.putVote(context.meeting as Meeting, context.motion as Motion, { voterId: s.memberIds[1]!, choice: 'for' }, context.peopleVersion).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).code).toBe('membership-changed');
    // Read again, it is judged on the people as they are now, and holds.
    const again = (await store.votingContext(s.councilId, meetingId, motionId))!;
    expect(again.peopleVersion).toBe(context.peopleVersion + 1);
    await store.putVote(again.meeting as Meeting, again.motion as Motion, { voterId: s.memberIds[1]!, choice: 'for' }, again.peopleVersion);
    const votes = await scanVotes(s.councilId);
    expect(votes).toHaveLength(1);
  });

  it('refuses a vote of a voter marked absent before its write, and writes nothing', async () => {
    const s = await seatCouncil(local, 'vote-absent');
    const { M, meetingId, motionId } = await openMotion(s);
    const store = dynamoMeetingStore();
    const context = (await store.votingContext(s.councilId, meetingId, motionId))!;
    expect((await local.call('PUT', `${M}/attendance/${s.memberIds[0]}`, { as: s.people.chairperson, body: { present: false } })).status).toBe(200);
    const refused = await store.putVote(context.meeting as Meeting, context.motion as Motion, { voterId: s.memberIds[0]!, choice: 'against' }, context.peopleVersion).catch((e: unknown) => e);
    expect((refused as ConflictError).code).toBe('not-present');
    expect(await scanVotes(s.councilId)).toHaveLength(0);
    // Through HTTP the same voter is refused as absent before any write.
    const reply = await local.call('PUT', `${M}/motions/${motionId}/votes/${s.memberIds[0]}`, { as: { sub: `${s.councilId}-m1` }, body: { choice: 'against' } });
    expect(reply.status).toBe(409);
    expect(reply.json.error.code).toBe('not-present');
  });
});

async function scanVotes(cid: string) {
  const items = (await documentClient().send(new ScanCommand({ TableName: local.table }))).Items ?? [];
  return items.filter((i) => i.pk === `COUNCIL#${cid}` && String(i.sk).includes('#VOTE#'));
}
