import { describe, expect, it } from 'vitest';
import { analyse } from '../../../functions/reports/analysis.ts';
import { problemsOf } from '../../../functions/reports/answers.ts';
import { checkFormSchema, newAjv } from '../../../functions/reports/form-schema.ts';
import type { ReportingForm, VisitReport } from '../../../functions/reports/model.ts';
import { redact } from '../../../functions/reports/privacy.ts';
import { statusOn } from '../../../functions/reports/recommendation-status.ts';
import { formOn } from '../../../functions/reports/forms.ts';
import { InvalidInputError, LegalRefusalError } from '../../../functions/errors.ts';

const labels = (kk: string, ru: string, en: string) => ({ 'x-labels': { kk, ru, en } });
const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['conditions'],
  properties: {
    conditions: { type: 'string', minLength: 3, ...labels('Ұстау жағдайлары', 'Условия содержания', 'Conditions') },
    visitedOn: { type: 'string', format: 'date', ...labels('Күні', 'Дата', 'Date') },
    findings: { type: 'array', maxItems: 1, items: { type: 'string', enum: ['a', 'b'] }, 'x-choices': { a: { kk: 'Бірінші', ru: 'Первое', en: 'First' }, b: { kk: 'Екінші', ru: 'Второе', en: 'Second' } }, 'x-finding': true, ...labels('Бұзушылықтар', 'Нарушения', 'Findings') },
    person: { type: 'object', 'x-private': true, ...labels('Адам', 'Лицо', 'Person'), properties: { name: { type: 'string', 'x-private': true, ...labels('Аты', 'Имя', 'Name') } } },
    health: { type: 'string', 'x-private': true, ...labels('Денсаулығы', 'Здоровье', 'Health') },
  },
};

describe('Function: problemsOf (Ajv errors as FieldProblems)', () => {
  const validate = newAjv().compile(checkFormSchema(schema));
  const problems = (answers: unknown) => (validate(answers) ? [] : problemsOf(schema, validate.errors!));

  it.each([
    ['required', {}, 'body.answers.conditions', { kk: '«Ұстау жағдайлары» толтырылуы керек', ru: 'поле «Условия содержания» обязательно', en: '«Conditions» is required' }],
    ['minLength', { conditions: 'ok' }, 'body.answers.conditions', { kk: '«Ұстау жағдайлары»: кемінде 3 таңба', ru: '«Условия содержания»: не менее 3 знаков', en: '«Conditions» must have at least 3 characters' }],
    ['format', { conditions: 'abc', visitedOn: '5 May' }, 'body.answers.visitedOn', { kk: '«Күні»: ЖЖЖЖ-АА-КК түріндегі күн болуы керек', ru: '«Дата»: должно быть датой вида ГГГГ-ММ-ДД', en: '«Date» must be a date, YYYY-MM-DD' }],
    ['additionalProperties', { conditions: 'abc', extra: 1 }, 'body.answers.extra', { kk: '«extra»: нысанда мұндай өріс жоқ', ru: '«extra»: такого поля в форме нет', en: '«extra» is not a field of the form' }],
    ['maxItems', { conditions: 'abc', findings: ['a', 'b'] }, 'body.answers.findings', { kk: '«Бұзушылықтар»: ең көбі 1 мән', ru: '«Нарушения»: не более 1 значения', en: '«Findings» allows at most 1 item' }],
  ])('%s names the field and says why in kk, ru, en', (code, answers, field, message) => {
    expect(problems(answers)).toContainEqual({ field, code, message });
  });

  it('names a list item by its list, and reports every error at once', () => {
    const found = problems({ findings: ['z'] });
    expect(found.map((p) => p.field).sort()).toEqual(['body.answers.conditions', 'body.answers.findings.0']);
    expect(found.find((p) => p.code === 'enum')!.message.kk).toBe('«Бұзушылықтар»: мыналардың бірі болуы керек: «Бірінші», «Екінші»');
  });
});

describe('Function: checkFormSchema', () => {
  it.each([
    ['not an object schema', { type: 'array' }],
    ['an unlabelled property', { type: 'object', properties: { a: { type: 'string' } } }],
    ['an external $ref', { type: 'object', properties: { a: { $ref: 'http://x/y.json', ...labels('а', 'а', 'a') } } }],
    ['an unknown keyword (strict)', { type: 'object', properties: { a: { type: 'string', maxLenght: 2, ...labels('а', 'а', 'a') } } }],
    ['too many properties', { type: 'object', properties: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`p${i}`, { type: 'string', ...labels('а', 'а', 'a') }])) }],
  ])('refuses %s', (_name, given) => {
    expect(() => checkFormSchema(given)).toThrow(InvalidInputError);
  });
});

describe('Function: redact (p29)', () => {
  const answers = { conditions: 'abc', person: { name: 'Әлия' }, health: 'ауру' };
  it('removes private fields and lists those that held a value', () => {
    expect(redact(answers, schema, new Set())).toEqual({ answers: { conditions: 'abc' }, redacted: ['person', 'health'] });
  });
  it('keeps what consent covers', () => {
    expect(redact(answers, schema, new Set(['health']))).toEqual({ answers: { conditions: 'abc', health: 'ауру' }, redacted: ['person'] });
  });
});

describe('Function: statusOn (follow-up)', () => {
  const sending = { sentOn: '2021-03-01', responseDueOn: '2021-04-01' };
  it.each([
    ['drafted', {}, '2021-05-01'],
    ['sent', { sending }, '2021-04-01'],
    ['no-answer', { sending }, '2021-04-02'],
    ['partly', { sending, response: { receivedOn: '2021-05-01', status: 'partly' as const, summary: { kk: 'а', ru: 'а' } } }, '2021-06-01'],
  ])('%s', (status, r, on) => {
    expect(statusOn(r, on)).toBe(status);
  });
});

describe('Function: formOn (p14.9)', () => {
  const form = (version: number, approvedOn: string) => ({ councilId: 'c', id: `f${version}`, version, approvedOn, decisionId: 'd', schema }) as ReportingForm;
  it('takes the latest version approved by the visit date', () => {
    expect(formOn([form(1, '2020-03-10'), form(2, '2020-09-15')], '2020-09-14').version).toBe(1);
    expect(formOn([form(1, '2020-03-10'), form(2, '2020-09-15')], '2020-09-15').version).toBe(2);
  });
  it('refuses a visit before any form, citing p14.9', () => {
    expect(() => formOn([form(1, '2020-03-10')], '2020-03-09')).toThrow(LegalRefusalError);
  });
});

describe('Function: analyse (p14.10)', () => {
  const report = (id: string, institutionId: string, visitDate: string, findings: string[]) =>
    ({ councilId: 'c', id, institutionId, visitDate, participantIds: [], answers: { conditions: 'abc', findings, health: 'secret' }, formId: 'f1', formVersion: 1, filedBy: 's', filedOn: visitDate, consents: [] }) as VisitReport;
  it('counts by type, region and finding over the period, never a private field', () => {
    const forms = [{ councilId: 'c', id: 'f1', version: 1, approvedOn: '2020-01-01', decisionId: 'd', schema }] as ReportingForm[];
    const institutions = [
      { councilId: 'c', id: 'i1', name: { kk: 'а', ru: 'а', en: 'a' }, type: 'penal', region: 'astana', addedOn: '2020-01-01' },
      { councilId: 'c', id: 'i2', name: { kk: 'б', ru: 'б', en: 'b' }, type: 'children', region: 'astana', addedOn: '2020-01-01' },
    ] as const;
    const result = analyse([report('r1', 'i1', '2020-02-01', ['a']), report('r2', 'i2', '2020-03-01', ['a', 'b']), report('r3', 'i1', '2021-01-01', ['b'])], forms, [...institutions], '2020-01-01', '2020-12-31');
    expect(result.reports).toBe(2);
    expect(result.byType).toEqual([{ key: 'children', count: 1 }, { key: 'penal', count: 1 }]);
    expect(result.byRegion).toEqual([{ key: 'astana', count: 2 }]);
    expect(result.byFinding).toEqual([{ field: 'findings', labels: schema.properties.findings['x-labels'], values: [{ key: 'a', count: 2, words: { kk: 'Бірінші', ru: 'Первое', en: 'First' } }, { key: 'b', count: 1, words: { kk: 'Екінші', ru: 'Второе', en: 'Second' } }] }]);
    expect(JSON.stringify(result)).not.toContain('secret');
  });
});
