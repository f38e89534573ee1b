import { IsoDate } from '../api/schemas.ts';
import { addDays, epochDay, today } from '../clock.ts';
import { LegalRefusalError, type Reason } from '../errors.ts';
import { parse } from '../http/validate.ts';
import type { Text } from '../text.ts';
import { invalidLawData, issueText, lawProblems } from './check.ts';
import { consolidate, inForceFrom, publicationOf, type State } from './consolidate.ts';
import { assumedDateReason, datesOf, restsOnAssumedDate, type DatesBasis } from './dates.ts';
import { LawDocument as LawDocumentSchema, sameValue, type LawDocument } from './document.ts';
import type { Reading } from './engine.ts';

/** One version of the act with its dates and the law as it stands under it. */
export type LawVersion = {
  id: string;
  kind: LawDocument['versions'][number]['kind'];
  /** The act that made this version, e.g. "Order No. 5 of 2019-04-03". */
  act: string;
  title: Text;
  summary: Text;
  adoptedOn: string;
  /** The publication date the law counts (an assumed one is never before the registration). */
  publishedOn: string;
  publishedOnAssumed: boolean;
  /** Where it was first officially published, once an administrator recorded it. */
  publishedIn?: Text;
  /** The day the Ministry of Justice registered it, where the text says so (the act's adoption). */
  registeredOn?: string;
  inForceFrom: string;
  inForceFromReason?: Text;
  /** The last day it applies (the day before the next version enters into force); null if none follows. */
  inForceUntil: string | null;
  /** Whether its dates (from, and until) rest on an assumed publication date, with the words. */
  dates: DatesBasis;
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
  const dated = versions.map((v, i) => {
    const publication = publicationOf(act, v);
    return {
      id: v.id,
      title: v.title,
      publishedOn: publication.on,
      publishedOnAssumed: v.publishedOnAssumed,
      ...(v.publishedIn ? { publishedIn: v.publishedIn } : {}),
      ...(publication.registeredOn ? { registeredOn: publication.registeredOn } : {}),
      inForceFrom: froms[i]!,
      ...(v.inForceFrom ? { inForceFromReason: v.inForceFrom.reason } : {}),
    };
  });
  return Object.freeze({
    act,
    versions: versions.map((v, i): LawVersion => {
      const next = v.kind !== 'repeal' ? dated[i + 1] : undefined;
      return {
        ...dated[i]!,
        kind: v.kind,
        act: actName(v),
        summary: v.summary,
        adoptedOn: v.adoptedOn,
        inForceUntil: next ? addDays(next.inForceFrom, -1) : null,
        // Its first day rests on its own publication, its last day on the next version's.
        dates: datesOf(...[dated[i]!, ...(next ? [next] : [])]),
        state: states[i]!,
      };
    }),
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
  // Both are YYYY-MM-DD (checked): as strings they sort as the days do.
  const version = law.versions.findLast((v) => v.inForceFrom <= date);
  if (!version) return { inForce: false, refusal: notYetInForce(law, date) };
  if (version.kind === 'repeal') return { inForce: false, refusal: repealed(version, date) };
  return { inForce: true, version };
}

function notYetInForce(law: Law, at: string): LegalRefusalError {
  const first = law.versions[0]!;
  const reasons: Reason[] = [
    {
      point: law.act.entryIntoForcePoint,
      code: 'act-not-in-force',
      message: {
        kk: `${at} күні ереже әлі қолданысқа енбеген еді: оны ${first.title.kk} бекітті, ол ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң, ${first.inForceFrom} бастап қолданылады.`,
        ru: `На ${at} Положение ещё не действовало: его утвердило ${first.title.ru}, которое вводится в действие по истечении десяти календарных дней со дня официального опубликования, с ${first.inForceFrom}.`,
        en: `On ${at} the Regulation was not yet in force: ${first.title.en} approved it, and it is in force ten calendar days after its first official publication, from ${first.inForceFrom}.`,
      },
      numbers: { at, act: first.act, publishedOn: first.publishedOn, publishedOnAssumed: first.publishedOnAssumed, inForceFrom: first.inForceFrom, datesAssumed: restsOnAssumedDate(first) },
    },
  ];
  if (restsOnAssumedDate(first)) reasons.push(assumedDateReason(first, law.act.entryIntoForcePoint));
  return new LegalRefusalError(
    'act-not-in-force',
    { kk: `${at} күні ереже әлі қолданысқа енбеген еді`, ru: `На ${at} Положение ещё не действовало`, en: `On ${at} the Regulation was not yet in force` },
    reasons,
  );
}

function repealed(repeal: LawVersion, at: string): LegalRefusalError {
  // The repeal is in force from its publication + 11 days: an assumed publication makes that day assumed too.
  const assumed = restsOnAssumedDate(repeal);
  const reasons: Reason[] = [
    {
      point: repeal.id,
      code: 'act-repealed',
      message: {
        kk: `Ереженің күші жойылды (${repeal.title.kk}); ${repeal.inForceFrom} бастап оның бірде-бір нормасы қолданылмайды. Осы күнге дейінгі оқиғалар сол күні қолданыста болған редакция бойынша бағаланады.`,
        ru: `Положение утратило силу (${repeal.title.ru}); с ${repeal.inForceFrom} ни одна его норма не применяется. События до этой даты оцениваются по редакции, действовавшей на их дату.`,
        en: `The Regulation was repealed by ${repeal.title.en}, effective ${repeal.inForceFrom}: from that day no rule of it applies. Events before that day are judged by the version in force on their date.`,
      },
      numbers: { at, repealedBy: repeal.act, repealAdoptedOn: repeal.adoptedOn, repealInForceFrom: repeal.inForceFrom, datesAssumed: assumed },
    },
  ];
  if (assumed) reasons.push(assumedDateReason(repeal, repeal.id));
  return new LegalRefusalError(
    'act-repealed',
    {
      kk: `${at} күні ереженің күші жойылған: ${repeal.title.kk}${assumed ? ' (күшін жою күні болжамды)' : ''}`,
      ru: `На ${at} Положение утратило силу: ${repeal.title.ru}${assumed ? ' (дата утраты силы предполагаемая)' : ''}`,
      en: `On ${at} the Regulation no longer applies: repealed by ${repeal.act}${assumed ? ' (the date of the repeal is assumed)' : ''}`,
    },
    reasons,
  );
}

/**
 * The reading of a parameter in force on `at`, as answers report it under `readings`: its value,
 * its point, and the value explained in words (an open question's option, else the parameter's
 * description). For answers that are not evaluations (a term's end, a leaving's date) to report
 * the reading they applied. Refuses like `versionInForce` when no version is in force.
 *
 * @example
 * readingOf(law, 'leaving.powersEnd', '2020-03-02'); // { parameter: 'leaving.powersEnd', value: 'acceptance', point: 'p12', explanation: { … } }
 */
export function readingOf(law: Law, name: string, at: string): Reading {
  const found = versionInForce(law, at);
  if (!found.inForce) throw found.refusal;
  const entry = found.version.state.parameters[name];
  if (!entry) throw new Error(`no parameter ${name} in ${found.version.id}`);
  const option = entry.options?.find((o) => sameValue(o.value, entry.value));
  return { parameter: name, value: entry.value, point: entry.point, explanation: option?.explanation ?? entry.description };
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
