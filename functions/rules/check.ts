import { epochDay } from '../clock.ts';
import { KenesError } from '../errors.ts';
import { consolidate, inForceFrom, type State } from './consolidate.ts';
import type { LawDocument, ParameterEntryDoc, QuestionEntryDoc, RuleDoc } from './document.ts';
import { COMPUTED_FACTS, OPERATORS, buildEngine } from './engine.ts';
import { QUESTIONS, factNames, type Question } from './facts.ts';
import { resolveParam, substitute } from './params.ts';
import { citedPoints, placeholders, walk, type Leaf } from './conditions.ts';

/** One thing wrong with the law data, and where. */
export type Problem = { where: string; message: string };

/** Every cross-reference problem of a law document (its shape is zod's job): none means it can be built. */
export function lawProblems(doc: LawDocument): Problem[] {
  const problems = new Map<string, Problem>();
  const add = (where: string, message: string) => problems.set(`${where}\n${message}`, { where, message });
  checkVersions(doc, add);
  const states = consolidate(doc.versions);
  const first = states[0];
  if (first && !first.points[doc.act.entryIntoForcePoint]) add('act', `entryIntoForcePoint ${doc.act.entryIntoForcePoint} is not a point`);
  doc.versions.forEach((version, i) => {
    if (version.kind === 'repeal') return;
    const state = states[i]!;
    for (const [name, entry] of Object.entries(version.changes.parameters)) checkParameter(`parameter ${name} (${version.id})`, entry, state, add);
    for (const question of QUESTIONS) if (!state.questions[question]) add(`version ${version.id}`, `question ${question} has no rules in force`);
    for (const [question, definition] of Object.entries(state.questions))
      checkQuestion(question, definition, state, version.id, (where, message) => add(`question ${question} (from ${definition.since})${where}`, message));
  });
  return [...problems.values()];
}

type Add = (where: string, message: string) => void;

function checkVersions(doc: LawDocument, add: Add): void {
  const seen = new Set<string>();
  let previous: string | undefined;
  doc.versions.forEach((version, i) => {
    const where = `version ${version.id}`;
    if (seen.has(version.id)) add(where, 'the id is used twice');
    seen.add(version.id);
    if ((i === 0) !== (version.kind === 'adoption')) add(where, 'the first version, and only it, is the adoption');
    if (version.kind === 'repeal' && i !== doc.versions.length - 1) add(where, 'a repeal is the last version');
    const changes = version.changes;
    if (version.kind === 'repeal' && Object.keys({ ...changes.points, ...changes.parameters, ...changes.questions }).length)
      add(where, 'a repeal changes nothing: after it no rule of the act applies');
    if (version.publishedOn < version.adoptedOn) add(where, `publishedOn ${version.publishedOn} is before adoptedOn ${version.adoptedOn}`);
    const from = inForceFrom(doc.act, version);
    if (previous && epochDay(from) <= epochDay(previous)) add(where, `enters into force on ${from}, not after the version before it (${previous})`);
    previous = from;
  });
  if (doc.versions[0] && doc.versions[0].adoptedOn !== doc.act.adoptedOn) add('act', 'adoptedOn differs from the adopting version');
}

function checkPoint(point: string, state: State, where: string, add: Add): void {
  const wording = state.points[point];
  if (!wording) add(where, `cites ${point}, which is not a point of the law in force`);
  else if (wording.deleted) add(where, `cites ${point}, deleted by ${wording.since}`);
}

function checkParameter(where: string, entry: ParameterEntryDoc, state: State, add: Add): void {
  checkPoint(entry.point, state, where, add);
  const values = entry.options?.map((o) => o.value) ?? [];
  if (new Set(values).size !== values.length) add(where, 'two options have the same value');
  if (entry.open && !entry.options) add(where, 'an open question lists its options, each with its explanation');
  if (entry.options && !values.includes(entry.value as string | boolean)) add(where, `value ${String(entry.value)} is not one of the options (${values.join(', ')})`);
  const known = new Set(QUESTIONS.flatMap(factNames));
  for (const fact of entry.options?.flatMap((o) => [o.fact ?? []].flat()) ?? []) if (!known.has(fact)) add(where, `option fact ${fact} is not a fact of any question`);
  const value = entry.value as { numerator?: number; denominator?: number };
  if (typeof value === 'object' && value.numerator! > value.denominator!) add(where, `the share ${value.numerator}/${value.denominator} is more than the whole`);
}

function checkQuestion(question: string, definition: QuestionEntryDoc, state: State, versionId: string, add: Add): void {
  if (!(QUESTIONS as readonly string[]).includes(question)) return add('', `is not a question kenes answers (${QUESTIONS.join(', ')})`);
  const facts = new Set(factNames(question as Question));
  for (const point of definition.dependsOn) if (!state.points[point]) add('.dependsOn', `${point} is not a point of the law in force under ${versionId}`);
  for (const name of definition.readings) if (!state.parameters[name]?.open) add('.readings', `${name} is not an open-question parameter in force under ${versionId}`);
  const blocked = definition.dependsOn.filter((p) => !state.points[p] || state.points[p].unknown || state.points[p].deleted);
  if ('unknown' in definition) {
    if (!blocked.length) add('', `its rules are unknown under ${versionId}, yet every point it depends on is known: name the point whose wording is unknown in dependsOn`);
    return;
  }
  if (blocked.length) return; // never evaluated under this version: kenes refuses, naming the point
  const outcomes = new Set(definition.outcomes);
  if (outcomes.size !== definition.outcomes.length) add('.outcomes', 'an outcome is listed twice');
  if (!outcomes.has(definition.otherwise.outcome)) add('.otherwise', `outcome ${definition.otherwise.outcome} is not in outcomes`);
  definition.otherwise.reasons.forEach((reason, i) => {
    checkPoint(reason.point, state, `.otherwise.reasons.${i}`, add);
    for (const name of placeholders(reason.message)) if (!facts.has(name)) add(`.otherwise.reasons.${i}.message`, `{${name}} is not a fact of ${question}`);
  });
  const names = new Set<string>();
  for (const rule of definition.rules) {
    const where = `, rule "${rule.name}"`;
    if (names.has(rule.name)) add(where, 'two rules have this name');
    names.add(rule.name);
    checkRule(rule, { facts, state, versionId, outcomes, add: (w, m) => add(where + w, m) });
  }
}

type Context = { facts: Set<string>; state: State; versionId: string; outcomes: Set<string>; add: Add };

function checkRule(rule: RuleDoc, context: Context): void {
  const { facts, state, versionId, outcomes, add } = context;
  for (const point of citedPoints(rule.name) ?? []) checkPoint(point, state, '.name', add);
  if (!outcomes.has(rule.event.type)) add('.event.type', `${rule.event.type} is not one of the outcomes`);
  checkPoint(rule.event.params.point, state, '.event.params.point', add);
  const labels = new Set<string>();
  walk(rule.conditions, '.conditions', () => {}, (leaf, where) => checkLeaf(leaf, where, context, labels));
  for (const name of placeholders(rule.event.params.message))
    if (!facts.has(name) && !labels.has(name)) add('.event.params.message', `{${name}} is neither a fact of the question nor a label (as) of the rule`);
  let resolved: RuleDoc;
  try {
    resolved = substitute(rule, (ref) => resolveParam(ref, state.parameters));
  } catch (error) {
    return add('', `${(error as Error).message} under ${versionId}`);
  }
  walk(resolved.conditions, '.conditions', () => {}, (leaf, where) => checkResolvedLeaf(leaf, where, context));
  try {
    buildEngine([resolved], {});
  } catch (error) {
    add('', `json-rules-engine refuses it: ${(error as Error).message}`);
  }
}

function checkLeaf(leaf: Leaf, where: string, { facts, state, add }: Context, labels: Set<string>): void {
  for (const point of citedPoints(leaf.name) ?? []) {
    checkPoint(point, state, `${where}.name`, add);
    // A condition applies its point: with the wording unknown it would apply an invented one.
    if (state.points[point]?.unknown) add(`${where}.name`, `applies ${point}, whose wording is unknown in ${state.points[point].since}`);
  }
  const value = leaf.value as { fact?: unknown; params?: unknown } | undefined;
  for (const [fact, params, at] of [
    [leaf.fact, leaf.params, `${where}.fact`],
    ...(typeof value === 'object' && value !== null && 'fact' in value ? [[value.fact, value.params, `${where}.value.fact`]] : []),
  ] as [unknown, Record<string, unknown> | undefined, string][]) {
    if (typeof fact !== 'string' || (!facts.has(fact) && !COMPUTED_FACTS.includes(fact))) add(at, `${String(fact)} is not a fact of this question`);
    if (fact === 'scaled' && typeof params?.as === 'string') labels.add(params.as);
    if (fact === 'reading') {
      const name = String(params?.parameter);
      const entry = state.parameters[name];
      if (!entry?.open) add(at, `reading ${name} is not an open-question parameter`);
      else if (!entry.options?.some((o) => o.value === leaf.value)) add(`${where}.value`, `${String(leaf.value)} is not an option of ${name}`);
    }
  }
}

/** After substitution: the operator is known, and `scaled` multiplies known facts by an integer. */
function checkResolvedLeaf(leaf: Leaf, where: string, { facts, add }: Context): void {
  if (!OPERATORS.includes(leaf.operator as string)) add(`${where}.operator`, `${String(leaf.operator)} is not an operator (${OPERATORS.join(', ')})`);
  const value = leaf.value as { fact?: unknown; params?: Record<string, unknown> } | undefined;
  const scaled = [leaf.fact === 'scaled' ? leaf.params : undefined, value?.fact === 'scaled' ? value.params : undefined];
  for (const params of scaled as (Record<string, unknown> | undefined)[]) {
    if (!params) continue;
    const named = [params.fact].flat();
    if (!named.length || !named.every((f) => typeof f === 'string' && facts.has(f))) add(where, `scaled: ${String(params.fact)} is not a fact (or list of facts) of this question`);
    if (!Number.isSafeInteger(params.by) || (params.by as number) < 0) add(where, `scaled: by ${String(params.by)} is not a whole number`);
  }
}

/** The one error for law data that cannot be used, listing every problem. */
export function invalidLawData(problems: Problem[]): KenesError {
  const list = problems.map((p) => `- ${p.where}: ${p.message}`).join('\n');
  const n = problems.length;
  return new KenesError(
    'invalid-law-data',
    {
      kk: `Заң деректері жарамсыз (${n} қате):\n${list}`,
      ru: `Данные закона неверны (ошибок: ${n}):\n${list}`,
      en: `The law data is invalid (${n} problem${n === 1 ? '' : 's'}):\n${list}`,
    },
    { details: problems.map((p) => ({ field: p.where, code: 'invalid-law-data', message: { kk: p.message, ru: p.message, en: p.message } })) },
  );
}
