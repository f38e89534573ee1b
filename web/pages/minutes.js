// The minutes of a held meeting: the document as the state body's minutes (HTML from the API,
// in Kazakh or Russian, p30) with its PDF, the signatures, and signing with "check your
// answers" first: a signature covers the exact content read (its SHA-256), p28.
import { html, useEffect, useRef, useState } from '../lib.js';
import { call, document as fetchDocument, get } from '../api.js';
import { lang, moment, t } from '../i18n.js';
import { Link, to } from '../router.js';
import { ErrorSummary, FocusHeading, LoadError, Loaded, Loading, Page, Panel, Radios, Submit, Summary, When, useForm, useLoad } from '../ui.js';
import { CouncilNav, useCouncilName } from './council-nav.js';
import { meetingTitle } from './meetings.js';
import { meetingPath } from './meeting.js';

/**
 * The minutes' HTML as the API renders it, shown inside this page in a shadow root: its
 * stylesheet is adopted through the CSSOM (so the pages' Content-Security-Policy needs no inline
 * style), its `body` rules apply to the shadow host, and no script of it ever runs.
 */
function Document({ c, m, docLang, revision }) {
  const [state, setState] = useState({ loading: true });
  const host = useRef();
  useEffect(() => {
    let gone = false;
    setState({ loading: true });
    fetchDocument(`${meetingPath(c, m, '/minutes.html')}?lang=${docLang}`).then(async (reply) => {
      if (!gone) setState(reply.ok ? { html: await reply.blob.text() } : { error: reply });
    });
    return () => {
      gone = true;
    };
  }, [c, m, docLang, revision]);
  useEffect(() => {
    if (!state.html || !host.current) return;
    const parsed = new DOMParser().parseFromString(state.html, 'text/html');
    const root = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    const css = [...parsed.querySelectorAll('style')].map((s) => s.textContent).join('\n');
    // The document's landmarks become plain blocks inside this page (one main, one banner).
    const selectors = css.replace(/(^|[},\s])(html|body)(?=[\s,{:.])/g, '$1:host').replace(/(^|[},\s>+~])(header|main|footer)(?=[\s,{:.>])/g, '$1.m-$2');
    sheet.replaceSync(selectors);
    root.adoptedStyleSheets = [sheet];
    for (const el of parsed.querySelectorAll('script, style, link, meta, title')) el.remove();
    for (const el of parsed.body.querySelectorAll('header, main, footer')) {
      const block = parsed.createElement('div');
      block.className = `m-${el.localName} ${el.className}`.trim();
      block.append(...el.childNodes);
      el.replaceWith(block);
    }
    root.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  }, [state.html]);
  if (state.loading) return html`<${Loading} />`;
  if (state.error) return html`<${LoadError} error=${state.error} />`;
  return html`<section class="minutes-doc" aria-label=${t('min.frameTitle', { lang: t(`langname.${docLang}`) })} lang=${docLang} ref=${host}></section>`;
}

function Pdf({ c, m, docLang }) {
  const [state, setState] = useState();
  const download = async () => {
    setState({ busy: true });
    const reply = await fetchDocument(`${meetingPath(c, m, '/minutes.pdf')}?lang=${docLang}`);
    if (!reply.ok) return setState({ error: reply });
    const url = URL.createObjectURL(reply.blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = reply.filename ?? `minutes-${docLang}.pdf`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setState({ done: a.download });
  };
  return html`<p>
    <button type="button" class="secondary" onClick=${download} disabled=${state?.busy}>${t('min.pdf', { lang: t(`langname.${docLang}`) })}</button>
    ${state?.done ? html` <span role="status" class="muted">${t('min.pdfDone', { file: '' })}<code>${state.done}</code></span>` : null}
    ${state?.error ? html`<${LoadError} error=${state.error} />` : null}
  </p>`;
}

function Signatures({ meeting }) {
  const roles = ['chairperson', 'secretary'];
  return html`<section aria-labelledby="sig-title">
    <h2 id="sig-title">${t('min.signatures')}</h2>
    <ul class="signatures">${roles.map((role) => {
      const s = meeting.signatures?.find((x) => x.role === role);
      return html`<li data-role=${role}>${t(`role.${role}`)}: ${s ? html`<strong>${s.name}</strong>, ${t('min.signedAt', { when: moment(s.signedAt) })}` : html`<span class="muted">${t('min.awaited')}</span>`}</li>`;
    })}</ul>
    ${meeting.voidedSignatures?.length ? html`<h3>${t('min.voidedTitle')}</h3><ul>${meeting.voidedSignatures.map((s) => html`<li>${t(`role.${s.role}`)}: ${s.name}, ${t('min.voided', { when: moment(s.voidedAt) })}</li>`)}</ul>` : null}
    ${meeting.sealedAt ? html`<p class="sealed"><strong>${t('min.sealed')}</strong> ${moment(meeting.sealedAt)}</p>` : null}
  </section>`;
}

function Sign({ c, meeting, reload }) {
  const role = meeting.me?.isChairperson ? 'chairperson' : meeting.me?.isSecretary ? 'secretary' : undefined;
  const [step, setStep] = useState('start');
  const [minutes, setMinutes] = useState();
  const form = useForm();
  if (step === 'done') return html`<${Panel}>${t('min.signedDone')}<//>`;
  if (!role || meeting.sealedAt || meeting.signatures?.some((s) => s.role === role)) return null;
  const check = form.handle(async () => {
    const reply = await call('GET', meetingPath(c, meeting.id, '/minutes'));
    if (reply.ok) {
      setMinutes(reply.json);
      setStep('check');
    }
    return reply;
  });
  const sign = form.handle(async () => {
    const reply = await call('POST', meetingPath(c, meeting.id, '/minutes/signatures'), { contentHash: minutes.contentHash });
    if (reply.ok) {
      setStep('done');
      await reload();
    } else if (reply.status === 409) {
      setStep('start');
      await reload();
    }
    return reply;
  });
  if (step === 'check')
    return html`<form onSubmit=${sign} class="card check-answers" aria-labelledby="check-title">
      <${FocusHeading} id="check-title">${t('check.title')}<//>
      <${ErrorSummary} form=${form} />
      <${Summary} rows=${[
        [t('col.meeting'), meetingTitle(meeting)],
        [t('col.date'), html`<${When} d=${meeting.date} />`],
        [t('min.signAs'), t(`role.${role}`)],
        [t('min.covers'), t('min.coversText')],
      ]} />
      <p>${t('min.signDeclaration')}</p>
      <${Submit} form=${form}>${t('min.signConfirm')}<//>
      <button type="button" class="link" onClick=${() => setStep('start')}>${t('check.back')}</button>
    </form>`;
  return html`<form onSubmit=${check} class="card">
    <${ErrorSummary} form=${form} />
    <p>${t('min.signIntro', { role: t(`role.${role}`) })}</p>
    <${Submit} form=${form}>${t('min.sign')}<//>
  </form>`;
}

export function Minutes({ c, m }) {
  const state = useLoad(() => get(meetingPath(c, m)), [c, m]);
  const [docLang, setDocLang] = useState(lang() === 'en' ? 'ru' : lang());
  return html`<${Page} title=${t('min.title')} caption=${state.data ? meetingTitle(state.data) : useCouncilName(c)} wide>
    <${CouncilNav} c=${c} current="meetings" />
    <${Loaded} state=${state}>${(meeting) => {
      if (meeting.status !== 'held') return html`<p>${t('min.notYet')}</p><p><${Link} href=${to('councils', c, 'meetings', m)}>${t('desk.meetingPage')}<//></p>`;
      return html`
        <${Signatures} meeting=${meeting} />
        <${Sign} c=${c} meeting=${meeting} reload=${() => state.reload(true)} />
        <${Radios} name="docLang" legend=${t('min.language')} inline value=${docLang} onChange=${setDocLang} options=${[['kk', t('langname.kk')], ['ru', t('langname.ru')]]} />
        <${Pdf} c=${c} m=${m} docLang=${docLang} />
        <${Document} c=${c} m=${m} docLang=${docLang} revision=${`${meeting.revision}-${meeting.signatures?.length}`} />`;
    }}<//>
  <//>`;
}
