import { InvalidInputError, type FieldProblem } from '../errors.ts';
import type { PlannedVisit } from './model.ts';

/**
 * The pure checks of a visit plan (p14.6) before the law is asked whether it is within budget:
 * each visit inside the plan's period and in the register, its dates in order, and the total
 * an exact integer of tiyn. Every problem names its field.
 */

/**
 * The plan's total cost in tiyn, or a 400 naming `body.visits` when the sum is not an exact integer.
 *
 * @example
 * totalTiyn([{ costTiyn: 150 }, { costTiyn: 50 }]); // 200
 */
export function totalTiyn(visits: Pick<PlannedVisit, 'costTiyn'>[]): number {
  const total = visits.reduce((sum, v) => sum + v.costTiyn, 0);
  if (!Number.isSafeInteger(total)) throw new InvalidInputError([{ field: 'body.visits', code: 'total-too-large', message: TOO_LARGE }]);
  return total;
}

const TOO_LARGE = { kk: 'сапарлардың жалпы құны тым үлкен', ru: 'общая стоимость посещений слишком велика', en: 'the total cost of the visits is too large' };

/**
 * Every problem of the plan's dates and references, each naming its field.
 *
 * @example
 * visitProblems({ from: '2020-03-01', to: '2020-06-30' }, [{ institutionId: 'x', from: '2020-07-01', to: '2020-07-02', costTiyn: 0 }], new Set(['x']), new Set());
 * // [{ field: 'body.visits.0.from', code: 'outside-period', … }]
 */
export function visitProblems(period: { from: string; to: string }, visits: PlannedVisit[], institutions: ReadonlySet<string>, participants: ReadonlySet<string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (period.from > period.to) problems.push({ field: 'body.period.to', code: 'period-reversed', message: PERIOD_REVERSED });
  visits.forEach((visit, i) => {
    const at = `body.visits.${i}`;
    if (!institutions.has(visit.institutionId)) problems.push({ field: `${at}.institutionId`, code: 'institution-not-found', message: NOT_IN_REGISTER });
    if (visit.from < period.from || visit.from > period.to) problems.push({ field: `${at}.from`, code: 'outside-period', message: OUTSIDE });
    if (visit.to < period.from || visit.to > period.to) problems.push({ field: `${at}.to`, code: 'outside-period', message: OUTSIDE });
    if (visit.from > visit.to) problems.push({ field: `${at}.to`, code: 'visit-reversed', message: VISIT_REVERSED });
    (visit.participantIds ?? []).forEach((id, j) => {
      if (!participants.has(id)) problems.push({ field: `${at}.participantIds.${j}`, code: 'participant-not-found', message: NO_PARTICIPANT });
    });
  });
  return problems;
}

const PERIOD_REVERSED = { kk: 'жоспар кезеңінің соңы басынан кейін болуы керек', ru: 'конец периода плана должен быть не раньше его начала', en: 'the end of the period must not precede its start' };
const NOT_IN_REGISTER = { kk: 'мұндай мекеме тізілімде жоқ', ru: 'такого учреждения нет в реестре', en: 'no such institution in the register' };
const OUTSIDE = { kk: 'сапар күні жоспар кезеңінің ішінде болуы керек', ru: 'дата посещения должна быть в пределах периода плана', en: 'the visit must fall within the period of the plan' };
const VISIT_REVERSED = { kk: 'сапардың соңы басынан кейін болуы керек', ru: 'окончание посещения должно быть не раньше его начала', en: 'the end of the visit must not precede its start' };
const NO_PARTICIPANT = { kk: 'мұндай қатысушы жоқ', ru: 'такого участника нет', en: 'no such participant' };
