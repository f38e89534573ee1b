// The complaints desk (p15.6, p29): the Chairperson and the staff the Chairperson authorised.
// The private key is pasted or chosen as a file and kept in this page's memory only (never
// sent, never stored); each read gives a reason the server logs first; the complaint is opened
// here and shown as text, never as HTML. The Chairperson accepts and considers it; the reply is
// sealed here to the complainant's reply key.
import { html, useState } from '../../lib.js';
import { all, call, councilPath, enc } from '../../api.js';
import { pick, t } from '../../i18n.js';
import { holds, useMe } from '../../me.js';
import { controlId, ErrorSummary, Field, Loaded, Page, Panel, Radios, Select, Submit, Table, TextArea, When, today, useForm, useLoad } from '../../ui.js';
import { open, publicOf, seal } from '../../crypto.js';
import { CouncilNav, useCouncilName } from '../council-nav.js';
import { DECISIONS, options } from './shared.js';

/** A key file (JSON with `privateKey`, as the keys page downloads it) or the bare base64 key. */
async function keyPairFrom(text) {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  let privateKey = trimmed;
  try {
    const parsed = JSON.parse(trimmed);
    if (parsed && typeof parsed.privateKey === 'string') privateKey = parsed.privateKey;
  } catch {
    // not JSON: the bare key
  }
  try {
    return { privateKey, publicKey: await publicOf(privateKey) };
  } catch {
    return undefined;
  }
}

/**
 * The private key's textarea, like ui.js TextArea, but its value is a property only: the key is
 * never in the page's text (a copy of the page, a screenshot tool reading the DOM, a translator).
 */
function KeyArea({ form, value, onInput }) {
  const name = 'privateKey';
  form.labels[name] = t('complaint.desk.privateKey');
  const error = form.error(name);
  return html`<div class=${error ? 'field invalid' : 'field'}>
    <label for=${controlId(name)}>${t('complaint.desk.privateKey')}</label>
    ${error ? html`<p class="error-message" id=${`${controlId(name)}-error`}>${error}</p>` : null}
    <textarea id=${controlId(name)} name=${name} rows="3" autocomplete="off" spellcheck="false" translate="no" value=${value}
      onInput=${(e) => onInput(e.currentTarget.value)} aria-invalid=${error ? 'true' : undefined} aria-describedby=${error ? `${controlId(name)}-error` : undefined}></textarea>
  </div>`;
}

function Consider({ c, complaint, done }) {
  const form = useForm();
  const [status, setStatus] = useState(complaint.status === 'received' ? 'accepted' : 'considered');
  const [decision, setDecision] = useState('');
  const [kk, setKk] = useState(complaint.consideration?.summary.kk ?? '');
  const [ru, setRu] = useState(complaint.consideration?.summary.ru ?? '');
  const [reply, setReply] = useState('');
  const [on, setOn] = useState(today());
  const [saved, setSaved] = useState(false);
  const submit = form.handle(async () => {
    const errors = [];
    if (!kk.trim()) errors.push({ name: 'summary.kk', text: t('err.enter', { what: t('complaint.consider.summary.kk') }) });
    if (!ru.trim()) errors.push({ name: 'summary.ru', text: t('err.enter', { what: t('complaint.consider.summary.ru') }) });
    if (status === 'considered' && !decision) errors.push({ name: 'decision', text: t('err.enter', { what: t('complaint.consider.decision') }) });
    if (errors.length) return { errors };
    const sealedReply = reply.trim() && complaint.replyKey ? { sealed: await seal(reply.trim(), complaint.replyKey) } : undefined;
    const answer = await call('POST', councilPath(c, `/complaints/${enc(complaint.id)}/consideration`), {
      status,
      ...(status === 'considered' ? { decision } : {}),
      summary: { kk: kk.trim(), ru: ru.trim() },
      ...(sealedReply ? { reply: sealedReply } : {}),
      on,
    });
    if (answer.ok) {
      setSaved(true);
      done();
    }
    return answer;
  });
  if (saved) return html`<${Panel}>${t('complaint.consider.done')}<//>`;
  return html`<form onSubmit=${submit} novalidate class="card">
    <h3>${t('complaint.consider.title')}</h3>
    <${ErrorSummary} form=${form} />
    <${Radios} form=${form} name="status" legend=${t('complaint.consider.status')} value=${status} onChange=${setStatus}
      options=${[...(complaint.status === 'received' ? [['accepted', t('complaint.consider.accepted')]] : []), ['considered', t('complaint.consider.considered')]]} />
    ${status === 'considered' ? html`<${Select} form=${form} name="decision" label=${t('complaint.consider.decision')} value=${decision} onChange=${setDecision} options=${[['', '—'], ...options(DECISIONS, 'complaint.decision')]} />` : null}
    <${TextArea} form=${form} name="summary.kk" label=${t('complaint.consider.summary.kk')} hint=${t('complaint.consider.summary.hint')} value=${kk} onInput=${setKk} rows=${3} />
    <${TextArea} form=${form} name="summary.ru" label=${t('complaint.consider.summary.ru')} value=${ru} onInput=${setRu} rows=${3} />
    ${complaint.replyKey
      ? html`<${TextArea} form=${form} name="reply" label=${t('complaint.consider.reply')} hint=${t('complaint.consider.reply.hint')} value=${reply} onInput=${setReply} rows=${4} />`
      : html`<p class="hint">${t('complaint.consider.noReplyKey')}</p>`}
    <${Field} form=${form} name="on" type="date" label=${t('complaint.consider.on')} value=${on} onInput=${setOn} />
    <${Submit} form=${form}>${t('complaint.consider.submit')}<//>
  </form>`;
}

/** An opened complaint: its text as text (white-space kept), the re-seal when its key is old, the consideration. */
function Opened({ c, opened, current, isChair, reload }) {
  const [resealed, setResealed] = useState(false);
  const [problem, setProblem] = useState();
  const { complaint, content } = opened;
  const reseal = async () => {
    const reply = await call('POST', councilPath(c, `/complaints/${enc(complaint.id)}/reseal`), { keyId: current.id, sealed: await seal(opened.plain, current.publicKey) });
    if (reply.ok) {
      setResealed(true);
      reload();
    } else setProblem(reply.json?.error?.message);
  };
  return html`<section class="card" aria-labelledby=${`opened-${complaint.id}`}>
    <h2 id=${`opened-${complaint.id}`}>${t('complaint.desk.text')}: <${When} d=${complaint.receivedOn} /></h2>
    <div data-complaint-text class="sealed-text" style="white-space: pre-wrap">${content.narrative ?? opened.plain}</div>
    <p><strong>${t('complaint.desk.from')}:</strong> ${content.name ?? t('complaint.desk.anonymous')}</p>
    ${content.contact ? html`<p><strong>${t('complaint.desk.contact')}:</strong> ${content.contact}</p>` : null}
    ${current && complaint.keyId !== current.id && !resealed
      ? html`<p class="hint">${t('complaint.desk.oldKey')}</p><button type="button" class="secondary" onClick=${reseal}>${t('complaint.desk.reseal')}</button>`
      : null}
    ${resealed ? html`<${Panel}>${t('complaint.desk.resealed')}<//>` : null}
    ${problem ? html`<p class="error-message" role="alert">${pick(problem)}</p>` : null}
    ${isChair && complaint.status !== 'considered' ? html`<${Consider} c=${c} complaint=${complaint} done=${reload} />` : null}
  </section>`;
}

export function ComplaintsDesk({ c }) {
  const { me } = useMe();
  const isChair = holds(me, c, 'chairperson');
  const [keyText, setKeyText] = useState('');
  const [reason, setReason] = useState('');
  const [opened, setOpened] = useState();
  const form = useForm();
  const state = useLoad(async () => {
    const [items, keys] = await Promise.all([all(councilPath(c, '/complaints')), call('GET', councilPath(c, '/complaint-keys'))]);
    const list = keys.ok ? keys.json.items : [];
    return { items: [...items].sort((a, b) => (a.receivedOn < b.receivedOn ? 1 : -1)), keys: list, current: list.at(-1) };
  }, [c, me?.sub]);
  const chooseFile = async (event) => {
    const file = event.currentTarget.files?.[0];
    if (file && file.size < 10_000) setKeyText(await file.text());
  };
  const read = (complaint, keys) =>
    form.handle(async () => {
      setOpened(undefined);
      const errors = [];
      const pair = await keyPairFrom(keyText);
      if (!pair) errors.push({ name: 'privateKey', text: t('complaint.desk.needKey') });
      if (!reason.trim()) errors.push({ name: 'reason', text: t('complaint.desk.needReason') });
      if (errors.length) return { errors };
      const reply = await call('GET', `${councilPath(c, `/complaints/${enc(complaint.id)}`)}?reason=${enc(reason.trim())}`);
      if (!reply.ok) return reply;
      let plain;
      try {
        plain = await open(reply.json.sealed, pair);
      } catch {
        const key = keys.find((k) => k.id === reply.json.keyId);
        return { errors: [{ name: 'privateKey', text: `${t('complaint.desk.wrongKey')} ${key?.fingerprint ?? reply.json.keyId}. ${t('complaint.desk.lostKey')}` }] };
      }
      let content = {};
      try {
        const parsed = JSON.parse(plain);
        if (parsed && typeof parsed === 'object') content = { narrative: typeof parsed.narrative === 'string' ? parsed.narrative : undefined, name: typeof parsed.name === 'string' ? parsed.name : undefined, contact: typeof parsed.contact === 'string' ? parsed.contact : undefined };
      } catch {
        content = {};
      }
      setOpened({ complaint: reply.json, plain, content });
      return reply;
    });
  return html`<${Page} title=${t('complaint.desk.title')} caption=${useCouncilName(c)} wide>
    <${CouncilNav} c=${c} current="complaints" />
    <section class="card" aria-labelledby="desk-key">
      <h2 id="desk-key">${t('complaint.desk.key.title')}</h2>
      <p class="hint">${t('complaint.desk.key.help')}</p>
      <${ErrorSummary} form=${form} />
      <div class="field"><label for="f-keyFile">${t('complaint.desk.keyFile')}</label><input id="f-keyFile" type="file" accept=".json,application/json,text/plain" onChange=${chooseFile} /></div>
      <${KeyArea} form=${form} value=${keyText} onInput=${setKeyText} />
      <${Field} form=${form} name="reason" label=${t('complaint.desk.reason')} hint=${t('complaint.desk.reason.hint')} value=${reason} onInput=${setReason} maxlength="500" />
    </section>
    <${Loaded} state=${state}>${({ items, keys, current }) => html`
      ${opened ? html`<${Opened} key=${opened.complaint.id} c=${c} opened=${opened} current=${current} isChair=${isChair} reload=${() => state.reload(true)} />` : null}
      ${items.length
        ? html`<${Table} head=${[t('complaint.desk.col.receivedOn'), t('complaint.desk.col.category'), t('complaint.desk.col.where'), t('complaint.desk.col.month'), t('complaint.desk.col.status'), t('complaint.desk.col.action')]}
            rows=${items.map((x) => [
              html`<${When} d=${x.receivedOn} />`,
              t(`complaint.category.${x.category}`),
              [x.region ? t(`region.${x.region}`) : null, x.institutionType ? t(`institutionType.${x.institutionType}`) : null].filter(Boolean).join('; ') || '—',
              x.occurredIn ?? '—',
              t(`complaint.status.${x.status}`) + (x.consideration?.decision ? `: ${t(`complaint.decision.${x.consideration.decision}`)}` : ''),
              html`<button type="button" class="secondary small" data-read=${x.id} onClick=${read(x, keys)} disabled=${form.busy}>${t('complaint.desk.read')}<span class="visually-hidden">: ${x.receivedOn}</span></button>`,
            ])} />`
        : html`<p class="muted">${t('complaint.desk.none')}</p>`}`}<//>
  <//>`;
}
