import * as z from 'zod';
import { IsoDate } from '../api/schemas.ts';
import { LANGUAGES, type Text } from '../text.ts';
import { citedPoints, walk } from './conditions.ts';
import { QUESTIONS } from './facts.ts';

/**
 * The law as one JSON document: what `rules/` compiles to, and what will later be stored one
 * item per version. A version carries the CHANGES it brings (point wordings, parameter values,
 * question rule documents); the law in force on a date is the fold of the versions in force up
 * to it (consolidate.ts). These schemas check the shape; check.ts checks the cross-references.
 */

const missing = (what: string) => (issue: { input: unknown }) => (issue.input === undefined ? 'is missing' : `must be ${what}`);
const words = z.string({ error: missing('a text') }).min(1, 'must not be empty').max(20_000);

/**
 * A custom issue that speaks for itself in kk, ru and en (functions/http/validate.ts renders
 * `params.message`): an administrator's amendment is refused in the three languages.
 */
type IssueContext = { addIssue: (issue: { code: 'custom'; path?: PropertyKey[]; message: string; params: Record<string, unknown> }) => void };
export function issue(ctx: IssueContext, path: PropertyKey[], code: string, message: Text): void {
  ctx.addIssue({ code: 'custom', path, message: message.en, params: { code, message } });
}
/** Refinements that run even when a sibling failed, so that one request lists every problem. */
const always = { when: () => true };

/** Every text of the law is given in kk (it wins), ru and en. */
export const LawText = z.strictObject({ kk: words, ru: words, en: words });

/** An id checked by a pattern, refused in the three languages (the pattern still shows in OpenAPI). */
function id(pattern: RegExp, code: string, message: Text) {
  return z
    .string()
    .refine((s) => pattern.test(s), { message: message.en, params: { code, message } })
    .meta({ pattern: pattern.source });
}
const POINT_ID = /^(p\d+(\.\d+)?|preamble|order\.p\d+)$/;
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const DOTTED = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;
const ID_PROBLEMS = {
  point: {
    kk: 'тармақ идентификаторы болуы керек, мысалы p25, p4.2, preamble немесе order.p2',
    ru: 'должно быть идентификатором пункта, например p25, p4.2, preamble или order.p2',
    en: 'must be a point id like p25, p4.2, preamble or order.p2',
  },
  version: {
    kk: 'редакция идентификаторы болуы керек, мысалы order-5-2019',
    ru: 'должно быть идентификатором редакции, например order-5-2019',
    en: 'must be a version id like order-5-2019',
  },
  code: { kk: 'kebab-case коды болуы керек', ru: 'должно быть кодом в kebab-case', en: 'must be a kebab-case code' },
  parameter: {
    kk: 'нүктелі атау болуы керек, мысалы quorum.share',
    ru: 'должно быть именем через точку, например quorum.share',
    en: 'must be a dotted name like quorum.share',
  },
} as const satisfies Record<string, Text>;

/** A point id as REGULATION.md cites it (`p25`, `p4.2`), the preamble, or the approving order's own points (`order.p2`). */
export const PointId = id(POINT_ID, 'invalid-point-id', ID_PROBLEMS.point);
export const VersionId = id(KEBAB, 'invalid-version-id', ID_PROBLEMS.version);
export const Code = id(KEBAB, 'invalid-code', ID_PROBLEMS.code);
export const ParameterName = id(DOTTED, 'invalid-parameter-name', ID_PROBLEMS.parameter);

/**
 * A record whose keys are ids: a bad key is named in the three languages, alongside any
 * problem of the values (a record with a refined key schema would only say "invalid key").
 */
export function keyed<V extends z.ZodType>(key: { pattern: RegExp; code: string; message: Text }, value: V) {
  return z.record(z.string().meta({ pattern: key.pattern.source }), value).superRefine((record, ctx) => {
    for (const k of Object.keys(record ?? {})) if (!key.pattern.test(k)) issue(ctx, [k], key.code, key.message);
  }, always);
}
export const POINT_KEY = { pattern: POINT_ID, code: 'invalid-point-id', message: ID_PROBLEMS.point };
export const VERSION_KEY = { pattern: KEBAB, code: 'invalid-version-id', message: ID_PROBLEMS.version };
const CODE_KEY = { pattern: KEBAB, code: 'invalid-code', message: ID_PROBLEMS.code };
const PARAMETER_KEY = { pattern: DOTTED, code: 'invalid-parameter-name', message: ID_PROBLEMS.parameter };

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
      issue(ctx, [], 'wording-or-mark', {
        kk: 'не мәтінді (kk, ru, en), не unknown: true, не deleted: true беріңіз',
        ru: 'укажите либо текст (kk, ru, en), либо unknown: true, либо deleted: true',
        en: 'give either the wording (kk, ru, en), or unknown: true, or deleted: true',
      });
    if (marks === 0)
      for (const l of LANGUAGES)
        if (w[l] === undefined) issue(ctx, [l], 'missing-language', { kk: 'толтырылмаған', ru: 'не заполнено', en: 'is missing' });
  });

/** A share of a count: `count × denominator > base × numerator` (more-than) or `≥` (at-least). Integers, never floats. */
export const Share = z.strictObject({
  numerator: z.int('must be a whole number').nonnegative(),
  denominator: z.int('must be a whole number').positive(),
  comparison: z.enum(['more-than', 'at-least']),
});
export const Period = z
  .strictObject({ years: z.int().positive().optional(), months: z.int().positive().optional(), days: z.int().positive().optional() })
  .refine((p) => p.years ?? p.months ?? p.days, {
    message: 'give years, months or days',
    params: { code: 'empty-period', message: { kk: 'жыл, ай немесе күн беріңіз', ru: 'укажите годы, месяцы или дни', en: 'give years, months or days' } },
  });
const Scalar = z.union([z.string().min(1), z.boolean(), z.int()], { error: 'must be a share, a period, a text, true/false, a whole number or a list of whole numbers' });
/** A list of whole numbers, e.g. the grounds of p18 that need a Council decision: `[1]`. */
const Numbers = z.array(z.int()).max(100);

export type ShareValue = z.infer<typeof Share>;
export type ParameterValue = ShareValue | z.infer<typeof Period> | string | boolean | number | number[];

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
  either(Array.isArray, Numbers, either((v) => typeof v === 'object' && v !== null, Period, Scalar)),
);

/** Two parameter values are the same value (a list compares by its items). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One option of a parameter that is an open question: its value, what it resolves to, and why. */
export const Option = z.strictObject({
  value: z.union([z.string().min(1), z.boolean(), Numbers]),
  /** The fact (or the facts summed) that this reading counts, for `{ $param: name.fact }`. */
  fact: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  /** The facts subtracted from that count, for `{ $param: name.less }` (e.g. the blank ballots). */
  less: z.array(z.string()).optional(),
  /** What this reading says, in words (kk, ru, en): never a code or a fact's name. */
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
export const ParameterFile = z.strictObject({ ...ParameterBody, values: keyed(VERSION_KEY, ParameterValue) });

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
    const add = (where: string, message: Text) => issue(ctx, where.split('.').filter(Boolean), 'citation', message);
    if (!citedPoints(rule?.name))
      add('name', {
        kk: 'әр ереже атауын өз тармағынан бастайды, мысалы "p22: quorum reached"',
        ru: 'каждое правило начинает своё имя с пункта, например "p22: quorum reached"',
        en: 'every rule cites its point first in its name, like "p22: quorum reached"',
      });
    if (rule && typeof rule === 'object' && 'conditions' in rule) walk(rule.conditions, 'conditions', add);
  }, always);

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
export const QuestionFile = z.strictObject({ question: Code, ...QuestionBody, versions: keyed(VERSION_KEY, Block) });
export const QuestionEntry = either(
  (v) => has(v, 'unknown'),
  z.strictObject({ ...QuestionBody, ...Unknown }),
  z.strictObject({ ...QuestionBody, ...Known }),
);

export const Changes = z.strictObject({
  points: keyed(POINT_KEY, Wording).default({}),
  parameters: keyed(PARAMETER_KEY, ParameterEntry).default({}),
  questions: keyed(CODE_KEY, QuestionEntry).default({}),
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

/**
 * `correction`: not a version of its own but a record filling in what an earlier version said
 * and kenes did not hold (a wording recorded as unknown, the rules that depend on it). The law
 * merges it into the version it `corrects`, from that version's own date: the stored version
 * is never rewritten.
 */
export const VERSION_KINDS = ['adoption', 'amendment', 'repeal', 'correction'] as const;

const VersionBody = {
  id: VersionId,
  kind: z.enum(VERSION_KINDS),
  number: z.int().positive(),
  adoptedOn: IsoDate,
  publishedOn: IsoDate,
  /**
   * The publication date is not in the text we hold: the earliest date it can have (the
   * order's own date, or the day of its registration) stands for it, and every answer that
   * rests on it says so. A correction records the real one (`publishedIn` says where).
   */
  publishedOnAssumed: z.boolean(),
  /** Where the version was first officially published (the source an administrator found the date in). */
  publishedIn: LawText.optional(),
  /** Only when the version says otherwise than the act's default. */
  calendarDaysAfterPublication: z.int().nonnegative().optional(),
  /** An explicit date of entry into force, with the reason (overrides the default). */
  inForceFrom: z.strictObject({ date: IsoDate, reason: LawText }).optional(),
  /**
   * Only for an adoption after a repeal (a successor act): it takes over the law as it stood
   * under this earlier version, and its changes apply on top. Without it, a successor act
   * starts from nothing and must give every point, parameter and question itself.
   */
  basedOn: VersionId.optional(),
  /** Only for a correction: the version whose text it fills in. */
  corrects: VersionId.optional(),
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

/**
 * One expected answer of the law (rules/cases/<question>.yaml): a sentence, a date, the facts,
 * and the outcome (or the refusal) with the points it must cite. Every case must still hold
 * after an amendment, unless the amendment brings a case that supersedes it.
 */
export const Case = z
  .strictObject({
    name: z.string().min(1),
    // Not IsoDate: a case may show that a malformed date is refused.
    at: z.string(),
    facts: z.record(z.string(), z.unknown()),
    parameters: z.record(z.string(), z.unknown()).optional(),
    outcome: z.string().optional(),
    refusal: z
      .strictObject({ status: z.union([z.literal(400), z.literal(422)]), code: z.string().optional(), fields: z.array(z.string()).optional() })
      .optional(),
    points: z.array(z.string()),
    codes: z.array(z.string()).optional(),
    version: z.string().optional(),
    readings: z.record(z.string(), z.unknown()).optional(),
    /** Whether the answer (or the refusal) must say that its dates rest on an assumed publication date. */
    datesAssumed: z.boolean().optional(),
    /**
     * The versions whose assumed publication date this case's date rests on (a case at the
     * boundary of an entry into force): once an administrator records the real date of one of
     * them, the case is set aside, since it showed the assumed boundary.
     */
    assumedPublication: z.array(z.string()).optional(),
  })
  .superRefine((c, ctx) => {
    if (Boolean(c.outcome) === Boolean(c.refusal))
      issue(ctx, [], 'outcome-or-refusal', { kk: 'outcome не refusal беріңіз (біреуін)', ru: 'укажите outcome или refusal (одно из двух)', en: 'give an outcome or a refusal' });
    // A case that expects an assumed date holds only while it is assumed: it names the version.
    if (c.datesAssumed && !c.assumedPublication?.length)
      issue(ctx, ['assumedPublication'], 'assumed-publication-needed', {
        kk: 'болжамды күнді күтетін жағдай сол күн қай редакцияныкі екенін атайды',
        ru: 'случай, ожидающий предполагаемую дату, называет редакцию, чья это дата',
        en: 'a case that expects an assumed date names the version whose date it is',
      });
  });
export type CaseDoc = z.output<typeof Case>;

/** A case an amendment brings: its question, and the names of the cases it replaces. */
export const AmendmentCase = Case.safeExtend({
  question: z.enum(QUESTIONS),
  /** Names of earlier cases this one replaces: the amendment changes the answer they expect. */
  supersedes: z.array(z.string().min(1)).default([]),
});
export type AmendmentCaseDoc = z.output<typeof AmendmentCase>;

/**
 * An amendment as an administrator publishes it: a version document (the act, its dates, the
 * changes it brings) plus the cases that show its effect. `id` defaults to
 * `order-<number>-<year>`, `kind` to `amendment`, the entry into force to publication + the
 * act's calendar days + 1 (override with `inForceFrom: { date, reason }`).
 */
export const Amendment = z
  .strictObject({
    id: VersionId.optional(),
    kind: z.enum(VERSION_KINDS).default('amendment'),
    /** The act's number, date and publication; a correction takes those of the version it corrects. */
    number: z.int().positive().optional(),
    adoptedOn: IsoDate.optional(),
    /** In a correction: the real publication date of the version it corrects, whose date was assumed (with `publishedIn`). */
    publishedOn: IsoDate.optional(),
    publishedOnAssumed: z.boolean().default(false),
    publishedIn: LawText.optional(),
    calendarDaysAfterPublication: z.int().nonnegative().optional(),
    inForceFrom: z.strictObject({ date: IsoDate, reason: LawText }).optional(),
    basedOn: VersionId.optional(),
    corrects: VersionId.optional(),
    title: LawText,
    summary: LawText.optional(),
    changes: Changes.default({ points: {}, parameters: {}, questions: {} }),
    cases: z.array(AmendmentCase).default([]),
  })
  .superRefine((a, ctx) => {
    // Runs even when the shape failed (to list every problem): a null or a list has none of these.
    if (!a || typeof a !== 'object' || Array.isArray(a)) return;
    const required = { kk: 'міндетті өріс толтырылмаған', ru: 'обязательное поле не заполнено', en: 'is required' };
    if (a.kind === 'correction') {
      if (!a.corrects) issue(ctx, ['corrects'], 'required', { kk: 'түзету қай редакцияны толықтыратынын атайды', ru: 'исправление называет редакцию, которую дополняет', en: 'a correction names the version it fills in' });
      if ((a.publishedOn === undefined) !== (a.publishedIn === undefined))
        issue(ctx, [a.publishedOn === undefined ? 'publishedOn' : 'publishedIn'], 'publication-date-and-source', {
          kk: 'ресми жарияланған күн мен оның қайнар көзі бірге беріледі',
          ru: 'дата официального опубликования и её источник указываются вместе',
          en: 'the date of official publication and where it was published are given together',
        });
      for (const key of ['number', 'adoptedOn', 'inForceFrom', 'basedOn'] as const)
        if (a[key] !== undefined)
          issue(ctx, [key], 'not-for-a-correction', {
            kk: 'түзетуде берілмейді: ол толықтыратын редакцияның деректерін алады',
            ru: 'не указывается в исправлении: оно берёт данные исправляемой редакции',
            en: 'is not given in a correction: it takes those of the version it fills in',
          });
      return;
    }
    for (const key of ['number', 'adoptedOn', 'publishedOn'] as const) if (a[key] === undefined) issue(ctx, [key], 'required', required);
    if (a.corrects !== undefined) issue(ctx, ['corrects'], 'only-for-a-correction', { kk: 'тек түзетуде беріледі', ru: 'указывается только в исправлении', en: 'is given in a correction only' });
  }, always)
  .meta({
    id: 'Amendment',
    description:
      'A new version of the law: the act (number, adoptedOn, title), publishedOn, an optional inForceFrom with its reason, the changes (points, parameters, questions) and cases that supersede the ones it changes. ' +
      'Or a correction (kind correction, corrects: a version id): the text an earlier version gave and kenes did not hold (a wording recorded as unknown), in force from that version\'s own date; ' +
      'or the real publication date of that version (publishedOn with publishedIn), whose date was assumed.',
  });
export type AmendmentDoc = z.output<typeof Amendment>;
