// What every page shares: loading, the page frame (its heading takes the focus on arrival),
// GOV.UK Design System form patterns (an error summary at the top that takes the focus and links
// to each field, the message beside its field), outcomes and reasons in words.
import { html, useState, useEffect, useLayoutEffect, useRef, useCallback } from './lib.js';
import { date, has, lang, pick, t } from './i18n.js';

/** Loads data for a page: `{ data, error, loading, reload }`; `deps` reload it. */
export function useLoad(load, deps = []) {
  const [state, setState] = useState({ loading: true });
  const run = useCallback(async (quiet = false) => {
    if (!quiet) setState((s) => ({ ...s, loading: true }));
    try {
      const data = await load();
      setState({ data, loading: false });
    } catch (error) {
      setState({ error, loading: false });
    }
  }, deps);
  useEffect(() => {
    run();
  }, [run]);
  return { ...state, reload: run };
}

/** Polls `fn` every `ms` while `active` (the desk's live count). */
export function usePoll(fn, ms, active) {
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(fn, ms);
    return () => clearInterval(timer);
  }, [fn, ms, active]);
}

/** A page: its title in the tab and its heading, which takes the focus when the page opens. */
export function Page({ title, caption, children, wide }) {
  const heading = useRef();
  useEffect(() => {
    document.title = `${title} — ${t('app.title')}`;
  }, [title, lang()]);
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement?.closest?.('nav, .page-head, header')) heading.current?.focus({ preventScroll: false });
  }, [location.pathname]);
  return html`<div class=${wide ? 'page wide' : 'page'}>
    ${caption ? html`<p class="caption">${caption}</p>` : null}
    <h1 tabindex="-1" ref=${heading}>${title}</h1>
    ${children}
  </div>`;
}

export const Loading = () => html`<p class="muted" role="status">${t('res.loading')}</p>`;

/** What went wrong, in words: never an HTTP code, a field path or an error code. */
export function replyMessage(reply) {
  if (!reply || reply.status === 0) return t('err.network');
  const error = reply.json?.error;
  if (reply.status === 401) return t('err.401');
  if (reply.status === 404 && !error) return t('err.404');
  if (reply.status >= 500 || reply.retryAfter !== undefined) return reply.retryAfter !== undefined ? t('err.later', { s: reply.retryAfter }) : t('err.unavailable');
  if (error?.message) return pick(error.message);
  return t('err.other');
}

export function LoadError({ error }) {
  if (error instanceof Error) console.error(error);
  const reply = error instanceof Error ? { status: -1 } : error;
  return html`<div class="error-box" role="alert"><p>${reply.status === -1 ? t('err.other') : replyMessage(reply)}</p>${reply.json?.error?.reasons?.length ? html`<${Reasons} reasons=${reply.json.error.reasons} />` : null}</div>`;
}

/** Renders `children(data)` once loaded, the loading line or the error meanwhile. */
export function Loaded({ state, children }) {
  if (state.error) return html`<${LoadError} error=${state.error} />`;
  if (state.loading && state.data === undefined) return html`<${Loading} />`;
  return children(state.data);
}

/* ---------- points, outcomes, reasons, readings ---------- */

/** A point of the Regulation in words: «25-тармақ», «п. 25», «p25»; an order by its number. */
export function pointWords(p) {
  const m = /^p(\d+)(?:\.(\d+))?$/.exec(p ?? '');
  if (m) return m[2] ? t('point.sub', { p: m[1], s: m[2] }) : t('point', { p: m[1] });
  if (has(`point.${p}`)) return t(`point.${p}`);
  const ofOrder = /^order\.p(\d+)$/.exec(p ?? '');
  if (ofOrder) return t('point.ofOrder', { p: ofOrder[1] });
  const order = /^order-(\d+)-(\d{4})$/.exec(p ?? '');
  if (order) return t('point.order', { n: order[1], year: order[2] });
  return p;
}
export const Point = ({ p }) => html`<span class="point" data-point=${p}>${pointWords(p)}</span>`;

/** An outcome of the law in the page's words (`data-outcome` keeps the code for tests). */
export function Outcome({ code }) {
  return html`<strong class=${`outcome outcome-${code}`} data-outcome=${code}>${has(`outcome.${code}`) ? t(`outcome.${code}`) : t('outcome.other')}</strong>`;
}

export function Reasons({ reasons = [] }) {
  if (!reasons.length) return null;
  return html`<ul class="reasons">${reasons.map((r) => html`<li><${Point} p=${r.point} /> ${pick(r.message)}</li>`)}</ul>`;
}

export function Readings({ readings }) {
  if (!readings?.length) return null;
  return html`<details class="readings"><summary>${t('res.readings')}</summary>
    <ul>${readings.map((r) => html`<li data-parameter=${r.parameter}><${Point} p=${r.point} /> ${pick(r.explanation)}</li>`)}</ul></details>`;
}

/** The act a version belongs to, by its title in the page's language. */
export const Version = ({ version }) => (version ? html`<p class="version" data-version=${version.id}>${t('res.version')}: <cite>${version.title ? pick(version.title) : t('res.versionUnnamed')}</cite></p>` : null);

/** A decision of the law: outcome, reasons with points, the act, the readings applied. */
export function Decision({ answer, heading }) {
  if (!answer) return null;
  return html`<div class="decision">
    ${heading ? html`<h3>${heading}</h3>` : null}
    <p class="outcome-line">${t('res.outcome')}: <${Outcome} code=${answer.outcome} /></p>
    <${Reasons} reasons=${answer.reasons} />
    <${Version} version=${answer.version} />
    ${answer.dates?.assumed ? html`<p class="hint dates-assumed">${pick(answer.dates.message)}</p>` : null}
    <${Readings} readings=${answer.readings} />
  </div>`;
}

export const When = ({ d }) => (d ? html`<time datetime=${d}>${date(d)}</time>` : null);

/* ---------- forms ---------- */

const fieldName = (path) => String(path ?? '').replace(/^(body|query|path|headers)\./, '');
export const controlId = (name) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * A form's state: `busy`, the errors (each `{ name?, text }`), and `handle(fn)` for onSubmit:
 * `fn` returns the API's reply (or `{ errors }` from the page's own checks). A 400 becomes one
 * error per field the API named, each linked from the summary to its control; any other refusal
 * becomes one error with the API's reasons. The summary takes the focus.
 */
export function useForm() {
  const [errors, setErrors] = useState([]);
  const [problem, setProblem] = useState();
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  const labels = useRef({});
  const form = {
    errors,
    problem,
    busy,
    tick,
    labels: labels.current,
    error: (name) => errors.find((e) => e.name === name)?.text,
    reset() {
      setErrors([]);
      setProblem(undefined);
    },
    handle: (fn) => async (event) => {
      event?.preventDefault();
      if (busy) return;
      setBusy(true);
      try {
        const reply = await fn();
        if (reply?.errors?.length) {
          setErrors(reply.errors);
          setProblem(undefined);
          setTick((n) => n + 1);
        } else if (reply && reply.ok === false) {
          const details = reply.status === 400 ? reply.json?.error?.details ?? (reply.json?.error?.field ? [{ field: reply.json.error.field, message: reply.json.error.message }] : []) : [];
          if (details.length) {
            setErrors(details.map((d) => ({ name: fieldName(d.field), text: pick(d.message) })));
            setProblem(undefined);
          } else {
            setErrors([]);
            setProblem(reply);
          }
          setTick((n) => n + 1);
        } else {
          setErrors([]);
          setProblem(undefined);
        }
      } finally {
        setBusy(false);
      }
    },
  };
  return form;
}

/** The error summary: at the top of the form, focused after each failed submit, linking to each field. */
export function ErrorSummary({ form }) {
  const box = useRef();
  // A layout effect: the focus moves in the same commit that draws the box, so nothing (a
  // screen reader, a keypress, a test) meets the box drawn but not yet focused.
  useLayoutEffect(() => {
    if (form.tick && (form.errors.length || form.problem)) box.current?.focus();
  }, [form.tick]);
  if (!form.errors.length && !form.problem) return null;
  const jump = (name) => (event) => {
    const el = document.getElementById(controlId(name));
    if (!el) return;
    event.preventDefault();
    el.focus();
    el.scrollIntoView({ block: 'center' });
  };
  return html`<div class="error-summary" role="alert" tabindex="-1" ref=${box} aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">${t('err.summary')}</h2>
    <ul>
      ${form.errors.map((e) => {
        const label = e.name && form.labels[e.name];
        const known = e.name && label;
        return html`<li>${known ? html`<a href=${`#${controlId(e.name)}`} onClick=${jump(e.name)}>${label}: ${e.text}</a>` : e.text}</li>`;
      })}
      ${form.problem ? html`<li>${replyMessage(form.problem)}${form.problem.json?.error?.reasons?.length ? html`<${Reasons} reasons=${form.problem.json.error.reasons} />` : null}</li>` : null}
    </ul>
  </div>`;
}

function FieldError({ form, name }) {
  const text = form?.error(name);
  return text ? html`<p class="error-message" id=${`${controlId(name)}-error`}><span class="visually-hidden">${t('err.prefix')} </span>${text}</p>` : null;
}

function described(form, name, hint) {
  const ids = [];
  if (hint) ids.push(`${controlId(name)}-hint`);
  if (form?.error(name)) ids.push(`${controlId(name)}-error`);
  return ids.length ? ids.join(' ') : undefined;
}

/** A labelled input (text, date, number) with its hint and its error beside it. */
export function Field({ form, name, label, hint, value, onInput, type = 'text', width, ...rest }) {
  if (form) form.labels[name] = label;
  const invalid = Boolean(form?.error(name));
  return html`<div class=${invalid ? 'field invalid' : 'field'}>
    <label for=${controlId(name)}>${label}</label>
    ${hint ? html`<p class="hint" id=${`${controlId(name)}-hint`}>${hint}</p>` : null}
    <${FieldError} form=${form} name=${name} />
    <input id=${controlId(name)} name=${name} type=${type} class=${width ? `w-${width}` : undefined} value=${value ?? ''}
      onInput=${(e) => onInput(type === 'number' ? e.currentTarget.value : e.currentTarget.value)} aria-invalid=${invalid ? 'true' : undefined}
      aria-describedby=${described(form, name, hint)} ...${rest} />
  </div>`;
}

export function TextArea({ form, name, label, hint, value, onInput, rows = 4, ...rest }) {
  if (form) form.labels[name] = label;
  const invalid = Boolean(form?.error(name));
  return html`<div class=${invalid ? 'field invalid' : 'field'}>
    <label for=${controlId(name)}>${label}</label>
    ${hint ? html`<p class="hint" id=${`${controlId(name)}-hint`}>${hint}</p>` : null}
    <${FieldError} form=${form} name=${name} />
    <textarea id=${controlId(name)} name=${name} rows=${rows} onInput=${(e) => onInput(e.currentTarget.value)} aria-invalid=${invalid ? 'true' : undefined}
      aria-describedby=${described(form, name, hint)} ...${rest}>${value ?? ''}</textarea>
  </div>`;
}

/** A select from a list: `options` are `[value, label]`. */
export function Select({ form, name, label, hint, value, onChange, options, ...rest }) {
  if (form) form.labels[name] = label;
  const invalid = Boolean(form?.error(name));
  return html`<div class=${invalid ? 'field invalid' : 'field'}>
    <label for=${controlId(name)}>${label}</label>
    ${hint ? html`<p class="hint" id=${`${controlId(name)}-hint`}>${hint}</p>` : null}
    <${FieldError} form=${form} name=${name} />
    <select id=${controlId(name)} name=${name} onChange=${(e) => onChange(e.currentTarget.value)} aria-invalid=${invalid ? 'true' : undefined} aria-describedby=${described(form, name, hint)} ...${rest}>
      ${options.map(([v, l]) => html`<option value=${v} selected=${v === value}>${l}</option>`)}
    </select>
  </div>`;
}

/** Radios in a fieldset: one question. The first radio carries the id the summary links to. */
export function Radios({ form, name, legend, hint, value, onChange, options, inline, big }) {
  if (form) form.labels[name] = legend;
  const invalid = Boolean(form?.error(name));
  return html`<fieldset class=${`field radios${inline ? ' inline' : ''}${invalid ? ' invalid' : ''}`} aria-describedby=${described(form, name, hint)}>
    <legend class=${big ? 'big' : undefined}>${legend}</legend>
    ${hint ? html`<p class="hint" id=${`${controlId(name)}-hint`}>${hint}</p>` : null}
    <${FieldError} form=${form} name=${name} />
    ${options.map(([v, l, h], i) => {
      const id = i === 0 ? controlId(name) : `${controlId(name)}-${i}`;
      return html`<div class="choice"><input type="radio" id=${id} name=${name} value=${String(v)} checked=${value === v} onChange=${() => onChange(v)} />
        <label for=${id}>${l}${h ? html`<span class="hint">${h}</span>` : null}</label></div>`;
    })}
  </fieldset>`;
}

/** Yes / no as two radios. */
export const YesNo = (props) => html`<${Radios} ...${props} inline options=${[[true, t('yes')], [false, t('no')]]} />`;

/** Checkboxes in a fieldset: `value` is the list checked. */
export function Checkboxes({ form, name, legend, hint, value, onChange, options }) {
  if (form) form.labels[name] = legend;
  const invalid = Boolean(form?.error(name));
  const toggle = (v) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
  return html`<fieldset class=${`field checks${invalid ? ' invalid' : ''}`} aria-describedby=${described(form, name, hint)}>
    <legend>${legend}</legend>
    ${hint ? html`<p class="hint" id=${`${controlId(name)}-hint`}>${hint}</p>` : null}
    <${FieldError} form=${form} name=${name} />
    ${options.map(([v, l, h], i) => {
      const id = i === 0 ? controlId(name) : `${controlId(name)}-${i}`;
      return html`<div class="choice"><input type="checkbox" id=${id} name=${name} value=${v} checked=${value.includes(v)} onChange=${() => toggle(v)} />
        <label for=${id}>${l}${h ? html`<span class="hint">${h}</span>` : null}</label></div>`;
    })}
  </fieldset>`;
}

export const Submit = ({ form, children, secondary, ...rest }) =>
  html`<button type="submit" class=${secondary ? 'secondary' : undefined} disabled=${form?.busy} aria-disabled=${form?.busy ? 'true' : undefined} ...${rest}>${children}</button>`;

/** A result that takes the focus when it appears (after a successful submit). */
export function Panel({ children, kind = 'ok', focus = true, ...rest }) {
  const box = useRef();
  useLayoutEffect(() => {
    if (focus) box.current?.focus();
  }, []);
  return html`<div class=${`panel ${kind}`} tabindex="-1" ref=${box} role="status" ...${rest}>${children}</div>`;
}

/** "Check your answers": a summary list of what will be sent, with a link back to change each. */
export function Summary({ rows }) {
  return html`<dl class="summary-list">${rows.map(([k, v, change]) => html`<div class="row"><dt>${k}</dt><dd>${v}</dd>${change ? html`<dd class="change">${change}</dd>` : null}</div>`)}</dl>`;
}

/** A table that stacks into labelled rows on a phone: `head` are the column names. */
export function Table({ caption, head, rows, className }) {
  return html`<table class=${`stack ${className ?? ''}`}>
    ${caption ? html`<caption>${caption}</caption>` : null}
    <thead><tr>${head.map((x) => html`<th scope="col">${x}</th>`)}</tr></thead>
    <tbody>${rows.map((cells) => html`<tr>${cells.map((c, i) => html`<td data-label=${head[i]}>${c}</td>`)}</tr>`)}</tbody>
  </table>`;
}

/** Today's legal date, as the server's clock says (`GET /v1/health`). */
let legalToday = new Date().toISOString().slice(0, 10);
export const today = () => legalToday;
export const setLegalToday = (d) => {
  legalToday = d;
};

/** A heading that takes the focus when it appears (a new step of a journey). */
export function FocusHeading({ children, id, level = 2 }) {
  const ref = useRef();
  useLayoutEffect(() => {
    ref.current?.focus();
  }, []);
  return level === 2 ? html`<h2 id=${id} tabindex="-1" ref=${ref}>${children}</h2>` : html`<h3 id=${id} tabindex="-1" ref=${ref}>${children}</h3>`;
}
