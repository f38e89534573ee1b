// My notifications (the outbox GET /v1/me/notifications, unread marked, "mark read") and my
// calendar link (POST /v1/me/calendar: a secret URL a calendar app subscribes to; DELETE revokes).
import { html, useState } from '../lib.js';
import { call, enc } from '../api.js';
import { moment, pick, t } from '../i18n.js';
import { Link, to } from '../router.js';
import { useMe } from '../me.js';
import { ErrorSummary, LoadError, Loaded, Page, Panel, Submit, useForm, useLoad } from '../ui.js';

/** Where a notification's link leads in the app. */
function hrefOf(n) {
  const ids = n.link?.ids ?? {};
  const c = ids.councilId ?? n.councilId;
  switch (n.link?.page) {
    case 'meeting':
      return to('councils', c, 'meetings', ids.meetingId);
    case 'minutes':
      return `${to('councils', c, 'meetings', ids.meetingId)}/minutes`;
    case 'motion':
      return to('councils', c, 'meetings', ids.meetingId, 'motions', ids.motionId);
    case 'election':
      return `${to('councils', c, 'elections', ids.electionId)}${n.kind === 'ballot' ? '/ballot' : ''}`;
    case 'demand':
    case 'demands':
      return to('councils', c, 'demands');
    case 'notices':
      return to('councils', c, 'notices');
    case 'leaving-notices':
      return to('councils', c, 'leaving');
    case 'complaints':
      return to('councils', c, 'complaints');
    case 'council':
      return to('councils', c);
    default:
      return c ? to('councils', c) : '/';
  }
}

export function Notifications() {
  const { refreshMe } = useMe();
  const state = useLoad(async () => {
    const reply = await call('GET', '/v1/me/notifications?limit=200');
    if (!reply.ok) throw reply;
    return reply.json.items;
  });
  const [error, setError] = useState();
  const markRead = async (n) => {
    const reply = await call('POST', `/v1/me/notifications/${enc(n.id)}/read`, undefined, { keyed: false });
    setError(reply.ok ? undefined : reply);
    await state.reload(true);
    refreshMe();
  };
  return html`<${Page} title=${t('nav.notifications')}>
    ${error ? html`<${LoadError} error=${error} />` : null}
    <${Loaded} state=${state}>${(items) => (items.length
      ? html`<ul class="notifications">${items.map((n) => html`<li class=${n.readAt ? 'read' : 'unread'}>
          ${n.readAt ? null : html`<strong class="tag">${t('notifications.unread')}</strong> `}
          <${Link} href=${hrefOf(n)}>${pick(n.text)}<//>
          <span class="muted"> · ${moment(n.createdAt)}</span>
          ${n.readAt ? null : html` <button type="button" class="secondary small" onClick=${() => markRead(n)}>${t('notifications.markRead')}<span class="visually-hidden">: ${pick(n.text)}</span></button>`}
        </li>`)}</ul>`
      : html`<p class="muted">${t('notifications.none')}</p>`)}<//>
  <//>`;
}

export function Calendar() {
  const form = useForm();
  const [url, setUrl] = useState();
  const [revoked, setRevoked] = useState(false);
  const [copied, setCopied] = useState(false);
  const create = form.handle(async () => {
    const reply = await call('POST', '/v1/me/calendar', undefined, { keyed: false });
    if (reply.ok) {
      setUrl(reply.json.url);
      setRevoked(false);
    }
    return reply;
  });
  const revoke = form.handle(async () => {
    const reply = await call('DELETE', '/v1/me/calendar');
    if (reply.ok) {
      setUrl(undefined);
      setRevoked(true);
    }
    return reply;
  });
  // The API answers the feed's path; a calendar app needs the whole address (webcal: to subscribe).
  const full = url ? new URL(url, location.origin).href : undefined;
  const webcal = full?.replace(/^https?:/, 'webcal:');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(full);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return html`<${Page} title=${t('calendar.title')}>
    <p>${t('calendar.intro')}</p>
    <${ErrorSummary} form=${form} />
    ${url ? html`<${Panel}>
        <p>${t('calendar.ready')}</p>
        <p><a class="button" href=${webcal}>${t('calendar.subscribe')}</a></p>
        <label for="calendar-url">${t('calendar.url')}</label>
        <input id="calendar-url" readonly value=${full} onFocus=${(e) => e.currentTarget.select()} />
        <p><button type="button" class="secondary" onClick=${copy}>${t('calendar.copy')}</button> ${copied ? html`<span role="status">${t('calendar.copied')}</span>` : null}</p>
      <//>` : null}
    ${revoked ? html`<${Panel}>${t('calendar.revoked')}<//>` : null}
    <form onSubmit=${create}><${Submit} form=${form}>${url ? t('calendar.renew') : t('calendar.create')}<//></form>
    <form onSubmit=${revoke}><${Submit} form=${form} secondary>${t('calendar.revoke')}<//></form>
    <p class="hint">${t('calendar.hint')}</p>
  <//>`;
}
