import type { FieldProblem } from '../errors.ts';
import type { Text } from '../text.ts';
import { consolidate } from './consolidate.ts';
import type { LawDocument, VersionDoc } from './document.ts';

/**
 * Corrections: a record filling in what an earlier version said and kenes did not hold. The
 * law merges it into that version (amendments.ts `activeDocument`); this file says what a
 * correction may fill in.
 */

const onlyUnknown = {
  point: (point: string, target: string) =>
    ({
      kk: `${target} редакциясында ${point} мәтіні белгісіз деп жазылмаған: белгілі мәтінді өзгерту — бұл өзгеріс, оны жаңа редакция ретінде жариялаңыз`,
      ru: `В редакции ${target} текст ${point} не записан как неизвестный: изменение известного текста — это изменение, опубликуйте его как новую редакцию`,
      en: `${point} is not recorded as unknown in ${target}: changing a known wording is an amendment, publish it as a new version`,
    }),
  question: (question: string, target: string) =>
    ({
      kk: `${target} редакциясында ${question} ережелері белгісіз деп жазылмаған: оларды тек жаңа редакция өзгертеді`,
      ru: `В редакции ${target} правила ${question} не записаны как неизвестные: изменить их может только новая редакция`,
      en: `the rules of ${question} are not recorded as unknown in ${target}: only a new version changes them`,
    }),
  parameter: (name: string, target: string) =>
    ({
      kk: `${name} параметрі ${target} редакциясында бар: оны тек жаңа редакция өзгертеді`,
      ru: `Параметр ${name} в редакции ${target} уже есть: изменить его может только новая редакция`,
      en: `${name} is already a parameter under ${target}: only a new version changes it`,
    }),
};

/**
 * What a correction may fill in: wordings the version it corrects recorded as unknown (with the
 * text, or that the version deleted the point), question rules it recorded as unknown (or did
 * not give), parameters it did not have, and the real date of its publication when that date
 * was assumed (of any version, the repeal included). Anything else changes the law, which only a
 * new version does.
 */
export function correctionProblems(doc: LawDocument, correction: VersionDoc): FieldProblem[] {
  const at = doc.versions.findIndex((v) => v.id === correction.corrects);
  const target = doc.versions[at];
  const changes = correction.changes;
  const changesText = Object.keys({ ...changes.points, ...changes.parameters, ...changes.questions }).length > 0;
  // The real publication date may be recorded for any version whose date is assumed, the repeal included.
  if (target && recordsPublication(correction)) {
    if (target.kind === 'repeal' && !changesText) return publicationProblems(target);
    if (target.kind !== 'repeal') return [...publicationProblems(target), ...textProblems(doc, at, correction)];
  }
  if (!target || target.kind === 'repeal')
    return [
      {
        field: 'body.corrects',
        code: 'nothing-to-correct',
        message: {
          kk: `${correction.corrects ?? ''} — қолданыстағы заңның нормалары бар редакциясы емес`,
          ru: `${correction.corrects ?? ''} не является редакцией действующего закона с нормами`,
          en: `${correction.corrects ?? ''} is not a version of the law that gives rules`,
        },
      },
    ];
  return textProblems(doc, at, correction);
}

/**
 * Whether a correction records the real publication date of the version it corrects (it gives
 * `publishedOn` with `publishedIn`, where it was published), rather than only filling in text.
 */
export function recordsPublication(correction: Pick<VersionDoc, 'kind' | 'publishedIn'>): boolean {
  return correction.kind === 'correction' && correction.publishedIn !== undefined;
}

/** A publication date is recorded once: only a version whose date is still assumed takes one (withdraw a wrong record first). */
function publicationProblems(target: VersionDoc): FieldProblem[] {
  if (target.publishedOnAssumed) return [];
  return [
    {
      field: 'body.publishedOn',
      code: 'publication-already-recorded',
      message: {
        kk: `${target.id} редакциясының жариялану күні бұрыннан жазылған (${target.publishedOn}): қате болса, алдымен сол жазбаны қайтарып алыңыз`,
        ru: `Дата опубликования редакции ${target.id} уже записана (${target.publishedOn}): если она неверна, сначала отзовите ту запись`,
        en: `the publication date of ${target.id} is already recorded (${target.publishedOn}): if it is wrong, withdraw that record first`,
      },
    },
  ];
}

function textProblems(doc: LawDocument, at: number, correction: VersionDoc): FieldProblem[] {
  const target = doc.versions[at]!;
  const state = consolidate(doc.versions)[at]!;
  const problems: FieldProblem[] = [];
  const add = (field: string, message: Text) => problems.push({ field: `body.changes.${field}`, code: 'not-a-correction', message });
  for (const [point, wording] of Object.entries(correction.changes.points)) {
    const held = state.points[point];
    if (!held?.unknown || held.since !== target.id) add(`points.${point}`, onlyUnknown.point(point, target.id));
    else if (wording.unknown) add(`points.${point}`, { kk: 'мәтінді беріңіз', ru: 'укажите текст', en: 'give the wording' });
  }
  for (const question of Object.keys(correction.changes.questions)) {
    const held = state.questions[question];
    if (held && !('unknown' in held && held.since === target.id)) add(`questions.${question}`, onlyUnknown.question(question, target.id));
  }
  for (const name of Object.keys(correction.changes.parameters)) if (state.parameters[name]) add(`parameters.${name}`, onlyUnknown.parameter(name, target.id));
  return problems;
}
