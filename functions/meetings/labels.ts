import type { MinutesDoc, WorkingLanguage } from './minutes-doc.ts';

type Motion = MinutesDoc['motions'][number];

/** Every fixed word of the minutes, in one working language. */
export type MinutesLabels = {
  minutes: string;
  meeting: Record<MinutesDoc['meeting']['kind'], string>;
  date: string;
  kind: string;
  kinds: Record<MinutesDoc['meeting']['kind'], string>;
  field: string;
  region: string;
  place: string;
  convenedBy: string;
  presiding: string;
  capacity: Record<MinutesDoc['present'][number]['capacity'] | 'member-on-instruction', string>;
  present: string;
  absent: string;
  invited: string;
  hearings: string;
  quorum: string;
  agenda: string;
  submittedBy: string;
  agendaItem: string;
  votes: string;
  motionKind: string;
  motionKinds: Record<Motion['kind'], string>;
  category: string;
  categories: Record<Motion['category'], string>;
  categoriesPlural: Record<Motion['category'], string>;
  for: string;
  against: string;
  abstained: string;
  outcome: string;
  outcomes: Record<string, string>;
  notClosed: string;
  reasons: string;
  version: string;
  dissents: string;
  /** Votes and written opinions the Secretary entered for members (a show of hands, a letter). */
  enteredBy: string;
  writtenIn: string;
  languages: Record<Motion['dissents'][number]['language'], string>;
  adopted: string;
  complaints: string;
  receivedOn: string;
  /** p26, as the Regulation says it. */
  recommendatory: string;
  signatures: string;
  signedAt: string;
  notSigned: string;
  otherContent: string;
  contentHash: string;
  meetingId: string;
  none: string;
  page: string;
  months: string[];
  /** Months as they stand in "the order of <day> <month>" (kk locative, ru genitive). */
  monthsOf: string[];
};

/**
 * The labels of the minutes in the two working languages (p30); terms as in the glossary of
 * the Regulation (отырыс/заседание, хаттама/протокол, ерекше пікір/особое мнение, ...).
 *
 * @example
 * MINUTES_LABELS.kk.minutes; // 'Отырыс хаттамасы'
 */
export const MINUTES_LABELS = {
  kk: {
    minutes: 'Отырыс хаттамасы',
    meeting: { regular: 'Үйлестіру кеңесінің отырысы', extraordinary: 'Үйлестіру кеңесінің кезектен тыс отырысы' },
    date: 'Күні',
    kind: 'Отырыс түрі',
    kinds: { regular: 'кезекті отырыс', extraordinary: 'кезектен тыс отырыс' },
    field: 'Көшпелі отырыс',
    region: 'Өңір',
    place: 'Өткізілген орны',
    convenedBy: 'Отырысты шақырған',
    presiding: 'Төрағалық етуші',
    capacity: {
      chairperson: 'Төраға',
      secretary: 'Хатшы',
      member: 'Мүше',
      'member-on-instruction': 'Төрағаның тапсырмасы бойынша мүше',
    },
    present: 'Қатысқандар',
    absent: 'Қатыспағандар',
    invited: 'Шақырылғандар',
    hearings: 'Лауазымды адамдардың тыңдалған ақпараты',
    quorum: 'Кворум',
    agenda: 'Күн тәртібі',
    submittedBy: 'Ұсынған',
    agendaItem: 'Күн тәртібінің мәселесі',
    votes: 'Дауыс беру нәтижелері',
    motionKind: 'Мәселе түрі',
    motionKinds: {
      ordinary: 'кәдімгі мәселе',
      termination: 'мүшенің өкілеттіктерін тоқтату',
      suspension: 'мүшенің өкілеттіктерін тоқтата тұру',
      dissolution: 'Үйлестіру кеңесін жою',
    },
    category: 'Санаты',
    categories: { recommendation: 'ұсыным', proposal: 'ұсыныс', decision: 'шешім' },
    categoriesPlural: { recommendation: 'Ұсынымдар', proposal: 'Ұсыныстар', decision: 'Шешімдер' },
    for: 'Жақ',
    against: 'Қарсы',
    abstained: 'Қалыс қалды',
    outcome: 'Нәтижесі',
    outcomes: {
      adopted: 'қабылданды',
      rejected: 'қабылданбады',
      quorate: 'кворум бар',
      'not-quorate': 'кворум жоқ',
      'not-full-membership': 'толық құрам жоқ',
    },
    notClosed: 'дауыс беру жабылмаған',
    reasons: 'Негіздемесі',
    version: 'Ереженің редакциясы',
    dissents: 'Ерекше пікірлер',
    enteredBy: 'хатшы енгізді',
    writtenIn: 'жазылған тілі',
    languages: { kk: 'қазақ тілі', ru: 'орыс тілі', en: 'ағылшын тілі' },
    adopted: 'Қабылданған ұсынымдар мен ұсыныстар',
    complaints: 'Азаптау туралы түскен шағымдар мен хабарламалар',
    receivedOn: 'Түскен күні',
    recommendatory: 'Үйлестіру кеңесінің шешімдері ұсыным беру сипатына ие.',
    signatures: 'Қолтаңбалар',
    signedAt: 'қол қойылған уақыты',
    notSigned: 'әлі қол қойылмаған',
    otherContent: 'қолтаңба хаттаманың басқа мазмұнына қойылған',
    contentHash: 'Хаттама мазмұнының SHA-256 хэші',
    meetingId: 'Отырыс идентификаторы',
    none: 'жоқ',
    page: 'бет',
    months: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
    monthsOf: [
      'қаңтардағы', 'ақпандағы', 'наурыздағы', 'сәуірдегі', 'мамырдағы', 'маусымдағы',
      'шілдедегі', 'тамыздағы', 'қыркүйектегі', 'қазандағы', 'қарашадағы', 'желтоқсандағы',
    ],
  },
  ru: {
    minutes: 'Протокол заседания',
    meeting: { regular: 'Заседание Координационного совета', extraordinary: 'Внеочередное заседание Координационного совета' },
    date: 'Дата',
    kind: 'Вид заседания',
    kinds: { regular: 'очередное заседание', extraordinary: 'внеочередное заседание' },
    field: 'Выездное заседание',
    region: 'Регион',
    place: 'Место проведения',
    convenedBy: 'Заседание созвано',
    presiding: 'Председательствующий',
    capacity: {
      chairperson: 'Председатель',
      secretary: 'Секретарь',
      member: 'Член совета',
      'member-on-instruction': 'Член совета по поручению Председателя',
    },
    present: 'Присутствовали',
    absent: 'Отсутствовали',
    invited: 'Приглашённые',
    hearings: 'Заслушанная информация должностных лиц',
    quorum: 'Кворум',
    agenda: 'Повестка дня',
    submittedBy: 'Внесено',
    agendaItem: 'Вопрос повестки дня',
    votes: 'Результаты голосования',
    motionKind: 'Вид вопроса',
    motionKinds: {
      ordinary: 'обычный вопрос',
      termination: 'прекращение полномочий члена',
      suspension: 'приостановление полномочий члена',
      dissolution: 'ликвидация Координационного совета',
    },
    category: 'Категория',
    categories: { recommendation: 'рекомендация', proposal: 'предложение', decision: 'решение' },
    categoriesPlural: { recommendation: 'Рекомендации', proposal: 'Предложения', decision: 'Решения' },
    for: 'За',
    against: 'Против',
    abstained: 'Воздержались',
    outcome: 'Итог',
    outcomes: {
      adopted: 'принято',
      rejected: 'не принято',
      quorate: 'кворум есть',
      'not-quorate': 'кворума нет',
      'not-full-membership': 'нет полного состава',
    },
    notClosed: 'голосование не закрыто',
    reasons: 'Обоснование',
    version: 'Редакция Положения',
    dissents: 'Особые мнения',
    enteredBy: 'внесено секретарём',
    writtenIn: 'язык написания',
    languages: { kk: 'казахский язык', ru: 'русский язык', en: 'английский язык' },
    adopted: 'Принятые рекомендации и предложения',
    complaints: 'Поступившие жалобы и сообщения о пытках',
    receivedOn: 'Дата поступления',
    recommendatory: 'Решения Координационного совета носят рекомендательный характер.',
    signatures: 'Подписи',
    signedAt: 'время подписания',
    notSigned: 'ещё не подписан',
    otherContent: 'подпись поставлена под другим содержанием протокола',
    contentHash: 'SHA-256 содержания протокола',
    meetingId: 'Идентификатор заседания',
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

/** An outcome code in words; a code the labels do not know is shown as it is. */
export function outcomeName(outcome: string, lang: WorkingLanguage): string {
  const outcomes: Record<string, string> = MINUTES_LABELS[lang].outcomes;
  return outcomes[outcome] ?? outcome;
}

/**
 * The amending order that made a version (`version.act`, written "Order No. 5 of 2019-04-03"
 * by functions/rules/law.ts) in the words of the act's own titles (rules/act.yaml); any other
 * form is shown as it is.
 *
 * @example
 * actName('Order No. 5 of 2019-04-03', 'ru'); // 'Распоряжение Уполномоченного по правам человека от 3 апреля 2019 года № 5'
 */
export function actName(act: string, lang: WorkingLanguage): string {
  const parts = /^Order No\. (\d+) of (\d{4})-(\d{2})-(\d{2})$/.exec(act);
  const month = parts ? MINUTES_LABELS[lang].monthsOf[Number(parts[3]) - 1] : undefined;
  if (!parts || !month) return act;
  const [, number, year, , day] = parts;
  return lang === 'kk'
    ? `Адам құқықтары жөніндегі уәкілдің ${year} жылғы ${Number(day)} ${month} № ${number} өкімі`
    : `Распоряжение Уполномоченного по правам человека от ${Number(day)} ${month} ${year} года № ${number}`;
}
