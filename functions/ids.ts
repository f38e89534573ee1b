import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';

/**
 * The one shape of every id kenes accepts from a request (path, body, query) and of every part
 * of a table key: letters, digits, `-` and `_`, 1 to 64 characters. UUIDs, readable council ids
 * (`npm-council`), version ids (`order-18-2013`) and Cognito `sub`s all fit; a key separator
 * (`#`), a slash, a space or a 3 KB string never does, so no id can address another item.
 *
 * @example
 * isId('order-18-2013'); // true
 * isId('e1#TALLY');      // false
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** Why an id was refused, in the three languages (no parameter names: a person reads it). */
export const ID_MESSAGE = {
  kk: 'сәйкестендіргіш дұрыс емес: тек латын әріптері, цифрлар, «-» және «_», ең көбі 64 таңба',
  ru: 'неверный идентификатор: только латинские буквы, цифры, «-» и «_», не более 64 знаков',
  en: 'is not a valid id: only Latin letters, digits, "-" and "_", at most 64 characters',
} as const;

/**
 * An id derived from its parts (UUID-shaped, from SHA-256): the same parts always give the same
 * id. Used where a retry must write the very same records (a close in several transactions, a
 * request retried with its `Idempotency-Key`), so that it can never write them twice.
 *
 * @example
 * derivedId('election-1', 'member', 'candidate-7') === derivedId('election-1', 'member', 'candidate-7'); // true
 */
export function derivedId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const seeded = new AsyncLocalStorage<{ seed: string; n: number }>();

/**
 * A new id for a record kenes creates: random, or, inside `withIdSeed` (a request carrying an
 * `Idempotency-Key`), the n-th id derived from the seed, so that a retry of the same request
 * names the same records and its conditional writes find them instead of writing twice.
 */
export function newId(): string {
  const scope = seeded.getStore();
  return scope ? derivedId(scope.seed, String(scope.n++)) : randomUUID();
}

export function withIdSeed<T>(seed: string, run: () => Promise<T>): Promise<T> {
  return seeded.run({ seed, n: 0 }, run);
}

/** The seed of the request being carried out under an `Idempotency-Key`, if any. */
export function idSeed(): string | undefined {
  return seeded.getStore()?.seed;
}
