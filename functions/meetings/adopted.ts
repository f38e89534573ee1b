import { LegalRefusalError, NotFoundError } from '../errors.ts';
import type { DecisionRecord } from '../decisions.ts';
import type { MembershipDeps } from '../membership/deps.ts';

/**
 * A Council decision some act rests on (a visit plan adopted, a reporting form approved, a
 * participant excluded, a recommendation made: p14, p24–p26): the decision record of a motion
 * of this council, closed as adopted. Anything else is refused: a 404 for no such decision, a
 * 422 citing p24 for one that was not adopted (decisions are taken on the results of a meeting).
 *
 * @example
 * const decision = await adoptedDecision(deps, councilId, body.decisionId);
 * decision.at; // the meeting's date
 */
export async function adoptedDecision(deps: MembershipDeps, councilId: string, decisionId: string): Promise<DecisionRecord & { motionId: string }> {
  const decision = await deps.store.getDecision(councilId, decisionId);
  if (!decision || decision.subject.kind !== 'motion') {
    throw new NotFoundError('decision-not-found', { kk: 'Кеңестің мұндай шешімі жоқ', ru: 'Такого решения Совета нет', en: 'No such decision of the Council' });
  }
  if (decision.question !== 'decision' || decision.outcome !== 'adopted') {
    throw new LegalRefusalError(
      'decision-not-adopted',
      { kk: 'Бұл шешім қабылданбаған', ru: 'Это решение не принято', en: 'This decision was not adopted' },
      [{ point: 'p24', code: 'decision-not-adopted', message: { kk: 'Шешім отырыстың нәтижесі бойынша қабылданады (24-тармақ): бұл дауыс беру шешім қабылдамады', ru: 'Решения принимаются по итогам заседания (п. 24): это голосование решения не приняло', en: 'Decisions are taken on the results of a meeting (p24): this vote adopted nothing' } }],
    );
  }
  return { ...decision, motionId: decision.subject.id };
}
