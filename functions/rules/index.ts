/**
 * The law as data: the Regulation's versions, points, parameters and question rules read from
 * `rules/`, and the answers they give on a date. Pure domain code (the file system only in
 * readRulesDir; no AWS SDK, no HTTP).
 *
 * @example
 * const law = buildLaw(readRulesDir(defaultRulesDir()));
 * await evaluate(law, { question: 'quorum', at: '2020-01-01', facts: { membersTotal: 10, membersPresent: 6 } });
 */
export type { LawDocument } from './document.ts';
export type { Law, VersionAt, VersionSummary } from './law.ts';
export type { Evaluation, EvaluateOptions } from './evaluate.ts';
export type { Reading } from './engine.ts';
export { readRulesDir, defaultRulesDir } from './read.ts';
export { buildLaw, versionInForce, listVersions } from './law.ts';
export { evaluate } from './evaluate.ts';
export { QUESTIONS } from './facts.ts';
export { EvaluateRequest, EvaluateResponse, VersionsResponse } from './schemas.ts';
