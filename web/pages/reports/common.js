// What the reports pages share: a document download with the token, the words of a status.
import { html, useState } from '../../lib.js';
import { document as fetchDocument } from '../../api.js';
import { t } from '../../i18n.js';
import { LoadError } from '../../ui.js';

/** A button that fetches a document (HTML, PDF) with the token and saves or opens it. */
export function DocumentButton({ path, fallback, label, open }) {
  const [state, setState] = useState();
  const go = async () => {
    setState({ busy: true });
    const reply = await fetchDocument(path);
    if (!reply.ok) return setState({ error: reply });
    const url = URL.createObjectURL(reply.blob);
    if (open) window.open(url, '_blank', 'noopener');
    else {
      const a = document.createElement('a');
      a.href = url;
      a.download = reply.filename ?? fallback;
      document.body.append(a);
      a.click();
      a.remove();
    }
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setState({ done: true });
  };
  return html`<span class="doc-button">
    <button type="button" class="secondary" onClick=${go} disabled=${state?.busy}>${label}</button>
    ${state?.error ? html`<${LoadError} error=${state.error} />` : null}
  </span>`;
}

/** A recommendation's status in words, with the overdue badge. */
export const StatusBadge = ({ r }) => html`<span class=${`badge status-${r.status}`} data-status=${r.status}>${t(`rec.status.${r.status}`)}</span>${r.overdue ? html` <strong class="badge overdue">${t('rec.overdue')}</strong>` : null}`;

/** A field's label in the page language (kk, ru or en) from the form's `x-labels`. */
export const labelOf = (schema, name, lang) => schema?.['x-labels']?.[lang] ?? schema?.['x-labels']?.kk ?? name;

/** A choice's words in the page language from the form's `x-choices` (on the field, or on its list's items); else the value. */
export function choiceOf(schema, value, lang) {
  const words = schema?.['x-choices'] ?? schema?.items?.['x-choices'];
  return words?.[String(value)]?.[lang] ?? String(value);
}
