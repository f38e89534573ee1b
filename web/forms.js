// What every form shares: reading fields, the working council, the ids carried from one form
// to the next (meeting, election), and the names seen so far (to label ids in lists).
import { t } from './i18n.js';
import { h, show, showLoading } from './render.js';

/** A field's trimmed value ('' when absent). */
export function value(form, name) {
  const el = form.elements.namedItem(name);
  return el && 'value' in el ? String(el.value).trim() : '';
}

/** `undefined` for an empty string, so that optional fields are left out of the body. */
export function optional(v) {
  return v === '' ? undefined : v;
}

/** Ids or references typed one per line (commas also separate). */
export function lines(text) {
  return String(text)
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function checked(form, name) {
  return Boolean(form.elements.namedItem(name)?.checked);
}

const councilInput = () => document.querySelector('#council-id');

/** The working council's id, as typed in the context bar. */
export function councilId() {
  return councilInput().value.trim();
}

/**
 * Submits `form` through `handler(output, submitter)` with the default action prevented and a
 * "sending" line shown; first checks the browser's own validity and the working council when
 * `needsCouncil`.
 */
export function onSubmit(form, handler, { needsCouncil = true } = {}) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const output = form.querySelector('.result');
    if (needsCouncil && !councilId()) {
      show(output, () => h('p', { class: 'error', role: 'alert' }, `${t('err.required')} ${t('ctx.council')}`));
      councilInput().focus();
      return;
    }
    // Kept for the "send again" button of an error that asks for a retry (web/render.js).
    form.kenesSubmitter = event.submitter ?? undefined;
    showLoading(output);
    const buttons = form.querySelectorAll('button');
    for (const b of buttons) b.disabled = true;
    try {
      await handler(output, event.submitter);
    } finally {
      for (const b of buttons) b.disabled = false;
    }
  });
}

/** Sets every input of `selector` (the meeting id, the election id) to `id`: carried between forms. */
export function share(selector, id) {
  for (const input of document.querySelectorAll(selector)) {
    input.value = id;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

/** Keeps every input of `selector` equal to the last one edited. */
export function linkInputs(selector) {
  document.addEventListener('input', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || !target.matches(selector)) return;
    for (const input of document.querySelectorAll(selector)) if (input !== target) input.value = target.value;
  });
}

// Names seen in this tab's answers, to show next to ids (display only).
const NAMES = 'kenes.names';
const names = new Map(Object.entries(JSON.parse(sessionStorage.getItem(NAMES) ?? '{}')));

export function remember(id, name) {
  if (!id || !name) return;
  names.set(id, name);
  sessionStorage.setItem(NAMES, JSON.stringify(Object.fromEntries(names)));
}

/** `name (id)` when the name is known, else the id. */
export function named(id) {
  const name = names.get(id);
  return name ? `${name} (${id})` : id;
}

/** An attendee, voter or signatory: the Chairperson by that word, a member by name when known. */
export function who(id) {
  return id === 'chairperson' ? t('role.chairperson') : named(id);
}

/** Fills a `<datalist>` with `[value, label]` pairs. */
export function fillList(id, entries) {
  const list = document.getElementById(id);
  if (!list) return;
  list.replaceChildren(...entries.map(([v, l]) => h('option', { value: v, label: l ?? undefined })));
}

let legalToday = '';

/** The legal date every date field defaults to (the server's today). */
export function defaultDates(today) {
  legalToday = today;
  for (const input of document.querySelectorAll('input[type=date][data-today]')) if (!input.value) input.value = today;
}

/** The server's legal date ('' until known): the default of date fields drawn later. */
export function today() {
  return legalToday;
}
