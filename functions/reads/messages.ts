import type { Bilingual } from '../meetings/minutes-doc.ts';
import { format, LANGUAGES, type Language, type Text } from '../text.ts';

/**
 * The words of the notifications, in ICU MessageFormat (functions/text.ts), one sentence per kind
 * of to-do. kk and ru are words only (no codes); a point is cited as the Regulation is.
 */
export const MESSAGES = {
  'extraordinary-demand': {
    kk: 'Кезектен тыс отырыс шақыру туралы талап сіздің алдыңызда (21-тармақ). Күні: {date}',
    ru: 'Перед вами требование о созыве внеочередного заседания (п. 21), с {date}',
    en: 'A demand for an extraordinary meeting is before you (p21), since {date}',
  },
  'quarter-warning': {
    kk: '{quarter} аяқталуға жақын, ал отырыс әлі өткізілмеген де, шақырылмаған да (20-тармақ)',
    ru: '{quarter} подходит к концу, а заседание не проведено и не созвано (п. 20)',
    en: '{quarter} is ending with no meeting held or convened (p20)',
  },
  'quarter-missed': {
    kk: '{quarter} отырыссыз өтті (20-тармақ)',
    ru: '{quarter} прошёл без заседания (п. 20)',
    en: '{quarter} passed without a meeting (p20)',
  },
  'election-due': {
    kk: 'Мүшелердің өкілеттігі аяқталады: {termEnd}. Сайлауды өткізудің соңғы күні: {deadline} (11-тармақ)',
    ru: 'Полномочия членов истекают {termEnd}: выборы нужно провести до {deadline} (п. 11)',
    en: "Members' terms end on {termEnd}: hold the election by {deadline} (p11)",
  },
  'leaving-notice': {
    kk: 'Мүшенің жазбаша хабарламасы қабылдауды күтуде: {name} (15-тармақтың 7) тармақшасы)',
    ru: 'Письменное уведомление члена ждёт принятия: {name} (подп. 7) п. 15)',
    en: "A member's written notice awaits your acceptance: {name} (p15.7)",
  },
  'complaint-received': {
    kk: 'Азаптау туралы шағым түсті ({on}) және қарауға қабылдауды күтуде (15-тармақтың 6) тармақшасы)',
    ru: 'Поступила жалоба о пытках ({on}): ожидает принятия к рассмотрению (подп. 6) п. 15)',
    en: 'A complaint of torture was received ({on}) and awaits acceptance for consideration (p15.6)',
  },
  'recommendation-overdue': {
    kk: '{addressee} ұсынысқа жауап бермеді: жауап беру мерзімі {dueOn} өтті (14-тармақтың 11) тармақшасы)',
    ru: '{addressee} не ответил на рекомендацию: срок ответа {dueOn} истёк (подп. 11) п. 14)',
    en: '{addressee} has not answered the recommendation: the response was due on {dueOn} (p14.11)',
  },
  'sign-minutes': {
    kk: 'Отырыс хаттамасы сіздің қолыңызды күтуде (28-тармақ). Отырыс күні: {date}',
    ru: 'Протокол заседания {date} ждёт вашей подписи (п. 28)',
    en: 'The minutes of the meeting of {date} await your signature (p28)',
  },
  'next-meeting': {
    kk: 'Келесі отырыс: {date}',
    ru: 'Следующее заседание: {date}',
    en: 'Next meeting: {date}',
  },
  vote: {
    kk: 'Дауыс беру ашық: «{title}»',
    ru: 'Открыто голосование: «{title}»',
    en: 'A vote is open: «{title}»',
  },
  'sign-demand': {
    kk: 'Кезектен тыс отырыс туралы талап қолдарды күтуде (21-тармақ): «{reason}»',
    ru: 'Требование о внеочередном заседании ждёт подписей (п. 21): «{reason}»',
    en: 'A demand for an extraordinary meeting awaits signatures (p21): «{reason}»',
  },
  ballot: {
    kk: 'Сайлау ашық: бюллетеніңізді тапсырыңыз. Сайлау күні: {date}',
    ru: 'Идут выборы: подайте свой бюллетень (выборы {date})',
    en: 'An election is open: cast your ballot (election of {date})',
  },
} as const satisfies Record<string, Text>;

export type MessageKind = keyof typeof MESSAGES;

/** A value that reads differently in each language (a date, a quarter, a title). */
export type Localised = Record<Language, string>;

/**
 * A message in the three languages, each with its own values: a date as that language writes
 * it, a title or reason in that language (English takes the Russian: the working languages are
 * kk and ru, p30).
 *
 * @example
 * say('next-meeting', { date: dateIn('2020-06-10') }).ru; // 'Следующее заседание: 10 июня 2020 г.'
 */
export function say(kind: MessageKind, values: Record<string, string | Localised>): Text {
  const one = (language: Language) => format(MESSAGES[kind], Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v : v[language]])))[language];
  return { kk: one('kk'), ru: one('ru'), en: one('en') };
}

const LOCALES: Record<Language, string> = { kk: 'kk', ru: 'ru', en: 'en-GB' };

/** An ISO date as each language writes it ("2020 ж. 10 маусым", "10 июня 2020 г.", "10 June 2020"). */
export function dateIn(date: string): Localised {
  const at = new Date(`${date}T00:00:00Z`);
  return Object.fromEntries(LANGUAGES.map((l) => [l, new Intl.DateTimeFormat(LOCALES[l], { dateStyle: 'long', timeZone: 'UTC' }).format(at)])) as Localised;
}

/** A quarter label of the `quarterly` job ("2020-Q2") in words. */
export function quarterIn(label: string): Localised {
  const [, year, n] = /^(\d{4})-Q([1-4])$/.exec(label) ?? [];
  if (!year) return { kk: label, ru: label, en: label };
  return { kk: `${year} жылғы ${n}-тоқсан`, ru: `${n}-й квартал ${year} г.`, en: `Q${n} ${year}` };
}

/** A text in the two working languages; English shows the Russian. */
export function both(text: Bilingual): Localised {
  return { kk: text.kk, ru: text.ru, en: text.ru };
}
