import type { RuleDoc } from './document.ts';
import type { ScaledParams } from './engine.ts';

/**
 * The rules of one compiled question as plain functions: what json-rules-engine decides, the
 * same way, without its per-run almanac, promises and deep clones (docs/performance.md: the
 * engine's own cost is most of an evaluation). json-rules-engine stays the reference: the
 * evaluator falls back to it whenever this path meets anything but a clean answer (a fact left
 * out, a value an operator refuses), so every refusal and error is the engine's own; and
 * test/unit/rules/fast.test.ts checks every case of rules/cases and generated facts both ways.
 *
 * The engine's semantics kept here (json-rules-engine 7, dist/rule.js, condition.js,
 * engine-default-operators.js): every rule is evaluated; inside an `all` or `any` the conditions
 * run in sets by priority, highest first (a condition's own, else its fact's: 1); every condition
 * of a set runs, and the next set runs only while the answer is still open. The conditions that
 * ran are the ones a reason reports the numbers of.
 */

export type Fired = { rule: RuleDoc; ran: ReadonlySet<object> };
type Facts = Record<string, unknown>;
type Node = Record<string, unknown>;

/** Thrown inside the fast path: the caller asks the engine instead. */
class AskTheEngine extends Error {}

const isNumber = (v: unknown) => Number.parseFloat(v as string).toString() !== 'NaN';
const integers = (compare: (a: number, b: number) => boolean) => (a: unknown, b: unknown) => {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) throw new AskTheEngine();
  return compare(a as number, b as number);
};
/** The operators engine.ts registers, as the engine defines them. */
const OPERATORS: Record<string, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  lessThan: (a, b) => isNumber(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumber(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumber(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumber(a) && (a as number) >= (b as number),
  'more-than': integers((a, b) => a > b),
  'at-least': integers((a, b) => a >= b),
};

/** One run's facts, and the conditions that ran for the rule being evaluated. */
type Run = { facts: Facts; ran: object[] };
type Test = (run: Run) => boolean;
type Value = (run: Run) => unknown;

/**
 * Compiles rule documents (parameters substituted) with the readings in force, once per
 * (version, question, overrides). `run(facts)` gives the rules that fired with the conditions
 * that ran, or `undefined`: ask the engine.
 */
export function compileFast(rules: RuleDoc[], readings: Record<string, unknown>): (facts: Facts) => Fired[] | undefined {
  const compiled = rules.map((rule) => ({ rule, test: compileTop(rule.conditions as Node, readings) }));
  return (facts) => {
    const fired: Fired[] = [];
    try {
      for (const { rule, test } of compiled) {
        const run: Run = { facts, ran: [] };
        if (test(run)) fired.push({ rule, ran: new Set(run.ran) });
      }
    } catch (error) {
      if (error instanceof AskTheEngine || error instanceof TypeError) return undefined;
      throw error;
    }
    return fired;
  };
}

const askTheEngine: Test = () => {
  throw new AskTheEngine();
};

function compileTop(conditions: Node, readings: Record<string, unknown>): Test {
  if (conditions.any) return compileGroup(conditions.any as Node[], 'any', readings);
  if (conditions.all) return compileGroup(conditions.all as Node[], 'all', readings);
  if (conditions.not) return compileNode(conditions, readings);
  return askTheEngine;
}

function compileNode(c: Node, readings: Record<string, unknown>): Test {
  if (Array.isArray(c.all)) return compileGroup(c.all as Node[], 'all', readings);
  if (Array.isArray(c.any)) return compileGroup(c.any as Node[], 'any', readings);
  if (c.not) {
    const inner = compileNode(c.not as Node, readings);
    return (run) => !inner(run);
  }
  const operator = typeof c.operator === 'string' ? OPERATORS[c.operator] : undefined;
  if (typeof c.fact !== 'string' || !operator || 'condition' in c || 'path' in c) return askTheEngine;
  const left = compileValue(c.fact, c.params, readings);
  const value = c.value as Node | null;
  const right: Value = value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact') ? compileValue(value.fact as string, value.params, readings) : () => value;
  return (run) => {
    const result = operator(left(run), right(run));
    run.ran.push(c);
    return result;
  };
}

/**
 * An `all` or `any`: its conditions in sets by priority, highest first; every condition of a
 * set runs; the next set runs only while the answer is still open.
 */
function compileGroup(list: Node[], operator: 'all' | 'any', readings: Record<string, unknown>): Test {
  if (list.length === 0) return () => true;
  if (list.length === 1) return compileNode(list[0]!, readings);
  const sets = bySets(list).map((set) => set.map((c) => compileNode(c, readings)));
  const isAll = operator === 'all';
  return (run) => {
    let result = isAll;
    for (const set of sets) {
      if (isAll ? !result : result) break;
      let every = true;
      let some = false;
      for (const test of set) {
        const passed = test(run) === true;
        every &&= passed;
        some ||= passed;
      }
      result = isAll ? every : some;
    }
    return result;
  };
}

function compileValue(fact: string, params: unknown, readings: Record<string, unknown>): Value {
  if (fact === 'scaled') {
    const { fact: named, less = [], by } = params as ScaledParams;
    const plus = [named].flat().map((name) => compileValue(name, undefined, readings));
    const minus = less.map((name) => compileValue(name, undefined, readings));
    return (run) => {
      let sum = 0;
      for (const value of plus) sum += value(run) as number;
      for (const value of minus) sum -= value(run) as number;
      const product = sum * by;
      if (!Number.isSafeInteger(product)) throw new AskTheEngine();
      return product;
    };
  }
  if (fact === 'reading') {
    const name = String((params as { parameter?: unknown } | undefined)?.parameter);
    if (!(name in readings)) return askTheEngine;
    const reading = readings[name];
    return () => reading;
  }
  return (run) => {
    if (!Object.hasOwn(run.facts, fact)) throw new AskTheEngine();
    return run.facts[fact];
  };
}

/** The conditions of a group in sets by priority, highest first, in their order within a set. */
function bySets(list: Node[]): Node[][] {
  const byPriority = new Map<number, Node[]>();
  for (const c of list) {
    const priority = Number.parseInt(String(c.priority), 10) || 1;
    byPriority.set(priority, [...(byPriority.get(priority) ?? []), c]);
  }
  return [...byPriority].sort(([a], [b]) => b - a).map(([, set]) => set);
}
