// NPM participants (p14.8: the Council selects them, by a decision) and their regional groups,
// with the history of each membership; the members' decision excluding a participant from a
// group when the good faith of their visit report is in doubt (p14.14, from 2019).
import { html, useState } from '../../lib.js';
import { call, councilPath, enc, get } from '../../api.js';
import { pick, t } from '../../i18n.js';
import { holds, useMe } from '../../me.js';
import { Checkboxes, ErrorSummary, Field, Loaded, Page, Panel, Point, Select, Submit, Table, TextArea, When, useForm, useLoad } from '../../ui.js';
import { CouncilNav, useCouncilName } from '../council-nav.js';
import { REGIONS, regionWords } from './names.js';
import { DecisionPicker } from '../decision-picker.js';

function SelectParticipant({ c, done }) {
  const form = useForm();
  const [name, setName] = useState('');
  const [sub, setSub] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [groups, setGroups] = useState([]);
  const [decisionId, setDecisionId] = useState('');
  const [selectedOn, setSelectedOn] = useState('');
  const [added, setAdded] = useState();
  const submit = form.handle(async () => {
    const errors = [];
    if (!name.trim()) errors.push({ name: 'name', text: t('err.enter', { what: t('part.name') }) });
    if (!groups.length) errors.push({ name: 'groups', text: t('part.groupsNeeded') });
    if (!decisionId.trim()) errors.push({ name: 'decisionId', text: t('err.enter', { what: t('part.decisionId') }) });
    if (errors.length) return { errors };
    const reply = await call('POST', councilPath(c, '/participants'), {
      name: name.trim(),
      ...(sub.trim() ? { sub: sub.trim() } : {}),
      ...(organisation.trim() ? { organisation: organisation.trim() } : {}),
      groups,
      decisionId: decisionId.trim(),
      ...(selectedOn ? { selectedOn } : {}),
    });
    if (reply.ok) {
      setAdded(reply.json.name);
      setName('');
      setSub('');
      setOrganisation('');
      setGroups([]);
      done();
    }
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('part.select')}</h2>
    <p class="hint">${t('part.selectHint')} <${Point} p="p14.8" /></p>
    ${added ? html`<${Panel}>${t('part.selected', { name: added })}<//>` : null}
    <${ErrorSummary} form=${form} />
    <${Field} form=${form} name="name" label=${t('part.name')} value=${name} onInput=${setName} maxlength="300" />
    <${Field} form=${form} name="organisation" label=${t('part.organisation')} value=${organisation} onInput=${setOrganisation} maxlength="300" />
    <${Field} form=${form} name="sub" label=${t('part.sub')} hint=${t('part.subHint')} value=${sub} onInput=${setSub} maxlength="64" />
    <${Checkboxes} form=${form} name="groups" legend=${t('part.groups')} value=${groups} onChange=${setGroups} options=${REGIONS.map((r) => [r, regionWords(r)])} />
    <${DecisionPicker} c=${c} form=${form} name="decisionId" label=${t('part.decisionId')} value=${decisionId} onChange=${setDecisionId} />
    <${Field} form=${form} name="selectedOn" type="date" label=${t('part.selectedOn')} hint=${t('part.selectedOnHint')} value=${selectedOn} onInput=${setSelectedOn} />
    <${Submit} form=${form}>${t('part.submit')}<//>
  </form>`;
}

function Exclude({ c, participant, done, cancel }) {
  const form = useForm();
  const current = participant.groups.filter((g) => !g.to);
  const [region, setRegion] = useState(current[0]?.region ?? '');
  const [decisionId, setDecisionId] = useState('');
  const [visitReportId, setVisitReportId] = useState('');
  const [kk, setKk] = useState('');
  const [ru, setRu] = useState('');
  const submit = form.handle(async () => {
    const errors = [];
    if (!decisionId.trim()) errors.push({ name: 'decisionId', text: t('err.enter', { what: t('excl.decisionId') }) });
    if (!kk.trim()) errors.push({ name: 'reason.kk', text: t('err.enter', { what: t('excl.reason.kk') }) });
    if (!ru.trim()) errors.push({ name: 'reason.ru', text: t('err.enter', { what: t('excl.reason.ru') }) });
    if (errors.length) return { errors };
    const reply = await call('POST', councilPath(c, `/participants/${enc(participant.id)}/exclusions`), {
      region,
      decisionId: decisionId.trim(),
      ...(visitReportId.trim() ? { visitReportId: visitReportId.trim() } : {}),
      reason: { kk: kk.trim(), ru: ru.trim() },
    });
    if (reply.ok) done();
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('excl.title', { name: participant.name })}</h2>
    <p class="hint">${t('excl.hint')} <${Point} p="p14.14" /></p>
    <${ErrorSummary} form=${form} />
    <${Select} form=${form} name="region" label=${t('excl.region')} value=${region} onChange=${setRegion} options=${current.map((g) => [g.region, regionWords(g.region)])} />
    <${DecisionPicker} c=${c} form=${form} name="decisionId" label=${t('excl.decisionId')} value=${decisionId} onChange=${setDecisionId} />
    <${Field} form=${form} name="visitReportId" label=${t('excl.visitReportId')} value=${visitReportId} onInput=${setVisitReportId} maxlength="64" />
    <${TextArea} form=${form} name="reason.kk" label=${t('excl.reason.kk')} value=${kk} onInput=${setKk} maxlength="2000" />
    <${TextArea} form=${form} name="reason.ru" label=${t('excl.reason.ru')} value=${ru} onInput=${setRu} maxlength="2000" />
    <${Submit} form=${form}>${t('excl.submit')}<//>
    <button type="button" class="link" onClick=${cancel}>${t('check.cancel')}</button>
  </form>`;
}

const groupWords = (g) =>
  html`<li>${regionWords(g.region)}: <${When} d=${g.from} />${g.to ? html` – <${When} d=${g.to} />` : html` — ${t('part.current')}`}
    ${g.excludedBy ? html`<br /><span class="hint">${t('part.excludedBy')} <${When} d=${g.excludedBy.on} />${g.excludedBy.reason ? `: ${pick(g.excludedBy.reason)}` : ''}</span>` : null}</li>`;

export function Participants({ c }) {
  const { me } = useMe();
  const keeper = holds(me, c, 'chairperson', 'secretary', 'staff');
  const decider = holds(me, c, 'chairperson', 'secretary');
  const [excluding, setExcluding] = useState();
  const state = useLoad(() => get(councilPath(c, '/participants')), [c]);
  return html`<${Page} title=${t('nav.participants')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="participants" />
    <${Loaded} state=${state}>${({ items }) => html`
      ${items.length
        ? html`<${Table} head=${[t('part.name'), t('part.organisation'), t('part.selectedOn'), t('part.groups'), t('col.action')]}
            rows=${items.map((p) => [
              p.name,
              p.organisation ?? '—',
              html`<${When} d=${p.selectedOn} />`,
              html`<ul class="groups">${p.groups.map(groupWords)}</ul>`,
              decider && p.groups.some((g) => !g.to) ? html`<button type="button" class="secondary small" onClick=${() => setExcluding(p)}>${t('excl.open')}<span class="visually-hidden">: ${p.name}</span></button>` : '',
            ])} />`
        : html`<p class="muted">${t('part.none')}</p>`}
      ${excluding ? html`<${Exclude} key=${excluding.id} c=${c} participant=${excluding} done=${() => { setExcluding(undefined); state.reload(true); }} cancel=${() => setExcluding(undefined)} />` : null}
      ${keeper ? html`<${SelectParticipant} c=${c} done=${() => state.reload(true)} />` : null}`}<//>
  <//>`;
}
