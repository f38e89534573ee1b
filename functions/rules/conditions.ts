import type { Text } from '../text.ts';

/**
 * Walking json-rules-engine conditions, and reading the point a name cites. Every rule and
 * every condition cites its point first in its `name` ("p22: …"): json-rules-engine keeps only
 * `name` when it serialises a condition (STACK.md), so that is where the citation survives.
 */
const POINT = String.raw`(?:p\d+(?:\.\d+)?|preamble|order\.p\d+)`;
const CITATION = new RegExp(String.raw`^(${POINT}(?:, ${POINT})*): \S`);

/** The points a name cites (`"p25, p22: …"`), or undefined when it cites none. */
export function citedPoints(name: unknown): string[] | undefined {
  const match = typeof name === 'string' ? CITATION.exec(name) : null;
  return match ? match[1]!.split(', ') : undefined;
}

export type Leaf = Record<string, unknown>;
type Add = (where: string, message: Text) => void;
const LEAF_KEYS = new Set(['name', 'fact', 'operator', 'value', 'params', 'path', 'priority']);

/** What walk reports, in the three languages: an administrator reads these in a 400. */
export const CONDITION_PROBLEMS = {
  notACondition: {
    kk: 'шарт болуы керек: all, any, not немесе fact/operator/value',
    ru: 'должно быть условием: all, any, not или fact/operator/value',
    en: 'must be a condition: all, any, not, or fact/operator/value',
  },
  reference: {
    kk: 'шартқа сілтеме (condition) қолданылмайды: шартты толық жазып, оның тармағын келтіріңіз',
    ru: 'ссылки на условия (condition) здесь не используются: напишите условие полностью, сославшись на его пункт',
    en: 'condition references are not used here: write the condition out, citing its point',
  },
  oneGroup: { kk: 'all, any, not ішінен біреуін беріңіз', ru: 'укажите одно из all, any, not', en: 'give one of all, any, not' },
  leafCites: {
    kk: 'әр шарт атауын өз тармағынан бастайды, мысалы "p22: members present × 2 > members total × 1"',
    ru: 'каждое условие начинает своё имя с пункта, например "p22: members present × 2 > members total × 1"',
    en: 'every condition cites its point first in its name, like "p22: members present × 2 > members total × 1"',
  },
  leafParts: {
    kk: 'шартта fact, operator және value болады',
    ru: 'у условия есть fact, operator и value',
    en: 'a condition has a fact, an operator and a value',
  },
  groupCites: {
    kk: 'атауы бар топ өз тармағынан басталады, мысалы "p25: …"',
    ru: 'именованная группа начинается с пункта, например "p25: …"',
    en: 'a named group cites its point first, like "p25: …"',
  },
  nonEmpty: {
    kk: 'шарттардың бос емес тізімі болуы керек',
    ru: 'должно быть непустым списком условий',
    en: 'must be a non-empty list of conditions',
  },
} as const satisfies Record<string, Text>;

const unknownKey = (key: string): Text => ({ kk: `белгісіз кілт ${key}`, ru: `неизвестный ключ ${key}`, en: `unknown key ${key}` });

/**
 * Visits every leaf condition (`where` is its path, e.g. `.conditions.all.1`); reports a
 * malformed group or a leaf that does not cite its point.
 */
export function walk(node: unknown, where: string, add: Add, onLeaf: (leaf: Leaf, where: string) => void = () => {}): void {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return add(where, CONDITION_PROBLEMS.notACondition);
  const record = node as Record<string, unknown>;
  if ('condition' in record) return add(where, CONDITION_PROBLEMS.reference);
  const group = (['all', 'any', 'not'] as const).filter((k) => k in record);
  if (group.length > 1) return add(where, CONDITION_PROBLEMS.oneGroup);
  const [kind] = group;
  if (!kind) {
    if (!citedPoints(record.name)) add(`${where}.name`, CONDITION_PROBLEMS.leafCites);
    for (const key of Object.keys(record)) if (!LEAF_KEYS.has(key)) add(where, unknownKey(key));
    if (!('fact' in record) || !('operator' in record) || !('value' in record)) add(where, CONDITION_PROBLEMS.leafParts);
    return onLeaf(record, where);
  }
  if (record.name !== undefined && !citedPoints(record.name)) add(`${where}.name`, CONDITION_PROBLEMS.groupCites);
  if (kind === 'not') return walk(record.not, `${where}.not`, add, onLeaf);
  const list = record[kind];
  if (!Array.isArray(list) || !list.length) return add(`${where}.${kind}`, CONDITION_PROBLEMS.nonEmpty);
  list.forEach((child, i) => walk(child, `${where}.${kind}.${i}`, add, onLeaf));
}
