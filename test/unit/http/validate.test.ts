import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parse } from '../../../functions/http/validate.ts';
import { InvalidInputError } from '../../../functions/errors.ts';

const Schema = z.strictObject({ at: z.iso.date(), count: z.number().int().min(0), kind: z.enum(['a', 'b']) });

function problems(input: unknown) {
  try {
    parse(Schema, input, 'body');
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).details!;
  }
  throw new Error('expected a refusal');
}

describe('Function: parse', () => {
  it('returns the parsed value', () => {
    expect(parse(Schema, { at: '2020-01-01', count: 1, kind: 'a' })).toEqual({ at: '2020-01-01', count: 1, kind: 'a' });
  });

  it('names every failing field, in three languages', () => {
    const found = problems({ at: '2020-13-01', count: -1, kind: 'c', extra: 1 });
    // An unknown key is named as its own field, so kk and ru messages never need to spell it.
    expect(found.map((p) => p.field).sort()).toEqual(['body.at', 'body.count', 'body.extra', 'body.kind']);
    for (const p of found) {
      expect(p.message.kk).not.toEqual(p.message.en);
      expect(p.message.ru).not.toEqual(p.message.en);
      expect(p.message.kk.length && p.message.ru.length && p.message.en.length).toBeGreaterThan(0);
    }
    expect(found.find((p) => p.field === 'body.at')?.message.en).toBe('must be a date YYYY-MM-DD');
  });

  it('says a missing field is required', () => {
    expect(problems({ count: 1, kind: 'a' })).toEqual([
      { field: 'body.at', code: 'invalid_type', message: { kk: 'міндетті өріс толтырылмаған', ru: 'обязательное поле не заполнено', en: 'is required' } },
    ]);
  });

  it('lets a refinement speak for itself', () => {
    const text = { kk: 'к', ru: 'р', en: 'e' };
    const Refined = z.object({ a: z.number(), b: z.number() }).refine((v) => v.b <= v.a, { path: ['b'], params: { code: 'b-above-a', message: text } });
    expect(() => parse(Refined, { a: 1, b: 2 }, 'facts')).toThrow(expect.objectContaining({ details: [{ field: 'facts.b', code: 'b-above-a', message: text }] }));
  });
});
