import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { InvalidInputError, type FieldProblem } from '../errors.ts';
import type { Text } from '../text.ts';
import type { JsonSchema } from './model.ts';

/** Bounds of a reporting form (p14.9): a form people fill in, not a program. */
export const FORM_LIMITS = { bytes: 64 * 1024, properties: 200 } as const;

/**
 * One property of a form: its path (dot-separated names), its labels, its marks, and, for a
 * choice (an enum, or a list of them), each value's words (`x-choices`): a code is what the
 * table keeps, the words are what people read (no code in a kk or ru text).
 */
export type FormField = { path: string; labels: Text; private: boolean; finding: boolean; choices?: Record<string, Text>; schema: JsonSchema };

/**
 * A validator of draft 2020-12, strict, every error at once, formats (date…) known, and the
 * form's own annotations registered, so a misspelt keyword is an error and not silently ignored.
 */
export function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addKeyword({ keyword: 'x-labels', schemaType: 'object' });
  ajv.addKeyword({ keyword: 'x-private', schemaType: 'boolean' });
  ajv.addKeyword({ keyword: 'x-finding', schemaType: 'boolean' });
  ajv.addKeyword({ keyword: 'x-choices', schemaType: 'object' });
  return ajv;
}

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLabels = (v: unknown): v is Text => isObject(v) && ['kk', 'ru', 'en'].every((l) => typeof v[l] === 'string' && (v[l] as string).trim().length > 0 && (v[l] as string).length <= 500);

/**
 * Every property of a form, depth first (properties of nested objects too, and of the objects an
 * array holds, under the array's path).
 */
export function fieldsOf(schema: JsonSchema, prefix = ''): FormField[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  return Object.entries(properties).flatMap(([name, value]) => {
    const sub = isObject(value) ? value : {};
    const path = prefix ? `${prefix}.${name}` : name;
    const choices = choicesOf(sub);
    const field: FormField = { path, labels: isLabels(sub['x-labels']) ? sub['x-labels'] : { kk: name, ru: name, en: name }, private: sub['x-private'] === true, finding: sub['x-finding'] === true, ...(choices ? { choices } : {}), schema: sub };
    const inner = isObject(sub.items) ? fieldsOf(sub.items, path) : [];
    return [field, ...fieldsOf(sub, path), ...inner];
  });
}

/** The values a field offers (its `enum`, or its items' for a list) with their `x-choices` words, where given. */
function enumOf(schema: JsonSchema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  return isObject(schema.items) && Array.isArray(schema.items.enum) ? schema.items.enum : undefined;
}
function choicesOf(schema: JsonSchema): Record<string, Text> | undefined {
  const words = isObject(schema['x-choices']) ? schema['x-choices'] : isObject(schema.items) && isObject(schema.items['x-choices']) ? schema.items['x-choices'] : undefined;
  return words ? (Object.fromEntries(Object.entries(words).filter(([, w]) => isLabels(w))) as Record<string, Text>) : undefined;
}

/** The words of a field's value in a language: a choice by its `x-choices`, anything else as written. */
export function choiceWords(field: Pick<FormField, 'choices'>, value: unknown, lang: keyof Text): string {
  return field.choices?.[String(value)]?.[lang] ?? String(value);
}

/** Every `$ref` in a schema. */
function refsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsOf);
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refsOf(v)));
}

const problem = (field: string, code: string, message: Text): FieldProblem => ({ field: `body.schema${field ? `.${field}` : ''}`, code, message });

/**
 * Checks a reporting form before the Council's approval is recorded: a JSON object of type
 * object, at most 64 KiB and 200 properties, every property labelled in kk, ru and en, no `$ref`
 * outside the form itself, and compiling in strict mode. Throws a 400 naming `body.schema…`.
 */
export function checkFormSchema(schema: unknown): JsonSchema {
  if (!isObject(schema) || schema.type !== 'object') {
    throw new InvalidInputError([problem('', 'not-an-object-schema', { kk: 'нысан «object» түріндегі JSON Schema болуы керек', ru: 'форма должна быть схемой JSON Schema с типом «object»', en: 'must be a JSON Schema of type "object"' })]);
  }
  const problems: FieldProblem[] = [];
  const bytes = Buffer.byteLength(JSON.stringify(schema), 'utf8');
  if (bytes > FORM_LIMITS.bytes) problems.push(problem('', 'too-large', { kk: 'нысан тым үлкен: ең көбі 64 КиБ', ru: 'форма слишком велика: не более 64 КиБ', en: 'the form is too large: at most 64 KiB' }));
  const fields = fieldsOf(schema);
  if (fields.length > FORM_LIMITS.properties) problems.push(problem('', 'too-many-properties', { kk: 'нысанда 200-ден көп өріс бар', ru: 'в форме больше 200 полей', en: 'the form has more than 200 properties' }));
  for (const f of fields.slice(0, FORM_LIMITS.properties + 1)) {
    if (!isLabels(f.schema['x-labels'])) problems.push(problem(`properties.${f.path}`, 'unlabelled', { kk: 'өрістің қазақ, орыс және ағылшын тілдеріндегі атауы жоқ', ru: 'у поля нет названия на казахском, русском и английском языках', en: 'the property has no labels in kk, ru and en (x-labels)' }));
    const offered = enumOf(f.schema);
    if (offered && !offered.every((v) => f.choices?.[String(v)])) problems.push(problem(`properties.${f.path}`, 'unlabelled-choice', { kk: 'таңдаудың әр мәнінің қазақ, орыс және ағылшын тілдеріндегі атауы болуы керек', ru: 'у каждого варианта выбора должно быть название на казахском, русском и английском языках', en: 'every choice needs its words in kk, ru and en (x-choices)' }));
  }
  if (refsOf(schema).some((r) => !r.startsWith('#'))) problems.push(problem('', 'external-ref', { kk: 'нысан сыртқы сілтемелерге сүйенбеуі керек', ru: 'форма не может ссылаться на внешние схемы', en: 'the form may not $ref outside itself' }));
  if (!problems.length) {
    try {
      newAjv().compile(schema);
    } catch (error) {
      problems.push(problem('', 'invalid-schema', { kk: 'нысан JSON Schema ретінде жарамсыз', ru: 'форма не является допустимой схемой JSON Schema', en: `not a valid JSON Schema: ${(error as Error).message.slice(0, 300)}` }));
    }
  }
  if (problems.length) throw new InvalidInputError(problems);
  return schema;
}

/** Compiled forms, by form id: each version compiles once per function instance. */
const compiled = new Map<string, ValidateFunction>();
let ajv: Ajv2020 | undefined;

export function compiledForm(formId: string, schema: JsonSchema): ValidateFunction {
  let found = compiled.get(formId);
  if (!found) {
    ajv ??= newAjv();
    found = ajv.compile(schema);
    compiled.set(formId, found);
  }
  return found;
}
