// The amendment page (the administrator): the amendment document (a file or pasted YAML or
// JSON: the one legitimate document input), its dry-run (a job: started, its progress shown
// while it replays, then what it would change: every stored decision whose outcome would
// differ), "check your answers" with a confirmation, publication,
// and then the rendered difference against the version before (old and new wording side by side).
import { html, useState } from '../lib.js';
import { call, enc, get } from '../api.js';
import { pick, t } from '../i18n.js';
import { Link, to } from '../router.js';
import { useMe } from '../me.js';
import { Checkboxes, ErrorSummary, FocusHeading, LoadError, Loading, Outcome, Page, Panel, Point, Submit, Summary, Table, TextArea, When, useForm } from '../ui.js';
import { DiffView, previousOf } from './law.js';

async function parseDocument(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return JSON.parse(trimmed);
  const YAML = await import('yaml');
  return YAML.parse(trimmed);
}

function DryRun({ result }) {
  return html`<div class="dry-run">
    <${Summary} rows=${[
      [t('amend.act'), html`<cite>${pick(result.version.title)}</cite>`],
      [t('col.inForceFrom'), html`<${When} d=${result.inForce.from} />`],
      [t('col.inForceUntil'), result.inForce.until ? html`<${When} d=${result.inForce.until} />` : '—'],
      [t('amend.examined'), t('amend.examinedCount', { n: result.examined.records })],
    ]} />
    <h3>${t('amend.changes')}</h3>
    ${result.changes.length
      ? html`<${Table} head=${[t('col.question'), t('col.date'), t('col.old'), t('col.new')]} rows=${result.changes.map((ch) => [t(`q.${ch.question}`), html`<${When} d=${ch.at} />`, html`<${Outcome} code=${ch.old.outcome} />`, html`<${Outcome} code=${ch.new.outcome} />${ch.new.point ? html` (<${Point} p=${ch.new.point} />)` : null}`])} />`
      : html`<p>${t('amend.noChanges')}</p>`}
  </div>`;
}

// The dry-run runs as a job: poll its report until it is no longer running, showing the count so far.
const POLL_MS = 500;
async function dryRunReport(id, onProgress) {
  for (;;) {
    const reply = await call('GET', `/v1/rules/dry-runs/${enc(id)}`);
    if (!reply.ok || reply.json.status !== 'running') return reply;
    onProgress(reply.json.examined.records);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function NewWordings({ doc }) {
  const points = Object.entries(doc?.changes?.points ?? {});
  if (!points.length) return null;
  return html`<h3>${t('amend.newWordings')}</h3>
    <ul class="wordings">${points.map(([p, w]) => html`<li><${Point} p=${p} />: ${w.deleted ? t('diff.deleted') : pick(w)}</li>`)}</ul>`;
}

export function Amend() {
  const { me } = useMe();
  const form = useForm();
  const [text, setText] = useState('');
  const [step, setStep] = useState('document');
  const [doc, setDoc] = useState();
  const [dryRun, setDryRun] = useState();
  const [examined, setExamined] = useState();
  const [confirm, setConfirm] = useState([]);
  const [published, setPublished] = useState();
  const [diff, setDiff] = useState();
  const readFile = async (event) => {
    const file = event.currentTarget.files?.[0];
    if (file) setText(await file.text());
  };
  const check = form.handle(async () => {
    if (!text.trim()) return { errors: [{ name: 'document', text: t('amend.empty') }] };
    let parsed;
    try {
      parsed = await parseDocument(text);
    } catch {
      return { errors: [{ name: 'document', text: t('amend.unreadable') }] };
    }
    const started = await call('POST', '/v1/rules/versions/dry-run', parsed);
    const reply = started.ok ? await dryRunReport(started.json.id, setExamined) : started;
    setExamined(undefined);
    if (reply.ok && reply.json.status === 'failed') return { errors: [{ name: 'document', text: pick(reply.json.error.message) }] };
    if (reply.ok) {
      setDoc(parsed);
      setDryRun(reply.json);
      setConfirm([]);
      setStep('check');
    } else if (reply.status === 400) {
      // The document's problems: each message belongs to the document, whose control the summary links to.
      return { errors: (reply.json?.error?.details ?? [{ message: reply.json?.error?.message }]).map((d) => ({ name: 'document', text: pick(d.message) })) };
    }
    return reply;
  });
  const publish = form.handle(async () => {
    if (!confirm.length) return { errors: [{ name: 'confirm', text: t('amend.confirmRequired') }] };
    const reply = await call('POST', '/v1/rules/versions', doc);
    if (reply.ok) {
      setPublished(reply.json.version);
      setStep('done');
      const versions = (await get('/v1/rules/versions')).versions;
      const prev = previousOf(versions, versions.find((v) => v.id === reply.json.version.id) ?? reply.json.version);
      if (prev) setDiff({ prev, diff: await get(`/v1/rules/versions/${enc(prev.id)}/diff/${enc(reply.json.version.id)}`) });
    }
    return reply;
  });
  if (!me) return html`<${Page} title=${t('law.amendTitle')}><${Loading} /><//>`;
  if (!me.admin) return html`<${Page} title=${t('law.amendTitle')}><${LoadError} error=${{ status: 403, json: undefined }} /><p>${t('amend.adminOnly')}</p><//>`;
  return html`<${Page} title=${t('law.amendTitle')} wide>
    ${step === 'document' ? html`<form onSubmit=${check} novalidate>
      <p>${t('amend.intro')}</p>
      <${ErrorSummary} form=${form} />
      <div class="field"><label for="amendment-file">${t('amend.file')}</label>
        <input type="file" id="amendment-file" accept=".yaml,.yml,.json,application/json,text/yaml" onChange=${readFile} /></div>
      <${TextArea} form=${form} name="document" label=${t('amend.paste')} hint=${t('amend.pasteHint')} value=${text} onInput=${setText} rows="14" spellcheck="false" class="code" />
      <${Submit} form=${form}>${t('amend.dryRun')}<//>
      ${examined !== undefined ? html`<p role="status">${t('amend.examined')}: ${t('amend.examinedCount', { n: examined })}</p>` : null}
    </form>` : null}
    ${step === 'check' ? html`<form onSubmit=${publish} novalidate class="check-answers">
      <${FocusHeading}>${t('amend.checkTitle')}<//>
      <${ErrorSummary} form=${form} />
      <${DryRun} result=${dryRun} />
      <${NewWordings} doc=${doc} />
      <p><button type="button" class="link" onClick=${() => setStep('document')}>${t('amend.changeDocument')}</button></p>
      <${Checkboxes} form=${form} name="confirm" legend=${t('amend.confirmLegend')} value=${confirm} onChange=${setConfirm} options=${[['yes', t('amend.confirm')]]} />
      <${Submit} form=${form}>${t('amend.publish')}<//>
    </form>` : null}
    ${step === 'done' ? html`<${Panel}>
      <h2>${t('amend.published')}</h2>
      <p><cite>${pick(published.title)}</cite> — ${t('col.inForceFrom')} <${When} d=${published.inForceFrom} /></p>
      <p><${Link} href="/law/versions">${t('law.versionsTitle')}<//></p>
    <//>
    ${diff ? html`<h2>${t('diff.title')}</h2><p>${t('diff.against', { title: pick(diff.prev.title) })}</p><${DiffView} diff=${diff.diff} />` : null}` : null}
  <//>`;
}
