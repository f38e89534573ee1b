import type { Text } from '../text.ts';
import type { InstitutionType, Region } from './model.ts';

/**
 * The names of the regions of Kazakhstan (the oblystar and the cities of republican
 * significance, as of the 2022 administrative reform: Abai, Zhetisu and Ulytau regions), in
 * Kazakh, Russian and English, for pages, plans and the annual report (p14.13).
 */
const REGION_NAMES: Record<Region, Text> = {
  abai: { kk: 'Абай облысы', ru: 'область Абай', en: 'Abai Region' },
  akmola: { kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola Region' },
  aktobe: { kk: 'Ақтөбе облысы', ru: 'Актюбинская область', en: 'Aktobe Region' },
  'almaty-region': { kk: 'Алматы облысы', ru: 'Алматинская область', en: 'Almaty Region' },
  atyrau: { kk: 'Атырау облысы', ru: 'Атырауская область', en: 'Atyrau Region' },
  'east-kazakhstan': { kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область', en: 'East Kazakhstan Region' },
  zhambyl: { kk: 'Жамбыл облысы', ru: 'Жамбылская область', en: 'Zhambyl Region' },
  zhetisu: { kk: 'Жетісу облысы', ru: 'область Жетісу', en: 'Zhetisu Region' },
  'west-kazakhstan': { kk: 'Батыс Қазақстан облысы', ru: 'Западно-Казахстанская область', en: 'West Kazakhstan Region' },
  karaganda: { kk: 'Қарағанды облысы', ru: 'Карагандинская область', en: 'Karaganda Region' },
  kostanay: { kk: 'Қостанай облысы', ru: 'Костанайская область', en: 'Kostanay Region' },
  kyzylorda: { kk: 'Қызылорда облысы', ru: 'Кызылординская область', en: 'Kyzylorda Region' },
  mangystau: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region' },
  pavlodar: { kk: 'Павлодар облысы', ru: 'Павлодарская область', en: 'Pavlodar Region' },
  'north-kazakhstan': { kk: 'Солтүстік Қазақстан облысы', ru: 'Северо-Казахстанская область', en: 'North Kazakhstan Region' },
  turkistan: { kk: 'Түркістан облысы', ru: 'Туркестанская область', en: 'Turkistan Region' },
  ulytau: { kk: 'Ұлытау облысы', ru: 'область Ұлытау', en: 'Ulytau Region' },
  astana: { kk: 'Астана қаласы', ru: 'город Астана', en: 'Astana city' },
  almaty: { kk: 'Алматы қаласы', ru: 'город Алматы', en: 'Almaty city' },
  shymkent: { kk: 'Шымкент қаласы', ru: 'город Шымкент', en: 'Shymkent city' },
};

/**
 * The kinds of institution, named as the laws of the Regulation's preamble name them.
 */
const INSTITUTION_TYPE_NAMES: Record<InstitutionType, Text> = {
  penal: { kk: 'қылмыстық-атқару жүйесінің мекемелері', ru: 'учреждения уголовно-исполнительной системы', en: 'institutions of the penal system' },
  'temporary-isolation': { kk: 'уақытша оқшаулаудың арнаулы мекемелері', ru: 'специальные учреждения временной изоляции', en: 'special institutions of temporary isolation' },
  'compulsory-treatment': { kk: 'мәжбүрлеп емдеуге арналған ұйымдар', ru: 'организации для принудительного лечения', en: 'organisations for compulsory treatment' },
  children: { kk: 'балаларға арналған мекемелер', ru: 'учреждения для детей', en: "children's institutions" },
  'social-services': { kk: 'арнаулы әлеуметтік қызметтер көрсететін ұйымдар', ru: 'организации, оказывающие специальные социальные услуги', en: 'organisations providing special social services' },
};

/**
 * A region's name in the three languages.
 *
 * @example
 * regionName('almaty').ru; // 'город Алматы'
 */
export function regionName(code: Region): Text {
  return REGION_NAMES[code];
}

/**
 * An institution type's name in the three languages.
 *
 * @example
 * institutionTypeName('penal').kk; // 'қылмыстық-атқару жүйесінің мекемелері'
 */
export function institutionTypeName(type: InstitutionType): Text {
  return INSTITUTION_TYPE_NAMES[type];
}
