import type { RuleResult } from 'json-rules-engine';
import { InvalidInputError, LegalRefusalError, type FieldProblem, type Reason } from '../errors.ts';
import { parse } from '../http/validate.ts';
import { fill, type Text } from '../text.ts';
import { ParameterValue, type ParameterValue as Value, type QuestionEntryDoc } from './document.ts';
import { engineFor, type Reading, type ScaledParams } from './engine.ts';
import { FACTS, type Question } from './facts.ts';
import { versionInForce, type Law, type LawVersion } from './law.ts';
import { EvaluateRequest } from './schemas.ts';

export type Evaluation = {
  question: Question;
  at: string;
  outcome: string;
  reasons: Reason[];
  version: { id: string; act: string };
  readings: Reading[];
};

/** `parameters`: override open-question readings (or other parameters) for this evaluation only. */
export type EvaluateOptions = { parameters?: Record<string, unknown> };

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
  const { results } = await compiled.engine.run(facts);
  const order = new Map(compiled.rules.map((rule, i) => [rule.name, i]));
  const fired = [...results].sort((a, b) => order.get(a.name)! - order.get(b.name)!);
  const decided = definition.outcomes
    .map((outcome) => ({ outcome, rules: fired.filter((r) => r.event?.type === outcome) }))
    .find((o) => o.rules.length);
  const reasons = decided
    ? decided.rules.map((rule) => reasonOf(rule, facts))
    : definition.otherwise.reasons.map((r) => ({ point: r.point, code: r.code, message: fill(r.message, facts), numbers: { ...facts } }));
  return {
    question,
    at,
    outcome: decided?.outcome ?? definition.otherwise.outcome,
    reasons,
    version: { id: version.id, act: version.act },
    readings: compiled.readings,
  };
}

/** Refuses (422) when a point the question depends on is unknown, deleted or not yet in the law on `at`. */
function refuseUnknownWording(law: Law, version: LawVersion, definition: QuestionEntryDoc, at: string): void {
  const reasons = definition.dependsOn.flatMap((point): Reason[] => {
    const wording = version.state.points[point];
    if (wording && !wording.unknown && !wording.deleted) return [];
    const since = law.versions.find((v) => v.id === wording?.since) ?? version;
    const code = !wording ? 'point-not-in-force' : wording.unknown ? 'wording-unknown' : 'point-deleted';
    const numbers = { at, point, version: since.id, act: since.act, versionInForce: version.id };
    const of = pointOf(point);
    const message: Record<string, Text> = {
      'wording-unknown': {
        kk: `${at} күні қолданыста болған ${of.kk} мәтіні (${since.title.kk}) kenes-тегі мәтінде жоқ; kenes оны ойдан шығармайды, сондықтан бұл күнге жауап бере алмайды.`,
        ru: `Текст ${of.ru}, действовавший на ${at} (${since.title.ru}), отсутствует в тексте, которым располагает kenes; kenes его не выдумывает и потому не может ответить на эту дату.`,
        en: `The wording of ${point} in force on ${at} (${since.act}, version ${since.id}) is not in the text kenes holds; kenes does not invent it, so it cannot answer for that date.`,
      },
      'point-deleted': {
        kk: `${of.kk} күші алып тасталған (${since.title.kk}); ${at} күні ол қолданылмайды.`,
        ru: `Действие ${of.ru} исключено (${since.title.ru}); на ${at} он не применяется.`,
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
  throw new LegalRefusalError(reasons[0]!.code, {
    kk: `${at} күні қолданыста болған ереже бұл сұрақ тәуелді тармақтың мәтінін бермейді (${points})`,
    ru: `Положение, действовавшее на ${at}, не даёт текста пункта, от которого зависит ответ (${points})`,
    en: `The law in force on ${at} does not give the wording this question depends on (${points})`,
  }, reasons);
}

/**
 * A point as a Kazakh or Russian reader cites it, in the genitive ("25-тармақтың", "п. 25"):
 * `p4.2` is subpoint 2) of point 4; the sub-ids of p5 are kenes's own, so they cite point 5.
 */
function pointOf(point: string): { kk: string; ru: string } {
  if (point === 'preamble') return { kk: 'кіріспенің', ru: 'преамбулы' };
  const order = /^order\.p(\d+)$/.exec(point);
  if (order) return { kk: `өкімнің ${order[1]}-тармағының`, ru: `п. ${order[1]} распоряжения` };
  const [, main, sub] = /^p(\d+)(?:\.(\d+))?$/.exec(point) ?? [];
  if (!sub || main === '5') return { kk: `${main}-тармақтың`, ru: `п. ${main}` };
  return { kk: `${main}-тармақтың ${sub}) тармақшасының`, ru: `подп. ${sub}) п. ${main}` };
}

/** Overrides must name parameters in force and give one of their options (or a value of the same kind). */
function checkOverrides(version: LawVersion, overrides: Record<string, unknown>): Record<string, Value> {
  const problems: FieldProblem[] = [];
  const checked: Record<string, Value> = {};
  for (const [name, value] of Object.entries(overrides)) {
    const entry = version.state.parameters[name];
    const field = `parameters.${name}`;
    const allowed = entry?.options?.map((o) => o.value);
    const parsed = ParameterValue.safeParse(value);
    if (!entry)
      problems.push({ field, code: 'unknown-parameter', message: { kk: 'осы күні қолданыстағы параметр емес', ru: 'не является параметром, действующим на эту дату', en: 'is not a parameter in force on that date' } });
    else if (allowed ? !allowed.includes(value as string | boolean) : !parsed.success || typeof parsed.data !== typeof entry.value) {
      const list = allowed?.join(', ') ?? JSON.stringify(entry.value);
      problems.push({ field, code: 'invalid-parameter', message: { kk: `рұқсат етілген мәндер: ${list}`, ru: `допустимые значения: ${list}`, en: `must be one of: ${list}` } });
    } else checked[name] = value as Value;
  }
  if (problems.length) throw new InvalidInputError(problems);
  return checked;
}

/** A fired rule as a reason: its point, code and message, with the numbers its evaluated conditions used. */
function reasonOf(rule: RuleResult, facts: Facts): Reason {
  const numbers: Record<string, unknown> = {};
  collect(rule.conditions, facts, numbers);
  const params = rule.event!.params as { point: string; code: string; message: Text };
  return { point: params.point, code: params.code, message: fill(params.message, numbers), numbers };
}

function collect(node: unknown, facts: Facts, numbers: Record<string, unknown>): void {
  const condition = node as Record<string, unknown>;
  for (const group of ['all', 'any'] as const) if (Array.isArray(condition[group])) condition[group].forEach((c) => collect(c, facts, numbers));
  if (condition.not) collect(condition.not, facts, numbers);
  if (typeof condition.fact !== 'string' || condition.result === undefined) return; // not evaluated: it decided nothing
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
  const { fact: named, by, as } = params as ScaledParams;
  const names = [named].flat();
  let sum = 0;
  for (const name of names) sum += (numbers[name] = facts[name]) as number;
  numbers[`${names.join(' + ')} × ${by}`] = sum * by;
  if (as) numbers[as] = sum;
}
