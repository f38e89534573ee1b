// Amounts in tenge as people write them, and tiyn (1 tenge = 100 tiyn) as the API keeps them:
// exact integers, never a float ("1 250 000,50" is 125000050 tiyn).
import { locale } from '../../i18n.js';

/** Tiyn from a written amount in tenge ("1 250 000,50", "1250000.5"), or undefined when it is not one. */
export function tiynOf(text) {
  const plain = String(text ?? '').replace(/[\s\u00a0\u202f']/g, '').replace(',', '.');
  const found = /^(\d+)(?:\.(\d{1,2}))?$/.exec(plain);
  if (!found) return undefined;
  const tiyn = Number(found[1]) * 100 + Number((found[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(tiyn) ? tiyn : undefined;
}

/** Tiyn written in tenge in the page's language, with two decimals ("1 250 000,50"). */
export function tenge(tiyn) {
  const whole = Math.trunc(tiyn / 100);
  const cents = String(Math.abs(tiyn % 100)).padStart(2, '0');
  const nf = new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale()).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return `${tiyn < 0 && whole === 0 ? '-' : ''}${nf.format(whole)}${decimal}${cents}`;
}
