// One visit plan (p14.6): its visits, institutions, budget; the Chairperson or the Secretary
// records the Council decision that adopts it (a plan takes effect when a decision adopts it).
import { html, useState } from '../../lib.js';
import { call, councilPath, enc, get } from '../../api.js';
import { pick, t } from '../../i18n.js';
import { holds, useMe } from '../../me.js';
import { ErrorSummary, Field, Loaded, Page, Panel, Point, Submit, Summary, Table, When, useForm, useLoad } from '../../ui.js';
import { CouncilNav, useCouncilName } from '../council-nav.js';
import { tenge } from './money.js';
import { planStatus } from './visit-plans.js';
import { DecisionPicker } from '../decision-picker.js';

function Adopt({ c, plan, done }) {
  const form = useForm();
  const [decisionId, setDecisionId] = useState('');
  const submit = form.handle(async () => {
    if (!decisionId.trim()) return { errors: [{ name: 'decisionId', text: t('err.enter', { what: t('plan.decisionId') }) }] };
    const reply = await call('POST', councilPath(c, `/visit-plans/${enc(plan.id)}/adoption`), { decisionId: decisionId.trim() });
    if (reply.ok) done();
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('plan.adopt')}</h2>
    <p class="hint">${t('plan.adoptHint')} <${Point} p="p14.6" /></p>
    <${ErrorSummary} form=${form} />
    <${DecisionPicker} c=${c} form=${form} name="decisionId" label=${t('plan.decisionId')} value=${decisionId} onChange=${setDecisionId} />
    <${Submit} form=${form}>${t('plan.adoptSubmit')}<//>
  </form>`;
}

export function VisitPlan({ c, p }) {
  const { me } = useMe();
  const state = useLoad(() => get(councilPath(c, `/visit-plans/${enc(p)}`)), [c, p]);
  return html`<${Page} title=${t('plan.one')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="visit-plans" />
    <${Loaded} state=${state}>${(plan) => html`
      <h2>${pick(plan.title)}</h2>
      <${Summary} rows=${[
        [t('plan.period'), html`<${When} d=${plan.period.from} /> – <${When} d=${plan.period.to} />`],
        [t('plan.budget'), `${tenge(plan.budgetTiyn)} ${t('money.tenge')}`],
        [t('plan.total'), `${tenge(plan.totalTiyn)} ${t('money.tenge')}`],
        [t('plan.status'), planStatus(plan)],
        ...(plan.adoption ? [[t('plan.adoptedOn'), html`<${When} d=${plan.adoption.adoptedOn} />`]] : []),
      ]} />
      <${Table} caption=${t('plan.visits')} head=${[t('visit.institution'), t('inst.region'), t('inst.type'), t('visit.dates'), t('visit.cost')]}
        rows=${plan.visits.map((v) => [
          v.institution ? pick(v.institution.name) : v.institutionId,
          v.institution ? pick(v.institution.regionName) : '—',
          v.institution ? pick(v.institution.typeName) : '—',
          html`<${When} d=${v.from} /> – <${When} d=${v.to} />`,
          tenge(v.costTiyn),
        ])} />
      ${plan.status === 'adopted' ? html`<${Panel} focus=${false}>${t('plan.adoptedPanel')}<//>` : holds(me, c, 'chairperson', 'secretary') ? html`<${Adopt} c=${c} plan=${plan} done=${() => state.reload(true)} />` : null}`}<//>
  <//>`;
}
