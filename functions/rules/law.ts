import { IsoDate } from '../api/schemas.ts';
import { addDays, epochDay, today } from '../clock.ts';
import { LegalRefusalError } from '../errors.ts';
import { parse } from '../http/validate.ts';
import type { Text } from '../text.ts';
import { invalidLawData, issueText, lawProblems } from './check.ts';
import { consolidate, inForceFrom, type State } from './consolidate.ts';
import { LawDocument as LawDocumentSchema, type LawDocument } from './document.ts';

/** One version of the act with its dates and the law as it stands under it. */
export type LawVersion = {
  id: string;
  kind: LawDocument['versions'][number]['kind'];
  /** The act that made this version, e.g. "Order No. 5 of 2019-04-03". */
  act: string;
  title: Text;
  summary: Text;
  adoptedOn: string;
  publishedOn: string;
  publishedOnAssumed: boolean;
  inForceFrom: string;
  inForceFromReason?: Text;
  /** The last day it applies (the day before the next version enters into force); null if none follows. */
  inForceUntil: string | null;
  state: State;
};

/** The law, built once from its document and then only read. */
export type Law = { readonly act: LawDocument['act']; readonly versions: readonly LawVersion[] };

export type VersionStatus = 'in-force' | 'superseded' | 'repealed' | 'repeal' | 'not-yet-in-force' | 'withdrawn' | 'correction';
export type VersionSummary = Omit<LawVersion, 'state'> & { status: VersionStatus };

/** The version in force on a date, or why there is none. */
export type VersionAt = { inForce: true; version: LawVersion } | { inForce: false; refusal: LegalRefusalError };

/**
 * Builds the law from its document: checks it (one error listing every problem), dates every
 * version, and consolidates the law under each. Pure.
 *
 * @example
 * const law = buildLaw(readRulesDir(defaultRulesDir()));
 */
export function buildLaw(doc: LawDocument): Law {
  const parsed = LawDocumentSchema.safeParse(doc);
  if (!parsed.success) throw invalidLawData(parsed.error.issues.map((i) => ({ where: i.path.join('.') || '(document)', message: issueText(i) })));
  const problems = lawProblems(parsed.data);
  if (problems.length) throw invalidLawData(problems);
  const { act, versions } = parsed.data;
  const states = consolidate(versions);
  const froms = versions.map((v) => inForceFrom(act, v));
  return Object.freeze({
    act,
    versions: versions.map(
      (v, i): LawVersion => ({
        id: v.id,
        kind: v.kind,
        act: actName(v),
        title: v.title,
        summary: v.summary,
        adoptedOn: v.adoptedOn,
        publishedOn: v.publishedOn,
        publishedOnAssumed: v.publishedOnAssumed,
        inForceFrom: froms[i]!,
        ...(v.inForceFrom ? { inForceFromReason: v.inForceFrom.reason } : {}),
        inForceUntil: v.kind !== 'repeal' && froms[i + 1] ? addDays(froms[i + 1]!, -1) : null,
        state: states[i]!,
      }),
    ),
  });
}

/** How a version's act is named in answers: "Order No. 5 of 2019-04-03". */
export function actName(version: Pick<LawDocument['versions'][number], 'number' | 'adoptedOn'>): string {
  return `Order No. ${version.number} of ${version.adoptedOn}`;
}

/**
 * The version in force on `at` (YYYY-MM-DD), or the refusal: before the act entered into force
 * (`act-not-in-force`), or on/after its repeal (`act-repealed`, citing the repealing order).
 * Throws InvalidInputError (field `at`) for a malformed date.
 *
 * @example
 * const found = versionInForce(law, '2020-01-01'); // { inForce: true, version: { id: 'order-15-2019', … } }
 */
export function versionInForce(law: Law, at: string): VersionAt {
  const date = parse(IsoDate, at, 'at');
  const version = law.versions.findLast((v) => epochDay(v.inForceFrom) <= epochDay(date));
  if (!version) return { inForce: false, refusal: notYetInForce(law, date) };
  if (version.kind === 'repeal') return { inForce: false, refusal: repealed(version, date) };
  return { inForce: true, version };
}

function notYetInForce(law: Law, at: string): LegalRefusalError {
  const first = law.versions[0]!;
  const assumed = first.publishedOnAssumed;
  return new LegalRefusalError(
    'act-not-in-force',
    { kk: `${at} күні ереже әлі қолданысқа енбеген еді`, ru: `На ${at} Положение ещё не действовало`, en: `On ${at} the Regulation was not yet in force` },
    [
      {
        point: law.act.entryIntoForcePoint,
        code: 'act-not-in-force',
        message: {
          kk: `${at} күні ереже әлі қолданысқа енбеген: ережені ${first.title.kk} бекітті, ол ${first.inForceFrom} бастап қолданылады — ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң${assumed ? ` (жариялану күні ${first.publishedOn} болжамды)` : ''}.`,
          ru: `На ${at} Положение ещё не действовало: его утвердило ${first.title.ru}, оно действует с ${first.inForceFrom} — по истечении десяти календарных дней со дня официального опубликования${assumed ? ` (дата опубликования ${first.publishedOn} предполагаемая)` : ''}.`,
          en: `On ${at} the Regulation was not yet in force: ${first.act} approved it, and it is in force from ${first.inForceFrom}, ten calendar days after its first official publication${assumed ? ` (publication on ${first.publishedOn} assumed)` : ''}.`,
        },
        numbers: { at, act: first.act, publishedOn: first.publishedOn, publishedOnAssumed: assumed, inForceFrom: first.inForceFrom },
      },
    ],
  );
}

function repealed(repeal: LawVersion, at: string): LegalRefusalError {
  return new LegalRefusalError(
    'act-repealed',
    {
      kk: `${at} күні ереженің күші жойылған: ${repeal.title.kk}`,
      ru: `На ${at} Положение утратило силу: ${repeal.title.ru}`,
      en: `On ${at} the Regulation no longer applies: repealed by ${repeal.act}`,
    },
    [
      {
        point: repeal.id,
        code: 'act-repealed',
        message: {
          kk: `Ереженің күші жойылды (${repeal.title.kk}); ${repeal.inForceFrom} бастап оның бірде-бір нормасы қолданылмайды. Осы күнге дейінгі оқиғалар сол күні қолданыста болған редакция бойынша бағаланады.`,
          ru: `Положение утратило силу (${repeal.title.ru}); с ${repeal.inForceFrom} ни одна его норма не применяется. События до этой даты оцениваются по редакции, действовавшей на их дату.`,
          en: `The Regulation was repealed by ${repeal.act}, effective ${repeal.inForceFrom}: from that day no rule of it applies. Events before that day are judged by the version in force on their date.`,
        },
        numbers: { at, repealedBy: repeal.act, repealAdoptedOn: repeal.adoptedOn, repealInForceFrom: repeal.inForceFrom },
      },
    ],
  );
}

/**
 * Every version, in order, with its dates and its status on `at` (default: today). A version
 * is `repealed` once the repeal that closes its act is in force (a successor act adopted after
 * that repeal is a new act with its own statuses).
 *
 * @example
 * listVersions(law, '2020-01-01').map((v) => v.status); // ['superseded', 'superseded', 'in-force', 'repeal']
 */
export function listVersions(law: Law, at: string = today()): VersionSummary[] {
  const day = epochDay(parse(IsoDate, at, 'at'));
  return law.versions.map(({ state: _state, ...version }, i) => {
    const repeal = closingRepeal(law, i);
    let status: VersionStatus = 'in-force';
    if (version.kind === 'repeal') status = 'repeal';
    else if (repeal && day >= epochDay(repeal.inForceFrom)) status = 'repealed';
    else if (day < epochDay(version.inForceFrom)) status = 'not-yet-in-force';
    else if (version.inForceUntil && day > epochDay(version.inForceUntil)) status = 'superseded';
    return { ...version, status };
  });
}

/** The repeal that closes the act the i-th version belongs to, if there is one. */
function closingRepeal(law: Law, i: number): LawVersion | undefined {
  const next = law.versions.slice(i + 1).find((v) => v.kind !== 'amendment');
  return next?.kind === 'repeal' ? next : undefined;
}
