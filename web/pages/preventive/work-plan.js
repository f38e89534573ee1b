// The Council's work plans by year (p15.5: the Chairperson approves the work plan): drafted by
// the Chairperson, the Secretary or staff, approved by the Chairperson alone, unchanged after.
import { html, useState } from '../../lib.js';
import { call, councilPath, enc, get } from '../../api.js';
import { pick, t } from '../../i18n.js';
import { holds, useMe } from '../../me.js';
import { ErrorSummary, Field, Loaded, Page, Point, Submit, Table, When, today, useForm, useLoad } from '../../ui.js';
import { CouncilNav, useCouncilName } from '../council-nav.js';

const emptyItem = () => ({ kk: '', ru: '', due: '', responsible: '' });

function NewWorkPlan({ c, done }) {
  const form = useForm();
  const [year, setYear] = useState(String(Number(today().slice(0, 4)) + 1));
  const [items, setItems] = useState([emptyItem()]);
  const change = (i, key) => (value) => setItems(items.map((x, j) => (j === i ? { ...x, [key]: value } : x)));
  const submit = form.handle(async () => {
    const errors = [];
    const y = Number(year);
    if (!Number.isInteger(y) || y < 2013 || y > 2100) errors.push({ name: 'year', text: t('wp.yearInvalid') });
    items.forEach((x, i) => {
      if (!x.kk.trim()) errors.push({ name: `items.${i}.title.kk`, text: t('err.enter', { what: t('wp.item.kkN', { n: i + 1 }) }) });
      if (!x.ru.trim()) errors.push({ name: `items.${i}.title.ru`, text: t('err.enter', { what: t('wp.item.ruN', { n: i + 1 }) }) });
    });
    if (errors.length) return { errors };
    const reply = await call('POST', councilPath(c, '/work-plans'), {
      year: y,
      items: items.map((x) => ({ title: { kk: x.kk.trim(), ru: x.ru.trim() }, ...(x.due ? { due: x.due } : {}), ...(x.responsible.trim() ? { responsible: x.responsible.trim() } : {}) })),
    });
    if (reply.ok) {
      setItems([emptyItem()]);
      done();
    }
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('wp.new')}</h2>
    <${ErrorSummary} form=${form} />
    <${Field} form=${form} name="year" type="number" label=${t('wp.year')} value=${year} onInput=${setYear} min="2013" max="2100" width="5" />
    ${items.map((x, i) => html`<fieldset class="field">
      <legend>${t('wp.item', { n: i + 1 })}</legend>
      <${Field} form=${form} name=${`items.${i}.title.kk`} label=${t('wp.item.kkN', { n: i + 1 })} value=${x.kk} onInput=${change(i, 'kk')} maxlength="2000" />
      <${Field} form=${form} name=${`items.${i}.title.ru`} label=${t('wp.item.ruN', { n: i + 1 })} value=${x.ru} onInput=${change(i, 'ru')} maxlength="2000" />
      <${Field} form=${form} name=${`items.${i}.due`} type="date" label=${t('wp.item.dueN', { n: i + 1 })} value=${x.due} onInput=${change(i, 'due')} />
      <${Field} form=${form} name=${`items.${i}.responsible`} label=${t('wp.item.responsibleN', { n: i + 1 })} value=${x.responsible} onInput=${change(i, 'responsible')} maxlength="300" />
      ${items.length > 1 ? html`<button type="button" class="link" onClick=${() => setItems(items.filter((_, j) => j !== i))}>${t('wp.item.remove', { n: i + 1 })}</button>` : null}
    </fieldset>`)}
    <p><button type="button" class="secondary" onClick=${() => setItems([...items, emptyItem()])} disabled=${items.length >= 200}>${t('wp.item.add')}</button></p>
    <${Submit} form=${form}>${t('wp.submit')}<//>
  </form>`;
}

function Approve({ c, plan, done }) {
  const form = useForm();
  const [on, setOn] = useState(today());
  const submit = form.handle(async () => {
    const reply = await call('POST', councilPath(c, `/work-plans/${enc(plan.id)}/approval`), on ? { on } : {});
    if (reply.ok) done();
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="inline-form">
    <${ErrorSummary} form=${form} />
    <${Field} form=${form} name=${`approve-${plan.id}`} type="date" label=${t('wp.approveOn', { year: plan.year })} value=${on} onInput=${setOn} />
    <${Submit} form=${form}>${t('wp.approve', { year: plan.year })}<//>
  </form>`;
}

export function WorkPlans({ c }) {
  const { me } = useMe();
  const keeper = holds(me, c, 'chairperson', 'secretary', 'staff');
  const chair = holds(me, c, 'chairperson');
  const state = useLoad(() => get(councilPath(c, '/work-plans')), [c]);
  return html`<${Page} title=${t('nav.workPlan')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="work-plan" />
    <p class="hint">${t('wp.hint')} <${Point} p="p15.5" /></p>
    <${Loaded} state=${state}>${({ items }) => html`
      ${items.length
        ? [...items].sort((a, b) => b.year - a.year).map((plan) => html`<section class="card">
            <h2>${t('wp.heading', { year: plan.year })}: ${t(`wp.status.${plan.status}`)}${plan.approval ? html` (<${When} d=${plan.approval.on} />)` : null}</h2>
            <${Table} head=${[t('wp.col.title'), t('wp.col.due'), t('wp.col.responsible')]}
              rows=${plan.items.map((x) => [pick(x.title), x.due ? html`<${When} d=${x.due} />` : '—', x.responsible ?? '—'])} />
            ${plan.status === 'draft' && chair ? html`<${Approve} c=${c} plan=${plan} done=${() => state.reload(true)} />` : null}
          </section>`)
        : html`<p class="muted">${t('wp.none')}</p>`}
      ${keeper ? html`<${NewWorkPlan} c=${c} done=${() => state.reload(true)} />` : null}`}<//>
  <//>`;
}
