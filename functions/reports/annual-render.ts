import { formatDate } from '../meetings/labels.ts';
import type { WorkingLanguage } from '../meetings/minutes-doc.ts';
import type { Text } from '../text.ts';
import { institutionTypeName, regionName } from '../preventive/regions.ts';
import { INSTITUTION_TYPES, REGIONS, type InstitutionType, type Region } from '../preventive/model.ts';
import type { AnnualReport } from './annual.ts';

/** The annual report's own words, in the two working languages (p30). */
export const LABELS = {
  kk: {
    title: 'Жылдық жиынтық есеп',
    subtitle: 'Азаптаулардың алдын алу жөніндегі ұлттық превентивтік тетіктің қызметі туралы (14-тармақтың 13) тармақшасы)',
    year: 'жыл',
    visits: 'Бару туралы есептер',
    noVisits: 'Бұл жылы бару туралы есеп жоқ.',
    visitDate: 'Бару күні',
    institution: 'Мекеме',
    formVersion: 'Есеп нысанының нұсқасы',
    redacted: 'Жеке өмір туралы мәліметтер жасырылды (29-тармақ): келісім жоқ',
    analysis: 'Талдау',
    reports: 'Есептер саны',
    byType: 'Мекеме түрлері бойынша',
    byRegion: 'Өңірлер бойынша',
    byFinding: 'Анықталған жайттар бойынша',
    recommendations: 'Ұсыныстар мен заңнаманы жетілдіру жөніндегі ұсыныстар',
    noRecommendations: 'Бұл жылы ұсыныс жасалмады.',
    addressee: 'Кімге',
    recommendation: 'Мемлекеттік органға ұсыным (14-тармақтың 11) тармақшасы)',
    'legislative-proposal': 'Заңнаманы жетілдіру жөніндегі ұсыныс (14-тармақтың 12) тармақшасы)',
    status: { drafted: 'әзірленді', sent: 'жіберілді', 'no-answer': 'жауап жоқ, мерзімі өтті', accepted: 'қабылданды', partly: 'ішінара қабылданды', rejected: 'қабылданбады' },
    response: 'Жауап',
    sentOn: 'жіберілген күні',
    dueOn: 'жауап мерзімі',
    followUp: 'Орындалу барысы',
    yes: 'иә',
    no: 'жоқ',
    unknown: 'белгісіз',
  },
  ru: {
    title: 'Годовой сводный отчёт',
    subtitle: 'О деятельности национального превентивного механизма по предупреждению пыток (подп. 13) п. 14)',
    year: 'год',
    visits: 'Отчёты о посещениях',
    noVisits: 'В этом году отчётов о посещениях нет.',
    visitDate: 'Дата посещения',
    institution: 'Учреждение',
    formVersion: 'Версия формы отчёта',
    redacted: 'Сведения о частной жизни скрыты (п. 29): согласия нет',
    analysis: 'Анализ',
    reports: 'Число отчётов',
    byType: 'По видам учреждений',
    byRegion: 'По регионам',
    byFinding: 'По выявленным нарушениям',
    recommendations: 'Рекомендации и предложения по совершенствованию законодательства',
    noRecommendations: 'В этом году рекомендаций не было.',
    addressee: 'Адресат',
    recommendation: 'Рекомендация государственному органу (подп. 11) п. 14)',
    'legislative-proposal': 'Предложение по совершенствованию законодательства (подп. 12) п. 14)',
    status: { drafted: 'подготовлена', sent: 'направлена', 'no-answer': 'нет ответа, срок истёк', accepted: 'принята', partly: 'принята частично', rejected: 'отклонена' },
    response: 'Ответ',
    sentOn: 'направлена',
    dueOn: 'срок ответа',
    followUp: 'Исполнение',
    yes: 'да',
    no: 'нет',
    unknown: 'не указано',
  },
} as const;

/** A line of the report: a heading, a paragraph, or a list of items. */
export type Line = { kind: 'h1' | 'h2' | 'h3' | 'p' | 'muted'; text: string } | { kind: 'list'; items: string[] };

const typeName = (key: string, lang: WorkingLanguage, unknown: string) => ((INSTITUTION_TYPES as readonly string[]).includes(key) ? institutionTypeName(key as InstitutionType)[lang] : unknown);
const regionNameOf = (key: string, lang: WorkingLanguage, unknown: string) => ((REGIONS as readonly string[]).includes(key) ? regionName(key as Region)[lang] : unknown);

function valueText(value: unknown, lang: WorkingLanguage, choices?: Record<string, Text>): string {
  const L = LABELS[lang];
  if (typeof value === 'boolean') return value ? L.yes : L.no;
  if (Array.isArray(value)) return value.length ? value.map((v) => valueText(v, lang, choices)).join(', ') : '—';
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return choices?.[String(value)]?.[lang] ?? String(value);
}

/**
 * The annual report as lines of text in one working language: what the HTML and the PDF both
 * print, so they say the same thing. Plain text only: nothing from a report is markup.
 */
export function annualOutline(report: AnnualReport, lang: WorkingLanguage): Line[] {
  const L = LABELS[lang];
  const lines: Line[] = [
    { kind: 'p', text: report.council[lang] },
    { kind: 'h1', text: `${L.title}: ${report.year} ${L.year}` },
    { kind: 'muted', text: L.subtitle },
    { kind: 'h2', text: L.visits },
  ];
  if (!report.visits.length) lines.push({ kind: 'muted', text: L.noVisits });
  for (const v of report.visits) {
    const inst = v.institution;
    lines.push({ kind: 'h3', text: `${L.visitDate}: ${formatDate(v.visitDate, lang)}. ${L.institution}: ${inst ? `${inst.name[lang]} (${inst.typeName[lang]}, ${inst.regionName[lang]})` : L.unknown}` });
    lines.push({ kind: 'list', items: [`${L.formVersion}: ${v.formVersion}`, ...v.answers.map((a) => `${a.labels[lang]}: ${valueText(a.value, lang, a.choices)}`)] });
    if (v.redacted.length) lines.push({ kind: 'muted', text: `${L.redacted} (${v.redacted.length})` });
  }
  const a = report.analysis;
  lines.push({ kind: 'h2', text: L.analysis }, { kind: 'p', text: `${L.reports}: ${a.reports}` });
  lines.push({ kind: 'h3', text: L.byType }, { kind: 'list', items: a.byType.map((c) => `${typeName(c.key, lang, L.unknown)}: ${c.count}`) });
  lines.push({ kind: 'h3', text: L.byRegion }, { kind: 'list', items: a.byRegion.map((c) => `${regionNameOf(c.key, lang, L.unknown)}: ${c.count}`) });
  lines.push({ kind: 'h3', text: L.byFinding });
  for (const f of a.byFinding) lines.push({ kind: 'p', text: f.labels[lang] }, { kind: 'list', items: f.values.map((c) => `${c.words?.[lang] ?? c.key}: ${c.count}`) });
  lines.push({ kind: 'h2', text: L.recommendations });
  if (!report.recommendations.length) lines.push({ kind: 'muted', text: L.noRecommendations });
  for (const r of report.recommendations) {
    lines.push({ kind: 'h3', text: `${L[r.kind]}, ${formatDate(r.madeOn, lang)}` });
    lines.push({ kind: 'p', text: r.text[lang] });
    lines.push({
      kind: 'list',
      items: [
        `${L.addressee}: ${r.addressee}`,
        `${L.followUp}: ${L.status[r.status]}${r.sending ? ` (${L.sentOn} ${formatDate(r.sending.sentOn, lang)}, ${L.dueOn} ${formatDate(r.sending.responseDueOn, lang)})` : ''}`,
        ...(r.response ? [`${L.response} (${formatDate(r.response.receivedOn, lang)}): ${r.response.summary[lang]}`] : []),
      ],
    });
  }
  return lines;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The annual report as an HTML page: every text escaped (nothing from a report is markup). */
export function renderAnnualHtml(report: AnnualReport, lang: WorkingLanguage): string {
  const body = annualOutline(report, lang)
    .map((l) => (l.kind === 'list' ? `<ul>${l.items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul>` : l.kind === 'muted' ? `<p class="muted">${escape(l.text)}</p>` : `<${l.kind}>${escape(l.text)}</${l.kind}>`))
    .join('\n');
  const title = escape(`${LABELS[lang].title} ${report.year}`);
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.45}.muted{color:#555}</style></head><body>\n${body}\n</body></html>\n`;
}
