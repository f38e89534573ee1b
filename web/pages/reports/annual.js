// The annual consolidated report (p14.13): pick a year, read its summary, open it as HTML or PDF
// in Kazakh or Russian (p30). Private data appears only with consent (p29).
import { html, useState } from '../../lib.js';
import { councilPath, get } from '../../api.js';
import { t } from '../../i18n.js';
import { Field, Loaded, Page, Point, Summary, today, useLoad } from '../../ui.js';
import { CouncilNav, useCouncilName } from '../council-nav.js';
import { DocumentButton } from './common.js';

export function AnnualReports({ c }) {
  const [year, setYear] = useState(String(Number(today().slice(0, 4)) - 1));
  const [asked, setAsked] = useState(year);
  const state = useLoad(() => get(councilPath(c, `/annual-reports/${asked}`)), [c, asked]);
  return html`<${Page} title=${t('nav.annualReports')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="annual-reports" />
    <p class="hint">${t('ar.intro')} <${Point} p="p14.13" /> <${Point} p="p29" /></p>
    <form class="inline-form" onSubmit=${(e) => { e.preventDefault(); setAsked(year); }}>
      <${Field} name="year" type="number" label=${t('ar.year')} value=${year} onInput=${setYear} min="2013" max="2100" step="1" />
      <button type="submit" class="secondary">${t('ar.show')}</button>
    </form>
    <${Loaded} state=${state}>${(r) => html`
      <h2>${t('ar.summary', { year: r.year })}</h2>
      <${Summary} rows=${[
        [t('ar.visits'), String(r.visits.length)],
        [t('ar.recommendations'), String(r.recommendations.length)],
        [t('ar.overdue'), String(r.recommendations.filter((x) => x.overdue).length)],
        [t('ar.withheld'), String(r.visits.reduce((n, v) => n + v.redacted.length, 0))],
      ]} />
      <ul class="documents">
        ${['kk', 'ru'].map((l) => html`<li>
          <${DocumentButton} path=${councilPath(c, `/annual-reports/${r.year}/html?lang=${l}`)} fallback=${`annual-report-${r.year}-${l}.html`} label=${t('ar.html', { lang: t(`langname.${l}`) })} open=${true} />
          <${DocumentButton} path=${councilPath(c, `/annual-reports/${r.year}/pdf?lang=${l}`)} fallback=${`annual-report-${r.year}-${l}.pdf`} label=${t('ar.pdf', { lang: t(`langname.${l}`) })} />
        </li>`)}
      </ul>`}<//>
  <//>`;
}
