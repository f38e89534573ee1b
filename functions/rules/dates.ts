import type { Reason } from '../errors.ts';
import type { Text } from '../text.ts';

/**
 * Dates that rest on an assumed publication date. The text we hold gives no publication date
 * of any order: until an administrator records one (a correction with `publishedOn` and
 * `publishedIn`), kenes takes the earliest the order can have had (its registration day, or
 * its own date), so the entry into force it computes is the earliest possible, and the real one
 * may be later. Every answer that rests on such a date says so, in words and by a flag.
 */

/** What the words need to know of a version. */
export type DatedVersion = {
  id: string;
  title: Text;
  publishedOn: string;
  publishedOnAssumed: boolean;
  publishedIn?: Text;
  registeredOn?: string;
  inForceFrom: string;
  inForceFromReason?: Text;
};

/** The basis of the dates an answer rests on: `assumed` is the flag, `message` the same in words. */
export type DatesBasis = { assumed: boolean; message: Text };

/** Whether a version's entry into force rests on an assumed publication date (an explicit date rests on none). */
export function restsOnAssumedDate(version: DatedVersion): boolean {
  return version.publishedOnAssumed && !version.inForceFromReason;
}

/**
 * A version's entry into force in words: the recorded publication (where and when), an explicit
 * date with its reason, or the assumed date and why it is the earliest possible.
 *
 * @example
 * entryIntoForce(order18).en; // 'Order … No. 18 …: the date of its first official publication is not recorded; …'
 */
export function entryIntoForce(v: DatedVersion): Text {
  if (v.inForceFromReason)
    return {
      kk: `${v.title.kk} ${v.inForceFrom} бастап қолданылады: ${v.inForceFromReason.kk}.`,
      ru: `${v.title.ru} действует с ${v.inForceFrom}: ${v.inForceFromReason.ru}.`,
      en: `${v.title.en} is in force from ${v.inForceFrom}: ${v.inForceFromReason.en}.`,
    };
  if (!v.publishedOnAssumed) {
    const where = v.publishedIn;
    return {
      kk: `${v.title.kk}: алғашқы ресми жарияланған күні — ${v.publishedOn}${where ? ` (${where.kk})` : ''}; ${v.inForceFrom} бастап қолданылады.`,
      ru: `${v.title.ru}: дата первого официального опубликования — ${v.publishedOn}${where ? ` (${where.ru})` : ''}; действует с ${v.inForceFrom}.`,
      en: `${v.title.en} was officially published on ${v.publishedOn}${where ? ` (${where.en})` : ''}; it is in force from ${v.inForceFrom}.`,
    };
  }
  const why: Text = v.registeredOn
    ? {
        kk: 'Әділет министрлігінде тіркелген күн: тіркелетін акт тіркелгеннен кейін ғана жарияланады',
        ru: 'день регистрации в Министерстве юстиции: регистрируемый акт публикуется только после регистрации',
        en: 'the day of its registration by the Ministry of Justice: a registrable act is published only after it is registered',
      }
    : {
        kk: 'актінің қабылданған күні: ол одан бұрын жариялана алмайды',
        ru: 'день принятия акта: раньше он не мог быть опубликован',
        en: 'the day it was adopted: it cannot have been published before',
      };
  return {
    kk: `${v.title.kk}: алғашқы ресми жарияланған күні жазылмаған; ең ерте мүмкін күн алынды — ${v.publishedOn} (${why.kk}). Сондықтан ${v.inForceFrom} — қолданысқа енудің ең ерте мүмкін күні; нақты күні кейінірек болуы мүмкін.`,
    ru: `${v.title.ru}: дата первого официального опубликования не записана; принята самая ранняя возможная — ${v.publishedOn} (${why.ru}). Поэтому ${v.inForceFrom} — самый ранний возможный день вступления в силу; действительный может быть позже.`,
    en: `${v.title.en}: the date of its first official publication is not recorded; the earliest possible one is assumed, ${v.publishedOn} (${why.en}). So ${v.inForceFrom} is the earliest possible day of entry into force; the real one may be later.`,
  };
}

/**
 * The dates of an answer given by `version` (or of a refusal resting on its entry into force):
 * assumed when its publication date is.
 */
export function datesOf(...versions: DatedVersion[]): DatesBasis {
  const assumed = versions.filter(restsOnAssumedDate);
  const join = (language: keyof Text) => versions.map((v) => entryIntoForce(v)[language]).join(' ');
  if (!assumed.length) return { assumed: false, message: { kk: join('kk'), ru: join('ru'), en: join('en') } };
  return {
    assumed: true,
    message: {
      kk: `Бұл жауаптың күндері болжамды жариялану күніне негізделген. ${join('kk')}`,
      ru: `Даты этого ответа основаны на предполагаемой дате опубликования. ${join('ru')}`,
      en: `The dates of this answer rest on an assumed publication date. ${join('en')}`,
    },
  };
}

/**
 * A refusal's reason saying that the date it rests on is assumed: it cites the point that sets
 * the entry into force (`order.p2` for the act's adoption) or the order itself.
 */
export function assumedDateReason(version: DatedVersion, point: string): Reason {
  return {
    point,
    code: 'publication-date-assumed',
    message: entryIntoForce(version),
    numbers: {
      datesAssumed: true,
      version: version.id,
      publishedOn: version.publishedOn,
      publishedOnAssumed: true,
      inForceFrom: version.inForceFrom,
      ...(version.registeredOn ? { registeredOn: version.registeredOn } : {}),
    },
  };
}
