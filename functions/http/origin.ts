import { timingSafeEqual } from 'node:crypto';
import { ForbiddenError } from '../errors.ts';

/** The header CloudFront adds to every request it sends the API (infra/constructs/kenes-web.ts). */
export const ORIGIN_HEADER = 'x-kenes-origin';
/** Where a function finds the value it must carry (set on AWS only when the API has no domain of its own). */
export const ORIGIN_SECRET_ENV = 'KENES_ORIGIN_SECRET';

/**
 * Refuses a request that did not come through CloudFront. Without a domain of its own the API's
 * execute-api endpoint must stay enabled (it is CloudFront's origin), so a caller could go around
 * CloudFront and its web ACL; only CloudFront knows this header's value. Off where the variable
 * is not set (npm start, tests, a stack whose execute-api endpoint is disabled).
 *
 * @example
 * checkOrigin({ 'x-kenes-origin': '…' }); // throws ForbiddenError unless it matches
 */
export function checkOrigin(headers: Record<string, string | undefined> | undefined): void {
  const expected = process.env[ORIGIN_SECRET_ENV];
  if (!expected) return;
  const given = Buffer.from(headers?.[ORIGIN_HEADER] ?? '');
  const wanted = Buffer.from(expected);
  if (given.length === wanted.length && timingSafeEqual(given, wanted)) return;
  throw new ForbiddenError('not-through-cloudfront', {
    kk: 'Сұрау сайттың мекенжайы арқылы жіберілуі керек',
    ru: 'Запрос должен идти через адрес сайта',
    en: "Requests must go through the site's address",
  });
}
