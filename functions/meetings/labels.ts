import { pointWords } from '../rules/point-words.ts';
import { format, type Text } from '../text.ts';
import type { Bilingual, MinutesDoc, WorkingLanguage } from './minutes-doc.ts';

type Motion = MinutesDoc['motions'][number];

/** Every fixed word of the minutes, in one working language. */
export type MinutesLabels = {
  /** The heading's first line: the body the Council sits under (its parent), as a state body's minutes open. */
  parentBody: string;
  title: string;
  /** Calendar summaries (functions/meetings/calendar.ts). */
  meeting: Record<MinutesDoc['meeting']['kind'], string>;
  /** Under the title: of which meeting these are the minutes. */
  subtitle: Record<MinutesDoc['meeting']['kind'], string>;
  start: string;
  end: string;
  field: string;
  convenedBy: string;
  presiding: string;
  keptBy: string;
  /** A person's standing at the meeting, as a list of those present says it. */
  capacity: Record<MinutesDoc['present'][number]['capacity'] | 'member-on-instruction', string>;
  /** The signers, as the signature block names them. */
  signers: Record<'chairperson' | 'secretary', string>;
  present: string;
  absent: string;
  invited: string;
  quorum: string;
  agenda: string;
  heard: string;
  decided: string;
  initiator: string;
  speakers: string;
  nothingPut: string;
  hearings: string;
  otherMotions: string;
  motionKinds: Record<Motion['kind'], string>;
  categories: Record<Motion['category'], string>;
  categoriesPlural: Record<Motion['category'], string>;
  /** «for» — 6, «against» — 4, «abstained» — 0: ICU MessageFormat with `for`, `against`, `abstained`. */
  voteCount: string;
  outcome: string;
  outcomes: Record<string, string>;
  /** After "Кворум:" / "Кворум:". */
  quorumOutcomes: Record<'quorate' | 'not-quorate', string>;
  notClosed: string;
  reasons: string;
  version: string;
  /** Each decision adopted is a recommendation (p26). */
  recommendation: string;
  dissent: string;
  /** Votes the Secretary entered for members by a show of hands: `{by}` entered them. */
  entered: string;
  /** A written opinion the Secretary entered for its author. */
  enteredBy: string;
  writtenIn: string;
  languages: Record<Motion['dissents'][number]['language'], string>;
  adopted: string;
  complaints: string;
  noComplaints: string;
  receivedOn: string;
  /** p26, as the Regulation says it. */
  recommendatory: string;
  signatures: string;
  signedAt: string;
  /** The zone of every real time shown (Asia/Almaty). */
  timeZone: string;
  notSigned: string;
  otherContent: string;
  voided: string;
  voidedAt: string;
  corrections: string;
  correctionReason: string;
  contentHash: string;
  none: string;
  page: string;
  months: string[];
  /** Months as they stand in "the order of <day> <month>" (kk locative, ru genitive). */
  monthsOf: string[];
};

/**
 * The labels of the minutes in the two working languages (p30); terms as in the glossary of
 * the Regulation (отырыс/заседание, хаттама/протокол, ерекше пікір/особое мнение, ...) and the
 * headings of a state body's minutes (ТЫҢДАЛДЫ/СЛУШАЛИ, ШЕШТІ/РЕШИЛИ).
 *
 * @example
 * MINUTES_LABELS.kk.title; // 'ХАТТАМА'
 */
export const MINUTES_LABELS = {
  kk: {
    parentBody: 'Адам құқықтары жөніндегі уәкіл жанындағы Үйлестіру кеңесі',
    title: 'ХАТТАМА',
    meeting: { regular: 'Үйлестіру кеңесінің отырысы', extraordinary: 'Үйлестіру кеңесінің кезектен тыс отырысы' },
    subtitle: { regular: 'Үйлестіру кеңесінің отырысы', extraordinary: 'Үйлестіру кеңесінің кезектен тыс отырысы' },
    start: 'Отырыстың басталуы',
    end: 'аяқталуы',
    field: 'Өңірдегі көшпелі отырыс',
    convenedBy: 'Отырысты шақырған',
    presiding: 'Төрағалық еткен',
    keptBy: 'Хаттаманы жүргізген',
    capacity: {
      chairperson: 'Үйлестіру кеңесінің Төрағасы',
      secretary: 'Үйлестіру кеңесінің хатшысы',
      member: 'Үйлестіру кеңесінің мүшесі',
      'member-on-instruction': 'Төрағаның тапсырмасы бойынша Үйлестіру кеңесінің мүшесі',
    },
    signers: { chairperson: 'Төраға', secretary: 'Хатшы' },
    present: 'Қатысқандар',
    absent: 'Қатыспағандар',
    invited: 'Шақырылғандар',
    quorum: 'Кворум',
    agenda: 'КҮН ТӘРТІБІ',
    heard: 'ТЫҢДАЛДЫ',
    decided: 'ШЕШТІ',
    initiator: 'мәселенің бастамашысы',
    speakers: 'Сөз сөйлегендер',
    nothingPut: 'Мәселе бойынша дауысқа ештеңе қойылған жоқ.',
    hearings: 'Лауазымды адамдардың ақпараты тыңдалды',
    otherMotions: 'Күн тәртібінен тыс мәселелер',
    motionKinds: {
      ordinary: 'кәдімгі мәселе',
      termination: 'мүшенің өкілеттіктерін тоқтату',
      suspension: 'мүшенің өкілеттіктерін тоқтата тұру',
      dissolution: 'Үйлестіру кеңесін жою',
    },
    categories: { recommendation: 'ұсыным', proposal: 'ұсыныс', decision: 'шешім' },
    categoriesPlural: { recommendation: 'Ұсынымдар', proposal: 'Ұсыныстар', decision: 'Шешімдер' },
    voteCount: 'Дауыс беру нәтижесі: «жақ» — {for}, «қарсы» — {against}, «қалыс қалды» — {abstained}.',
    outcome: 'Нәтижесі',
    outcomes: {
      adopted: 'қабылданды',
      rejected: 'қабылданбады',
      quorate: 'кворум бар',
      'not-quorate': 'кворум жоқ',
      'not-full-membership': 'толық құрам болмағандықтан қабылданбады',
    },
    quorumOutcomes: { quorate: 'бар', 'not-quorate': 'жоқ' },
    notClosed: 'дауыс беру аяқталмаған',
    reasons: 'Негіздемесі',
    version: 'Ереженің редакциясы',
    recommendation: 'Шешім ұсыным беру сипатында',
    dissent: 'Ерекше пікір',
    entered: 'Қол көтеру арқылы берілген дауыстарды хатшы ({by}) енгізді',
    enteredBy: 'хатшы енгізді',
    writtenIn: 'жазылған тілі',
    languages: { kk: 'қазақ тілі', ru: 'орыс тілі', en: 'ағылшын тілі' },
    adopted: 'Қабылданған ұсынымдар мен ұсыныстар',
    complaints: 'Азаптау туралы түскен шағымдар мен хабарламалар',
    noComplaints: 'Алдыңғы отырыстан бері азаптау туралы шағымдар мен хабарламалар түскен жоқ',
    receivedOn: 'Түскен күні',
    recommendatory: 'Үйлестіру кеңесінің шешімдері ұсыным беру сипатына ие',
    signatures: 'Қолтаңбалар',
    signedAt: 'қол қойылған нақты уақыты',
    timeZone: 'Астана уақытымен',
    notSigned: 'әлі қол қойылмаған',
    otherContent: 'қолтаңба хаттаманың басқа мазмұнына қойылған',
    voided: 'Кейінгі өзгеріске байланысты күшін жойған қолтаңбалар',
    voidedAt: 'күшін жойған уақыты',
    corrections: 'Қол қойылғаннан кейінгі түзетулер',
    correctionReason: 'Себебі',
    contentHash: 'Хаттама мазмұнының SHA-256 хэші',
    none: 'жоқ',
    page: 'бет',
    months: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
    monthsOf: [
      'қаңтардағы', 'ақпандағы', 'наурыздағы', 'сәуірдегі', 'мамырдағы', 'маусымдағы',
      'шілдедегі', 'тамыздағы', 'қыркүйектегі', 'қазандағы', 'қарашадағы', 'желтоқсандағы',
    ],
  },
  ru: {
    parentBody: 'Координационный совет при Уполномоченном по правам человека',
    title: 'ПРОТОКОЛ',
    meeting: { regular: 'Заседание Координационного совета', extraordinary: 'Внеочередное заседание Координационного совета' },
    subtitle: { regular: 'заседания Координационного совета', extraordinary: 'внеочередного заседания Координационного совета' },
    start: 'Начало заседания',
    end: 'окончание',
    field: 'Выездное заседание в регионе',
    convenedBy: 'Заседание созвано',
    presiding: 'Председательствующий',
    keptBy: 'Протокол вёл(а)',
    capacity: {
      chairperson: 'Председатель Координационного совета',
      secretary: 'секретарь Координационного совета',
      member: 'член Координационного совета',
      'member-on-instruction': 'член Координационного совета по поручению Председателя',
    },
    signers: { chairperson: 'Председатель', secretary: 'Секретарь' },
    present: 'Присутствовали',
    absent: 'Отсутствовали',
    invited: 'Приглашённые',
    quorum: 'Кворум',
    agenda: 'ПОВЕСТКА ДНЯ',
    heard: 'СЛУШАЛИ',
    decided: 'РЕШИЛИ',
    initiator: 'инициатор вопроса',
    speakers: 'Выступили',
    nothingPut: 'На голосование по вопросу ничего не ставилось.',
    hearings: 'Заслушана информация должностных лиц',
    otherMotions: 'Вопросы вне повестки дня',
    motionKinds: {
      ordinary: 'обычный вопрос',
      termination: 'прекращение полномочий члена',
      suspension: 'приостановление полномочий члена',
      dissolution: 'ликвидация Координационного совета',
    },
    categories: { recommendation: 'рекомендация', proposal: 'предложение', decision: 'решение' },
    categoriesPlural: { recommendation: 'Рекомендации', proposal: 'Предложения', decision: 'Решения' },
    voteCount: 'Итоги голосования: «за» — {for}, «против» — {against}, «воздержались» — {abstained}.',
    outcome: 'Итог',
    outcomes: {
      adopted: 'принято',
      rejected: 'не принято',
      quorate: 'кворум есть',
      'not-quorate': 'кворума нет',
      'not-full-membership': 'не принято: нет полного состава',
    },
    quorumOutcomes: { quorate: 'есть', 'not-quorate': 'нет' },
    notClosed: 'голосование не завершено',
    reasons: 'Обоснование',
    version: 'Редакция Положения',
    recommendation: 'Решение носит рекомендательный характер',
    dissent: 'Особое мнение',
    entered: 'Голоса, поданные поднятием руки, внесены секретарём ({by})',
    enteredBy: 'внесено секретарём',
    writtenIn: 'язык написания',
    languages: { kk: 'казахский язык', ru: 'русский язык', en: 'английский язык' },
    adopted: 'Принятые рекомендации и предложения',
    complaints: 'Поступившие жалобы и сообщения о пытках',
    noComplaints: 'Со времени предыдущего заседания жалобы и сообщения о пытках не поступали',
    receivedOn: 'Дата поступления',
    recommendatory: 'Решения Координационного совета носят рекомендательный характер',
    signatures: 'Подписи',
    signedAt: 'фактическое время подписания',
    timeZone: 'по времени Астаны',
    notSigned: 'ещё не подписано',
    otherContent: 'подпись поставлена под другим содержанием протокола',
    voided: 'Подписи, утратившие силу из-за последующего изменения',
    voidedAt: 'утратила силу',
    corrections: 'Исправления после подписания',
    correctionReason: 'Причина',
    contentHash: 'SHA-256 содержания протокола',
    none: 'нет',
    page: 'стр.',
    months: [
      'января', 'февраля', 'марта', 'апреля', 'мая', 'июня',
      'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
    ],
    monthsOf: [
      'января', 'февраля', 'марта', 'апреля', 'мая', 'июня',
      'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
    ],
  },
} as const satisfies Record<WorkingLanguage, MinutesLabels>;

/**
 * Counts that meet nouns, as ICU MessageFormat (functions/text.ts `format`): Russian nouns
 * agree with the number; Kazakh nouns after a numeral stay singular. (`en` only completes the
 * formatter's three languages: minutes are kk or ru.)
 */
const COUNTS = {
  people: {
    kk: '{n} адам',
    ru: '{n, plural, one {# человек} few {# человека} many {# человек} other {# человека}}',
    en: '{n, plural, one {# person} other {# people}}',
  },
} as const satisfies Record<string, Text>;

/**
 * A count with its noun in a working language.
 *
 * @example
 * countOf('people', 3, 'ru'); // '3 человека'
 */
export function countOf(noun: keyof typeof COUNTS, n: number, lang: WorkingLanguage): string {
  return format(COUNTS[noun], { n })[lang];
}

/**
 * A message of the labels filled with its values, numbers agreeing (ICU MessageFormat).
 *
 * @example
 * fill(MINUTES_LABELS.ru.voteCount, { for: 6, against: 4, abstained: 0 }, 'ru'); // 'Итоги голосования: «за» — 6, …'
 */
export function fill(message: string, values: Record<string, string | number>, lang: WorkingLanguage): string {
  return format({ kk: message, ru: message, en: message }, values)[lang];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date (YYYY-MM-DD) in words; anything else is returned as given.
 *
 * @example
 * formatDate('2020-03-05', 'kk'); // '2020 жылғы 5 наурыз'
 * formatDate('2020-03-05', 'ru'); // '5 марта 2020 года'
 */
export function formatDate(date: string, lang: WorkingLanguage): string {
  const parts = ISO_DATE.exec(date);
  const month = parts ? MINUTES_LABELS[lang].months[Number(parts[2]) - 1] : undefined;
  if (!parts || !month) return date;
  const day = Number(parts[3]);
  return lang === 'kk' ? `${parts[1]} жылғы ${day} ${month}` : `${day} ${month} ${parts[1]} года`;
}

/** Kazakhstan's clock: every real time in the minutes is shown on it. */
const KAZAKHSTAN = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * A real moment (ISO 8601, e.g. a signature's time) in words on Kazakhstan's clock; anything
 * that is not a moment is returned as given.
 *
 * @example
 * formatMoment('2020-06-10T10:42:00.000Z', 'ru'); // '10 июня 2020 года, 16:42 по времени Астаны'
 */
export function formatMoment(at: string, lang: WorkingLanguage): string {
  const time = Date.parse(at);
  if (Number.isNaN(time)) return at;
  const part = Object.fromEntries(KAZAKHSTAN.formatToParts(new Date(time)).map((p) => [p.type, p.value]));
  return `${formatDate(`${part.year}-${part.month}-${part.day}`, lang)}, ${part.hour}:${part.minute} ${MINUTES_LABELS[lang].timeZone}`;
}

/**
 * The time of day now on Kazakhstan's clock, "HH:MM".
 *
 * @example
 * kazakhstanTime(new Date('2020-06-10T10:42:00Z')); // '16:42'
 */
export function kazakhstanTime(now: Date): string {
  const part = Object.fromEntries(KAZAKHSTAN.formatToParts(now).map((p) => [p.type, p.value]));
  return `${part.hour}:${part.minute}`;
}

/**
 * A point of the Regulation as a reader cites it: `p25` is «25-тармақ» / «п. 25»; `p17.5`
 * is subpoint 5) of point 17; the sub-ids of p5 are kenes's own, so they cite point 5.
 *
 * @example
 * pointName('p17.5', 'ru'); // 'подп. 5) п. 17' (with no-break spaces)
 */
export function pointName(point: string, lang: WorkingLanguage): string {
  if (!/^p\d+(\.\d+)?$/.test(point)) return lang === 'kk' ? 'Ереже' : 'Положение';
  const words = pointWords(point);
  // No line parts a point's words (a no-break space, U+00A0).
  return (lang === 'kk' ? words.kkName : words.ruName).replaceAll(' ', '\u00a0');
}

/**
 * Whether a message already cites its point in words (the law's messages mostly do: «(25-тармақ)»,
 * «(п. 25)»), so that the minutes do not say it twice.
 */
export function citesPoint(message: string, point: string, lang: WorkingLanguage): boolean {
  const main = /^p(\d+)/.exec(point)?.[1];
  if (!main) return false;
  return lang === 'kk' ? new RegExp(`(^|\\D)${main}-тармақ`).test(message) : new RegExp(`(пп?\\.|пункт[а-я]*) ${main}(\\D|$)`).test(message);
}

/** The minutes' file name in Latin letters (a word for the document in each language). */
const FILE_WORD = { kk: 'khattama', ru: 'protokol' } as const;

/**
 * The minutes' file names: `ascii` for every client (Latin letters, digits and dashes), and
 * `named` in the page's language, for clients that read RFC 6266's `filename*`.
 *
 * @example
 * minutesFileName({ date: '2020-06-10', number: 3 }, 'kk', 'pdf'); // { ascii: 'khattama-2020-06-10-no-3-kk.pdf', named: 'Хаттама № 3, 2020-06-10.pdf' }
 */
export function minutesFileName(meeting: { date: string; number?: number }, lang: WorkingLanguage, extension: 'pdf' | 'html'): { ascii: string; named: string } {
  const date = ISO_DATE.test(meeting.date) ? meeting.date : 'undated';
  const number = meeting.number ? `-no-${meeting.number}` : '';
  const title = MINUTES_LABELS[lang].title;
  const word = title.charAt(0) + title.slice(1).toLocaleLowerCase(lang);
  return {
    ascii: `${FILE_WORD[lang]}-${date}${number}-${lang}.${extension}`,
    named: `${word}${meeting.number ? ` № ${meeting.number}` : ''}, ${date}.${extension}`,
  };
}

/** An outcome code in words; a code the labels do not know is shown as it is. */
export function outcomeName(outcome: string, lang: WorkingLanguage): string {
  const outcomes: Record<string, string> = MINUTES_LABELS[lang].outcomes;
  return outcomes[outcome] ?? outcome;
}

/** The quorum's outcome after the word «Кворум»; another outcome in words as `outcomeName` says it. */
export function quorumName(outcome: string, lang: WorkingLanguage): string {
  const outcomes: Record<string, string> = MINUTES_LABELS[lang].quorumOutcomes;
  return outcomes[outcome] ?? outcomeName(outcome, lang);
}

/**
 * A place or region in a working language: recorded in both since issue 11; before, as one
 * string, which is shown as it was written.
 */
export function inLanguage(value: Bilingual | string | undefined, lang: WorkingLanguage): string | undefined {
  return typeof value === 'string' ? value : value?.[lang];
}

/**
 * The amending order that made a version (`version.act`, written "Order No. 5 of 2019-04-03"
 * by functions/rules/law.ts) in the words of the act's own titles (rules/act.yaml); any other
 * form is shown as it is.
 *
 * @example
 * actName('Order No. 5 of 2019-04-03', 'ru'); // 'Распоряжение Уполномоченного по правам человека от 3 апреля 2019 года № 5' (a no-break space after №)
 */
export function actName(act: string, lang: WorkingLanguage): string {
  const parts = /^Order No\. (\d+) of (\d{4})-(\d{2})-(\d{2})$/.exec(act);
  const month = parts ? MINUTES_LABELS[lang].monthsOf[Number(parts[3]) - 1] : undefined;
  if (!parts || !month) return act;
  const [, number, year, , day] = parts;
  return lang === 'kk'
    ? `Адам құқықтары жөніндегі уәкілдің ${year} жылғы ${Number(day)} ${month} №\u00a0${number} өкімі`
    : `Распоряжение Уполномоченного по правам человека от ${Number(day)} ${month} ${year} года №\u00a0${number}`;
}
