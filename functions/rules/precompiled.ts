import { readFileSync } from 'node:fs';
import type { LawDocument } from './document.ts';

/**
 * Where the law as rules/ gives it lies precompiled to JSON (`npm run rules -- compile`): beside
 * this file in the repository, and beside index.mjs in a bundle (KenesFunction copies it there;
 * both are "next to the running module"). Read, not imported: the ~150 KB stay out of the bundle
 * for the many instances that answer by the table's law and never need it.
 */
export const PRECOMPILED_FILE = new URL('./law-document.json', import.meta.url);

let cached: LawDocument | undefined;

/**
 * The law as rules/ gives it, for a function whose table holds no law yet: JSON.parse of the
 * precompiled file (about a millisecond) instead of reading, parsing and checking the YAML at
 * start (hundreds of milliseconds, seconds on a loaded machine). The file is committed, so a
 * fresh clone and the bundles need no build step; test/unit/rules/precompiled.test.ts fails
 * while it differs from rules/ (run the command, then commit both).
 */
export function precompiledLaw(): LawDocument {
  cached ??= JSON.parse(readFileSync(PRECOMPILED_FILE, 'utf8')) as LawDocument;
  return cached;
}
