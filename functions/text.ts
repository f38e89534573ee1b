import { IntlMessageFormat } from 'intl-messageformat';

/** A text in the three languages kenes speaks: Kazakh (wins, p30), Russian (p30), English. */
export type Text = { kk: string; ru: string; en: string };

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The number, date and plural formatters the messages use, one per locale and options. Passed to
 * IntlMessageFormat in place of its own memoizer, which serialises its arguments on every call
 * (most of a message's cost, docs/performance.md).
 */
function cached<T>(make: (locales: string | string[], options?: object) => T): (locales: string | string[], options?: object) => T {
  const made = new Map<string, T>();
  return (locales, options) => {
    const key = options === undefined ? String(locales) : `${String(locales)}\n${JSON.stringify(options)}`;
    let found = made.get(key);
    if (!found) made.set(key, (found = make(locales, options)));
    return found;
  };
}
const formatters = {
  getNumberFormat: cached((l, o) => new Intl.NumberFormat(l, o)),
  getDateTimeFormat: cached((l, o) => new Intl.DateTimeFormat(l, o)),
  getPluralRules: cached((l, o) => new Intl.PluralRules(l, o)),
};

/** Compiled messages, by language and source: the law's messages are few and reused on every answer. */
const compiled = new Map<string, IntlMessageFormat>();
/** The same, by the text object itself: the law's texts are the same objects on every answer. */
const byText = new WeakMap<Text, Partial<Record<Language, IntlMessageFormat>>>();
const CACHE_LIMIT = 10_000;

function message(text: Text, language: Language): IntlMessageFormat {
  let mine = byText.get(text);
  if (!mine) byText.set(text, (mine = {}));
  const found = mine[language];
  if (found) return found;
  const source = text[language];
  const key = `${language}\n${source}`;
  let made = compiled.get(key);
  if (!made) {
    // ignoreTag: a "<" in a legal text is a character, not markup.
    made = new IntlMessageFormat(source, language, undefined, { ignoreTag: true, formatters: formatters as never });
    if (compiled.size >= CACHE_LIMIT) compiled.clear();
    compiled.set(key, made);
  }
  return (mine[language] = made);
}

/**
 * Renders an ICU MessageFormat text in each of its languages, so that counts agree in number
 * ("{n, plural, one {# голос} few {# голоса} many {# голосов} other {# голоса}}") and words are
 * chosen by value ("{vote, select, for {«жақ»} other {…}}"). The one way kenes fills a message
 * with numbers. A value the message names but `values` lacks is an error (a bug in the data,
 * caught by functions/rules/check.ts before any answer).
 *
 * @example
 * format({ kk: '{n} мүше', ru: '{n, plural, one {# член} few {# члена} other {# членов}}', en: '{n, plural, one {# member} other {# members}}' }, { n: 2 }).ru; // '2 члена'
 */
export function format(text: Text, values: Record<string, unknown>): Text {
  const args = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v])) as Record<string, string | number>;
  const one = (language: Language) => String(message(text, language).format(args));
  return { kk: one('kk'), ru: one('ru'), en: one('en') };
}

/** The ICU AST's element kinds that name a value (argument, number, date, time, select, plural). */
const NAMED = new Set([1, 2, 3, 4, 5, 6]);

type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }> };

/**
 * The names of the values a text's messages use, or the syntax error of one of them (kk, ru or en).
 *
 * @example
 * argumentsOf({ kk: '{a}', ru: '{a, plural, one {# x} other {# y}}', en: '{b}' }); // { names: ['a', 'b'] }
 */
export function argumentsOf(text: Record<string, string>): { names: string[] } | { error: { language: string; message: string } } {
  const names = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      if (NAMED.has(element.type) && typeof element.value === 'string') names.add(element.value);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
    }
  };
  for (const [language, source] of Object.entries(text)) {
    try {
      walk(new IntlMessageFormat(source, language, undefined, { ignoreTag: true }).getAst() as Element[]);
    } catch (error) {
      return { error: { language, message: (error as Error).message } };
    }
  }
  return { names: [...names] };
}
