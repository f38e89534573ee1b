// One visit report (p14.10): redacted (p29) unless the Chairperson or staff give a reason to see
// its private-life fields, a read logged before the data comes back; their consents recorded.
import { html, useState } from '../../lib.js';
import { call, councilPath, enc, get } from '../../api.js';
import { lang, t } from '../../i18n.js';
import { holds, useMe } from '../../me.js';
import { ErrorSummary, Field, Loaded, Page, Panel, Point, Submit, Summary, Table, When, today, useForm, useLoad } from '../../ui.js';
import { CouncilNav, useCouncilName } from '../council-nav.js';
import { choiceOf, labelOf } from './common.js';

const show = (value, schema) => (typeof value === 'boolean' ? t(value ? 'yes' : 'no') : Array.isArray(value) ? (value.length ? value.map((v) => choiceOf(schema, v, lang())).join(', ') : '—') : typeof value === 'object' && value !== null ? JSON.stringify(value) : choiceOf(schema, value, lang()));

function Answers({ schema, answers, prefix = '' }) {
  return Object.entries(schema?.properties ?? {}).flatMap(([n, s]) => {
    const value = answers?.[n];
    if (value === undefined) return [];
    if (s.type === 'object' && s.properties) return Answers({ schema: s, answers: value, prefix: `${prefix}${labelOf(s, n, lang())}: ` });
    return [[`${prefix}${labelOf(s, n, lang())}`, show(value, s)]];
  });
}

function Consent({ c, report, paths, done }) {
  const form = useForm();
  const [field, setField] = useState(paths[0] ?? '');
  const [givenOn, setGivenOn] = useState(today());
  const [evidence, setEvidence] = useState('');
  const [saved, setSaved] = useState(false);
  const submit = form.handle(async () => {
    if (!evidence.trim()) return { errors: [{ name: 'evidence', text: t('err.enter', { what: t('vr.consent.evidence') }) }] };
    const reply = await call('POST', councilPath(c, `/visit-reports/${enc(report.id)}/consents`), { field, givenOn, evidence });
    if (reply.ok) {
      setSaved(true);
      done();
    }
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('vr.consent')}</h2>
    <p class="hint">${t('vr.consent.hint')} <${Point} p="p29" /></p>
    ${saved ? html`<${Panel}>${t('vr.consent.saved')}<//>` : null}
    <${ErrorSummary} form=${form} />
    <${Field} form=${form} name="field" label=${t('vr.consent.field')} value=${field} onInput=${setField} maxlength="300" list="private-paths" />
    <datalist id="private-paths">${paths.map((p) => html`<option value=${p} />`)}</datalist>
    <${Field} form=${form} name="givenOn" type="date" label=${t('vr.consent.givenOn')} value=${givenOn} onInput=${setGivenOn} />
    <${Field} form=${form} name="evidence" label=${t('vr.consent.evidence')} value=${evidence} onInput=${setEvidence} maxlength="500" />
    <${Submit} form=${form}>${t('vr.consent.submit')}<//>
  </form>`;
}

export function VisitReport({ c, r }) {
  const { me } = useMe();
  const mayReveal = holds(me, c, 'chairperson', 'staff');
  const [reason, setReason] = useState('');
  const [asked, setAsked] = useState();
  const state = useLoad(async () => {
    const report = await get(councilPath(c, `/visit-reports/${enc(r)}${asked ? `?reason=${enc(asked)}` : ''}`));
    const form = await get(councilPath(c, `/reporting-forms/${enc(report.formId)}`));
    return { report, form };
  }, [c, r, asked]);
  return html`<${Page} title=${t('vr.title')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="visit-reports" />
    <${Loaded} state=${state}>${({ report, form }) => {
      const privatePaths = Object.entries(form.schema.properties ?? {}).filter(([, s]) => s['x-private']).map(([n]) => n);
      return html`
        <${Summary} rows=${[[t('vr.visitDate'), html`<${When} d=${report.visitDate} />`], [t('form.version'), String(report.formVersion)], [t('vr.filedOn'), html`<${When} d=${report.filedOn} />`]]} />
        <${Table} caption=${t('vr.answers')} head=${[t('vr.question'), t('vr.answer')]} rows=${Answers({ schema: form.schema, answers: report.answers })} />
        ${report.redacted.length ? html`<p class="muted" data-redacted=${report.redacted.join(',')}>${t('vr.withheldN', { n: report.redacted.length })} <${Point} p="p29" /></p>` : null}
        ${mayReveal && report.redacted.length
          ? html`<form class="card" onSubmit=${(e) => { e.preventDefault(); if (reason.trim()) setAsked(reason.trim()); }}>
              <h2>${t('vr.reveal')}</h2>
              <p class="hint">${t('vr.reveal.hint')}</p>
              <${Field} name="reason" label=${t('vr.reveal.reason')} value=${reason} onInput=${setReason} maxlength="500" required />
              <button type="submit">${t('vr.reveal.submit')}</button>
            </form>`
          : null}
        ${report.consents.length ? html`<${Table} caption=${t('vr.consents')} head=${[t('vr.consent.field'), t('vr.consent.givenOn'), t('vr.consent.evidence')]} rows=${report.consents.map((x) => [x.field, html`<${When} d=${x.givenOn} />`, x.evidence])} />` : null}
        ${mayReveal && privatePaths.length ? html`<${Consent} c=${c} report=${report} paths=${privatePaths} done=${() => state.reload(true)} />` : null}`;
    }}<//>
  <//>`;
}
