import type { ErrorObject } from 'ajv';
import type { FieldProblem } from '../errors.ts';
import { format, type Text } from '../text.ts';
import type { JsonSchema } from './model.ts';

/**
 * Why an answer does not fit its form, per JSON Schema keyword, in words (kk and ru name no
 * keyword): `{label}` is the field's own label from `x-labels`.
 */
const MESSAGES: Record<string, Text> = {
  required: { kk: '«{label}» толтырылуы керек', ru: 'поле «{label}» обязательно', en: '«{label}» is required' },
  type: { kk: '«{label}»: {expected} болуы керек', ru: '«{label}»: должно быть {expected}', en: '«{label}» must be {expected}' },
  // The allowed values are the form's own codes: listed in English only; the page offers them by their labels.
  enum: { kk: '«{label}»: мыналардың бірі болуы керек: {values}', ru: '«{label}»: должно быть одним из значений: {values}', en: '«{label}» must be one of: {values}' },
  const: { kk: '«{label}»: мәні рұқсат етілмеген', ru: '«{label}»: значение не допускается', en: '«{label}» has a value not allowed' },
  minLength: { kk: '«{label}»: кемінде {limit} таңба', ru: '«{label}»: не менее {limit, plural, one {# знака} other {# знаков}}', en: '«{label}» must have at least {limit, plural, one {# character} other {# characters}}' },
  maxLength: { kk: '«{label}»: ең көбі {limit} таңба', ru: '«{label}»: не более {limit, plural, one {# знака} other {# знаков}}', en: '«{label}» must have at most {limit, plural, one {# character} other {# characters}}' },
  minimum: { kk: '«{label}»: кемінде {limit}', ru: '«{label}»: не меньше {limit}', en: '«{label}» must be at least {limit}' },
  maximum: { kk: '«{label}»: ең көбі {limit}', ru: '«{label}»: не больше {limit}', en: '«{label}» must be at most {limit}' },
  exclusiveMinimum: { kk: '«{label}»: {limit} санынан үлкен болуы керек', ru: '«{label}»: должно быть больше {limit}', en: '«{label}» must be greater than {limit}' },
  exclusiveMaximum: { kk: '«{label}»: {limit} санынан кіші болуы керек', ru: '«{label}»: должно быть меньше {limit}', en: '«{label}» must be less than {limit}' },
  format: { kk: '«{label}»: {expected} болуы керек', ru: '«{label}»: должно быть {expected}', en: '«{label}» must be {expected}' },
  additionalProperties: { kk: '«{label}»: нысанда мұндай өріс жоқ', ru: '«{label}»: такого поля в форме нет', en: '«{label}» is not a field of the form' },
  minItems: { kk: '«{label}»: кемінде {limit} мән таңдаңыз', ru: '«{label}»: выберите не менее {limit, plural, one {# значения} other {# значений}}', en: '«{label}» needs at least {limit, plural, one {# item} other {# items}}' },
  maxItems: { kk: '«{label}»: ең көбі {limit} мән', ru: '«{label}»: не более {limit, plural, one {# значения} other {# значений}}', en: '«{label}» allows at most {limit, plural, one {# item} other {# items}}' },
  uniqueItems: { kk: '«{label}»: мәндер қайталанбауы керек', ru: '«{label}»: значения не должны повторяться', en: '«{label}» must not repeat a value' },
  pattern: { kk: '«{label}»: үлгіге сәйкес келмейді', ru: '«{label}»: не соответствует образцу', en: '«{label}» does not match the expected pattern' },
  other: { kk: '«{label}»: нысанға сәйкес келмейді', ru: '«{label}»: не соответствует форме', en: '«{label}» does not fit the form' },
};

/** The kinds of value a form asks for, in words. */
const KINDS: Record<string, Text> = {
  string: { kk: 'мәтін', ru: 'текстом', en: 'text' },
  integer: { kk: 'бүтін сан', ru: 'целым числом', en: 'a whole number' },
  number: { kk: 'сан', ru: 'числом', en: 'a number' },
  boolean: { kk: '«иә» немесе «жоқ»', ru: '«да» или «нет»', en: 'yes or no' },
  array: { kk: 'тізім', ru: 'списком', en: 'a list' },
  object: { kk: 'өрістер жиыны', ru: 'набором полей', en: 'a group of fields' },
  null: { kk: 'бос мән', ru: 'пустым', en: 'empty' },
  date: { kk: 'ЖЖЖЖ-АА-КК түріндегі күн', ru: 'датой вида ГГГГ-ММ-ДД', en: 'a date, YYYY-MM-DD' },
  'date-time': { kk: 'күн мен уақыт', ru: 'датой и временем', en: 'a date and time' },
  email: { kk: 'электрондық пошта мекенжайы', ru: 'адресом электронной почты', en: 'an e-mail address' },
};
const kind = (name: string): Text => KINDS[name] ?? { kk: name, ru: name, en: name };

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The sub-schema at a data path (`['a', '0', 'b']`): through `properties`, and `items` for array indexes. */
export function schemaAt(schema: JsonSchema, path: string[]): JsonSchema | undefined {
  let at: JsonSchema | undefined = schema;
  for (const step of path) {
    if (!at) return undefined;
    if (/^\d+$/.test(step) && isObject(at.items)) at = at.items;
    else at = isObject(at.properties) && isObject(at.properties[step]) ? (at.properties[step] as JsonSchema) : undefined;
  }
  return at;
}

/** A field's label in the three languages (its name where the form gives none). */
function labelOf(schema: JsonSchema, path: string[]): Text {
  // An item of a list is named by its list.
  if (path.length && /^\d+$/.test(path.at(-1)!) && !isObject(schemaAt(schema, path)?.['x-labels'])) return labelOf(schema, path.slice(0, -1));
  const labels = schemaAt(schema, path)?.['x-labels'];
  const name = path.at(-1) ?? '';
  return isObject(labels) && typeof labels.kk === 'string' && typeof labels.ru === 'string' && typeof labels.en === 'string' ? (labels as Text) : { kk: name, ru: name, en: name };
}

/** The allowed values in a language, quoted: by the words of the field's `x-choices` (or of its list's), else as written. */
function valuesOf(schema: JsonSchema, path: string[], allowed: unknown[], lang: keyof Text): string {
  const here = schemaAt(schema, path);
  const list = path.length && /^\d+$/.test(path.at(-1)!) ? schemaAt(schema, path.slice(0, -1)) : undefined;
  const words = (isObject(here?.['x-choices']) ? here['x-choices'] : isObject(list?.['x-choices']) ? list['x-choices'] : {}) as Record<string, Text | undefined>;
  return allowed.map((v) => `«${words[String(v)]?.[lang] ?? String(v)}»`).join(', ');
}

/**
 * Ajv's errors as FieldProblems: each names `body.answers.<path>` (the property missing or
 * extra included), its keyword as the code, and says what is wrong in kk, ru and en with the
 * field's label.
 *
 * @example
 * problemsOf(form, validate.errors!); // [{ field: 'body.answers.conditions', code: 'required', message: { kk: '«Ұстау жағдайлары» толтырылуы керек', … } }]
 */
export function problemsOf(schema: JsonSchema, errors: readonly ErrorObject[]): FieldProblem[] {
  return errors.map((error) => {
    const path = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const params = error.params as Record<string, unknown>;
    const extra = error.keyword === 'required' ? String(params.missingProperty) : error.keyword === 'additionalProperties' ? String(params.additionalProperty) : undefined;
    const full = extra === undefined ? path : [...path, extra];
    const label = labelOf(schema, full);
    const message = MESSAGES[error.keyword] ?? MESSAGES.other!;
    const expected = error.keyword === 'type' ? kind(String(params.type).split(',')[0]!) : error.keyword === 'format' ? kind(String(params.format)) : { kk: '', ru: '', en: '' };
    const limit = typeof params.limit === 'number' ? params.limit : 0;
    const words = (['kk', 'ru', 'en'] as const).map((l) => {
      const values = error.keyword === 'enum' ? valuesOf(schema, full, (params.allowedValues as unknown[]) ?? [], l) : '';
      return [l, format({ kk: message[l], ru: message[l], en: message[l] }, { label: label[l], expected: expected[l], values, limit })[l]];
    });
    return { field: ['body', 'answers', ...full].join('.'), code: error.keyword, message: Object.fromEntries(words) as Text };
  });
}
