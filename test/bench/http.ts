import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { evaluate } from '../../functions/rules/evaluate.ts';
import type { Law } from '../../functions/rules/law.ts';
import { documentClient } from '../../functions/store/client.ts';
import { setToday } from '../../functions/clock.ts';
import { createLocalServer } from '../../infra/local/server.ts';
import { localTokens } from '../../infra/local/tokens.ts';

type Call = (method: string, path: string, options?: { body?: unknown; as?: { sub: string; roles?: string[] } }) => Promise<{ status: number; json: any; text: string }>;

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** `count` requests, `concurrency` at a time; the seconds they took. */
async function load(count: number, concurrency: number, request: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await request(next++);
  }));
  return (performance.now() - start) / 1000;
}

/** The local server (as `npm start` serves it), with a caller that mints dev tokens. */
export async function localApi(): Promise<{ base: string; call: Call; close: () => void }> {
  const tokens = localTokens();
  const server = createLocalServer(tokens);
  const base = await listen(server);
  const call: Call = async (method, path, options = {}) => {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.as) headers.authorization = `Bearer ${await tokens.mint(options.as.sub, (options.as.roles ?? []) as never)}`;
    const response = await fetch(`${base}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await response.text();
    let json: unknown;
    try { json = JSON.parse(text); } catch { json = undefined; }
    return { status: response.status, json, text };
  };
  return { base, call, close: () => server.close() };
}

/**
 * POST /v1/rules/evaluate through the local server beside a bare node:http server that parses
 * the body and calls the same evaluate() on the same law; the same requests, interleaved
 * rounds, throughput at 8 concurrent clients. Ours over bare: lower is better.
 */
export async function measureEvaluateRoute(api: { base: string }, law: Law, body: unknown, count: number) {
  const bare = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const answer = await evaluate(law, JSON.parse(raw));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
  const bareBase = await listen(bare);
  const post = (base: string) => async () => {
    const r = await fetch(`${base}/v1/rules/evaluate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (r.status !== 200) throw new Error(`evaluate answered ${r.status}: ${await r.text()}`);
    await r.arrayBuffer();
  };
  let ours = 0;
  let reference = 0;
  for (let round = 0; round < 3; round++) {
    reference += await load(count, 8, post(bareBase));
    ours += await load(count, 8, post(api.base));
  }
  bare.close();
  return { ours_rps: Math.round((3 * count) / ours), bare_rps: Math.round((3 * count) / reference), ratio: ours / reference };
}

/** Counts the DynamoDB calls the handlers make (a middleware on the one document client). */
export function countDynamoCalls(): { reset: () => void; count: () => number } {
  let calls = 0;
  documentClient().middlewareStack.add((next) => async (args) => {
    calls++;
    return next(args);
  }, { step: 'initialize', name: 'kenesBenchCount' });
  return { reset: () => void (calls = 0), count: () => calls };
}

const admin = { sub: 'office-admin', roles: ['admin'] };
const clean = { citizenOfKazakhstan: true, unexpungedCriminalRecord: false, suspectOrAccused: false, legalCapacity: 'full', psychiatricOrNarcologicalRegistration: false, releasedFromLiabilityOnNonRehabilitatingGrounds: false, dismissedOnNegativeGrounds: false, expelledFromBar: false, advocateLicenceRevoked: false };

async function ok(reply: Promise<{ status: number; text: string }>, what: string) {
  const r = await reply;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 500)}`);
  return r as { status: number; json: any; text: string };
}

/**
 * A council of `seats` members seated and a meeting with `motions` motions convened on
 * 2020-06-10 (as test/scenarios/council.ts does, without vitest): the votes to measure.
 */
export async function meetingWithMotions(call: Call, id: string, seats: number, motions: number) {
  setToday('2020-06-10');
  const C = `/v1/councils/${id}`;
  const chair = { sub: `${id}-chair` };
  const name = { kk: 'Үйлестіру кеңесі', ru: 'Координационный совет', en: 'Coordination Council' };
  await ok(call('POST', '/v1/councils', { as: admin, body: { id, name, seats, chairpersonSub: chair.sub, chairpersonName: 'Төраға', createdOn: '2020-01-01' } }), 'council');
  const candidateIds: string[] = [];
  for (let i = 1; i <= seats; i++) candidateIds.push((await ok(call('POST', `${C}/candidates`, { as: admin, body: { name: `Мүше ${i}`, sub: `${id}-m${i}`, appliedOn: '2020-01-10', facts: clean } }), 'candidate')).json.id);
  const commission = await ok(call('POST', `${C}/commissions`, { as: chair, body: { voters: [`${id}-voter`], formedOn: '2020-01-15' } }), 'commission');
  const election = await ok(call('POST', `${C}/elections`, { as: chair, body: { commissionId: commission.json.id, date: '2020-02-01', seats, candidateIds } }), 'election');
  const receipt = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
  await ok(call('POST', `${C}/elections/${election.json.id}/ballots`, { as: { sub: `${id}-voter` }, body: { choices: candidateIds, receipt } }), 'ballot');
  const closed = await ok(call('POST', `${C}/elections/${election.json.id}/close`, { as: chair }), 'close election');
  const memberIds = candidateIds.map((c) => closed.json.members.find((m: { candidateId: string }) => m.candidateId === c).id as string);
  await ok(call('PUT', `${C}/secretary`, { as: chair, body: { memberId: memberIds[0], on: '2020-02-02' } }), 'secretary');
  const title = { kk: 'Шешім', ru: 'Решение' };
  const convened = await ok(call('POST', `${C}/meetings`, { as: chair, body: { kind: 'regular', date: '2020-06-10', agenda: [{ title }] } }), 'meeting');
  const M = `${C}/meetings/${convened.json.id}`;
  for (const who of ['chairperson', ...memberIds]) await ok(call('PUT', `${M}/attendance/${who}`, { as: chair, body: { present: true } }), 'attendance');
  const motionIds: string[] = [];
  for (let i = 0; i < motions; i++) motionIds.push((await ok(call('POST', `${M}/motions`, { as: chair, body: { itemId: convened.json.agenda[0].id, kind: 'ordinary', category: 'recommendation', title } }), 'motion')).json.id);
  const voters: [string, { sub: string }][] = [['chairperson', chair], ...memberIds.map((m, i): [string, { sub: string }] => [m, { sub: `${id}-m${i + 1}` }])];
  return { C, M, chair, memberIds, motionIds, voters, meetingId: convened.json.id as string };
}

/**
 * One vote (PUT …/votes/{voterId}) through the local server, sequentially, beside a bare
 * node:http handler doing one PutItem; and the DynamoDB calls of one vote.
 */
export async function measureVote(call: Call, counter: ReturnType<typeof countDynamoCalls>, endpoint: string, table: string) {
  const { M, motionIds, voters } = await meetingWithMotions(call, `bench-${Date.now().toString(36)}`, 3, 30);
  // The bare reference: one PutItem per request, its own client (as a minimal Lambda would).
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  let n = 0;
  const bare = createServer(async (req, res) => {
    for await (const _ of req);
    await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'BENCH' }, sk: { S: `PUT#${n++}` }, choice: { S: 'for' } } }));
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  const bareBase = await listen(bare);
  // Ours includes minting and checking a dev token (jose HS256, well under 1 ms): the authorizer's part.
  const votes = motionIds.flatMap((motion) => voters.map(([voterId, as]) => ({ path: `${M}/motions/${motion}/votes/${voterId}`, as })));
  counter.reset();
  await ok(call('PUT', votes[0]!.path, { as: votes[0]!.as, body: { choice: 'for' } }), 'vote');
  const calls = counter.count();
  let ours = 0;
  let reference = 0;
  const half = Math.floor((votes.length - 1) / 2);
  for (const slice of [votes.slice(1, 1 + half), votes.slice(1 + half)]) {
    reference += await load(slice.length, 1, () => fetch(bareBase, { method: 'PUT', body: '{"choice":"for"}' }).then((r) => r.arrayBuffer()));
    ours += await load(slice.length, 1, (i) => ok(call('PUT', slice[i]!.path, { as: slice[i]!.as, body: { choice: 'for' } }), 'vote'));
  }
  bare.close();
  return { dynamo_calls: calls, ours_ms: (ours * 1000) / (votes.length - 1), bare_ms: (reference * 1000) / (votes.length - 1), ratio: ours / reference, meeting: M, motions: motionIds, chair: voters[0]![1], secretary: voters[1]![1] };
}

/**
 * A download of signed minutes as PDF beside the same minutes as JSON, sequentially, as the
 * Chairperson: the meeting of measureVote, its motions closed, the meeting ended and the minutes
 * signed by the Chairperson and the Secretary (the seal files the PDF). Ours (PDF) over the JSON.
 */
export async function measureMinutes(call: Call, vote: { meeting: string; motions: string[]; chair: { sub: string }; secretary: { sub: string } }, count: number) {
  const { meeting, chair } = vote;
  for (const motion of vote.motions) await ok(call('POST', `${meeting}/motions/${motion}/close`, { as: chair }), 'close motion');
  await ok(call('POST', `${meeting}/close`, { as: chair, body: { endTime: '12:00' } }), 'end meeting');
  const { contentHash } = (await ok(call('GET', `${meeting}/minutes`, { as: chair }), 'minutes')).json;
  await ok(call('POST', `${meeting}/minutes/signatures`, { as: chair, body: { contentHash } }), 'sign');
  const sealed = await ok(call('POST', `${meeting}/minutes/signatures`, { as: vote.secretary, body: { contentHash } }), 'seal');
  if (!sealed.json.sealed) throw new Error('the minutes did not seal');
  const get = (path: string) => () => ok(call('GET', path, { as: chair }), path);
  await get(`${meeting}/minutes`)();
  await get(`${meeting}/minutes.pdf?lang=kk`)();
  let json = 0;
  let pdf = 0;
  for (let round = 0; round < 2; round++) {
    json += await load(count, 1, get(`${meeting}/minutes`));
    pdf += await load(count, 1, get(`${meeting}/minutes.pdf?lang=kk`));
  }
  return { json_ms: (json * 500) / count, pdf_ms: (pdf * 500) / count, ratio: pdf / json };
}
