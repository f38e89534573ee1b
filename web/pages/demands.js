// Extraordinary meeting demands (p21): each with its reason, its signatories by name and its
// state; a member signs one or opens a new one; the Chairperson convenes a meeting on a demand
// that may be convened.
import { html, useState } from '../lib.js';
import { all, call, councilPath, enc } from '../api.js';
import { pick, t } from '../i18n.js';
import { Link, to } from '../router.js';
import { holds, useMe } from '../me.js';
import { Decision, ErrorSummary, Field, Loaded, Page, Panel, Submit, When, today, useForm, useLoad } from '../ui.js';
import { CouncilNav, useCouncilName } from './council-nav.js';

function SignDemand({ c, demand, done }) {
  const form = useForm();
  const submit = form.handle(async () => {
    const reply = await call('POST', councilPath(c, `/extraordinary-demands/${enc(demand.id)}/signatures`), { on: today() });
    if (reply.ok) done();
    return reply;
  });
  return html`<form onSubmit=${submit}><${ErrorSummary} form=${form} /><${Submit} form=${form}>${t('demand.sign')}<//></form>`;
}

function OpenDemand({ c, done }) {
  const form = useForm();
  const [kk, setKk] = useState('');
  const [ru, setRu] = useState('');
  const [opened, setOpened] = useState(false);
  const submit = form.handle(async () => {
    const reply = await call('POST', councilPath(c, '/extraordinary-demands'), { reason: { kk, ru }, on: today() });
    if (reply.ok) {
      setOpened(true);
      done();
    }
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('demand.openTitle')}</h2>
    <p class="hint">${t('demand.hint')}</p>
    <${ErrorSummary} form=${form} />
    <${Field} form=${form} name="reason.kk" label=${`${t('demand.reason')} (${t('gen.inKk')})`} value=${kk} onInput=${setKk} lang="kk" />
    <${Field} form=${form} name="reason.ru" label=${`${t('demand.reason')} (${t('gen.inRu')})`} value=${ru} onInput=${setRu} lang="ru" />
    <${Submit} form=${form}>${t('demand.open')}<//>
    ${opened ? html`<${Panel}>${t('demand.opened')}<//>` : null}
  </form>`;
}

export function Demands({ c }) {
  const { me } = useMe();
  const state = useLoad(() => all(councilPath(c, '/extraordinary-demands')), [c]);
  const isMember = holds(me, c, 'member');
  const isChair = holds(me, c, 'chairperson');
  return html`<${Page} title=${t('nav.demands')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="demands" />
    <${Loaded} state=${state}>${(demands) => html`
      ${demands.length ? demands.map((d) => {
        const signedByMe = d.signatories?.some((s) => s.sub === me?.sub || s.id === me?.councils?.find((x) => x.id === c)?.memberId);
        const myTodo = me?.councils?.find((x) => x.id === c)?.todo?.some((x) => x.kind === 'sign-demand' && x.demandId === d.id);
        return html`<section class="card" id=${`d-${d.id}`} aria-labelledby=${`dh-${d.id}`}>
          <h2 id=${`dh-${d.id}`}>${pick(d.reason)}</h2>
          <p class="muted">${t('demand.openedOn')} <${When} d=${d.openedOn} /> · ${t(`dstatus.${d.status}`)}</p>
          <p>${t('demand.signatories')}: ${(d.signatories ?? []).map((s) => s.name).join(', ') || '—'}</p>
          ${d.decision ? html`<${Decision} answer=${d.decision} />` : null}
          ${isMember && d.status !== 'convened' && (myTodo || !signedByMe) ? html`<${SignDemand} c=${c} demand=${d} done=${() => state.reload(true)} />` : null}
          ${isChair && d.status === 'may-convene' ? html`<p><${Link} class="button" href=${`${to('councils', c, 'meetings', 'new')}?demand=${encodeURIComponent(d.id)}`}>${t('notice.convene')}<//></p>` : null}
          ${d.meetingId ? html`<p><${Link} href=${to('councils', c, 'meetings', d.meetingId)}>${t('demand.meeting')}<//></p>` : null}
        </section>`;
      }) : html`<p class="muted">${t('demands.none')}</p>`}
      ${isMember ? html`<${OpenDemand} c=${c} done=${() => state.reload(true)} />` : null}`}<//>
  <//>`;
}
