import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { buildLaw, defaultRulesDir, readRulesDir } from '../../../functions/rules/index.ts';

/** The real law, read once per test file. */
export const rulesDir = defaultRulesDir();
export const doc = readRulesDir(rulesDir);
export const law = buildLaw(doc);

/** The case files: rules/cases/<question>.yaml (index.yaml describes the folder). */
export function caseFiles(): { question: string; cases: unknown[] }[] {
  const dir = join(rulesDir, 'cases');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== 'index.yaml')
    .sort()
    .map((f) => ({ question: f.replace(/\.yaml$/, ''), cases: parseYaml(readFileSync(join(dir, f), 'utf8'), { merge: true }) as unknown[] }));
}
