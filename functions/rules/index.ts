/**
 * The law as data: the Regulation's versions, points, parameters and question rules read from
 * `rules/` (and, once seeded, from the table through the LawStore interface), the answers they
 * give on a date, and the administrators' amendments: publish, dry-run, diff, withdraw. Domain
 * code (the file system only in read.ts; no AWS SDK, no HTTP).
 *
 * @example
 * const law = buildLaw(readRulesDir(defaultRulesDir()));
 * await evaluate(law, { question: 'quorum', at: '2020-01-01', facts: { membersTotal: 10, membersPresent: 6 } });
 */
export type { LawDocument, AmendmentDoc } from './document.ts';
export type { LawEdition, LawSource } from './source.ts';
export type { LawDeps, Publication, PublicationDate, DryRun, SeedReport, WithdrawalResult } from './publication.ts';
export type { LawStore, StoredLaw, AuditEntry } from './store.ts';
export type { HistoryEntry } from './history.ts';
export type { LawDiff } from './diff.ts';
export type { Law, VersionAt, VersionSummary } from './law.ts';
export type { Evaluation, EvaluateOptions } from './evaluate.ts';
export type { Reading } from './engine.ts';
export type { DatesBasis } from './dates.ts';
export { readRulesDir, readCases, defaultRulesDir } from './read.ts';
export { lawSource, revalidateSecondsFromEnv } from './source.ts';
export { publishAmendment, dryRunAmendment, withdrawVersion, seedLaw, recordPublicationDate, dryRunPublicationDate } from './publication.ts';
export { versionHistory } from './history.ts';
export { diffVersions } from './diff.ts';
export { Amendment } from './document.ts';
export { buildLaw, versionInForce, listVersions, readingOf } from './law.ts';
export { evaluate } from './evaluate.ts';
export { QUESTIONS } from './facts.ts';
export { EvaluateRequest, EvaluateResponse, VersionsResponse } from './schemas.ts';
