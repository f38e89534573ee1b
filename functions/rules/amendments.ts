import { epochDay } from '../clock.ts';
import { InvalidInputError, KenesError, type FieldProblem } from '../errors.ts';
import type { Text } from '../text.ts';
import { checkCase } from './cases.ts';
import { invalidLawData, issueText, lawProblems, type Problem } from './check.ts';
import { inForceFrom } from './consolidate.ts';
import { correctionProblems, recordsPublication } from './corrections.ts';
import { LawDocument as LawDocumentSchema, type AmendmentCaseDoc, type AmendmentDoc, type CaseDoc, type LawDocument, type VersionDoc } from './document.ts';
import { buildLaw, type Law } from './law.ts';
import type { CaseEntry } from './read.ts';
import type { StoredLaw, StoredVersion } from './store.ts';

/**
 * Amendments as pure functions: the law document a stored law stands for, a version inserted
 * by its date, the cases in force, and the check an amendment must pass before it is accepted.
 */

/**
 * The law document of the versions the head lists, in its order (withdrawn versions are left
 * out), with each correction merged into the version it corrects: the stored version itself is
 * never rewritten. A correction whose version was withdrawn has nothing to fill in.
 */
export function activeDocument(stored: StoredLaw): LawDocument {
  const byId = new Map(stored.versions.map((v) => [v.version.id, v.version]));
  const versions: VersionDoc[] = [];
  for (const id of stored.head.versions) {
    const version = byId.get(id);
    if (!version) throw new Error(`the law head lists ${id}, which is not stored`);
    if (version.kind !== 'correction') {
      versions.push(version);
      continue;
    }
    const at = versions.findIndex((v) => v.id === version.corrects);
    if (at < 0) continue;
    const target = versions[at]!;
    versions[at] = {
      ...target,
      // The real publication date, recorded: the version's dates follow it from now on.
      ...(recordsPublication(version) ? { publishedOn: version.publishedOn, publishedOnAssumed: false, publishedIn: version.publishedIn } : {}),
      changes: {
        points: { ...target.changes.points, ...version.changes.points },
        parameters: { ...target.changes.parameters, ...version.changes.parameters },
        questions: { ...target.changes.questions, ...version.changes.questions },
      },
    };
  }
  return { format: 1, act: stored.act, versions };
}

/** The versions the head lists, as stored (with their cases), in order. */
export function activeVersions(stored: StoredLaw): StoredVersion[] {
  return stored.head.versions.map((id) => stored.versions.find((v) => v.version.id === id)!);
}

/**
 * The version document an amendment stands for: its id defaults to `order-<number>-<year>`
 * (a correction's to `<version>-correction-<n>`), its summary to its title; a correction takes
 * the number and dates of the version it corrects.
 */
export function versionOf(amendment: AmendmentDoc, stored: StoredLaw): VersionDoc {
  const { cases: _cases, id, summary, ...rest } = amendment;
  let version: VersionDoc;
  if (amendment.kind === 'correction') {
    const target = stored.versions.find((v) => v.version.id === amendment.corrects)?.version;
    const dated = recordsPublication(amendment);
    const kind = dated ? 'publication' : 'correction';
    const n = stored.versions.filter((v) => v.version.kind === 'correction' && v.version.corrects === amendment.corrects && recordsPublication(v.version) === dated).length + 1;
    const { number, adoptedOn, publishedOn, publishedOnAssumed } = target ?? { number: 1, adoptedOn: '1970-01-01', publishedOn: '1970-01-01', publishedOnAssumed: true };
    // A correction that records the publication carries the real date; one that fills in text, the version's own.
    const publication = dated ? { publishedOn: amendment.publishedOn!, publishedOnAssumed: false } : { publishedOn, publishedOnAssumed };
    version = { ...rest, number, adoptedOn, ...publication, id: id ?? `${amendment.corrects}-${kind}-${n}`, summary: summary ?? amendment.title };
  } else {
    const { number, adoptedOn, publishedOn } = amendment as Required<Pick<AmendmentDoc, 'number' | 'adoptedOn' | 'publishedOn'>>;
    version = { ...rest, number, adoptedOn, publishedOn, id: id ?? `order-${number}-${adoptedOn.slice(0, 4)}`, summary: summary ?? amendment.title };
  }
  // Absent, not undefined: the stored document keeps only what was given.
  for (const key of Object.keys(version) as (keyof VersionDoc)[]) if (version[key] === undefined) delete version[key];
  return version;
}

/**
 * The head with `version` added. A version goes among the others by its date of entry into
 * force (after any of the same date, so that check.ts names the clash): publishing never
 * rewrites an earlier version, and a version dated between two others is inserted, the later
 * ones applying on top of it. A correction goes right after the version it corrects.
 *
 * @example
 * headWith(stored, order7of2021); // [..., 'order-15-2019', 'order-7-2021', 'order-1-2023']
 */
export function headWith(stored: StoredLaw, version: VersionDoc): string[] {
  const head = [...stored.head.versions];
  const byId = new Map([...stored.versions.map((v): [string, VersionDoc] => [v.version.id, v.version]), [version.id, version]]);
  if (version.kind === 'correction') {
    let at = head.indexOf(version.corrects!);
    if (at < 0) return [...head, version.id];
    while (byId.get(head[at + 1]!)?.kind === 'correction') at++;
    head.splice(at + 1, 0, version.id);
    return head;
  }
  const dayOf = (v: VersionDoc) => epochDay(inForceFrom(stored.act, v.kind === 'correction' ? (byId.get(v.corrects!) ?? v) : v));
  const day = dayOf(version);
  const at = head.findIndex((id) => dayOf(byId.get(id)!) > day);
  head.splice(at < 0 ? head.length : at, 0, version.id);
  return head;
}

/** The head without a version, and without the corrections that filled it in. */
export function headWithout(stored: StoredLaw, versionId: string): string[] {
  const corrects = new Map(stored.versions.map((v) => [v.version.id, v.version.corrects]));
  return stored.head.versions.filter((id) => id !== versionId && corrects.get(id) !== versionId);
}

/** A case in force: where it is written (a field for a 400), its question, the case. */
export type CaseInForce = { question: string; field: string; case: CaseDoc };

/**
 * Cases brought by a version: the field prefix names where they are (the request, or a stored
 * version). `strict`: a name in `supersedes` must match a case in force (checked for the
 * amendment at hand only; a stored version's names were checked when it was published, and
 * a case of rules/ renamed since must not block every later publication).
 */
export type BroughtCases = { field: string; cases: AmendmentCaseDoc[]; strict?: boolean };

/**
 * The cases that must hold: rules/cases, then each version's cases in order, each replacing the
 * cases it names in `supersedes`.
 */
export function casesInForce(base: readonly CaseEntry[], brought: readonly BroughtCases[]): { cases: CaseInForce[]; problems: FieldProblem[] } {
  let cases: CaseInForce[] = base.map((e) => ({ question: e.question, field: e.where, case: e.case }));
  const problems: FieldProblem[] = [];
  for (const { field, cases: own, strict } of brought) {
    own.forEach((c, i) =>
      c.supersedes.forEach((name, j) => {
        const left = cases.filter((k) => k.case.name !== name);
        if (strict && left.length === cases.length)
          problems.push({
            field: `${field}.${i}.supersedes.${j}`,
            code: 'unknown-case',
            message: { kk: `«${name}» деген қолданыстағы жағдай жоқ`, ru: `действующего случая «${name}» нет`, en: `no case in force is named "${name}"` },
          });
        cases = left;
      }),
    );
    cases.push(...own.map((c, i) => ({ question: c.question, field: `${field}.${i}`, case: c })));
  }
  return { cases, problems };
}

/** Every case that the law does not answer as expected, as field problems. */
export async function failingCases(law: Law, cases: readonly CaseInForce[]): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  for (const c of cases) {
    const differs = await checkCase(law, c.question, c.case);
    if (!differs) continue;
    problems.push({
      field: c.field,
      code: 'case-fails',
      message: {
        kk: `«${c.case.name}» (${c.case.at}) енді орындалмайды — ${differs.kk}. Жаңа жауапты көрсететін және оны supersedes арқылы алмастыратын жағдай қосыңыз.`,
        ru: `«${c.case.name}» (${c.case.at}) больше не выполняется — ${differs.ru}. Добавьте случай с новым ответом, заменяющий его через supersedes.`,
        en: `"${c.case.name}" (${c.case.at}) no longer holds — ${differs.en}. Bring a case with the new answer that supersedes it.`,
      },
    });
  }
  return problems;
}

/**
 * A law-data problem as a field of the request: the amendment's own changes are `body.<path>`;
 * a problem it causes in an earlier version is `law.<version>.<path>`.
 */
export function fieldProblem(problem: Problem, versionId: string, prefix = 'body'): FieldProblem {
  const field =
    problem.version === versionId && problem.path ? `${prefix}.${problem.path}` : problem.version && problem.path ? `law.${problem.version}.${problem.path}` : `law: ${problem.where}`;
  return { field, code: 'invalid-law', message: problem.message };
}

/**
 * The law a document builds, or every problem it has. Shape problems come first; when the only
 * ones are refinements (a missing citation, a language, an id's pattern) the structure is sound,
 * so the cross-references are checked too and everything is listed at once.
 */
export function lawOrProblems(doc: LawDocument): { law: Law } | { problems: Problem[] } {
  const parsed = LawDocumentSchema.safeParse(doc);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i): Problem => {
      const [first, index, ...rest] = i.path;
      const version = first === 'versions' && typeof index === 'number' ? doc.versions[index]?.id : undefined;
      return { where: i.path.join('.'), message: issueText(i), ...(version ? { version, path: rest.join('.') } : {}) };
    });
    if (parsed.error.issues.every((i) => i.code === 'custom')) problems.push(...lawProblems(doc));
    return { problems };
  }
  const problems = lawProblems(parsed.data);
  if (problems.length) return { problems };
  try {
    return { law: buildLaw(parsed.data) };
  } catch (error) {
    if (error instanceof KenesError) return { problems: [{ where: '(law)', message: error.text }] };
    throw error;
  }
}

export type PreparedAmendment = { version: VersionDoc; head: string[]; doc: LawDocument; law: Law; from: string };

/**
 * Checks an amendment against the stored law before anything is written: the id is new, the
 * law built WITH it has no problem (citations, languages, cross-references, order of versions),
 * and every case in force still holds unless the amendment's own cases supersede it. Throws one
 * InvalidInputError listing every problem, each naming its field, in kk, ru and en.
 *
 * @example
 * const { law, version } = await prepareAmendment(stored, readCases(dir), amendment);
 */
export async function prepareAmendment(stored: StoredLaw, base: readonly CaseEntry[], amendment: AmendmentDoc): Promise<PreparedAmendment> {
  const version = versionOf(amendment, stored);
  const problems: FieldProblem[] = [];
  if (stored.versions.some((v) => v.version.id === version.id))
    problems.push({
      field: amendment.id ? 'body.id' : amendment.kind === 'correction' ? 'body.corrects' : 'body.number',
      code: 'version-id-taken',
      message: {
        kk: `${version.id} редакциясы бұрыннан жазылған (қайтарып алынған болса да): басқа id беріңіз`,
        ru: `Редакция ${version.id} уже записана (даже если отозвана): укажите другой id`,
        en: `version ${version.id} is already recorded (even if withdrawn): give another id`,
      },
    });
  if (version.kind === 'correction') problems.push(...correctionProblems(activeDocument(stored), version));
  const head = headWith(stored, version);
  const entry: StoredVersion = { version, cases: amendment.cases, recorded: { by: '', at: '', source: 'publication' } };
  const doc = activeDocument({ ...stored, versions: [...stored.versions, entry], head: { ...stored.head, versions: head } });
  const built = lawOrProblems(doc);
  // A correction's text is merged into the version it corrects: problems there are the request's.
  const own = version.kind === 'correction' ? version.corrects! : version.id;
  if ('problems' in built) throw new InvalidInputError([...problems, ...built.problems.map((p) => fieldProblem(p, own))]);
  const brought: BroughtCases[] = [
    ...activeVersions(stored).map((v) => ({ field: `law.${v.version.id}.cases`, cases: v.cases })),
    { field: 'body.cases', cases: amendment.cases, strict: true },
  ];
  const { cases, problems: unknown } = casesInForce(base, brought);
  problems.push(...unknown, ...duplicateNames(amendment.cases), ...(await failingCases(built.law, cases)));
  if (problems.length) throw new InvalidInputError(problems);
  let from = built.law.versions.find((v) => v.id === own)!.inForceFrom;
  // A recorded publication moves the version's first day: decisions from the earlier of the two days may change.
  if (recordsPublication(version)) {
    const before = activeDocument(stored).versions.find((v) => v.id === own);
    if (before) from = [from, inForceFrom(stored.act, before)].sort()[0]!;
  }
  return { version, head, doc, law: built.law, from };
}

function duplicateNames(cases: readonly AmendmentCaseDoc[]): FieldProblem[] {
  const seen = new Set<string>();
  return cases.flatMap((c, i) => {
    if (!seen.has(c.name)) return (seen.add(c.name), []);
    const message: Text = { kk: 'бұл атау екі рет берілген', ru: 'это имя дано дважды', en: 'this name is given twice' };
    return [{ field: `body.cases.${i}.name`, code: 'duplicate-case', message }];
  });
}

/**
 * The law without one version (and the corrections that filled it in), checked like an
 * amendment: it must still build and every case in force must hold (the withdrawn version's own
 * cases go, and the ones they superseded return). Returns the problems; none means the
 * withdrawal can be recorded.
 */
export async function withdrawalProblems(stored: StoredLaw, base: readonly CaseEntry[], versionId: string): Promise<FieldProblem[]> {
  const remaining: StoredLaw = { ...stored, head: { ...stored.head, versions: headWithout(stored, versionId) } };
  const built = lawOrProblems(activeDocument(remaining));
  if ('problems' in built) return built.problems.map((p) => fieldProblem(p, versionId, `law.${versionId}`));
  const { cases } = casesInForce(
    base,
    activeVersions(remaining).map((v) => ({ field: `law.${v.version.id}.cases`, cases: v.cases })),
  );
  return failingCases(built.law, cases);
}

/** The law a stored law stands for; data that does not build is a bug (it was checked when written). */
export function storedLaw(stored: StoredLaw): Law {
  const built = lawOrProblems(activeDocument(stored));
  if ('problems' in built) throw invalidLawData(built.problems);
  return built.law;
}
