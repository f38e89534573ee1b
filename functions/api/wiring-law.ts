import { defaultRulesDir, readCases, readRulesDir, type LawDeps } from '../rules/index.ts';
import { dynamoLawStore } from '../store/law.ts';

/**
 * The wiring of the law's own acts (publication, withdrawal, a publication date, the seed, the
 * dry-run): they need rules/ as YAML and its cases, which the functions that only answer by the
 * law never load (functions/api/wiring.ts): yaml stays out of their bundles.
 */

/**
 * rules/ as bundled beside the function, read from YAML: the seed, and the cases every amendment
 * must keep. Only publication, seeding and dry-runs need it (lawDeps); read once, on first use.
 */
let files: ReturnType<LawDeps['files']> | undefined;
function lawFiles(): ReturnType<LawDeps['files']> {
  const dir = defaultRulesDir();
  files ??= { doc: readRulesDir(dir), cases: readCases(dir) };
  return files;
}

/** What publishing, dry-runs, withdrawals and seeding need: the law's store, rules/, the time. */
export function lawDeps(): LawDeps {
  return { store: dynamoLawStore(), files: lawFiles, now: () => new Date().toISOString() };
}

