import { ConflictError, KenesError, NotFoundError } from '../errors.ts';
import type { Text } from '../text.ts';
import { activeDocument, headWith, lawOrProblems, prepareAmendment, storedLaw, versionOf } from './amendments.ts';
import { invalidLawData } from './check.ts';
import type { AmendmentDoc } from './document.ts';
import { replayOne, type OutcomeChange, type ReplayRecord } from './dry-run.ts';
import { affectedRanges, type ReplayRange } from './dry-run-ranges.ts';
import { versionHistory, type HistoryEntry } from './history.ts';
import type { Law } from './law.ts';
import type { LawDeps } from './publication.ts';
import type { StoredLaw } from './store.ts';

/**
 * The amendment dry-run as a job: started by the route (202 with the run's id), run page by
 * page by a function of its own (functions/jobs/dry-run.ts) that saves its cursor after every
 * page and hands over to a fresh invocation before its time runs out, read by anyone at any
 * time (progress, then the report). It holds one page of decisions and that page's changes,
 * never the whole table. Domain code: the store is an interface.
 */
export type DryRunStatus = 'running' | 'done' | 'failed';

export type DryRunRun = {
  id: string;
  status: DryRunStatus;
  /** The law head's revision the run was planned against (0: the files, before seeding). */
  revision: number;
  amendment: AmendmentDoc;
  version: HistoryEntry;
  /** The days the new version itself would be in force. */
  inForce: { from: string; until: string | null };
  /** Where outcomes can change, and which questions there (dry-run-ranges.ts). */
  ranges: ReplayRange[];
  /** Where the next page starts: the range's index, and the store's cursor within it. */
  position: { range: number; after: string | null };
  examined: number;
  changed: number;
  /** Incremented by every saved page: a continuation that read an older step cannot save over a newer one. */
  step: number;
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
  error?: { code: string; message: Text };
};

/** What a page (or a failure) changes in a run. */
export type DryRunProgress = Pick<DryRunRun, 'status' | 'position' | 'examined' | 'changed' | 'updatedAt'> & Pick<Partial<DryRunRun>, 'finishedAt' | 'error'>;

export interface DryRunStore {
  create(run: DryRunRun): Promise<void>;
  get(id: string): Promise<DryRunRun | undefined>;
  /**
   * Writes `changes` (each keyed by its decision: writing one twice is harmless), then saves
   * `progress` and step + 1 only if the run is still at `step`; ConflictError otherwise.
   */
  advance(id: string, step: number, changes: readonly OutcomeChange[], progress: DryRunProgress): Promise<void>;
  /** One page of the decisions in a range, by date, with only what a replay reads. */
  decisions(range: ReplayRange, after: string | null, limit: number): Promise<{ records: ReplayRecord[]; next: string | null }>;
  /** One page of a run's changes, by date. */
  changes(id: string, after: string | null, limit: number): Promise<{ changes: OutcomeChange[]; next: string | null }>;
}

export type DryRunDeps = { law: LawDeps; runs: DryRunStore; newId: () => string };

/**
 * Decisions per page (DynamoDB also ends a page at 1 MB read, ~240 whole records): two pages of
 * projected records (~0.3 KB each, one replayed, one read ahead) stay far below a function's memory.
 */
export const PAGE_SIZE = 250;
/** Changes per page of the report. */
export const REPORT_PAGE = 500;

const notFound = (id: string) =>
  new NotFoundError('dry-run-not-found', { kk: `${id} тексеруі жоқ`, ru: `Проверка ${id} не найдена`, en: `There is no dry-run ${id}` });
const lawChanged = () =>
  new ConflictError('law-changed', {
    kk: 'Тексеру кезінде заң өзгерді (жариялау немесе қайтарып алу): тексеруді қайта бастаңыз',
    ru: 'Закон изменился во время проверки (публикация или отзыв): начните проверку заново',
    en: 'The law changed during the dry-run (a publication or a withdrawal): start it again',
  });

/** The stored law, or the files standing for it before seeding (nothing is written). */
async function baseLaw(deps: LawDeps): Promise<StoredLaw> {
  const stored = await deps.store.load();
  if (stored) return stored;
  const { doc } = deps.files();
  const recorded = { by: 'rules/', at: deps.now(), source: 'seed' as const };
  return { act: doc.act, head: { revision: 0, versions: doc.versions.map((v) => v.id) }, versions: doc.versions.map((version) => ({ version, cases: [], recorded })), withdrawals: [] };
}

/** The law without and with the amendment (400 listing every problem if it does not check). */
async function lawsOf(deps: LawDeps, amendment: AmendmentDoc) {
  const stored = await baseLaw(deps);
  const prepared = await prepareAmendment(stored, deps.files().cases, amendment);
  return { stored, prepared, before: storedLaw(stored), after: prepared.law };
}

/**
 * The law with an amendment that startDryRun checked already: built, not checked against every
 * case again (that costs ~0.4 s, paid once per run, not once per invocation).
 */
function amendedLaw(stored: StoredLaw, amendment: AmendmentDoc): Law {
  const version = versionOf(amendment, stored);
  const entry = { version, cases: amendment.cases, recorded: { by: '', at: '', source: 'publication' as const } };
  const built = lawOrProblems(activeDocument({ ...stored, versions: [...stored.versions, entry], head: { ...stored.head, versions: headWith(stored, version) } }));
  if ('problems' in built) throw invalidLawData(built.problems);
  return built.law;
}

/**
 * Checks the amendment like a publication (400 on a problem) and records a run planned over
 * the ranges it affects; the caller launches the job. With no range, the run is done at once.
 *
 * @example
 * const run = await startDryRun(deps, amendment); // { id, status: 'running', ranges: [{ from: '2021-03-12', until: '2023-01-30', questions: ['decision', …] }] }
 */
export async function startDryRun(deps: DryRunDeps, amendment: AmendmentDoc): Promise<DryRunRun> {
  const { stored, prepared, before, after } = await lawsOf(deps.law, amendment);
  const candidate: StoredLaw = {
    ...stored,
    versions: [...stored.versions, { version: prepared.version, cases: amendment.cases, recorded: { by: '(dry-run)', at: deps.law.now(), source: 'publication' } }],
    head: { ...stored.head, versions: prepared.head },
  };
  const version = versionHistory(after, candidate).find((v) => v.id === prepared.version.id)!;
  const until = version.kind === 'correction' ? (after.versions.find((v) => v.id === version.corrects)?.inForceUntil ?? null) : version.inForceUntil;
  const ranges = affectedRanges(before, after);
  const now = deps.law.now();
  const run: DryRunRun = {
    id: deps.newId(),
    status: ranges.length ? 'running' : 'done',
    revision: stored.head.revision,
    amendment,
    version,
    inForce: { from: prepared.from, until },
    ranges,
    position: { range: 0, after: null },
    examined: 0,
    changed: 0,
    step: 0,
    startedAt: now,
    updatedAt: now,
    ...(ranges.length ? {} : { finishedAt: now }),
  };
  await deps.runs.create(run);
  return run;
}

/**
 * Runs a run on from its cursor, page by page, saving after each, until it is done or
 * `timeLeft()` (ms) is under twice the slowest page so far: then it returns the run still
 * `running` with `next: 'continue'`, and the caller continues it in a fresh invocation. A page
 * saved by another continuation meanwhile (a duplicate delivery) stops this one. A law changed since the start
 * fails the run (its report would mix two laws).
 *
 * @example
 * await continueDryRun(deps, id, { timeLeft: () => context.getRemainingTimeInMillis() }); // { run: { status: 'done', examined: 10000, … }, next: 'stop' }
 */
export async function continueDryRun(deps: DryRunDeps, id: string, options: { timeLeft: () => number; pageSize?: number }): Promise<Continued> {
  let run = await deps.runs.get(id);
  if (!run) throw notFound(id);
  if (run.status !== 'running') return { run, next: 'stop' };
  if (((await deps.law.store.head())?.revision ?? 0) !== run.revision) return { run: await failDryRun(deps, run, lawChanged()), next: 'stop' };
  const law = amendedLaw(await baseLaw(deps.law), run.amendment);
  const size = options.pageSize ?? PAGE_SIZE;
  const read = (position: DryRunRun['position']) => {
    const page = deps.runs.decisions(run!.ranges[position.range]!, position.after, size);
    page.catch(() => undefined); // a page read ahead and never used must not be an unhandled rejection
    return page;
  };
  // The next page is read while this one is replayed: DynamoDB's time and the replay's overlap.
  let ahead = read(run.position);
  let slowest = 0;
  while (run.status === 'running') {
    if (slowest && options.timeLeft() < 2 * slowest) return { run, next: 'continue' };
    const started = Date.now();
    const page = await ahead;
    const position = page.next ? { range: run.position.range, after: page.next } : { range: run.position.range + 1, after: null };
    if (position.range < run.ranges.length) ahead = read(position);
    const progress = await replayPage(deps, law, run, page, position);
    try {
      await deps.runs.advance(run.id, run.step, progress.changes, progress.next);
    } catch (error) {
      if (error instanceof ConflictError) return { run: (await deps.runs.get(id))!, next: 'stop' }; // another continuation is ahead
      throw error;
    }
    run = { ...run, ...progress.next, step: run.step + 1 };
    slowest = Math.max(slowest, Date.now() - started);
  }
  return { run, next: 'stop' };
}

/** Where a continuation left a run: `continue` it in a fresh invocation, or `stop` (done, failed, or another continuation owns it). */
export type Continued = { run: DryRunRun; next: 'continue' | 'stop' };

type DecisionPage = Awaited<ReturnType<DryRunStore['decisions']>>;

/** One page read: replay each decision of the range's questions, keep only the changes, say where the next page starts. */
async function replayPage(deps: DryRunDeps, law: Law, run: DryRunRun, page: DecisionPage, position: DryRunRun['position']) {
  const range = run.ranges[run.position.range]!;
  const changes: OutcomeChange[] = [];
  for (const record of page.records) {
    if (!range.questions.includes(record.question)) continue;
    const change = await replayOne(law, record);
    if (change) changes.push(change);
  }
  const done = position.range >= run.ranges.length;
  const now = deps.law.now();
  const next: DryRunProgress = {
    status: done ? 'done' : 'running',
    position,
    examined: run.examined + page.records.length,
    changed: run.changed + changes.length,
    updatedAt: now,
    ...(done ? { finishedAt: now } : {}),
  };
  return { changes, next };
}

/** Records a run as failed, with the error's code and words (an unexpected error gets generic ones, never its message). */
export async function failDryRun(deps: DryRunDeps, run: DryRunRun, error: unknown): Promise<DryRunRun> {
  const known = error instanceof KenesError;
  const failure = {
    code: known ? error.code : 'dry-run-failed',
    message: known
      ? error.text
      : { kk: 'Тексеру сәтсіз аяқталды: оны қайта бастаңыз', ru: 'Проверка не удалась: начните её заново', en: 'The dry-run failed: start it again' },
  };
  const now = deps.law.now();
  const progress: DryRunProgress = { status: 'failed', position: run.position, examined: run.examined, changed: run.changed, updatedAt: now, finishedAt: now, error: failure };
  await deps.runs.advance(run.id, run.step, [], progress).catch((e: unknown) => {
    if (!(e instanceof ConflictError)) throw e;
  });
  return { ...run, ...progress, step: run.step + 1 };
}

/** What GET /v1/rules/dry-runs/{runId} answers: progress while running, the report when done. */
export type DryRunReport = Pick<DryRunRun, 'id' | 'status' | 'version' | 'inForce' | 'startedAt' | 'updatedAt' | 'finishedAt' | 'error'> & {
  examined: { from: string; records: number; ranges: ReplayRange[] };
  changes: OutcomeChange[];
  /** More changes: ask again with `?after=` this. */
  next?: string;
};

/**
 * A run's progress and its changes so far (all of them once done), a page at a time.
 *
 * @example
 * await dryRunReport(deps, id); // { status: 'done', examined: { records: 2 }, changes: [{ decisionId: 'd-2021', … }] }
 */
export async function dryRunReport(deps: DryRunDeps, id: string, after: string | null = null): Promise<DryRunReport> {
  const run = await deps.runs.get(id);
  if (!run) throw notFound(id);
  const page = await deps.runs.changes(id, after, REPORT_PAGE);
  const stopped = run.status === 'running' && Date.parse(deps.law.now()) - Date.parse(run.updatedAt) > STOPPED_AFTER_MS;
  return {
    id: run.id,
    status: stopped ? 'failed' : run.status,
    version: run.version,
    inForce: run.inForce,
    examined: { from: run.ranges[0]?.from ?? run.inForce.from, records: run.examined, ranges: run.ranges },
    changes: page.changes,
    ...(page.next ? { next: page.next } : {}),
    startedAt: run.startedAt,
    updatedAt: run.updatedAt,
    ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
    ...(run.error ? { error: run.error } : {}),
    ...(stopped ? { error: STOPPED } : {}),
  };
}

/**
 * A run that has not moved for this long has stopped (its function crashed past its retry):
 * each invocation saves after every page and hands over within its 5 minutes, so a live run
 * moves far more often. The report says so, and the page stops waiting for it.
 */
export const STOPPED_AFTER_MS = 15 * 60_000;
const STOPPED = {
  code: 'dry-run-stopped',
  message: {
    kk: 'Тексеру аяқталмай тоқтап қалды: оны қайта бастаңыз',
    ru: 'Проверка остановилась, не завершившись: начните её заново',
    en: 'The dry-run stopped before it finished: start it again',
  },
};
