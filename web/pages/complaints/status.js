// A complaint's status, to whoever holds its receipt code (nothing else names it). The reply is
// opened here, with the key this browser derives from the receipt; it is shown as text only.
import { html, useState } from '../../lib.js';
import { call, enc } from '../../api.js';
import { t } from '../../i18n.js';
import { ErrorSummary, Field, Page, Submit, Summary, When, useForm } from '../../ui.js';
import { open, replyKeyPair } from '../../crypto.js';

export function ComplaintStatus() {
  const form = useForm();
  const [receipt, setReceipt] = useState('');
  const [found, setFound] = useState();
  const submit = form.handle(async () => {
    const code = receipt.trim();
    setFound(undefined);
    if (!/^[A-Za-z0-9_-]{22,64}$/.test(code)) return { errors: [{ name: 'receipt', text: t('complaint.status.notFound') }] };
    const reply = await call('GET', `/v1/complaints/${enc(code)}`);
    if (reply.status === 404) return { errors: [{ name: 'receipt', text: t('complaint.status.notFound') }] };
    if (!reply.ok) return reply;
    let text;
    if (reply.json.reply) {
      try {
        text = await open(reply.json.reply.sealed, await replyKeyPair(code));
      } catch {
        text = null;
      }
    }
    setFound({ ...reply.json, text });
    return reply;
  });
  return html`<${Page} title=${t('complaint.status.title')}>
    <form onSubmit=${submit} novalidate class="card">
      <${ErrorSummary} form=${form} />
      <${Field} form=${form} name="receipt" label=${t('complaint.status.receipt')} value=${receipt} onInput=${setReceipt} autocomplete="off" spellcheck="false" />
      <${Submit} form=${form}>${t('complaint.status.submit')}<//>
    </form>
    ${found
      ? html`<section class="card" aria-live="polite" data-complaint-status=${found.status}>
          <${Summary} rows=${[
            [t('complaint.desk.col.status'), t(`complaint.status.${found.status}`)],
            [t('complaint.status.receivedOn'), html`<${When} d=${found.receivedOn} />`],
            ...(found.consideredOn ? [[t('complaint.status.consideredOn'), html`<${When} d=${found.consideredOn} />`]] : []),
            ...(found.decision ? [[t('complaint.status.decision'), t(`complaint.decision.${found.decision}`)]] : []),
          ]} />
          ${found.text === null ? html`<p class="error-message">${t('complaint.status.replyUnreadable')}</p>` : null}
          ${found.text ? html`<h2>${t('complaint.status.reply')}</h2><p class="sealed-text" data-complaint-reply>${found.text}</p>` : null}
        </section>`
      : null}
  <//>`;
}
