/** What the rules evaluator answers (functions/rules): an outcome, every reason, the version. */
export type { Evaluation } from './rules/index.ts';
import type { Evaluation } from './rules/index.ts';

/** Asks the law a question at a date. Every council action decides through this, nothing else. */
export type Decide = (question: string, at: string, facts: Record<string, unknown>) => Promise<Evaluation>;

/**
 * A decision made on behalf of a council action, kept with its facts, version and outcome so
 * that an amendment's dry-run can replay it (the amendments issue).
 */
export type DecisionRecord = Evaluation & {
  id: string;
  councilId: string;
  facts: Record<string, unknown>;
  subject: { kind: string; id: string };
};
