// Words and formats: the page's language (kk by default, ru, en), its texts from one catalogue
// (web/texts.js and web/texts/*.js), dates and numbers by Intl in kk-KZ, ru-RU, en-GB, and plurals by
// Intl.PluralRules through a small subset of ICU MessageFormat:
// `{n, plural, one {# мүше} other {# мүше}}` and `{name}`.
import { TEXTS as CORE } from './texts.js';
import { TEXTS as COMPLAINTS } from './texts/complaints.js';
import { TEXTS as PREVENTIVE } from './texts/preventive.js';
import { TEXTS as REPORTS } from './texts/reports.js';

/** One catalogue, kept in files by area (the preventive mechanism's pages apart from the core). */
const TEXTS = { ...CORE, ...COMPLAINTS, ...PREVENTIVE, ...REPORTS };

export const LANGS = ['kk', 'ru', 'en'];
const LOCALES = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
const KEY = 'kenes.lang';
let current = LANGS.includes(localStorage.getItem(KEY)) ? localStorage.getItem(KEY) : 'kk';
const listeners = new Set();

export const lang = () => current;
export const locale = () => LOCALES[current];

export function setLanguage(next) {
  if (!LANGS.includes(next) || next === current) return;
  current = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next;
  for (const listener of listeners) listener(next);
}

export function onLanguage(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The text `key` in the page's language with `{slots}` and plurals filled from `vars`. */
export function t(key, vars = {}) {
  const entry = TEXTS[key];
  if (!entry) {
    console.warn(`kenes: no text "${key}"`);
    return key;
  }
  return format(entry[LANGS.indexOf(current)], vars);
}

/** Whether the catalogue has `key` (to word an API code when known). */
export const has = (key) => key in TEXTS;

/** A `{kk, ru, en}` text from the API in the page's language (kk/ru pages never fall back to en). */
export function pick(text) {
  if (text == null) return '';
  if (typeof text !== 'object') return String(text);
  return text[current] ?? (current === 'en' ? text.ru ?? text.kk : current === 'kk' ? text.ru : text.kk) ?? '';
}

const pluralRules = {};
const numberFormats = {};
export function number(n) {
  numberFormats[current] ??= new Intl.NumberFormat(locale());
  return numberFormats[current].format(n);
}

/**
 * Kazakh months, written out: browsers' Intl data for kk-KZ is often missing (Chromium prints
 * «2020 M07 10»), so Kazakh dates are composed here, as the minutes compose them on the server.
 */
const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];

/** A calendar date (YYYY-MM-DD) in words: «2020 жылғы 2 наурыз», «2 марта 2020 г.», «2 March 2020». */
export function date(iso) {
  if (!iso) return '';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  if (current === 'kk') return `${d.getUTCFullYear()} жылғы ${d.getUTCDate()} ${KK_MONTHS[d.getUTCMonth()]}`;
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

const almaty = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A moment (ISO 8601) in Almaty time, with the date: the real time of a record. */
export function moment(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (current === 'kk') {
    const p = Object.fromEntries(almaty.formatToParts(d).map((x) => [x.type, x.value]));
    return `${date(`${p.year}-${p.month}-${p.day}`)}, ${p.hour}:${p.minute}`;
  }
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Almaty' }).format(d);
}

function format(message, vars) {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('{', i);
    if (open < 0) {
      out += message.slice(i);
      break;
    }
    out += message.slice(i, open);
    const close = matching(message, open);
    out += slot(message.slice(open + 1, close), vars);
    i = close + 1;
  }
  return out;
}

function matching(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length - 1;
}

function slot(body, vars) {
  const m = /^\s*(\w+)\s*(?:,\s*plural\s*,(.*))?$/s.exec(body);
  if (!m) return `{${body}}`;
  const value = vars[m[1]];
  if (m[2] === undefined) return value == null ? '' : typeof value === 'number' ? number(value) : String(value);
  const forms = {};
  const re = /\s*(=\d+|\w+)\s*\{/g;
  let match;
  const spec = m[2];
  while ((match = re.exec(spec))) {
    const start = match.index + match[0].length - 1;
    const end = matching(spec, start);
    forms[match[1]] = spec.slice(start + 1, end);
    re.lastIndex = end + 1;
  }
  pluralRules[current] ??= new Intl.PluralRules(locale());
  const n = Number(value);
  const chosen = forms[`=${n}`] ?? forms[pluralRules[current].select(n)] ?? forms.other ?? '';
  return format(chosen.replace(/#/g, number(n)), vars);
}
