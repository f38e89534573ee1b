import type { z } from 'zod';
import { InvalidInputError, type FieldProblem } from '../errors.ts';
import type { Text } from '../text.ts';
import { ID_MESSAGE, ID_PATTERN } from '../ids.ts';

/**
 * Parses `input` with a zod schema; on failure throws one InvalidInputError naming every
 * field and reason in kk, ru and en. Refinements speak for themselves by passing
 * `params: { code, message: Text }`.
 *
 * @example
 * const body = parse(EvaluateRequest, event.body, 'body');
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidInputError(result.error.issues.flatMap((issue) => problems(issue, prefix)));
}

/** An unknown key is named as its own field; every other issue is one problem. */
function problems(issue: z.core.$ZodIssue, prefix?: string): FieldProblem[] {
  if (issue.code !== 'unrecognized_keys') return [problem(issue, prefix)];
  return issue.keys.map((key) => problem({ ...issue, path: [...issue.path, key] }, prefix));
}

/** What a value should be, in words (the schema's type names are English codes). */
const KINDS: Record<string, Text> = {
  string: { kk: 'мәтін', ru: 'текст', en: 'a text' },
  number: { kk: 'сан', ru: 'число', en: 'a number' },
  int: { kk: 'бүтін сан', ru: 'целое число', en: 'a whole number' },
  boolean: { kk: 'иә немесе жоқ', ru: 'да или нет', en: 'true or false' },
  object: { kk: 'өрістері бар нысан', ru: 'объект с полями', en: 'an object' },
  array: { kk: 'тізім', ru: 'список', en: 'a list' },
};

function problem(issue: z.core.$ZodIssue, prefix?: string): FieldProblem {
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
  const own = (issue as { params?: { code?: string; message?: Text } }).params;
  if (own?.message && own.code) return { field: path, code: own.code, message: own.message };
  const isIdIssue = issue.code === 'invalid_format' && (issue as { pattern?: string }).pattern === String(ID_PATTERN);
  return { field: path, code: isIdIssue ? 'invalid-id' : issue.code, message: describe(issue) };
}

function describe(issue: z.core.$ZodIssue): Text {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return { kk: 'міндетті өріс толтырылмаған', ru: 'обязательное поле не заполнено', en: 'is required' };
      const kind = KINDS[issue.expected] ?? { kk: 'басқа түрі', ru: 'другой тип', en: issue.expected };
      return { kk: `түрі дұрыс емес: ${kind.kk} күтілген`, ru: `неверный тип: ожидается ${kind.ru}`, en: `has the wrong type: expected ${kind.en}` };
    }
    case 'too_small':
      return {
        kk: `тым кіші: ең азы ${String(issue.minimum)}`,
        ru: `слишком мало: не менее ${String(issue.minimum)}`,
        en: `is too small: at least ${String(issue.minimum)}`,
      };
    case 'too_big':
      return {
        kk: `тым үлкен: ең көбі ${String(issue.maximum)}`,
        ru: `слишком много: не более ${String(issue.maximum)}`,
        en: `is too big: at most ${String(issue.maximum)}`,
      };
    case 'invalid_value': {
      const allowed = issue.values.map(String).join(', ');
      return { kk: `рұқсат етілген мәндер: ${allowed}`, ru: `допустимые значения: ${allowed}`, en: `must be one of: ${allowed}` };
    }
    case 'invalid_format':
      if (issue.format === 'regex' && (issue as { pattern?: string }).pattern === String(ID_PATTERN)) return ID_MESSAGE;
      return issue.format === 'date'
        ? { kk: 'күн ЖЖЖЖ-АА-КК пішімінде болуы керек', ru: 'дата должна быть в формате ГГГГ-ММ-ДД', en: 'must be a date YYYY-MM-DD' }
        : { kk: 'пішімі дұрыс емес', ru: 'неверный формат', en: `has an invalid format (${issue.format})` };
    case 'unrecognized_keys':
      // One problem per unknown key (see `problems`): the field names it, the message says what.
      return { kk: 'бұл өріс белгісіз', ru: 'это поле неизвестно', en: 'is not a known field' };
    case 'not_multiple_of':
      return { kk: 'бүтін сан болуы керек', ru: 'должно быть целым числом', en: 'must be a whole number' };
    default:
      return { kk: 'мәні дұрыс емес', ru: 'недопустимое значение', en: 'is invalid' };
  }
}
