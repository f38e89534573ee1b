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

/** The `{name}` placeholders of a message. */
export function placeholders(text: Record<string, string>): string[] {
  return Object.values(text).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
}

export type Leaf = Record<string, unknown>;
type Add = (where: string, message: string) => void;
const LEAF_KEYS = new Set(['name', 'fact', 'operator', 'value', 'params', 'path', 'priority']);

/**
 * Visits every leaf condition (`where` is its path, e.g. `.conditions.all.1`); reports a
 * malformed group or a leaf that does not cite its point.
 */
export function walk(node: unknown, where: string, add: Add, onLeaf: (leaf: Leaf, where: string) => void = () => {}): void {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return add(where, 'must be a condition: all, any, not, or fact/operator/value');
  const record = node as Record<string, unknown>;
  if ('condition' in record) return add(where, 'condition references are not used here: write the condition out, citing its point');
  const group = (['all', 'any', 'not'] as const).filter((k) => k in record);
  if (group.length > 1) return add(where, 'give one of all, any, not');
  const [kind] = group;
  if (!kind) {
    if (!citedPoints(record.name)) add(`${where}.name`, 'every condition cites its point first in its name, like "p22: members present × 2 > members total × 1"');
    for (const key of Object.keys(record)) if (!LEAF_KEYS.has(key)) add(where, `unknown key ${key}`);
    if (!('fact' in record) || !('operator' in record) || !('value' in record)) add(where, 'a condition has a fact, an operator and a value');
    return onLeaf(record, where);
  }
  if (record.name !== undefined && !citedPoints(record.name)) add(`${where}.name`, 'a named group cites its point first, like "p25: …"');
  if (kind === 'not') return walk(record.not, `${where}.not`, add, onLeaf);
  const list = record[kind];
  if (!Array.isArray(list) || !list.length) return add(`${where}.${kind}`, 'must be a non-empty list of conditions');
  list.forEach((child, i) => walk(child, `${where}.${kind}.${i}`, add, onLeaf));
}
