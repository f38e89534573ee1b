import { Engine, type Almanac, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { Text } from '../text.ts';
import type { State } from './consolidate.ts';
import { sameValue, type ParameterValue, type RuleDoc } from './document.ts';
import { compileFast, type Fired } from './fast.ts';
import { parameterOf, referencesIn, resolveParam, substitute, type ParameterSet } from './params.ts';

/** An open question's value as an answer used it, with the explanation of that reading. */
export type Reading = { parameter: string; value: unknown; point: string; explanation: Text; overridden?: true };

/**
 * What one (version, question, parameter overrides) compiles to: built once, then reused. The
 * engine is the reference; `fast` answers the same as plain functions, or `undefined` when the
 * engine must (functions/rules/fast.ts).
 */
export type Compiled = { engine: Engine; fast: (facts: Record<string, unknown>) => Fired[] | undefined; rules: RuleDoc[]; readings: Reading[] };

/**
 * The comparisons a share needs, in the law's words. Integers only: a float here is a bug
 * (shares are compared by cross-multiplying, `count × denominator` against `base × numerator`).
 */
const COMPARISONS: Record<string, (a: number, b: number) => boolean> = {
  'more-than': (a, b) => a > b,
  'at-least': (a, b) => a >= b,
};
export const OPERATORS = [
  ...Object.keys(COMPARISONS),
  'equal',
  'notEqual',
  'in',
  'notIn',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
];

/** Facts the engine computes: a count (or a sum of counts, less others) times an integer, and an open question's reading. */
export const COMPUTED_FACTS = ['scaled', 'reading'];

/** `(Σ fact − Σ less) × by`, labelled `as` in the reason's numbers: e.g. (ballots cast − blank ballots) × 1. */
export type ScaledParams = { fact: string | string[]; less?: string[]; by: number; as?: string };

/**
 * Builds a json-rules-engine Engine from rule documents whose parameters are already
 * substituted, with the `scaled` and `reading` facts and the integer comparisons.
 */
export function buildEngine(rules: RuleDoc[], readings: Record<string, unknown>): Engine {
  const engine = new Engine(rules.map(properties), { allowUndefinedFacts: false, allowUndefinedConditions: false });
  for (const [name, compare] of Object.entries(COMPARISONS)) engine.addOperator(name, integers(name, compare));
  engine.addFact('scaled', async function scaled(params: Record<string, unknown>, almanac: Almanac) {
    const { fact, less = [], by } = params as ScaledParams;
    let sum = 0;
    for (const name of [fact].flat()) sum += await almanac.factValue<number>(name);
    for (const name of less) sum -= await almanac.factValue<number>(name);
    const product = sum * by;
    if (!Number.isSafeInteger(product)) throw new Error(`scaled: ${String(fact)} × ${by} is not an exact integer`);
    return product;
  });
  engine.addFact('reading', function reading(params: Record<string, unknown>) {
    const name = String(params.parameter);
    if (!(name in readings)) throw new Error(`reading: ${name} is not a parameter in force`);
    return readings[name];
  });
  return engine;
}

function properties(rule: RuleDoc): RuleProperties {
  return { name: rule.name, priority: rule.priority, conditions: rule.conditions as unknown as TopLevelCondition, event: rule.event };
}

function integers(name: string, compare: (a: number, b: number) => boolean) {
  return (a: unknown, b: unknown) => {
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) throw new Error(`${name} compares integers only, not ${String(a)} and ${String(b)}`);
    return compare(a as number, b as number);
  };
}

/**
 * Compiles a question under a consolidated state: substitutes the parameters in force (or the
 * overrides), collects the readings the answer reports, builds the Engine. Pure; throws a plain
 * Error if the data does not fit (check.ts rejects such data before any request).
 */
export function compile(state: State, question: string, overrides: Record<string, unknown> = {}): Compiled {
  const definition = state.questions[question];
  if (!definition || 'unknown' in definition) throw new Error(`${question} has no known rules in this version`);
  const parameters: ParameterSet = Object.fromEntries(
    Object.entries(state.parameters).map(([name, entry]) => [name, name in overrides ? { ...entry, value: overrides[name] as ParameterValue } : entry]),
  );
  const rules = substitute(definition.rules, (ref) => resolveParam(ref, parameters));
  const used = [...definition.readings, ...[...referencesIn(definition.rules)].map((ref) => parameterOf(ref, parameters) ?? ref)];
  const readings = [...new Set(used)]
    .filter((name) => state.parameters[name]?.open)
    .map((name): Reading => {
      const entry = state.parameters[name]!;
      const value = parameters[name]!.value;
      const option = entry.options?.find((o) => sameValue(o.value, value));
      if (!option) throw new Error(`${name}: ${String(value)} is not one of its options`);
      return { parameter: name, value, point: entry.point, explanation: option.explanation, ...(name in overrides ? { overridden: true as const } : {}) };
    });
  const values = Object.fromEntries(Object.entries(parameters).map(([n, p]) => [n, p.value]));
  return { engine: buildEngine(rules, values), fast: compileFast(rules, values), rules, readings };
}

/** One cache per law: a Map keyed by version id, question and overrides (STACK.md: build once, reuse). */
const engines = new WeakMap<object, Map<string, Compiled>>();

/**
 * The compiled question for a version, built on first use and reused after.
 *
 * @example
 * engineFor(law, 'order-5-2019', state, 'quorum') === engineFor(law, 'order-5-2019', state, 'quorum'); // true
 */
export function engineFor(law: object, versionId: string, state: State, question: string, overrides: Record<string, unknown> = {}): Compiled {
  let byKey = engines.get(law);
  if (!byKey) engines.set(law, (byKey = new Map()));
  const key = [versionId, question, ...Object.keys(overrides).sort().map((k) => `${k}=${JSON.stringify(overrides[k])}`)].join('\n');
  let compiled = byKey.get(key);
  if (!compiled) byKey.set(key, (compiled = compile(state, question, overrides)));
  return compiled;
}
