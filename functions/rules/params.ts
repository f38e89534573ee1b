import { sameValue, type ParameterEntryDoc } from './document.ts';

/**
 * Parameters reach the rule documents in two ways, both resolved when an Engine is built:
 * - `{ $param: quorum.share.denominator }` anywhere in a rule is replaced by that value;
 *   `{ $param: decision.majorityBase.fact }` by the `fact` of the option in force;
 * - the fact `reading` (params `{ parameter }`) gives a condition the value of an open question.
 */
export type ParameterSet = Record<string, Pick<ParameterEntryDoc, 'value' | 'options'>>;

const PARAM = '$param';

/**
 * The value a `$param` reference names in a set of parameters, or throws saying why not.
 *
 * @example
 * resolveParam('quorum.share.numerator', { 'quorum.share': { value: { numerator: 1, denominator: 2, comparison: 'more-than' } } }); // 1
 */
export function resolveParam(ref: string, parameters: ParameterSet): unknown {
  const name = parameterOf(ref, parameters);
  if (!name) throw new Error(`{ $param: ${ref} } names no parameter in force`);
  const { value, options } = parameters[name]!;
  const rest = ref.slice(name.length + 1);
  if (!rest) return value;
  const holder = options ? options.find((o) => sameValue(o.value, value)) : value;
  const found = typeof holder === 'object' && holder !== null ? (holder as Record<string, unknown>)[rest] : undefined;
  if (found === undefined) throw new Error(`{ $param: ${ref} }: the value of ${name} in force has no "${rest}"`);
  return found;
}

/** The parameter a reference starts with (the longest name that fits). */
export function parameterOf(ref: string, parameters: Record<string, unknown>): string | undefined {
  return Object.keys(parameters)
    .filter((name) => ref === name || ref.startsWith(`${name}.`))
    .sort((a, b) => b.length - a.length)[0];
}

/** A deep copy of a rule document with every `{ $param: ref }` replaced by `resolve(ref)`. */
export function substitute<T>(node: T, resolve: (ref: string) => unknown): T {
  if (Array.isArray(node)) return node.map((n) => substitute(n, resolve)) as T;
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node);
  if (entries.length === 1 && entries[0]![0] === PARAM) return resolve(String(entries[0]![1])) as T;
  return Object.fromEntries(entries.map(([k, v]) => [k, substitute(v, resolve)])) as T;
}

/** Every parameter reference in a rule document: `$param` references and `reading` facts. */
export function referencesIn(node: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => referencesIn(n, into));
  else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    if (typeof record[PARAM] === 'string') into.add(record[PARAM]);
    if (record.fact === 'reading' && typeof (record.params as { parameter?: unknown })?.parameter === 'string')
      into.add((record.params as { parameter: string }).parameter);
    Object.values(record).forEach((v) => referencesIn(v, into));
  }
  return into;
}
