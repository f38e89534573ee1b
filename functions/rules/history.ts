import { epochDay, today } from '../clock.ts';
import type { Text } from '../text.ts';
import { inForceFrom } from './consolidate.ts';
import { actName, listVersions, type Law, type VersionSummary } from './law.ts';
import type { Recorded, StoredLaw } from './store.ts';

/** A version in the history: its summary, who recorded it, and — if withdrawn — the record that says so. */
export type HistoryEntry = VersionSummary & {
  recorded?: Recorded & { source: 'seed' | 'publication' };
  withdrawal?: { reason: Text } & Recorded;
};

/**
 * Every version ever recorded, by date of entry into force: those of the law with their status
 * on `at`, and withdrawn ones with status `withdrawn` and the withdrawal's reason, author and
 * time. Without a stored law (rules/ read from files) it is the law's own list.
 *
 * @example
 * versionHistory(law, stored, '2020-01-01').map((v) => v.status); // ['superseded', 'superseded', 'in-force', 'withdrawn', 'repeal']
 */
export function versionHistory(law: Law, stored: StoredLaw | undefined, at: string = today()): HistoryEntry[] {
  const listed = listVersions(law, at);
  if (!stored) return listed;
  const byId = new Map(stored.versions.map((v) => [v.version.id, v]));
  const inLaw: HistoryEntry[] = listed.map((summary) => ({ ...summary, recorded: byId.get(summary.id)?.recorded }));
  const withdrawn: HistoryEntry[] = stored.withdrawals.flatMap(({ versionId, reason, recorded }) => {
    const entry = byId.get(versionId);
    if (!entry) return [];
    const { version } = entry;
    return [
      {
        id: version.id,
        kind: version.kind,
        act: actName(version),
        title: version.title,
        summary: version.summary,
        adoptedOn: version.adoptedOn,
        publishedOn: version.publishedOn,
        publishedOnAssumed: version.publishedOnAssumed,
        inForceFrom: inForceFrom(stored.act, version),
        ...(version.inForceFrom ? { inForceFromReason: version.inForceFrom.reason } : {}),
        inForceUntil: null,
        status: 'withdrawn' as const,
        recorded: entry.recorded,
        withdrawal: { reason, ...recorded },
      },
    ];
  });
  return [...inLaw, ...withdrawn].sort((x, y) => epochDay(x.inForceFrom) - epochDay(y.inForceFrom));
}
