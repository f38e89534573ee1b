// Recommendations to state bodies (p14.11) and proposals to improve legislation (p14.12): each
// made by an adopted decision, sent with a due date, answered; overdue ones marked.
import { html, useState } from '../../lib.js';
import { call, councilPath, enc, get } from '../../api.js';
import { pick, t } from '../../i18n.js';
import { holds, useMe } from '../../me.js';
import { ErrorSummary, Field, Loaded, Page, Panel, Point, Radios, Select, Submit, TextArea, When, today, useForm, useLoad } from '../../ui.js';
import { CouncilNav, useCouncilName } from '../council-nav.js';
import { StatusBadge } from './common.js';
import { DecisionPicker } from '../decision-picker.js';

const STATUSES = ['drafted', 'sent', 'no-answer', 'accepted', 'partly', 'rejected'];
const KINDS = ['recommendation', 'legislative-proposal'];

function Make({ c, done }) {
  const form = useForm();
  const [kind, setKind] = useState(KINDS[0]);
  const [kk, setKk] = useState('');
  const [ru, setRu] = useState('');
  const [addressee, setAddressee] = useState('');
  const [decisionId, setDecisionId] = useState('');
  const [made, setMade] = useState(false);
  const submit = form.handle(async () => {
    const reply = await call('POST', councilPath(c, '/recommendations'), { kind, text: { kk, ru }, addressee, decisionId });
    if (reply.ok) {
      setMade(true);
      setKk('');
      setRu('');
      done();
    }
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('rec.new')}</h2>
    ${made ? html`<${Panel}>${t('rec.made')}<//>` : null}
    <${ErrorSummary} form=${form} />
    <${Radios} form=${form} name="kind" legend=${t('rec.kind')} value=${kind} onChange=${setKind} options=${KINDS.map((k) => [k, t(`rec.kind.${k}`)])} />
    <${TextArea} form=${form} name="text.kk" label=${t('rec.text.kk')} value=${kk} onInput=${setKk} maxlength="2000" />
    <${TextArea} form=${form} name="text.ru" label=${t('rec.text.ru')} value=${ru} onInput=${setRu} maxlength="2000" />
    <${Field} form=${form} name="addressee" label=${t('rec.addressee')} value=${addressee} onInput=${setAddressee} maxlength="300" />
    <${DecisionPicker} c=${c} form=${form} name="decisionId" label=${t('form.decisionId')} value=${decisionId} onChange=${setDecisionId} />
    <${Submit} form=${form}>${t('rec.submit')}<//>
  </form>`;
}

function Send({ c, r, done }) {
  const form = useForm();
  const [sentOn, setSentOn] = useState(today());
  const [responseDueOn, setDue] = useState('');
  const submit = form.handle(async () => {
    const reply = await call('POST', councilPath(c, `/recommendations/${enc(r.id)}/sending`), { sentOn, responseDueOn });
    if (reply.ok) done();
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="sub-form">
    <${ErrorSummary} form=${form} />
    <${Field} form=${form} name="sentOn" type="date" label=${t('rec.sentOn')} value=${sentOn} onInput=${setSentOn} />
    <${Field} form=${form} name="responseDueOn" type="date" label=${t('rec.dueOn')} value=${responseDueOn} onInput=${setDue} />
    <${Submit} form=${form}>${t('rec.send')}<//>
  </form>`;
}

function Respond({ c, r, done }) {
  const form = useForm();
  const [receivedOn, setReceivedOn] = useState(today());
  const [status, setStatus] = useState('accepted');
  const [kk, setKk] = useState('');
  const [ru, setRu] = useState('');
  const submit = form.handle(async () => {
    const reply = await call('POST', councilPath(c, `/recommendations/${enc(r.id)}/response`), { receivedOn, status, summary: { kk, ru } });
    if (reply.ok) done();
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="sub-form">
    <${ErrorSummary} form=${form} />
    <${Field} form=${form} name="receivedOn" type="date" label=${t('rec.receivedOn')} value=${receivedOn} onInput=${setReceivedOn} />
    <${Select} form=${form} name="status" label=${t('rec.responseStatus')} value=${status} onChange=${setStatus} options=${['accepted', 'partly', 'rejected'].map((s) => [s, t(`rec.status.${s}`)])} />
    <${TextArea} form=${form} name="summary.kk" label=${t('rec.summary.kk')} value=${kk} onInput=${setKk} maxlength="2000" />
    <${TextArea} form=${form} name="summary.ru" label=${t('rec.summary.ru')} value=${ru} onInput=${setRu} maxlength="2000" />
    <${Submit} form=${form}>${t('rec.record')}<//>
  </form>`;
}

function Item({ c, r, keeper, reload }) {
  const [open, setOpen] = useState(false);
  return html`<li class="card recommendation" data-status=${r.status}>
    <h2 class="item-title">${t(`rec.kind.${r.kind}`)} — ${r.addressee}</h2>
    <p>${pick(r.text)}</p>
    <p><${StatusBadge} r=${r} /> · ${t('rec.madeOn')} <${When} d=${r.madeOn} />
      ${r.sending ? html` · ${t('rec.sentOn')} <${When} d=${r.sending.sentOn} />, ${t('rec.dueOn')} <${When} d=${r.sending.responseDueOn} />` : null}</p>
    ${r.response ? html`<p>${t('rec.response')} (<${When} d=${r.response.receivedOn} />): ${pick(r.response.summary)}</p>` : null}
    ${keeper && !r.response
      ? html`<button type="button" class="link" aria-expanded=${open} onClick=${() => setOpen(!open)}>${r.sending ? t('rec.record') : t('rec.send')}</button>
          ${open ? (r.sending ? html`<${Respond} c=${c} r=${r} done=${reload} />` : html`<${Send} c=${c} r=${r} done=${reload} />`) : null}`
      : null}
  </li>`;
}

export function Recommendations({ c }) {
  const { me } = useMe();
  const keeper = holds(me, c, 'chairperson', 'secretary', 'staff');
  const [status, setStatus] = useState('');
  const state = useLoad(() => get(councilPath(c, `/recommendations${status ? `?status=${status}` : ''}`)), [c, status]);
  return html`<${Page} title=${t('nav.recommendations')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="recommendations" />
    <p class="hint">${t('rec.intro')} <${Point} p="p14.11" /> <${Point} p="p14.12" /> <${Point} p="p26" /></p>
    <${Select} name="status-filter" label=${t('rec.filter')} value=${status} onChange=${setStatus} options=${[['', t('rec.all')], ...STATUSES.map((s) => [s, t(`rec.status.${s}`)])]} />
    <${Loaded} state=${state}>${({ items }) =>
      items.length ? html`<ul class="recommendations">${items.map((r) => html`<${Item} c=${c} r=${r} keeper=${keeper} reload=${() => state.reload(true)} />`)}</ul>` : html`<p class="muted">${t('rec.none')}</p>`}<//>
    ${keeper ? html`<${Make} c=${c} done=${() => state.reload(true)} />` : null}
  <//>`;
}
