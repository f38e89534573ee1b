import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Text } from '../text.ts';
import { activeDocument, headWith, headWithout, lawOrProblems, prepareAmendment, withdrawalProblems } from './amendments.ts';
import { invalidLawData } from './check.ts';
import { Amendment, type AmendmentCaseDoc, type AmendmentDoc, type LawDocument } from './document.ts';
import { recordsPublication } from './corrections.ts';
import { replay, type OutcomeChange } from './dry-run.ts';
import { versionHistory, type HistoryEntry } from './history.ts';
import { actName } from './law.ts';
import type { CaseEntry } from './read.ts';
import type { AuditEntry, LawStore, StoredLaw, StoredVersion } from './store.ts';

/**
 * Publishing, dry-running, withdrawing and seeding versions of the law: the administrator's
 * side of "the law as data". Domain code: the store is an interface, the files are given.
 */
export type LawDeps = {
  store: LawStore;
  /** rules/ as read from the bundle: the seed, and the cases every amendment must keep. */
  files: () => { doc: LawDocument; cases: CaseEntry[] };
  /** The wall-clock time of a record (ISO timestamp); the legal date is the clock's `today()`. */
  now: () => string;
};

const auditEntry = (entry: Omit<AuditEntry, 'id'>): AuditEntry => ({ id: randomUUID(), ...entry });
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/** What seeding did: versions written, versions already stored, and stored ones that differ from the files (kept: never overwritten). */
export type SeedReport = { added: string[]; kept: string[]; differing: string[] };

/**
 * Writes the versions of rules/ that the table does not hold yet, idempotently: each version
 * item is written only if its id is absent, and the head only if it has not moved meanwhile.
 * A version stored before is never overwritten, even if the files now say otherwise (it is
 * reported under `differing`), and a withdrawn one stays withdrawn. Runs on `npm start` and on
 * every deploy.
 *
 * @example
 * await seedLaw(deps, 'npm start'); // { added: ['order-18-2013', …], kept: [], differing: [] }
 */
export async function seedLaw(deps: LawDeps, by: string): Promise<SeedReport> {
  const { doc } = deps.files();
  for (let attempt = 1; ; attempt++) {
    const stored = await deps.store.load();
    const known = new Map(stored?.versions.map((v) => [v.version.id, v.version]));
    const missing = doc.versions.filter((v) => !known.has(v.id));
    const kept = doc.versions.filter((v) => known.has(v.id)).map((v) => v.id);
    const differing = kept.filter((id) => canonical(known.get(id)) !== canonical(doc.versions.find((v) => v.id === id)));
    if (stored && !missing.length) return { added: [], kept, differing };
    const at = deps.now();
    const revision = (stored?.head.revision ?? 0) + 1;
    const versions: StoredVersion[] = missing.map((version) => ({ version, cases: [], recorded: { by, at, source: 'seed' } }));
    let next: StoredLaw = stored ?? { act: doc.act, head: { revision: 0, versions: [] }, versions: [], withdrawals: [] };
    for (const entry of versions) next = { ...next, versions: [...next.versions, entry], head: { ...next.head, versions: headWith(next, entry.version) } };
    const built = lawOrProblems(activeDocument(next));
    if ('problems' in built) throw invalidLawData(built.problems);
    try {
      await deps.store.commit({
        ...(stored ? {} : { act: doc.act }),
        versions,
        head: { revision, versions: next.head.versions },
        expectedRevision: stored?.head.revision,
        audit: missing.map((v) => auditEntry({ action: 'seed', versionId: v.id, act: actName(v), by, at, revision })),
      });
      return { added: missing.map((v) => v.id), kept, differing };
    } catch (error) {
      // Another process seeded or published meanwhile: look again.
      if (!(error instanceof ConflictError) || attempt >= 3) throw error;
    }
  }
}

/** The stored law, seeding it first if the table holds none yet (a publication needs the history in the table). */
async function loadSeeded(deps: LawDeps): Promise<StoredLaw> {
  const stored = await deps.store.load();
  if (stored) return stored;
  await seedLaw(deps, 'kenes: seeded before the first change');
  return (await deps.store.load())!;
}

/** The stored law as it is, or — before seeding — the files standing for it (nothing is written). */
async function loadOrFiles(deps: LawDeps): Promise<StoredLaw> {
  const stored = await deps.store.load();
  if (stored) return stored;
  const { doc } = deps.files();
  const recorded = { by: 'rules/', at: deps.now(), source: 'seed' as const };
  return { act: doc.act, head: { revision: 0, versions: doc.versions.map((v) => v.id) }, versions: doc.versions.map((version) => ({ version, cases: [], recorded })), withdrawals: [] };
}

export type Publication = { version: HistoryEntry; revision: number };

/**
 * Publishes an amendment: checks it (400 listing every problem), then writes the new version,
 * the new head and the audit entry in one transaction. Nothing earlier is rewritten. A
 * concurrent change of the law is a 409 (publish again: it is checked against the new law).
 *
 * @example
 * await publishAmendment(deps, amendment, identity.sub); // { version: { id: 'order-7-2021', status: 'not-yet-in-force', … }, revision: 2 }
 */
export async function publishAmendment(deps: LawDeps, amendment: AmendmentDoc, by: string): Promise<Publication> {
  const stored = await loadSeeded(deps);
  const prepared = await prepareAmendment(stored, deps.files().cases, amendment);
  const at = deps.now();
  const revision = stored.head.revision + 1;
  const entry: StoredVersion = { version: prepared.version, cases: amendment.cases, recorded: { by, at, source: 'publication' } };
  await deps.store.commit({
    versions: [entry],
    head: { revision, versions: prepared.head },
    expectedRevision: stored.head.revision,
    audit: [auditEntry({ action: recordsPublication(prepared.version) ? 'publication-date' : 'publication', versionId: prepared.version.id, act: actName(prepared.version), by, at, revision })],
  });
  const summary = versionHistory(prepared.law, { ...stored, versions: [...stored.versions, entry], head: { revision, versions: prepared.head } }).find((v) => v.id === prepared.version.id)!;
  return { version: summary, revision };
}

export type DryRun = {
  version: HistoryEntry;
  /** The days the new version itself would be in force. */
  inForce: { from: string; until: string | null };
  /**
   * The decisions replayed: every one from the version's entry into force on, not only those
   * of its own range, since later versions apply on top of it and carry its changes forward.
   */
  examined: { from: string; records: number };
  changes: OutcomeChange[];
};

/**
 * What publishing would change, with nothing written: checks the amendment like a publication,
 * then replays every stored decision dated on or after its entry into force under the law with
 * it, and lists each whose outcome would differ.
 *
 * @example
 * (await dryRunAmendment(deps, amendment)).changes; // [{ decisionId, old: { outcome: 'adopted' }, new: { outcome: 'rejected', point: 'p25' } }]
 */
export async function dryRunAmendment(deps: LawDeps, amendment: AmendmentDoc): Promise<DryRun> {
  const stored = await loadOrFiles(deps);
  const prepared = await prepareAmendment(stored, deps.files().cases, amendment);
  const records = await deps.store.decisionsFrom(prepared.from);
  const candidate: StoredLaw = {
    ...stored,
    versions: [...stored.versions, { version: prepared.version, cases: amendment.cases, recorded: { by: '(dry-run)', at: deps.now(), source: 'publication' } }],
    head: { ...stored.head, versions: prepared.head },
  };
  const version = versionHistory(prepared.law, candidate).find((v) => v.id === prepared.version.id)!;
  const until = version.kind === 'correction' ? (prepared.law.versions.find((v) => v.id === version.corrects)?.inForceUntil ?? null) : version.inForceUntil;
  return {
    version,
    inForce: { from: prepared.from, until },
    examined: { from: prepared.from, records: records.length },
    changes: await replay(prepared.law, records),
  };
}

export type WithdrawalResult = { versionId: string; revision: number; reason: Text; by: string; at: string };

/**
 * Withdraws a mistaken version by a new record that says so: the version stays stored, the
 * head no longer lists it, and the law built thereafter skips it. Refused (409) when the law
 * without it would not build or a case in force would fail (e.g. withdrawing the adoption).
 *
 * @example
 * await withdrawVersion(deps, 'order-7-2021', { kk: '…', ru: '…', en: 'published by mistake' }, identity.sub);
 */
export async function withdrawVersion(deps: LawDeps, versionId: string, reason: Text, by: string): Promise<WithdrawalResult> {
  const stored = await loadSeeded(deps);
  const entry = stored.versions.find((v) => v.version.id === versionId);
  if (!entry)
    throw new NotFoundError('version-not-found', { kk: `${versionId} редакциясы жазылмаған`, ru: `Редакция ${versionId} не записана`, en: `Version ${versionId} is not recorded` });
  if (!stored.head.versions.includes(versionId))
    throw new ConflictError('version-withdrawn', { kk: `${versionId} редакциясы бұрыннан қайтарып алынған`, ru: `Редакция ${versionId} уже отозвана`, en: `Version ${versionId} is already withdrawn` });
  const problems = await withdrawalProblems(stored, deps.files().cases, versionId);
  if (problems.length)
    throw new ConflictError(
      'withdrawal-breaks-law',
      {
        kk: `${versionId} редакциясын қайтарып алуға болмайды: онсыз заң жарамсыз немесе қолданыстағы жағдайлар орындалмайды`,
        ru: `Редакцию ${versionId} нельзя отозвать: без неё закон неверен или действующие случаи не выполняются`,
        en: `Version ${versionId} cannot be withdrawn: without it the law is invalid or cases in force fail`,
      },
      { details: problems },
    );
  const at = deps.now();
  const revision = stored.head.revision + 1;
  await deps.store.commit({
    versions: [],
    withdrawal: { versionId, reason, recorded: { by, at } },
    head: { revision, versions: headWithout(stored, versionId) },
    expectedRevision: stored.head.revision,
    audit: [auditEntry({ action: 'withdrawal', versionId, act: actName(entry.version), by, at, revision, reason })],
  });
  return { versionId, revision, reason, by, at };
}

/** The real publication of a version, as an administrator found it: the date, where (kk, ru, en), and cases that show its effect. */
export type PublicationDate = { publishedOn: string; publishedIn: Text; cases?: AmendmentCaseDoc[] };

/**
 * The correction that records the real publication date of a version whose date was assumed:
 * an amendment of kind `correction` giving `publishedOn` and `publishedIn`, titled after the
 * version. It is checked, dry-run, published and withdrawn like any correction; the law built
 * with it dates the version (and the one before it) from the real publication.
 *
 * @example
 * publicationDateAmendment(stored, 'order-18-2013', { publishedOn: '2013-11-20', publishedIn: { kk: '…', ru: '…', en: '«Әділет» legal information system' } });
 */
export function publicationDateAmendment(stored: StoredLaw, versionId: string, input: PublicationDate): AmendmentDoc {
  const target = stored.versions.find((v) => v.version.id === versionId)?.version;
  if (!target)
    throw new NotFoundError('version-not-found', { kk: `${versionId} редакциясы жазылмаған`, ru: `Редакция ${versionId} не записана`, en: `Version ${versionId} is not recorded` });
  return Amendment.parse({
    kind: 'correction',
    corrects: versionId,
    publishedOn: input.publishedOn,
    publishedIn: input.publishedIn,
    title: {
      kk: `${target.title.kk}: алғашқы ресми жарияланған күні`,
      ru: `${target.title.ru}: дата первого официального опубликования`,
      en: `${target.title.en}: the date of its first official publication`,
    },
    cases: input.cases ?? [],
  });
}

/**
 * Records the real publication date of a version (POST /v1/rules/versions/{versionId}/publication,
 * `npm run rules -- publication-date`): a correction, append-only and audited
 * (`publication-date`), withdrawn like any version; from then on the version's dates follow it,
 * and the answers resting on them are no longer marked assumed.
 *
 * @example
 * await recordPublicationDate(deps, 'order-18-2013', { publishedOn: '2013-11-20', publishedIn }, identity.sub);
 */
export async function recordPublicationDate(deps: LawDeps, versionId: string, input: PublicationDate, by: string): Promise<Publication> {
  const stored = await loadSeeded(deps);
  return publishAmendment(deps, publicationDateAmendment(stored, versionId, input), by);
}

/** What recording the date would change, with nothing written. */
export async function dryRunPublicationDate(deps: LawDeps, versionId: string, input: PublicationDate): Promise<DryRun> {
  const stored = await loadOrFiles(deps);
  return dryRunAmendment(deps, publicationDateAmendment(stored, versionId, input));
}
