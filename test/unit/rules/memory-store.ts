import { ConflictError } from '../../../functions/errors.ts';
import type { DecisionRecord } from '../../../functions/decisions.ts';
import type { AuditEntry, LawCommit, LawHead, LawStore, StoredLaw, StoredVersion, Withdrawal } from '../../../functions/rules/store.ts';

/**
 * The LawStore contract in memory, with the adapter's conditions (a version id is written once,
 * the head only from the revision it was read at) and a JSON round trip, as DynamoDB would give.
 */
export function memoryLawStore() {
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));
  let act: StoredLaw['act'] | undefined;
  let head: LawHead | undefined;
  const versions = new Map<string, StoredVersion>();
  const withdrawals = new Map<string, Withdrawal>();
  const audit: AuditEntry[] = [];
  const decisions: DecisionRecord[] = [];
  const reads = { head: 0, load: 0 };

  const store: LawStore = {
    async head() {
      reads.head++;
      return head && copy(head);
    },
    async load() {
      reads.load++;
      if (!head || !act) return undefined;
      return copy({ act, head, versions: [...versions.values()], withdrawals: [...withdrawals.values()] });
    },
    async commit(change: LawCommit) {
      if ((head?.revision ?? undefined) !== change.expectedRevision) throw new ConflictError('law-changed', { kk: 'x', ru: 'x', en: 'the law changed' });
      for (const v of change.versions) if (versions.has(v.version.id)) throw new ConflictError('version-exists', { kk: 'x', ru: 'x', en: 'exists' });
      if (change.withdrawal && withdrawals.has(change.withdrawal.versionId)) throw new ConflictError('version-withdrawn', { kk: 'x', ru: 'x', en: 'withdrawn' });
      if (change.act && !act) act = copy(change.act);
      for (const v of change.versions) versions.set(v.version.id, copy(v));
      if (change.withdrawal) withdrawals.set(change.withdrawal.versionId, copy(change.withdrawal));
      head = copy(change.head);
      audit.push(...copy(change.audit));
    },
    async audit() {
      return copy(audit);
    },
    async decisionsFrom(date) {
      return copy(decisions.filter((d) => d.at >= date).sort((a, b) => a.at.localeCompare(b.at)));
    },
  };
  return { store, decisions, reads, audit, versions };
}
