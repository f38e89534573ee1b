import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import { invalidLawData, issueText, lawProblems, untranslated, type Problem } from './check.ts';
import {
  ActFile,
  Case,
  LawDocument as LawDocumentSchema,
  ParameterFile,
  ParameterName,
  POINT_KEY,
  QuestionFile,
  VERSION_KEY,
  Wording,
  keyed,
  type CaseDoc,
  type LawDocument,
  type VersionDoc,
} from './document.ts';

/** `KENES_RULES_DIR`, or the repository's `rules/` found from this file's own location. */
export function defaultRulesDir(): string {
  return process.env.KENES_RULES_DIR ?? fileURLToPath(new URL('../../rules', import.meta.url));
}

const PointsFile = keyed(POINT_KEY, keyed(VERSION_KEY, Wording));

/**
 * Reads `rules/` (act.yaml, points.yaml, parameters/**, questions/*) and compiles it to the
 * LawDocument: the concept-by-concept files a lawyer reads become versions, each carrying the
 * changes it brings. Throws ONE error listing every problem (shape, unknown version ids,
 * cross-references). The only function of the rules module that touches the file system.
 *
 * @example
 * const doc = readRulesDir(defaultRulesDir());
 */
export function readRulesDir(dir: string): LawDocument {
  const problems: Problem[] = [];
  const load = <S extends z.ZodType>(path: string, schema: S): z.output<S> | undefined => {
    const file = relative(dir, path).split(sep).join('/');
    let data: unknown;
    try {
      data = parseYaml(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push({ where: file, message: untranslated(`cannot be read as YAML: ${(error as Error).message}`) });
      return undefined;
    }
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) problems.push({ where: `${file}: ${issue.path.join('.') || '(file)'}`, message: issueText(issue) });
    return undefined;
  };

  const act = load(join(dir, 'act.yaml'), ActFile);
  if (!act) throw invalidLawData(problems);
  const versions: VersionDoc[] = act.versions.map((v) => ({ ...v, changes: { points: {}, parameters: {}, questions: {} } }));
  const byId = new Map(versions.map((v) => [v.id, v]));
  const into = (where: string, versionId: string, put: (changes: VersionDoc['changes']) => void) => {
    const version = byId.get(versionId);
    if (version) put(version.changes);
    else problems.push({ where, message: untranslated(`unknown version id ${versionId} (act.yaml lists ${[...byId.keys()].join(', ')})`) });
  };

  for (const [point, wordings] of Object.entries(load(join(dir, 'points.yaml'), PointsFile) ?? {}))
    for (const [versionId, wording] of Object.entries(wordings)) into(`points.yaml: ${point}`, versionId, (c) => (c.points[point] = wording));

  for (const path of yamlFiles(join(dir, 'parameters'))) {
    const name = relative(join(dir, 'parameters'), path).replace(/\.yaml$/, '').split(sep).join('.');
    if (name === 'index' || name.endsWith('.index')) continue; // a folder's description
    const where = `parameters/${name.split('.').join('/')}.yaml`;
    if (!ParameterName.safeParse(name).success) problems.push({ where, message: untranslated('the folder path names the parameter: parameters/<folder>/<name>.yaml') });
    const file = load(path, ParameterFile);
    if (!file) continue;
    const { values, ...body } = file;
    if (!Object.keys(values).length) problems.push({ where, message: untranslated('gives no value') });
    for (const [versionId, value] of Object.entries(values)) into(`${where}: values`, versionId, (c) => (c.parameters[name] = { ...body, value }));
  }

  for (const path of yamlFiles(join(dir, 'questions'))) {
    const file = load(path, QuestionFile);
    if (!file) continue;
    const { question, versions: blocks, ...body } = file;
    const where = `questions/${question}.yaml`;
    if (!path.endsWith(`${sep}${question}.yaml`)) problems.push({ where: relative(dir, path), message: untranslated(`the file is named after its question (${question}.yaml)`) });
    for (const [versionId, block] of Object.entries(blocks)) into(`${where}: versions`, versionId, (c) => (c.questions[question] = { ...body, ...block }));
  }

  const doc: LawDocument = { format: 1, act: act.act, versions };
  const parsed = LawDocumentSchema.safeParse(doc);
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ where: issue.path.join('.'), message: issueText(issue) });
  // Cross-references are checked once every file has its shape: otherwise one broken file
  // would echo as a problem in every file that refers to it.
  else if (!problems.length) problems.push(...lawProblems(parsed.data));
  if (problems.length) throw invalidLawData(problems);
  return parsed.data!;
}

function yamlFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
}

/** A case of rules/cases, with its question and where it is written. */
export type CaseEntry = { question: string; where: string; case: CaseDoc };

/**
 * Reads rules/cases/<question>.yaml (index.yaml describes the folder): the expected answers an
 * amendment must keep, unless it supersedes them. Throws ONE error listing every problem.
 *
 * @example
 * readCases(defaultRulesDir()).length; // ~90
 */
export function readCases(dir: string): CaseEntry[] {
  const folder = join(dir, 'cases');
  const problems: Problem[] = [];
  const entries: CaseEntry[] = [];
  for (const path of yamlFiles(folder)) {
    const file = relative(dir, path).split(sep).join('/');
    if (file === 'cases/index.yaml') continue;
    const question = relative(folder, path).replace(/\.yaml$/, '');
    let list: unknown;
    try {
      list = parseYaml(readFileSync(path, 'utf8'), { merge: true });
    } catch (error) {
      problems.push({ where: file, message: untranslated(`cannot be read as YAML: ${(error as Error).message}`) });
      continue;
    }
    const parsed = z.array(Case).safeParse(list);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ where: `${file}: ${issue.path.join('.') || '(file)'}`, message: issueText(issue) });
      continue;
    }
    for (const c of parsed.data) entries.push({ question, where: `rules/${file}: ${c.name}`, case: c });
  }
  if (problems.length) throw invalidLawData(problems);
  return entries;
}
