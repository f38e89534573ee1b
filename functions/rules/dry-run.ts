import type { DecisionRecord } from '../decisions.ts';
import { KenesError } from '../errors.ts';
import { evaluate } from './evaluate.ts';
import type { Law } from './law.ts';

/** What a stored decision would become under another law. */
export type OutcomeChange = {
  decisionId: string;
  councilId: string;
  subject: DecisionRecord['subject'];
  question: string;
  at: string;
  old: { outcome: string; version: string; points: string[] };
  new: { outcome: string; version: string | null; point: string | null; points: string[]; code?: string };
};

/**
 * What a replay reads of a stored decision: its question, date, facts and outcome, and for the
 * report its council, subject, version and the points of its reasons. Not the reasons' texts in
 * three languages, which make most of a record's ~4 KB (the job reads with a projection).
 */
export type ReplayRecord = Pick<DecisionRecord, 'id' | 'councilId' | 'subject' | 'question' | 'at' | 'facts' | 'outcome'> & {
  version: { id: string };
  reasons: readonly { point: string }[];
};

/**
 * Replays one decision record under a law (the law WITH an amendment): the change, or
 * undefined when the outcome stays. A refusal (e.g. a point the amendment deletes) is the
 * outcome `refused`, with its code and points; rules that cannot run on the facts are `error`.
 *
 * @example
 * await replayOne(candidate, record); // { decisionId, old: { outcome: 'rejected' }, new: { outcome: 'adopted', point: 'p25' } }
 */
export async function replayOne(law: Law, record: ReplayRecord): Promise<OutcomeChange | undefined> {
  const now = await evaluate(law, { question: record.question, at: record.at, facts: record.facts }).then(
    (answer) => ({ outcome: answer.outcome, version: answer.version.id, points: answer.reasons.map((r) => r.point) }),
    (error: unknown) =>
      error instanceof KenesError
        ? { outcome: 'refused', version: null, points: error.reasons?.map((r) => r.point) ?? [], code: error.code }
        : // Rules that cannot run on these facts: shown, not a 500.
          { outcome: 'error', version: null, points: [], code: (error as Error).message },
  );
  if (now.outcome === record.outcome) return undefined;
  return {
    decisionId: record.id,
    councilId: record.councilId,
    subject: record.subject,
    question: record.question,
    at: record.at,
    old: { outcome: record.outcome, version: record.version.id, points: record.reasons.map((r) => r.point) },
    new: { ...now, point: now.points[0] ?? null },
  };
}

/**
 * Replays decision records and lists every one whose outcome would change. Pure: the records
 * are read by the caller. The job (dry-run-job.ts) calls `replayOne` page by page instead.
 *
 * @example
 * await replay(candidate, records); // [{ decisionId, old: { outcome: 'adopted' }, new: { outcome: 'rejected', point: 'p25' } }]
 */
export async function replay(law: Law, records: readonly ReplayRecord[]): Promise<OutcomeChange[]> {
  const changes: OutcomeChange[] = [];
  for (const record of records) {
    const change = await replayOne(law, record);
    if (change) changes.push(change);
  }
  return changes;
}
