import { z } from 'zod';
import { IsoDate } from '../api/schemas.ts';
import { LANGUAGES } from '../text.ts';
import { citedPoints, walk } from './conditions.ts';

/**
 * The law as one JSON document: what `rules/` compiles to, and what will later be stored one
 * item per version. A version carries the CHANGES it brings (point wordings, parameter values,
 * question rule documents); the law in force on a date is the fold of the versions in force up
 * to it (consolidate.ts). These schemas check the shape; check.ts checks the cross-references.
 */

const missing = (what: string) => (issue: { input: unknown }) => (issue.input === undefined ? 'is missing' : `must be ${what}`);
const words = z.string({ error: missing('a text') }).min(1, 'must not be empty');

/** Every text of the law is given in kk (it wins), ru and en. */
export const LawText = z.strictObject({ kk: words, ru: words, en: words });

/** A point id as REGULATION.md cites it (`p25`, `p4.2`), the preamble, or the approving order's own points (`order.p2`). */
export const PointId = z.string().regex(/^(p\d+(\.\d+)?|preamble|order\.p\d+)$/, 'must be a point id like p25, p4.2, preamble or order.p2');
export const VersionId = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be a version id like order-5-2019');
export const Code = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be a kebab-case code');
export const ParameterName = z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/, 'must be a dotted name like quorum.share');

/** A point's wording in one version: the text, or `unknown: true` (not in the text we hold), or `deleted: true`. */
export const Wording = z
  .strictObject({
    kk: words.optional(),
    ru: words.optional(),
    en: words.optional(),
    unknown: z.literal(true).optional(),
    deleted: z.literal(true).optional(),
  })
  .superRefine((w, ctx) => {
    const marks = (w.unknown ? 1 : 0) + (w.deleted ? 1 : 0);
    const given = LANGUAGES.filter((l) => w[l] !== undefined);
    if (marks > 1 || (marks === 1 && given.length > 0))
      ctx.addIssue({ code: 'custom', message: 'give either the wording (kk, ru, en), or unknown: true, or deleted: true' });
    if (marks === 0) for (const l of LANGUAGES) if (w[l] === undefined) ctx.addIssue({ code: 'custom', path: [l], message: 'is missing' });
  });

/** A share of a count: `count × denominator > base × numerator` (more-than) or `≥` (at-least). Integers, never floats. */
export const Share = z.strictObject({
  numerator: z.int('must be a whole number').nonnegative(),
  denominator: z.int('must be a whole number').positive(),
  comparison: z.enum(['more-than', 'at-least']),
});
export const Period = z
  .strictObject({ years: z.int().positive().optional(), months: z.int().positive().optional(), days: z.int().positive().optional() })
  .refine((p) => p.years ?? p.months ?? p.days, 'give years, months or days');
const Scalar = z.union([z.string().min(1), z.boolean(), z.int()], { error: 'must be a share, a period, a text, true/false or a whole number' });

export type ShareValue = z.infer<typeof Share>;
export type ParameterValue = ShareValue | z.infer<typeof Period> | string | boolean | number;

/**
 * Picks the schema by the value's shape (instead of a union), so that a bad entry says what is
 * wrong with it ("denominator: too small") rather than "matches none of the alternatives".
 */
function either<A extends z.ZodType, B extends z.ZodType>(isA: (value: unknown) => boolean, a: A, b: B) {
  return z.unknown().transform((value, ctx): z.output<A> | z.output<B> => {
    const result = (isA(value) ? a : b).safeParse(value);
    if (result.success) return result.data as z.output<A> | z.output<B>;
    for (const issue of result.error.issues) ctx.addIssue(issue as never);
    return z.NEVER;
  });
}
const has = (value: unknown, ...keys: string[]) => typeof value === 'object' && value !== null && keys.some((k) => k in value);

export const ParameterValue = either(
  (v) => has(v, 'numerator', 'denominator', 'comparison'),
  Share,
  either((v) => typeof v === 'object' && v !== null, Period, Scalar),
);

/** One option of a parameter that is an open question: its value, what it resolves to, and why. */
export const Option = z.strictObject({
  value: z.union([z.string().min(1), z.boolean()]),
  /** The fact (or the facts summed) that this reading counts, for `{ $param: name.fact }`. */
  fact: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  explanation: LawText,
});

const ParameterBody = {
  description: LawText,
  point: PointId,
  /** A question the text leaves open: reported as a reading in every answer that uses it. */
  open: z.boolean().optional(),
  options: z.array(Option).min(2).optional(),
};
/** A parameter as one version sets it: its description and its value from that version on. */
export const ParameterEntry = z.strictObject({ ...ParameterBody, value: ParameterValue });
export const ParameterFile = z.strictObject({ ...ParameterBody, values: z.record(VersionId, ParameterValue) });

/** A json-rules-engine rule: the rule and every condition cite their point first in their name. */
export const Rule = z
  .strictObject({
    name: z.string().min(1),
    priority: z.int().positive().optional(),
    conditions: z.record(z.string(), z.unknown()),
    event: z.strictObject({
      type: Code,
      params: z.strictObject({ point: PointId, code: Code, message: LawText }),
    }),
  })
  .superRefine((rule, ctx) => {
    const add = (where: string, message: string) => ctx.addIssue({ code: 'custom', path: where.split('.').filter(Boolean), message });
    if (!citedPoints(rule.name)) add('name', 'every rule cites its point first in its name, like "p22: quorum reached"');
    walk(rule.conditions, 'conditions', add);
  });

export const ReasonDoc = z.strictObject({ point: PointId, code: Code, message: LawText });

const Known = {
  /** Precedence: the first outcome for which some rule fired wins. */
  outcomes: z.array(Code).min(1),
  /** The outcome when no rule fires, and its reasons. */
  otherwise: z.strictObject({ outcome: Code, reasons: z.array(ReasonDoc).min(1) }),
  rules: z.array(Rule).min(1),
};
const Unknown = { unknown: z.literal(true) };
/** A question's rules as one version gives them, or `unknown: true` when its wording is not known. */
export const Block = either((v) => has(v, 'unknown'), z.strictObject(Unknown), z.strictObject(Known));

const QuestionBody = {
  title: LawText,
  /** Points the answer depends on: if any is unknown in the version in force, kenes refuses. */
  dependsOn: z.array(PointId).min(1),
  /** Open-question parameters reported with every answer even if no rule reads them. */
  readings: z.array(ParameterName).default([]),
};
export const QuestionFile = z.strictObject({ question: Code, ...QuestionBody, versions: z.record(VersionId, Block) });
export const QuestionEntry = either(
  (v) => has(v, 'unknown'),
  z.strictObject({ ...QuestionBody, ...Unknown }),
  z.strictObject({ ...QuestionBody, ...Known }),
);

export const Changes = z.strictObject({
  points: z.record(PointId, Wording).default({}),
  parameters: z.record(ParameterName, ParameterEntry).default({}),
  questions: z.record(Code, QuestionEntry).default({}),
});

export const Act = z.strictObject({
  title: LawText,
  number: z.string().min(1),
  adoptedOn: IsoDate,
  registration: z.strictObject({ date: IsoDate, number: z.string().min(1) }),
  /** "Enters into force after ten calendar days from the day of its first official publication". */
  calendarDaysAfterPublication: z.int().nonnegative(),
  /** The point that says so (cited when a date falls before the act is in force). */
  entryIntoForcePoint: PointId,
});

const VersionBody = {
  id: VersionId,
  kind: z.enum(['adoption', 'amendment', 'repeal']),
  number: z.int().positive(),
  adoptedOn: IsoDate,
  publishedOn: IsoDate,
  publishedOnAssumed: z.boolean(),
  /** Only when the version says otherwise than the act's default. */
  calendarDaysAfterPublication: z.int().nonnegative().optional(),
  /** An explicit date of entry into force, with the reason (overrides the default). */
  inForceFrom: z.strictObject({ date: IsoDate, reason: LawText }).optional(),
  title: LawText,
  summary: LawText,
};
export const ActFile = z.strictObject({ act: Act, versions: z.array(z.strictObject(VersionBody)).min(1) });
export const Version = z.strictObject({ ...VersionBody, changes: Changes });

export const LawDocument = z.strictObject({ format: z.literal(1), act: Act, versions: z.array(Version).min(1) });

/** Plain JSON: the act, and its versions each with the changes it brings. */
export type LawDocument = z.output<typeof LawDocument>;
export type VersionDoc = z.output<typeof Version>;
export type WordingDoc = z.output<typeof Wording>;
export type ParameterEntryDoc = z.output<typeof ParameterEntry>;
export type QuestionEntryDoc = z.output<typeof QuestionEntry>;
export type RuleDoc = z.output<typeof Rule>;
export type BlockDoc = z.output<typeof Block>;
