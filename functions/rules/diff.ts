import { NotFoundError } from '../errors.ts';
import type { State } from './consolidate.ts';
import type { RuleDoc } from './document.ts';
import type { Law } from './law.ts';

type Entry<T> = T | null;
/** One rule (matched by name) or one other part of a question that differs. */
export type QuestionChange = { part: 'rule' | 'otherwise' | 'outcomes' | 'dependsOn' | 'readings' | 'title' | 'known'; name?: string; a: unknown; b: unknown };

export type LawDiff = {
  a: string;
  b: string;
  points: { point: string; a: Entry<unknown>; b: Entry<unknown> }[];
  parameters: { parameter: string; a: Entry<unknown>; b: Entry<unknown> }[];
  questions: { question: string; changes: QuestionChange[] }[];
};

/** A value without the consolidation's bookkeeping (`since`), keys sorted: equal data compares equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([k]) => k !== 'since').sort(([x], [y]) => x.localeCompare(y)))
      : v,
  );
}
const strip = <T extends object>(entry: T | undefined): Entry<Omit<T, 'since'>> => {
  if (!entry) return null;
  const { since: _since, ...rest } = entry as T & { since?: string };
  return rest;
};

function stateOf(law: Law, id: string): State {
  const version = law.versions.find((v) => v.id === id);
  if (!version)
    throw new NotFoundError('version-not-found', {
      kk: `${id} редакциясы қолданыстағы заңда жоқ`,
      ru: `Редакции ${id} нет в действующем законе`,
      en: `Version ${id} is not a version of the law (withdrawn or never recorded)`,
    });
  return version.state;
}

function differing<T extends object>(a: Record<string, T>, b: Record<string, T>): [string, Entry<Omit<T, 'since'>>, Entry<Omit<T, 'since'>>][] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .sort()
    .filter((key) => canonical(a[key] ?? null) !== canonical(b[key] ?? null))
    .map((key) => [key, strip(a[key]), strip(b[key])]);
}

/**
 * What differs between the law as it stands under version `a` and under version `b`: point
 * wordings, parameters, and the questions' rules and messages (rules matched by name).
 *
 * @example
 * diffVersions(law, 'order-18-2013', 'order-5-2019').points.map((p) => p.point); // ['p12', 'p13', 'p14.14', 'p15.8', 'p18.7', 'p25']
 */
export function diffVersions(law: Law, a: string, b: string): LawDiff {
  const [sa, sb] = [stateOf(law, a), stateOf(law, b)];
  return {
    a,
    b,
    points: differing(sa.points, sb.points).map(([point, x, y]) => ({ point, a: x, b: y })),
    parameters: differing(sa.parameters, sb.parameters).map(([parameter, x, y]) => ({ parameter, a: x, b: y })),
    questions: differing(sa.questions, sb.questions).map(([question, x, y]) => ({ question, changes: questionChanges(x, y) })),
  };
}

type QuestionLike = Record<string, unknown> & { rules?: RuleDoc[] };

function questionChanges(a: object | null, b: object | null): QuestionChange[] {
  const [x, y] = [(a ?? {}) as QuestionLike, (b ?? {}) as QuestionLike];
  const changes: QuestionChange[] = [];
  if ('unknown' in x !== 'unknown' in y || !a || !b) changes.push({ part: 'known', a: a ? !('unknown' in x) : null, b: b ? !('unknown' in y) : null });
  for (const part of ['title', 'dependsOn', 'readings', 'outcomes', 'otherwise'] as const)
    if (canonical(x[part] ?? null) !== canonical(y[part] ?? null)) changes.push({ part, a: x[part] ?? null, b: y[part] ?? null });
  const rules = (q: QuestionLike) => Object.fromEntries((q.rules ?? []).map((r) => [r.name, r]));
  for (const [name, ra, rb] of differing(rules(x), rules(y))) changes.push({ part: 'rule', name, a: ra, b: rb });
  return changes;
}
