import type { Recommendation, RecommendationStatus } from './model.ts';

/**
 * Where a recommendation (p14.11) or proposal (p14.12) stands on `on`: drafted; sent; answered
 * (accepted, partly, rejected); or `no-answer` when sent, its response due before `on`, and no
 * response recorded: overdue, flagged in the Chairperson's notices.
 *
 * @example
 * statusOn({ …, sending: { sentOn: '2021-03-01', responseDueOn: '2021-04-01' } }, '2021-04-02'); // 'no-answer'
 */
export function statusOn(r: Pick<Recommendation, 'sending' | 'response'>, on: string): RecommendationStatus {
  if (r.response) return r.response.status;
  if (!r.sending) return 'drafted';
  return r.sending.responseDueOn < on ? 'no-answer' : 'sent';
}

export const isOverdue = (r: Pick<Recommendation, 'sending' | 'response'>, on: string): boolean => statusOn(r, on) === 'no-answer';
