// Visit reports (p14.10): the list (private-life fields never shown here, p29), the analysis of
// a period by institution type, region and finding, and a report filed on the form version in
// force on the visit date (p14.9), rendered from that version's JSON Schema.
import { html, useState } from '../../lib.js';
import { call, councilPath, get } from '../../api.js';
import { lang, pick, t } from '../../i18n.js';
import { holds, useMe } from '../../me.js';
import { Link, to } from '../../router.js';
import { Checkboxes, ErrorSummary, Field, Loaded, Page, Panel, Point, Select, Submit, Table, TextArea, When, YesNo, today, useForm, useLoad } from '../../ui.js';
import { CouncilNav, useCouncilName } from '../council-nav.js';
import { regionWords, typeWords } from '../preventive/names.js';
import { choiceOf, labelOf } from './common.js';

/** The form version approved on a date: the latest approved on or before it. */
const formOn = (forms, date) => forms.filter((f) => f.approvedOn <= date).sort((a, b) => (a.approvedOn === b.approvedOn ? a.version - b.version : a.approvedOn < b.approvedOn ? -1 : 1)).at(-1);

/** One control per property of the form: its kind decides the control; the name is the path the API names in its errors. */
function Control({ form, schema, path, name, values, set }) {
  const label = html`${labelOf(schema, name, lang())}${schema['x-private'] ? html` <span class="badge private">${t('vr.private')}</span>` : null}`;
  const control = `answers.${path}`;
  const value = values[path];
  const onInput = (v) => set(path, v);
  if (schema.type === 'object' && schema.properties)
    return html`<fieldset class="field group"><legend>${label}</legend>
      ${Object.entries(schema.properties).map(([n, s]) => html`<${Control} form=${form} schema=${s} path=${`${path}.${n}`} name=${n} values=${values} set=${set} />`)}
    </fieldset>`;
  if (schema.type === 'array' && schema.items?.enum)
    return html`<${Checkboxes} form=${form} name=${control} legend=${label} value=${value ?? []} onChange=${onInput} options=${schema.items.enum.map((v) => [String(v), choiceOf(schema, v, lang())])} />`;
  if (schema.enum) return html`<${Select} form=${form} name=${control} label=${label} value=${value ?? ''} onChange=${onInput} options=${[['', '—'], ...schema.enum.map((v) => [String(v), choiceOf(schema, v, lang())])]} />`;
  if (schema.type === 'boolean') return html`<${YesNo} form=${form} name=${control} legend=${label} value=${value} onChange=${onInput} />`;
  if (schema.type === 'integer' || schema.type === 'number') return html`<${Field} form=${form} name=${control} type="number" label=${label} value=${value ?? ''} onInput=${onInput} min=${schema.minimum} max=${schema.maximum} step=${schema.type === 'integer' ? '1' : 'any'} />`;
  if (schema.format === 'date') return html`<${Field} form=${form} name=${control} type="date" label=${label} value=${value ?? ''} onInput=${onInput} />`;
  if ((schema.maxLength ?? 1000) > 200) return html`<${TextArea} form=${form} name=${control} label=${label} value=${value ?? ''} onInput=${onInput} maxlength=${schema.maxLength} />`;
  return html`<${Field} form=${form} name=${control} label=${label} value=${value ?? ''} onInput=${onInput} maxlength=${schema.maxLength} />`;
}

/** The answers as the form asks them: nested by path, numbers as numbers, empty answers left out (the form says what is required). */
function answersOf(schema, values) {
  const out = {};
  for (const [path, raw] of Object.entries(values)) {
    if (raw === '' || raw === undefined || (Array.isArray(raw) && !raw.length)) continue;
    const steps = path.split('.');
    const sub = steps.reduce((s, step) => s?.properties?.[step], schema);
    const value = sub?.type === 'integer' || sub?.type === 'number' ? Number(raw) : raw;
    let at = out;
    for (const step of steps.slice(0, -1)) at = at[step] ??= {};
    at[steps.at(-1)] = value;
  }
  return out;
}

function FileReport({ c, forms, institutions, done }) {
  const form = useForm();
  const [institutionId, setInstitutionId] = useState(institutions[0]?.id ?? '');
  const [visitDate, setVisitDate] = useState(today());
  const [values, setValues] = useState({});
  const [filed, setFiled] = useState();
  const version = formOn(forms, visitDate);
  const set = (path, v) => setValues((old) => ({ ...old, [path]: v }));
  const submit = form.handle(async () => {
    if (!version) return { errors: [{ name: 'visitDate', text: t('vr.noForm') }] };
    const reply = await call('POST', councilPath(c, '/visit-reports'), { institutionId, visitDate, answers: answersOf(version.schema, values) });
    if (reply.ok) {
      setFiled(reply.json);
      setValues({});
      done();
    }
    return reply;
  });
  if (!institutions.length) return html`<p class="muted">${t('vr.noInstitutions')}</p>`;
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('vr.file')}</h2>
    ${filed ? html`<${Panel}>${t('vr.filed', { version: filed.formVersion })} <${Link} href=${to('councils', c, 'visit-reports', filed.id)}>${t('vr.open')}<//><//>` : null}
    <${ErrorSummary} form=${form} />
    <${Select} form=${form} name="institutionId" label=${t('vr.institution')} value=${institutionId} onChange=${setInstitutionId} options=${institutions.map((i) => [i.id, `${pick(i.name)} (${regionWords(i.region)})`])} />
    <${Field} form=${form} name="visitDate" type="date" label=${t('vr.visitDate')} value=${visitDate} onInput=${setVisitDate} />
    ${version
      ? html`<p class="hint" data-form-version=${version.version}>${t('vr.underVersion', { version: version.version })} <${When} d=${version.approvedOn} /></p>
          ${Object.entries(version.schema.properties ?? {}).map(([n, s]) => html`<${Control} form=${form} schema=${s} path=${n} name=${n} values=${values} set=${set} />`)}
          <${Submit} form=${form}>${t('vr.submit')}<//>`
      : html`<p class="muted" role="status">${t('vr.noForm')} <${Point} p="p14.9" /></p>`}
  </form>`;
}

function Analysis({ c }) {
  const year = today().slice(0, 4);
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to_, setTo] = useState(`${year}-12-31`);
  const [period, setPeriod] = useState({ from, to: to_ });
  const state = useLoad(() => get(councilPath(c, `/visit-reports/analysis?from=${period.from}&to=${period.to}`)), [c, period.from, period.to]);
  const counts = (rows, words) => rows.map((r) => [words(r.key), String(r.count)]);
  return html`<section class="card" aria-labelledby="analysis-title">
    <h2 id="analysis-title">${t('vr.analysis')}</h2>
    <form onSubmit=${(e) => { e.preventDefault(); setPeriod({ from, to: to_ }); }} class="inline-form">
      <${Field} name="analysis-from" type="date" label=${t('vr.from')} value=${from} onInput=${setFrom} />
      <${Field} name="analysis-to" type="date" label=${t('vr.to')} value=${to_} onInput=${setTo} />
      <button type="submit" class="secondary">${t('vr.analyse')}</button>
    </form>
    <${Loaded} state=${state}>${(a) => html`
      <p>${t('vr.count', { n: a.reports })}</p>
      <${Table} caption=${t('vr.byType')} head=${[t('vr.type'), t('vr.reports')]} rows=${counts(a.byType, (k) => (k === 'unknown' ? '—' : typeWords(k)))} />
      <${Table} caption=${t('vr.byRegion')} head=${[t('vr.region'), t('vr.reports')]} rows=${counts(a.byRegion, (k) => (k === 'unknown' ? '—' : regionWords(k)))} />
      ${a.byFinding.map((f) => html`<${Table} caption=${pick(f.labels)} head=${[t('vr.finding'), t('vr.reports')]} rows=${f.values.map((v) => [v.words ? pick(v.words) : v.key, String(v.count)])} />`)}`}<//>
  </section>`;
}

export function VisitReports({ c }) {
  const { me } = useMe();
  const filer = holds(me, c, 'chairperson', 'secretary', 'staff', 'participant');
  const reader = holds(me, c, 'admin', 'chairperson', 'secretary', 'member', 'staff');
  const state = useLoad(async () => {
    const [reports, forms, institutions] = await Promise.all([
      reader ? get(councilPath(c, '/visit-reports')) : { items: [] },
      get(councilPath(c, '/reporting-forms')),
      get(councilPath(c, '/institutions')).catch(() => ({ items: [] })),
    ]);
    return { reports: reports.items, forms: forms.items, institutions: institutions.items };
  }, [c, reader]);
  return html`<${Page} title=${t('nav.visitReports')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="visit-reports" />
    <p class="hint">${t('vr.intro')} <${Point} p="p14.10" /> <${Point} p="p29" /></p>
    <${Loaded} state=${state}>${({ reports, forms, institutions }) => {
      const name = (id) => { const i = institutions.find((x) => x.id === id); return i ? pick(i.name) : id; };
      return html`
        ${reader ? (reports.length
          ? html`<${Table} caption=${t('vr.list')} head=${[t('vr.visitDate'), t('vr.institution'), t('form.version'), t('vr.withheld')]}
              rows=${reports.map((r) => [html`<${Link} href=${to('councils', c, 'visit-reports', r.id)}><${When} d=${r.visitDate} /><//>`, name(r.institutionId), String(r.formVersion), r.redacted.length ? t('vr.withheldN', { n: r.redacted.length }) : '—'])} />`
          : html`<p class="muted">${t('vr.none')}</p>`) : null}
        ${reader ? html`<${Analysis} c=${c} />` : null}
        ${filer ? html`<${FileReport} c=${c} forms=${forms} institutions=${institutions} done=${() => state.reload(true)} />` : null}`;
    }}<//>
  <//>`;
}
