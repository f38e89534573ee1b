/** A text in the three languages kenes speaks: Kazakh (wins, p30), Russian (p30), English. */
export type Text = { kk: string; ru: string; en: string };

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Fills `{name}` placeholders in every language of a text.
 *
 * @example
 * fill({ kk: '{n} мүше', ru: '{n} членов', en: '{n} members' }, { n: 6 }).en; // '6 members'
 */
export function fill(text: Text, values: Record<string, unknown>): Text {
  const one = (s: string) => s.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  return { kk: one(text.kk), ru: one(text.ru), en: one(text.en) };
}
