import { createHash } from 'node:crypto';
import { IdempotencyKeyReusedError, InvalidInputError, KenesError, RequestAlreadyDoneError, RequestInProgressError } from '../errors.ts';
import { ID_MESSAGE, isId, withIdSeed } from '../ids.ts';
import { takesIdempotencyKey, type Route } from '../api/routes.ts';
import { idempotencyStore } from '../store/idempotency.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** Longer than a function may run (10 s): a lapsed lease means the attempt is over. */
const LEASE_MS = 15_000;

type Answer = { status: number; json: unknown; file?: { contentType: string; body: string | Buffer } };

/**
 * Runs a create request at most once per `Idempotency-Key` (the IETF draft's header): the key
 * is scoped to the route, its path and the caller. A retry gets the first answer, replayed; the
 * same key with another body is a 422; while the first attempt runs, a 409 with `Retry-After`.
 * Inside, every id the request creates is derived from the key (functions/ids.ts), so even an
 * attempt whose answer was lost (a timeout after the write landed) cannot write twice: its
 * retry names the same records and their conditional writes refuse a second copy.
 *
 * @example
 * const answer = await idempotent(route, request, rawBody, () => logic(request));
 */
export async function idempotent(
  route: Route,
  input: { key: string | undefined; params: Record<string, string>; sub: string | undefined; body: string | undefined },
  run: () => Promise<Answer>,
): Promise<Answer & { replayed?: boolean }> {
  if (input.key === undefined || !takesIdempotencyKey(route)) return run();
  if (!isId(input.key)) throw new InvalidInputError([{ field: `header.${IDEMPOTENCY_HEADER}`, code: 'invalid-id', message: ID_MESSAGE }]);
  const scope = sha256([route.id, JSON.stringify(input.params), input.sub ?? '', input.key].join('\u0000'));
  const fingerprint = sha256(input.body ?? '');
  const seen = await idempotencyStore.get(scope);
  if (seen && seen.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
  if (seen?.status === 'done' && seen.answer) return { ...seen.answer, replayed: true };
  const attempt = await idempotencyStore.begin(scope, fingerprint, Date.now(), LEASE_MS);
  if (!attempt.taken) {
    const now = await idempotencyStore.get(scope);
    if (now?.status === 'done' && now.answer && now.fingerprint === fingerprint) return { ...now.answer, replayed: true };
    throw new RequestInProgressError();
  }
  if (attempt.effected) {
    // An earlier attempt carried the act out and lost its answer (a timeout after the write): say so, never redo it.
    const answer = { status: 409, json: { error: alreadyDone() } };
    await idempotencyStore.finish(scope, answer);
    return answer;
  }
  try {
    const answer = await withIdSeed(scope, run);
    await idempotencyStore.finish(scope, { status: answer.status, json: answer.json });
    return answer;
  } catch (error) {
    // A refusal wrote nothing: free the key. Anything else keeps it until its lease lapses.
    if (error instanceof KenesError && error.statusCode < 500) await idempotencyStore.release(scope);
    throw error;
  }
}

function alreadyDone() {
  const error = new RequestAlreadyDoneError();
  return { code: error.code, message: error.text };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
