/**
 * A point as a Kazakh or Russian reader cites it (one way, for the law's answers and the minutes), in the genitive ("25-тармақтың", "п. 25"), and
 * as deleted ("13-тармақ алып тасталды", "Пункт 13 исключён"). `p4.2` is subpoint 2) of point
 * 4; the sub-ids of p5 are kenes's own, so they cite point 5.
 *
 * @example
 * pointWords('p17.5').ruName; // 'подп. 5) п. 17'
 */
export type PointWords = { kk: string; ru: string; kkName: string; ruName: string; kkDeleted: string; ruDeleted: string };

export function pointWords(point: string): PointWords {
  if (point === 'preamble') return { kk: 'кіріспенің', ru: 'преамбулы', kkName: 'кіріспе', ruName: 'преамбула', kkDeleted: 'Кіріспе алып тасталды', ruDeleted: 'Преамбула исключена' };
  const order = /^order\.p(\d+)$/.exec(point);
  if (order)
    return {
      kk: `өкімнің ${order[1]}-тармағының`,
      ru: `п. ${order[1]} распоряжения`,
      kkName: `өкімнің ${order[1]}-тармағы`,
      ruName: `п. ${order[1]} распоряжения`,
      kkDeleted: `Өкімнің ${order[1]}-тармағы алып тасталды`,
      ruDeleted: `Пункт ${order[1]} распоряжения исключён`,
    };
  const [, main, sub] = /^p(\d+)(?:\.(\d+))?$/.exec(point) ?? [];
  if (!sub || main === '5')
    return { kk: `${main}-тармақтың`, ru: `п. ${main}`, kkName: `${main}-тармақ`, ruName: `п. ${main}`, kkDeleted: `${main}-тармақ алып тасталды`, ruDeleted: `Пункт ${main} исключён` };
  return {
    kk: `${main}-тармақтың ${sub}) тармақшасының`,
    ru: `подп. ${sub}) п. ${main}`,
    kkName: `${main}-тармақтың ${sub}) тармақшасы`,
    ruName: `подп. ${sub}) п. ${main}`,
    kkDeleted: `${main}-тармақтың ${sub}) тармақшасы алып тасталды`,
    ruDeleted: `Подпункт ${sub}) пункта ${main} исключён`,
  };
}
