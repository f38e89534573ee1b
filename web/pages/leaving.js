// Leaving the Council (p12): the Chairperson sees the members' written notices by name and
// accepts one (p15.7) after checking the answers; the answer says from which day the powers
// end (a reading of p12). A member sends their own notice here.
import { html, useState } from '../lib.js';
import { all, call, councilPath, enc } from '../api.js';
import { t } from '../i18n.js';
import { holds, useMe } from '../me.js';
import { ErrorSummary, Field, FocusHeading, Loaded, Page, Panel, Radios, Readings, Submit, Summary, Table, TextArea, When, today, useForm, useLoad } from '../ui.js';
import { CouncilNav, useCouncilName } from './council-nav.js';

const KINDS = ['notice', 'renunciation'];

function Accept({ c, notice, done, cancel }) {
  const form = useForm();
  const [on, setOn] = useState(today());
  const [receivedOn, setReceivedOn] = useState(notice.noticeDate ?? '');
  const [step, setStep] = useState('form');
  const [result, setResult] = useState();
  const toCheck = form.handle(async () => {
    if (!on) return { errors: [{ name: 'on', text: t('err.enter', { what: t('accept.on') }) }] };
    setStep('check');
    return { ok: true };
  });
  const accept = form.handle(async () => {
    const reply = await call('POST', councilPath(c, `/members/${enc(notice.memberId)}/leaving/${enc(notice.id)}/acceptance`), { on, ...(receivedOn ? { receivedOn } : {}) });
    if (reply.ok) {
      setResult(reply.json);
      setStep('done');
      done();
    } else if (reply.status === 400) setStep('form');
    return reply;
  });
  if (step === 'done')
    return html`<${Panel}><p>${t('accept.done', { name: notice.name })}</p>
      ${result?.endedOn ?? result?.term?.endedOn ? html`<p>${t('accept.endsOn')} <${When} d=${result.endedOn ?? result.term.endedOn} /></p>` : null}
      <${Readings} readings=${result?.readings} /><//>`;
  if (step === 'check')
    return html`<form onSubmit=${accept} class="card check-answers">
      <${FocusHeading}>${t('check.title')}<//>
      <${ErrorSummary} form=${form} />
      <${Summary} rows=${[
        [t('col.name'), notice.name],
        [t('leave.kind'), t(`leave.kind.${notice.kind}`)],
        [t('leave.date'), html`<${When} d=${notice.noticeDate} />`],
        [t('accept.on'), html`<${When} d=${on} />`, html`<button type="button" class="link" onClick=${() => setStep('form')}>${t('check.change')}<span class="visually-hidden"> ${t('accept.on')}</span></button>`],
        [t('accept.receivedOn'), receivedOn ? html`<${When} d=${receivedOn} />` : '—'],
      ]} />
      <p class="hint">${t('accept.hint')}</p>
      <${Submit} form=${form}>${t('accept.submit')}<//>
    </form>`;
  return html`<form onSubmit=${toCheck} novalidate class="card">
    <${FocusHeading}>${t('accept.title', { name: notice.name })}<//>
    <${ErrorSummary} form=${form} />
    <${Field} form=${form} name="on" type="date" label=${t('accept.on')} value=${on} onInput=${setOn} />
    <${Field} form=${form} name="receivedOn" type="date" label=${t('accept.receivedOn')} value=${receivedOn} onInput=${setReceivedOn} />
    <${Submit} form=${form}>${t('check.continue')}<//>
    <button type="button" class="link" onClick=${cancel}>${t('check.cancel')}</button>
  </form>`;
}

function SendNotice({ c, memberId }) {
  const form = useForm();
  const [kind, setKind] = useState('notice');
  const [noticeDate, setNoticeDate] = useState(today());
  const [statement, setStatement] = useState('');
  const [sent, setSent] = useState(false);
  const submit = form.handle(async () => {
    const reply = await call('POST', councilPath(c, `/members/${enc(memberId)}/leaving`), { kind, noticeDate, ...(statement ? { statement } : {}) });
    if (reply.ok) setSent(true);
    return reply;
  });
  if (sent) return html`<${Panel}>${t('leave.sent')}<//>`;
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('leave.title')}</h2>
    <${ErrorSummary} form=${form} />
    <${Radios} form=${form} name="kind" legend=${t('leave.kind')} value=${kind} onChange=${setKind} options=${KINDS.map((k) => [k, t(`leave.kind.${k}`)])} />
    <${Field} form=${form} name="noticeDate" type="date" label=${t('leave.date')} value=${noticeDate} onInput=${setNoticeDate} />
    <${TextArea} form=${form} name="statement" label=${t('leave.statement')} value=${statement} onInput=${setStatement} />
    <${Submit} form=${form}>${t('leave.submit')}<//>
  </form>`;
}

export function Leaving({ c }) {
  const { me } = useMe();
  const isChair = holds(me, c, 'chairperson', 'admin');
  const isMember = holds(me, c, 'member');
  const [accepting, setAccepting] = useState();
  const state = useLoad(async () => {
    const notices = isChair ? await all(councilPath(c, '/leaving-notices')) : [];
    const memberId = isMember ? me?.councils?.find((x) => x.id === c)?.memberId : undefined;
    return { notices, memberId };
  }, [c, isChair, isMember, me?.sub]);
  return html`<${Page} title=${t('nav.leaving')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="leaving" />
    <${Loaded} state=${state}>${({ notices, memberId }) => {
      const waiting = notices.filter((n) => !n.acceptedOn);
      const accepted = notices.filter((n) => n.acceptedOn);
      return html`
      ${isChair ? html`<h2>${t('leaving.waiting')}</h2>
        ${waiting.length ? html`<ul class="notices">${waiting.map((n) => html`<li>
            <strong>${n.name}</strong>: ${t(`leave.kind.${n.kind}`)}, <${When} d=${n.noticeDate} />
            ${accepting?.id === n.id ? null : html` <button type="button" class="secondary small" onClick=${() => setAccepting(n)}>${t('notice.accept')}<span class="visually-hidden">: ${n.name}</span></button>`}
          </li>`)}</ul>` : html`<p class="muted">${t('leaving.none')}</p>`}
        ${accepting ? html`<${Accept} key=${accepting.id} c=${c} notice=${accepting} done=${() => state.reload(true)} cancel=${() => setAccepting(undefined)} />` : null}
        ${accepted.length ? html`<h2>${t('leaving.accepted')}</h2><${Table} head=${[t('col.name'), t('leave.kind'), t('leave.date'), t('accept.on')]}
          rows=${accepted.map((n) => [n.name, t(`leave.kind.${n.kind}`), html`<${When} d=${n.noticeDate} />`, html`<${When} d=${n.acceptedOn} />`])} />` : null}` : null}
      ${isMember && memberId ? html`<${SendNotice} c=${c} memberId=${memberId} />` : null}`;
    }}<//>
  <//>`;
}
