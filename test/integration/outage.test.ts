import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { setToday } from '../../functions/clock.ts';
import { documentClient } from '../../functions/store/client.ts';
import { admin } from '../scenarios/council.ts';
import { clean, receiptCode } from '../scenarios/membership.ts';
import { startLocal } from './local.ts';

/**
 * The store stops answering (DynamoDB paused): a request answers 503 with `Retry-After` well
 * inside a function's time, never a 500, and what the store carries out late, when it resumes,
 * is never done twice by the retry. The pause is a proxy in front of this file's DynamoDB Local
 * that holds requests of the chosen operations and forwards them when released, as a store
 * that resumes would carry them out.
 */
type Held = { req: IncomingMessage; body: Buffer };

function pausingProxy(target: string) {
  let holding: RegExp | undefined;
  const held: Held[] = [];
  const forward = async ({ req, body }: Held) =>
    fetch(`${target}${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: body.length ? new Uint8Array(body) : undefined });
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = { req, body: Buffer.concat(chunks) };
    if (holding?.test(String(req.headers['x-amz-target'] ?? ''))) {
      held.push(request); // no answer: the client times out, as against a paused store
      return;
    }
    try {
      const answer = await forward(request);
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    } catch {
      res.destroy();
    }
  });
  return {
    server,
    hold: (operations: RegExp) => (holding = operations),
    /** The store resumes: what it held is carried out now, answering nobody. */
    async release() {
      holding = undefined;
      for (const request of held.splice(0)) await forward(request).catch(() => undefined);
    },
  };
}

const proxy = pausingProxy(inject('dynamoEndpoint'));
let local: Awaited<ReturnType<typeof startLocal>>;
beforeAll(async () => {
  await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
  local = await startLocal({ endpoint: `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}` });
  setToday('2020-06-10');
  const body = { id: 'outage', name: { kk: 'К', ru: 'К', en: 'C' }, seats: 1, chairpersonSub: 'outage-chair', createdOn: '2020-01-01' };
  expect((await local.call('POST', '/v1/councils', { as: admin, body })).status).toBe(201);
});
afterAll(async () => {
  setToday(undefined);
  await proxy.release();
  await local.close();
  proxy.server.close();
});

async function items(type: string) {
  const out: Record<string, any>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(new ScanCommand({ TableName: local.table, ExclusiveStartKey }));
    out.push(...(page.Items ?? []).filter((i) => i.type === type));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return out;
}

const apply = (name: string, key: string) =>
  local.call('POST', '/v1/councils/outage/candidates', { as: admin, body: { name, appliedOn: '2020-06-10', facts: clean }, headers: { 'idempotency-key': key } });

describe('when the store stops answering', () => {
  it('answers 503 with Retry-After, in three languages, well inside a function’s 10 s', async () => {
    proxy.hold(/./);
    const started = Date.now();
    const reply = await apply('Paused', randomUUID());
    expect(reply.status).toBe(503);
    expect(reply.headers.get('retry-after')).toBe('2');
    expect(reply.json.error.code).toBe('store-unavailable');
    expect(Object.keys(reply.json.error.message).sort()).toEqual(['en', 'kk', 'ru']);
    expect(Date.now() - started).toBeLessThan(10_000);
    await proxy.release();
  });

  it('never does twice what the store carried out late: the retry says it was done, with one candidate', async () => {
    const key = randomUUID();
    proxy.hold(/TransactWriteItems/);
    expect((await apply('Late', key)).status).toBe(503);
    await proxy.release(); // the held transaction is carried out now
    await expect.poll(async () => (await items('candidate')).filter((c) => c.name === 'Late').length, { timeout: 10_000 }).toBe(1);
    // Its attempt still holds the key for a while; then the retry learns the act was done.
    const soon = await apply('Late', key);
    expect(soon.json.error.code).toBe('request-in-progress');
    expect(soon.headers.get('retry-after')).toBe('2');
    await new Promise((resolve) => setTimeout(resolve, 16_000));
    const retry = await apply('Late', key);
    expect(retry.status).toBe(409);
    expect(retry.json.error.code).toBe('request-already-done');
    expect((await apply('Late', key)).json.error.code).toBe('request-already-done');
    expect((await items('candidate')).filter((c) => c.name === 'Late')).toHaveLength(1);
  }, 60_000);

  it('recognises a ballot the store carried out late when the voter retries it with the same receipt', async () => {
    const C = '/v1/councils/outage';
    const candidate = await local.call('POST', `${C}/candidates`, { as: admin, body: { name: 'A', appliedOn: '2020-01-10', facts: clean } });
    const commission = await local.call('POST', `${C}/commissions`, { as: { sub: 'outage-chair' }, body: { voters: ['ov-1'], formedOn: '2020-01-15' } });
    const election = await local.call('POST', `${C}/elections`, { as: { sub: 'outage-chair' }, body: { commissionId: commission.json.id, date: '2020-02-01', seats: 1, candidateIds: [candidate.json.id] } });
    const E = `${C}/elections/${election.json.id}`;
    const ballot = { choices: [candidate.json.id], receipt: receiptCode() };
    proxy.hold(/TransactWriteItems/);
    expect((await local.call('POST', `${E}/ballots`, { as: { sub: 'ov-1' }, body: ballot })).status).toBe(503);
    await proxy.release();
    const retry = await local.call('POST', `${E}/ballots`, { as: { sub: 'ov-1' }, body: ballot });
    expect(retry.status).toBe(201);
    expect(retry.json.receipt).toBe(ballot.receipt);
    const closed = await local.call('POST', `${E}/close`, { as: { sub: 'outage-chair' } });
    expect(closed.json.election.result.ballotsCast).toBe(1);
  });
});
