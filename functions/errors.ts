import type { Text } from './text.ts';

/** One problem with one input field, in the three languages. */
export type FieldProblem = { field: string; code: string; message: Text };

/** A legal reason, citing the point of the Regulation that decides it. */
export type Reason = { point: string; code: string; message: Text; numbers?: Record<string, unknown> };

/** `existing`: the record a 409 conflicts with (the first lot, the standing candidacy). */
type Details = { field?: string; details?: FieldProblem[]; reasons?: Reason[]; existing?: { kind: string; id: string } };

/**
 * The one error hierarchy of kenes. Domain code throws these; the HTTP layer turns any of
 * them into `{ error: { code, message: { kk, ru, en }, field?, details?, reasons? } }` with
 * `statusCode`. Anything else is a bug and becomes a 500 whose message is never exposed.
 *
 * @example
 * throw new NotFoundError('council-not-found', { kk: 'Кеңес табылмады', ru: 'Совет не найден', en: 'Council not found' });
 */
export class KenesError extends Error {
  readonly statusCode: number = 500;
  readonly field?: string;
  readonly details?: FieldProblem[];
  readonly reasons?: Reason[];
  readonly existing?: { kind: string; id: string };
  /** Seconds to wait before a retry: sent as `Retry-After`. */
  readonly retryAfter?: number;
  constructor(
    readonly code: string,
    readonly text: Text,
    details: Details = {},
    options?: ErrorOptions,
  ) {
    super(`${code}: ${text.en}`, options);
    this.name = 'KenesError';
    Object.assign(this, details);
  }
}

/** 400: the request is malformed; `details` names every field and reason. */
export class InvalidInputError extends KenesError {
  override readonly statusCode = 400;
  constructor(details: FieldProblem[], options?: ErrorOptions) {
    super(
      'invalid-input',
      {
        // kk and ru in words only: each problem's field is named in `details`, beside its message.
        kk: 'Сұрау дұрыс толтырылмаған: ' + details.map((d) => d.message.kk).join('; '),
        ru: 'Запрос заполнен неверно: ' + details.map((d) => d.message.ru).join('; '),
        en: 'The request is invalid: ' + details.map((d) => `${d.field} — ${d.message.en}`).join('; '),
      },
      { field: details[0]?.field, details },
      options,
    );
    this.name = 'InvalidInputError';
  }
}

/** 401: no valid token. */
export class UnauthorizedError extends KenesError {
  override readonly statusCode = 401;
  constructor(options?: ErrorOptions) {
    super(
      'unauthorized',
      {
        kk: 'Жарамды кіру белгісі (токен) қажет',
        ru: 'Требуется действительный токен доступа',
        en: 'A valid access token is required',
      },
      {},
      options,
    );
    this.name = 'UnauthorizedError';
  }
}

/** 403: the caller's roles do not allow the action. */
export class ForbiddenError extends KenesError {
  override readonly statusCode = 403;
  constructor(code = 'forbidden', text?: Text, options?: ErrorOptions) {
    super(
      code,
      text ?? {
        kk: 'Бұл әрекетке рұқсатыңыз жоқ',
        ru: 'У вас нет права на это действие',
        en: 'You are not allowed to do this',
      },
      {},
      options,
    );
    this.name = 'ForbiddenError';
  }
}

/** 404: the record does not exist. */
export class NotFoundError extends KenesError {
  override readonly statusCode = 404;
  constructor(code: string, text: Text, options?: ErrorOptions) {
    super(code, text, {}, options);
    this.name = 'NotFoundError';
  }
}

/** 409: the record's state forbids the action now (a second ballot, a signed minutes). */
export class ConflictError extends KenesError {
  override readonly statusCode = 409;
  constructor(code: string, text: Text, details: Details = {}, options?: ErrorOptions) {
    super(code, text, details, options);
    this.name = 'ConflictError';
  }
}

/** 413: the body is larger than the limit. */
export class PayloadTooLargeError extends KenesError {
  override readonly statusCode = 413;
  constructor(limit: number) {
    super('payload-too-large', {
      kk: `Сұрау денесі тым үлкен (ең көбі ${limit / 1024} КиБ)`,
      ru: `Тело запроса слишком велико (не более ${limit / 1024} КиБ)`,
      en: `The request body is too large (at most ${limit} bytes)`,
    });
    this.name = 'PayloadTooLargeError';
  }
}

/** 422: the law gives no answer or refuses: every reason cites its point. */
export class LegalRefusalError extends KenesError {
  override readonly statusCode = 422;
  constructor(code: string, text: Text, reasons: Reason[], options?: ErrorOptions) {
    super(code, text, { reasons }, options);
    this.name = 'LegalRefusalError';
  }
}

/** 415: the body is not JSON. */
export class UnsupportedMediaTypeError extends KenesError {
  override readonly statusCode = 415;
  constructor() {
    super(
      'unsupported-media-type',
      {
        kk: 'Сұрау денесі application/json болуы керек',
        ru: 'Тело запроса должно быть application/json',
        en: 'The request body must be application/json',
      },
      { field: 'body' },
    );
    this.name = 'UnsupportedMediaTypeError';
  }
}

/** 503: the table cannot be reached now (a timeout, throttling, a conflict that would not clear): retry later. */
export class StoreUnavailableError extends KenesError {
  override readonly statusCode = 503;
  override readonly retryAfter = 2;
  constructor(options?: ErrorOptions) {
    super(
      'store-unavailable',
      {
        kk: 'Деректер қоймасы қазір жауап бермей тұр: бірнеше секундтан кейін қайталаңыз. Сұрау орындалмады немесе қайталағанда екінші рет орындалмайды',
        ru: 'Хранилище данных сейчас не отвечает: повторите через несколько секунд. Запрос не выполнен или при повторе не будет выполнен дважды',
        en: 'The data store is not answering now: retry in a few seconds. The request was not carried out, or a retry will not carry it out twice',
      },
      {},
      options,
    );
    this.name = 'StoreUnavailableError';
  }
}

/** 422: an `Idempotency-Key` already used for a different request (another body or route). */
export class IdempotencyKeyReusedError extends KenesError {
  override readonly statusCode = 422;
  constructor() {
    super(
      'idempotency-key-reused',
      {
        kk: 'Бұл қайталау кілті басқа сұрауға қолданылған: жаңа сұрауға жаңа кілт жіберіңіз',
        ru: 'Этот ключ повтора уже использован для другого запроса: для нового запроса нужен новый ключ',
        en: 'This Idempotency-Key was used for a different request: send a new key with a new request',
      },
      { field: 'header.idempotency-key' },
    );
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** 409: the same request (same `Idempotency-Key`) is being carried out right now: retry shortly for its answer. */
export class RequestInProgressError extends KenesError {
  override readonly statusCode = 409;
  override readonly retryAfter = 2;
  constructor() {
    super(
      'request-in-progress',
      {
        kk: 'Дәл осы сұрау қазір орындалып жатыр: бірнеше секундтан кейін қайталаңыз, оның жауабын аласыз',
        ru: 'Этот же запрос сейчас выполняется: повторите через несколько секунд и получите его ответ',
        en: 'This very request is being carried out now: retry in a few seconds to get its answer',
      },
      { field: 'header.idempotency-key' },
    );
    this.name = 'RequestInProgressError';
  }
}

/**
 * 409: an earlier attempt of this very request (same `Idempotency-Key`) was carried out, but its
 * answer was lost (the store answered too late). Nothing is done twice; the result can be read.
 */
export class RequestAlreadyDoneError extends KenesError {
  override readonly statusCode = 409;
  constructor() {
    super('request-already-done', {
      kk: 'Бұл сұрау бұрын орындалған, бірақ оның жауабы жоғалған (қойма кеш жауап берді): екінші рет орындалмайды, нәтижесін тізімнен қараңыз',
      ru: 'Этот запрос уже был выполнен, но его ответ потерян (хранилище ответило поздно): второй раз он не выполняется, посмотрите результат в списке',
      en: 'This request was already carried out but its answer was lost (the store answered late): it is not done twice; look up its result',
    });
    this.name = 'RequestAlreadyDoneError';
  }
}
