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
 * Replays decision records under a law (the law WITH an amendment) and lists every record whose
 * outcome would change. A refusal (e.g. a point the amendment deletes) is the outcome
 * `refused`, with its code and points; rules that cannot run on the facts are `error`. Pure:
 * the records are read by the caller.
 *
 * @example
 * await replay(candidate, records); // [{ decisionId, old: { outcome: 'adopted' }, new: { outcome: 'rejected', point: 'p25' } }]
 */
export async function replay(law: Law, records: readonly DecisionRecord[]): Promise<OutcomeChange[]> {
  const changes: OutcomeChange[] = [];
  for (const record of records) {
    const now = await evaluate(law, { question: record.question, at: record.at, facts: record.facts }).then(
      (answer) => ({ outcome: answer.outcome, version: answer.version.id, points: answer.reasons.map((r) => r.point) }),
      (error: unknown) =>
        error instanceof KenesError
          ? { outcome: 'refused', version: null, points: error.reasons?.map((r) => r.point) ?? [], code: error.code }
          : // Rules that cannot run on these facts: shown, not a 500.
            { outcome: 'error', version: null, points: [], code: (error as Error).message },
    );
    if (now.outcome === record.outcome) continue;
    changes.push({
      decisionId: record.id,
      councilId: record.councilId,
      subject: record.subject,
      question: record.question,
      at: record.at,
      old: { outcome: record.outcome, version: record.version.id, points: record.reasons.map((r) => r.point) },
      new: { ...now, point: now.points[0] ?? null },
    });
  }
  return changes;
}
