import { epochDay, today } from '../clock.ts';
import type { Text } from '../text.ts';
import { inForceFrom, publicationOf } from './consolidate.ts';
import { datesOf } from './dates.ts';
import type { VersionDoc } from './document.ts';
import { actName, listVersions, type Law, type VersionStatus, type VersionSummary } from './law.ts';
import type { Recorded, StoredLaw, StoredVersion } from './store.ts';

/** A version in the history: its summary, who recorded it, and — if withdrawn — the record that says so. */
export type HistoryEntry = VersionSummary & {
  corrects?: string;
  recorded?: Recorded & { source: 'seed' | 'publication' };
  withdrawal?: { reason: Text } & Recorded;
};

/**
 * Every version ever recorded, by date of entry into force: those of the law with their status
 * on `at`; corrections (status `correction`, dated from the version they fill in); withdrawn
 * ones (status `withdrawn`, with the withdrawal's reason, author and time). Without a stored
 * law (rules/ read from files) it is the law's own list.
 *
 * @example
 * versionHistory(law, stored, '2020-01-01').map((v) => v.status); // ['superseded', 'superseded', 'in-force', 'withdrawn', 'repeal']
 */
export function versionHistory(law: Law, stored: StoredLaw | undefined, at: string = today()): HistoryEntry[] {
  const listed = listVersions(law, at);
  if (!stored) return listed;
  const byId = new Map(stored.versions.map((v) => [v.version.id, v]));
  const inLaw: HistoryEntry[] = listed.map((summary) => ({ ...summary, recorded: byId.get(summary.id)?.recorded }));
  const withdrawn = new Map(stored.withdrawals.map((w) => [w.versionId, w]));
  const active = new Set(stored.head.versions);
  const others: HistoryEntry[] = stored.versions.flatMap((entry): HistoryEntry[] => {
    const { id, kind } = entry.version;
    const withdrawal = withdrawn.get(id);
    if (withdrawal) return [recordOf(stored, entry, 'withdrawn', { withdrawal: { reason: withdrawal.reason, ...withdrawal.recorded } })];
    // An active correction is dated from the version it fills in, as the law now dates it.
    if (kind === 'correction' && active.has(id)) return [recordOf(stored, entry, 'correction', {}, law.versions.find((v) => v.id === entry.version.corrects)?.inForceFrom)];
    return [];
  });
  return [...inLaw, ...others].sort((x, y) => epochDay(x.inForceFrom) - epochDay(y.inForceFrom));
}

/** A version that is not one of the law's (withdrawn, or a correction), summarised from its record. */
function recordOf(stored: StoredLaw, entry: StoredVersion, status: VersionStatus, extra: Partial<HistoryEntry>, datedFrom?: string): HistoryEntry {
  const { version } = entry;
  const dated: VersionDoc = (version.kind === 'correction' && stored.versions.find((v) => v.version.id === version.corrects)?.version) || version;
  const publication = publicationOf(stored.act, version);
  const from = datedFrom ?? inForceFrom(stored.act, dated);
  return {
    id: version.id,
    kind: version.kind,
    ...(version.corrects ? { corrects: version.corrects } : {}),
    act: actName(version),
    title: version.title,
    summary: version.summary,
    adoptedOn: version.adoptedOn,
    publishedOn: publication.on,
    publishedOnAssumed: version.publishedOnAssumed,
    ...(version.publishedIn ? { publishedIn: version.publishedIn } : {}),
    ...(publication.registeredOn ? { registeredOn: publication.registeredOn } : {}),
    inForceFrom: from,
    ...(version.inForceFrom ? { inForceFromReason: version.inForceFrom.reason } : {}),
    inForceUntil: null,
    dates: datesOf({ id: version.id, title: version.title, publishedOn: publication.on, publishedOnAssumed: version.publishedOnAssumed, publishedIn: version.publishedIn, inForceFrom: from }),
    status,
    recorded: entry.recorded,
    ...extra,
  };
}
