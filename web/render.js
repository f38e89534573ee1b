// Shows what the API answered: outcomes, reasons with their points, readings, errors with
// their fields. Everything from the API is inserted as text, never as HTML.
import { isRetryable } from './api.js';
import { label, onLanguage, pick, t } from './i18n.js';

/** Creates an element: `h('p', { class: 'x' }, 'text', child)`. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = value;
    else if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const outputs = new Set();
onLanguage(() => {
  for (const output of outputs) if (output.isConnected && output.kenesRender) output.kenesRender();
});

/**
 * Renders into `output` now and again whenever the language changes. `draw` returns the nodes.
 */
export function show(output, draw) {
  output.kenesRender = () => output.replaceChildren(...[draw()].flat(Infinity).filter(Boolean));
  output.kenesRender();
  outputs.add(output);
}

export function showLoading(output) {
  output.kenesRender = () => output.replaceChildren(h('p', { class: 'muted' }, t('res.loading')));
  output.kenesRender();
  outputs.add(output);
}

/** A point of the Regulation as a badge: `p25`. */
export function point(p) {
  return h('span', { class: 'point' }, p);
}

/** Several points as badges: `p18.1 p25`. */
export function points(list = []) {
  return list.flatMap((p, i) => (i ? [' ', point(p)] : [point(p)]));
}

/** A date as `<time>` (kept on one line), or a dash. */
export function date(d) {
  return d ? h('time', { datetime: d }, d) : '—';
}

/** A moment the API recorded (ISO 8601, UTC) as `<time>`: `2020-03-02 10:15 UTC`. */
export function stamp(at) {
  if (!at) return '—';
  const text = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(at) ? `${at.slice(0, 10)} ${at.slice(11, 16)} UTC` : at;
  return h('time', { datetime: at }, text);
}

export function reasonsList(reasons = []) {
  return h(
    'ul',
    { class: 'reasons' },
    reasons.map((r) => h('li', {}, point(r.point), ' ', h('span', {}, pick(r.message)))),
  );
}

/** An outcome code with its word in the chosen language: `принято (adopted)`. */
export function outcome(code) {
  const word = label('outcome.', code);
  return h('strong', { class: `outcome outcome-${code}`, 'data-outcome': code }, word === code ? code : `${word} (${code})`);
}

/** A decision: outcome, reasons with points, the version of the law, the readings used. */
export function decision(answer) {
  if (!answer) return null;
  return h(
    'div',
    { class: 'decision' },
    h('p', {}, `${t('res.outcome')}: `, outcome(answer.outcome)),
    answer.reasons?.length ? [h('h4', {}, t('res.reasons')), reasonsList(answer.reasons)] : null,
    answer.version ? h('p', { class: 'version', 'data-version': answer.version.id }, `${t('res.version')}: `, h('cite', {}, answer.version.title ? pick(answer.version.title) : answer.version.act)) : null,
    // The dates of the law behind this answer rest on an assumed publication date: the API says so.
    answer.dates?.assumed ? h('p', { class: 'hint dates-assumed' }, pick(answer.dates.message)) : null,
    readings(answer.readings),
  );
}

/**
 * The readings an answer applied (questions the text leaves open), each by its point and its
 * explanation in the chosen language; the parameter and its value stay out of the text, in
 * `data-parameter` and `data-value`.
 */
export function readings(list) {
  if (!list?.length) return null;
  return [
    h('h4', {}, t('res.readings')),
    h(
      'ul',
      { class: 'readings' },
      list.map((r) => h('li', { 'data-parameter': r.parameter, 'data-value': String(r.value) }, point(r.point), ' ', pick(r.explanation))),
    ),
  ];
}

/** A fixed text with `{name}` slots filled by `vars` (text or nodes): `phrase('quarter', { year, n })`. */
export function phrase(key, vars = {}) {
  return t(key)
    .split(/\{(\w+)\}/)
    .map((part, i) => (i % 2 ? vars[part] ?? '' : part));
}

/**
 * The error of a reply: message, field, every detail and every reason, the record a conflict
 * names (`existing`), and for an answer that asks to try again (no connection, the store
 * unavailable, a `Retry-After`) how long to wait and, given `retry`, a button that sends the
 * same request again.
 */
export function errorBlock(reply, retry) {
  const box = h('div', { class: 'error', role: 'alert' });
  if (reply.status === 0) {
    box.append(h('p', {}, h('strong', {}, t('res.error')), ': ', t('err.network')));
    return withRetry(box, reply, retry);
  }
  const error = reply.json?.error;
  if (!error) {
    const known = reply.status === 401 ? t('err.401') : reply.status === 404 ? t('err.404') : t('err.other');
    box.append(h('p', {}, h('strong', {}, `${t('res.error')} ${reply.status}`), ': ', known));
    if (reply.json?.message && ![401, 404].includes(reply.status)) box.append(h('p', { class: 'muted' }, reply.json.message));
    return withRetry(box, reply, retry);
  }
  box.append(
    h('p', {}, h('strong', {}, `${t('res.error')} ${reply.status}`), ': ', pick(error.message)),
    h('p', { class: 'muted' }, `${t('res.code')}: `, h('code', {}, error.code)),
  );
  if (error.details?.length) {
    box.append(
      h('h4', {}, t('res.details')),
      h(
        'ul',
        { class: 'details' },
        error.details.map((d) => h('li', {}, h('code', { class: 'field' }, d.field), ' — ', pick(d.message))),
      ),
    );
  } else if (error.field) {
    box.append(h('p', {}, `${t('res.field')}: `, h('code', { class: 'field' }, error.field)));
  }
  if (error.existing) {
    box.append(
      h('p', { class: 'existing', 'data-kind': error.existing.kind }, `${t('res.existing')}: `, label('kind.', error.existing.kind), ' ', h('code', { class: 'id' }, error.existing.id)),
    );
  }
  if (error.reasons?.length) box.append(h('h4', {}, t('res.reasons')), reasonsList(error.reasons));
  return withRetry(box, reply, retry);
}

function withRetry(box, reply, retry) {
  if (!isRetryable(reply)) return box;
  box.append(h('p', { class: 'hint' }, reply.retryAfter !== undefined ? `${t('err.retryAfter')} ${reply.retryAfter} s. ` : '', t('err.retry')));
  if (retry) box.append(h('button', { type: 'button', class: 'secondary retry', onclick: retry }, t('err.retryButton')));
  return box;
}

/** The raw JSON answer, folded: ids live there too. */
export function raw(json) {
  if (json === undefined) return null;
  return h('details', { class: 'raw' }, h('summary', {}, t('res.raw')), h('pre', {}, JSON.stringify(json, null, 2)));
}

/**
 * Shows a reply: on success `success(json)` draws it under a "Done" line; on failure the error.
 * Marks the form's inputs named in the error's details as invalid.
 */
export function showReply(output, reply, success = () => null, form) {
  if (form) markInvalid(form, reply.ok ? [] : reply.json?.error?.details ?? (reply.json?.error?.field ? [{ field: reply.json.error.field }] : []));
  // The same form sent again: the same body, so the same `Idempotency-Key` (web/api.js).
  const retry = form ? () => form.requestSubmit(form.kenesSubmitter?.isConnected ? form.kenesSubmitter : undefined) : undefined;
  show(output, () =>
    reply.ok
      ? h('div', { class: 'ok' }, h('p', {}, h('strong', {}, t('res.done')), h('span', { class: 'muted' }, ` · HTTP ${reply.status}`)), success(reply.json), raw(reply.json))
      : [errorBlock(reply, retry), raw(reply.json)],
  );
}

/** `aria-invalid` on each input whose `name` is the field the API named (`body.facts.x` → `facts.x`). */
export function markInvalid(form, details) {
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const d of details) {
    const name = String(d.field ?? '').replace(/^(body|query|path)\./, '');
    const el = form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (el) el.setAttribute('aria-invalid', 'true');
  }
}

/** A small two-column description list from `[label, value]` pairs (skips empty values). */
export function facts(pairs) {
  return h(
    'dl',
    { class: 'facts' },
    pairs.filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
  );
}

export function table(headers, rows, caption) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c) => h('td', {}, c))))),
    ),
  );
}
