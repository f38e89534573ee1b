import { InvalidInputError, LegalRefusalError, type FieldProblem, type Reason } from '../errors.ts';
import { parse } from '../http/validate.ts';
import { format, type Text } from '../text.ts';
import { assumedDateReason, datesOf, restsOnAssumedDate, type DatesBasis } from './dates.ts';
import { ParameterValue, sameValue, type ParameterValue as Value, type QuestionEntryDoc } from './document.ts';
import { pointWords } from './point-words.ts';
import { engineFor, type Compiled, type Reading, type ScaledParams } from './engine.ts';
import type { Fired } from './fast.ts';
import { FACTS, type Question } from './facts.ts';
import { versionInForce, type Law, type LawVersion } from './law.ts';
import { EvaluateRequest } from './schemas.ts';

export type Evaluation = {
  question: Question;
  at: string;
  outcome: string;
  reasons: Reason[];
  /** The version that decided: its id, its act in English, and the act's title in kk, ru, en. */
  version: { id: string; act: string; title: Text };
  readings: Reading[];
  /** Whether the version's entry into force, which this answer rests on, comes from an assumed publication date; in words too. */
  dates: DatesBasis;
};

/**
 * `parameters`: override open-question readings (or other parameters) for this evaluation only.
 * `reference`: run json-rules-engine itself, not the compiled path (the tests and the benchmark
 * compare the two).
 */
export type EvaluateOptions = { parameters?: Record<string, unknown>; reference?: boolean };

type Facts = Record<string, unknown>;

/**
 * Answers a question on a date from the law in force on it: validates the request and the
 * facts (400), refuses when no version is in force or a point the question depends on has an
 * unknown wording (422), runs the question's cached Engine, and resolves the outcome by the
 * precedence the question's data lists.
 *
 * @example
 * await evaluate(law, { question: 'quorum', at: '2020-01-01', facts: { membersTotal: 10, membersPresent: 6 } });
 * // { outcome: 'quorate', reasons: [{ point: 'p22', … }], version: { id: 'order-15-2019', … }, … }
 */
export async function evaluate(
  law: Law,
  request: { question: string; at: string; facts: unknown },
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  const { question, at, facts: given } = parse(EvaluateRequest, request);
  const facts: Facts = parse(FACTS[question], given, 'facts');
  const found = versionInForce(law, at);
  if (!found.inForce) throw found.refusal;
  const { version } = found;
  const definition = version.state.questions[question]!;
  refuseUnknownWording(law, version, definition, at);
  if ('unknown' in definition) throw new Error(`${question}: rules unknown in ${version.id} though its points are known`);
  const overrides = checkOverrides(version, options.parameters ?? {});
  const compiled = engineFor(law, version.id, version.state, question, overrides);
  const fired = (!options.reference && compiled.fast(facts)) || (await referenceRun(compiled, facts));
  const decided = definition.outcomes
    .map((outcome) => ({ outcome, rules: fired.filter((f) => f.rule.event.type === outcome) }))
    .find((o) => o.rules.length);
  const reasons = decided
    ? decided.rules.map((f) => reasonOf(f, facts))
    : definition.otherwise.reasons.map((r) => ({ point: r.point, code: r.code, message: format(r.message, facts), numbers: { ...facts } }));
  return {
    question,
    at,
    outcome: decided?.outcome ?? definition.otherwise.outcome,
    reasons,
    version: { id: version.id, act: version.act, title: version.title },
    readings: compiled.readings,
    dates: datesOfVersion(version),
  };
}

/** A version's dates basis, the same on every answer: made once, frozen (it is shared). */
const datesByVersion = new WeakMap<LawVersion, DatesBasis>();
function datesOfVersion(version: LawVersion): DatesBasis {
  let found = datesByVersion.get(version);
  if (!found) {
    const made = datesOf(version);
    datesByVersion.set(version, (found = Object.freeze({ ...made, message: Object.freeze(made.message) })));
  }
  return found;
}

/**
 * json-rules-engine's run, as the fired rules (in the rules' order) with the conditions that
 * ran: the engine marks each evaluated condition with its `result`.
 */
async function referenceRun(compiled: Compiled, facts: Facts): Promise<Fired[]> {
  const { results } = await compiled.engine.run(facts).catch((error: unknown) => {
    // A fact the rules need only in some cases (under some reading) and the request left out.
    if ((error as { code?: string })?.code === 'UNDEFINED_FACT') throw missingFact(error as Error);
    throw error;
  });
  const order = new Map(compiled.rules.map((rule, i) => [rule.name, i]));
  return [...results]
    .sort((a, b) => order.get(a.name)! - order.get(b.name)!)
    .map((result) => {
      const ran = new Map<object, object>();
      mirror(compiled.rules[order.get(result.name)!]!.conditions, result.conditions, ran);
      return { rule: compiled.rules[order.get(result.name)!]!, ran: new Set(ran.keys()) };
    });
}

/** The document's conditions whose copy in the engine's result carries a `result`: those that ran. */
function mirror(doc: unknown, result: unknown, ran: Map<object, object>): void {
  const d = doc as Record<string, unknown>;
  const r = result as Record<string, unknown>;
  for (const group of ['all', 'any'] as const) if (Array.isArray(d[group])) (d[group] as unknown[]).forEach((c, i) => mirror(c, (r[group] as unknown[])[i], ran));
  if (d.not) mirror(d.not, r.not, ran);
  if (typeof d.fact === 'string' && r.result !== undefined) ran.set(d, r);
}

/** The fact the engine found missing, as a 400 naming it (json-rules-engine: "Undefined fact: name"). */
function missingFact(error: Error): InvalidInputError {
  const name = /Undefined fact: (\w+)/.exec(error.message)?.[1] ?? 'facts';
  return new InvalidInputError([
    {
      field: `facts.${name}`,
      code: 'fact-needed',
      message: {
        kk: 'осы күні қолданыстағы заң мен оның түсіндірмесі бойынша жауап беру үшін бұл факт қажет',
        ru: 'этот факт нужен для ответа по закону и толкованию, действующим на эту дату',
        en: 'is needed for the answer under the law and the readings in force on that date',
      },
    },
  ]);
}

/** The point that sets a version's entry into force: the act's own (order.p2) for an adoption that gives it, else the order itself. */
function entryPoint(law: Law, version: LawVersion): string {
  return version.kind === 'adoption' && version.state.points[law.act.entryIntoForcePoint] ? law.act.entryIntoForcePoint : version.id;
}

/** Refuses (422) when a point the question depends on is unknown, deleted or not yet in the law on `at`. */
function refuseUnknownWording(law: Law, version: LawVersion, definition: QuestionEntryDoc, at: string): void {
  const reasons = definition.dependsOn.flatMap((point): Reason[] => {
    const wording = version.state.points[point];
    if (wording && !wording.unknown && !wording.deleted) return [];
    const since = law.versions.find((v) => v.id === wording?.since) ?? version;
    const code = !wording ? 'point-not-in-force' : wording.unknown ? 'wording-unknown' : 'point-deleted';
    const numbers = { at, point, version: since.id, act: since.act, versionInForce: version.id, datesAssumed: restsOnAssumedDate(version) };
    const of = pointWords(point);
    const message: Record<string, Text> = {
      'wording-unknown': {
        kk: `${at} күні қолданыста болған ${of.kk} мәтіні (${since.title.kk}) бізде бар мәтінде жоқ; ол ойдан шығарылмайды, сондықтан бұл күнге жауап беру мүмкін емес.`,
        ru: `Текст ${of.ru}, действовавший на ${at} (${since.title.ru}), отсутствует в тексте, которым мы располагаем; он не выдумывается, поэтому ответить на эту дату нельзя.`,
        en: `The wording of ${point} in force on ${at} (${since.act}, version ${since.id}) is not in the text kenes holds; kenes does not invent it, so it cannot answer for that date.`,
      },
      'point-deleted': {
        kk: `${of.kkDeleted} (${since.title.kk}); ${at} күні ол қолданылмайды.`,
        ru: `${of.ruDeleted} (${since.title.ru}); на ${at} он не применяется.`,
        en: `${point} was deleted by ${since.act} (version ${since.id}); on ${at} it does not apply.`,
      },
      'point-not-in-force': {
        kk: `${at} күні ережеде ${of.kk} мәтіні әлі жоқ еді.`,
        ru: `На ${at} текста ${of.ru} в Положении ещё не было.`,
        en: `On ${at} the Regulation had no ${point} yet.`,
      },
    };
    return [{ point, code, message: message[code]!, numbers }];
  });
  if (!reasons.length) return;
  const points = reasons.map((r) => r.point).join(', ');
  const named = (language: 'kkName' | 'ruName') => reasons.map((r) => pointWords(r.point)[language]).join(', ');
  // The refusal rests on the version in force on that date, whose first day may be assumed.
  if (restsOnAssumedDate(version)) reasons.push(assumedDateReason(version, entryPoint(law, version)));
  throw new LegalRefusalError(reasons[0]!.code, {
    kk: `${at} күні қолданыста болған ереже бұл сұрақ тәуелді тармақтың мәтінін бермейді (${named('kkName')})`,
    ru: `Положение, действовавшее на ${at}, не даёт текста пункта, от которого зависит ответ (${named('ruName')})`,
    en: `The law in force on ${at} does not give the wording this question depends on (${points})`,
  }, reasons);
}


/** Overrides must name parameters in force and give one of their options (or a value of the same kind). */
function checkOverrides(version: LawVersion, overrides: Record<string, unknown>): Record<string, Value> {
  const problems: FieldProblem[] = [];
  const checked: Record<string, Value> = {};
  for (const [name, value] of Object.entries(overrides)) {
    const entry = version.state.parameters[name];
    const field = `parameters.${name}`;
    const allowed = entry?.options?.map((o) => o.value);
    const isOption = allowed?.some((o) => sameValue(o, value));
    const parsed = ParameterValue.safeParse(value);
    if (!entry)
      problems.push({ field, code: 'unknown-parameter', message: { kk: 'осы күні қолданыстағы параметр емес', ru: 'не является параметром, действующим на эту дату', en: 'is not a parameter in force on that date' } });
    else if (allowed ? !isOption : !parsed.success || typeof parsed.data !== typeof entry.value) {
      const list = allowed?.map((o) => JSON.stringify(o)).join(', ') ?? JSON.stringify(entry.value);
      problems.push({ field, code: 'invalid-parameter', message: { kk: `рұқсат етілген мәндер: ${list}`, ru: `допустимые значения: ${list}`, en: `must be one of: ${list}` } });
    } else checked[name] = value as Value;
  }
  if (problems.length) throw new InvalidInputError(problems);
  return checked;
}

/** A fired rule as a reason: its point, code and message, with the numbers its evaluated conditions used. */
function reasonOf({ rule, ran }: Fired, facts: Facts): Reason {
  const numbers: Record<string, unknown> = {};
  collect(rule.conditions, ran, facts, numbers);
  const { params } = rule.event;
  // The message may name any fact of the question (a select on a fact no condition needed to read).
  return { point: params.point, code: params.code, message: format(params.message, { ...facts, ...numbers }), numbers };
}

function collect(node: unknown, ran: ReadonlySet<object>, facts: Facts, numbers: Record<string, unknown>): void {
  const condition = node as Record<string, unknown>;
  for (const group of ['all', 'any'] as const) if (Array.isArray(condition[group])) condition[group].forEach((c) => collect(c, ran, facts, numbers));
  if (condition.not) collect(condition.not, ran, facts, numbers);
  if (typeof condition.fact !== 'string' || !ran.has(condition)) return; // not evaluated: it decided nothing
  record(condition.fact, condition.params, facts, numbers);
  const value = condition.value as { fact?: unknown; params?: unknown } | null;
  if (typeof value === 'object' && value !== null && typeof value.fact === 'string') record(value.fact, value.params, facts, numbers);
}

function record(fact: string, params: unknown, facts: Facts, numbers: Record<string, unknown>): void {
  if (fact === 'reading') return; // readings are reported on their own
  if (fact !== 'scaled') {
    numbers[fact] = facts[fact];
    return;
  }
  const { names, less, by, as, label } = scaledOf(params as ScaledParams);
  let sum = 0;
  for (const name of names) sum += (numbers[name] = facts[name]) as number;
  for (const name of less) sum -= (numbers[name] = facts[name]) as number;
  numbers[label] = sum * by;
  if (as) numbers[as] = sum;
}

/** A `scaled` fact's parts and the label its product has in the reason's numbers ("votesFor × 2"), once per rule document. */
const scaled = new WeakMap<ScaledParams, { names: string[]; less: string[]; by: number; as?: string; label: string }>();
function scaledOf(params: ScaledParams) {
  let found = scaled.get(params);
  if (!found) {
    const { fact, less = [], by, as } = params;
    const names = [fact].flat();
    scaled.set(params, (found = { names, less, by, as, label: `${[names.join(' + '), ...less].join(' − ')} × ${by}` }));
  }
  return found;
}
