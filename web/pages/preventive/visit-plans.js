// Visit plans (p14.6): the institutions to visit and the timing over a period, within the
// allocated budget. The form shows the running total against the budget; the law's refusal of
// a plan over budget is shown with its reasons and the amounts.
import { html, useState } from '../../lib.js';
import { call, councilPath, get } from '../../api.js';
import { pick, t } from '../../i18n.js';
import { holds, useMe } from '../../me.js';
import { Link, navigate, to } from '../../router.js';
import { ErrorSummary, Field, Loaded, Page, Select, Submit, Table, When, today, useForm, useLoad } from '../../ui.js';
import { CouncilNav, useCouncilName } from '../council-nav.js';
import { tenge, tiynOf } from './money.js';
import { regionWords } from './names.js';

export const planStatus = (p) => t(`plan.status.${p.status}`);

const emptyVisit = () => ({ institutionId: '', from: '', to: '', cost: '' });

function NewPlan({ c, institutions }) {
  const form = useForm();
  const [kk, setKk] = useState('');
  const [ru, setRu] = useState('');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [budget, setBudget] = useState('');
  const [visits, setVisits] = useState([emptyVisit()]);
  const [on, setOn] = useState(today());
  const change = (i, key) => (value) => setVisits(visits.map((v, j) => (j === i ? { ...v, [key]: value } : v)));
  const budgetTiyn = tiynOf(budget);
  const costs = visits.map((v) => tiynOf(v.cost));
  const total = costs.reduce((s, x) => s + (x ?? 0), 0);
  const submit = form.handle(async () => {
    const errors = [];
    const need = (name, value, label) => {
      if (!value) errors.push({ name, text: t('err.enter', { what: label }) });
    };
    need('title.kk', kk.trim(), t('plan.title.kk'));
    need('title.ru', ru.trim(), t('plan.title.ru'));
    need('period.from', from, t('plan.from'));
    need('period.to', until, t('plan.to'));
    if (budgetTiyn === undefined) errors.push({ name: 'budgetTiyn', text: t('money.invalid') });
    visits.forEach((v, i) => {
      need(`visits.${i}.institutionId`, v.institutionId, t('visit.institution'));
      need(`visits.${i}.from`, v.from, t('visit.from'));
      need(`visits.${i}.to`, v.to, t('visit.to'));
      if (costs[i] === undefined) errors.push({ name: `visits.${i}.costTiyn`, text: t('money.invalid') });
    });
    if (errors.length) return { errors };
    const reply = await call('POST', councilPath(c, '/visit-plans'), {
      title: { kk, ru },
      period: { from, to: until },
      budgetTiyn,
      visits: visits.map((v, i) => ({ institutionId: v.institutionId, from: v.from, to: v.to, costTiyn: costs[i] })),
      ...(on ? { on } : {}),
    });
    if (reply.ok) navigate(to('councils', c, 'visit-plans', reply.json.id));
    return reply;
  });
  const options = [['', t('visit.choose')], ...institutions.map((i) => [i.id, `${pick(i.name)} (${regionWords(i.region)})`])];
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('plan.new')}</h2>
    <${ErrorSummary} form=${form} />
    <${Field} form=${form} name="title.kk" label=${t('plan.title.kk')} value=${kk} onInput=${setKk} maxlength="2000" />
    <${Field} form=${form} name="title.ru" label=${t('plan.title.ru')} value=${ru} onInput=${setRu} maxlength="2000" />
    <${Field} form=${form} name="period.from" type="date" label=${t('plan.from')} value=${from} onInput=${setFrom} />
    <${Field} form=${form} name="period.to" type="date" label=${t('plan.to')} value=${until} onInput=${setUntil} />
    <${Field} form=${form} name="budgetTiyn" label=${t('plan.budget')} hint=${t('money.hint')} value=${budget} onInput=${setBudget} inputmode="decimal" />
    ${visits.map((v, i) => html`<fieldset class="field visit-row">
      <legend>${t('visit.legend', { n: i + 1 })}</legend>
      <${Select} form=${form} name=${`visits.${i}.institutionId`} label=${t('visit.institutionN', { n: i + 1 })} value=${v.institutionId} onChange=${change(i, 'institutionId')} options=${options} />
      <${Field} form=${form} name=${`visits.${i}.from`} type="date" label=${t('visit.fromN', { n: i + 1 })} value=${v.from} onInput=${change(i, 'from')} />
      <${Field} form=${form} name=${`visits.${i}.to`} type="date" label=${t('visit.toN', { n: i + 1 })} value=${v.to} onInput=${change(i, 'to')} />
      <${Field} form=${form} name=${`visits.${i}.costTiyn`} label=${t('visit.costN', { n: i + 1 })} value=${v.cost} onInput=${change(i, 'cost')} inputmode="decimal" />
      ${visits.length > 1 ? html`<button type="button" class="link" onClick=${() => setVisits(visits.filter((_, j) => j !== i))}>${t('visit.remove', { n: i + 1 })}</button>` : null}
    </fieldset>`)}
    <p><button type="button" class="secondary" onClick=${() => setVisits([...visits, emptyVisit()])} disabled=${visits.length >= 500}>${t('visit.add')}</button></p>
    <p class=${budgetTiyn !== undefined && total > budgetTiyn ? 'total over' : 'total'} role="status" aria-live="polite" data-total-tiyn=${total}>
      ${t('plan.running', { total: tenge(total), budget: budgetTiyn === undefined ? '—' : tenge(budgetTiyn) })}
      ${budgetTiyn !== undefined && total > budgetTiyn ? html` <strong>${t('plan.overBy', { amount: tenge(total - budgetTiyn) })}</strong>` : null}
    </p>
    <${Field} form=${form} name="on" type="date" label=${t('plan.on')} hint=${t('plan.onHint')} value=${on} onInput=${setOn} />
    <${Submit} form=${form}>${t('plan.submit')}<//>
  </form>`;
}

export function VisitPlans({ c }) {
  const { me } = useMe();
  const keeper = holds(me, c, 'chairperson', 'secretary', 'staff');
  const state = useLoad(async () => {
    const [plans, institutions] = await Promise.all([get(councilPath(c, '/visit-plans')), get(councilPath(c, '/institutions'))]);
    return { plans: plans.items, institutions: institutions.items };
  }, [c]);
  return html`<${Page} title=${t('nav.visitPlans')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="visit-plans" />
    <${Loaded} state=${state}>${({ plans, institutions }) => html`
      ${plans.length
        ? html`<${Table} head=${[t('plan.title'), t('plan.period'), t('plan.total'), t('plan.budget'), t('plan.status')]}
            rows=${plans.map((p) => [
              html`<${Link} href=${to('councils', c, 'visit-plans', p.id)}>${pick(p.title)}<//>`,
              html`<${When} d=${p.period.from} /> – <${When} d=${p.period.to} />`,
              tenge(p.totalTiyn),
              tenge(p.budgetTiyn),
              planStatus(p),
            ])} />`
        : html`<p class="muted">${t('plan.none')}</p>`}
      ${keeper ? (institutions.length ? html`<${NewPlan} c=${c} institutions=${institutions} />` : html`<p class="hint">${t('plan.needInstitutions')} <${Link} href=${to('councils', c, 'institutions')}>${t('nav.institutions')}<//></p>`) : null}`}<//>
  <//>`;
}
