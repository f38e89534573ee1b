// The council's audit log (GET …/audit, paginated): who did what and when, in words.
import { html, useState } from '../lib.js';
import { call, councilPath } from '../api.js';
import { has, moment, t } from '../i18n.js';
import { LoadError, Loading, Page, Point, Table, When, useLoad } from '../ui.js';
import { CouncilNav, useCouncilName } from './council-nav.js';

export function Audit({ c }) {
  const [pages, setPages] = useState([]);
  const [next, setNext] = useState();
  const [error, setError] = useState();
  const load = async (cursor) => {
    const reply = await call('GET', councilPath(c, `/audit?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
    if (!reply.ok) return setError(reply);
    setPages((p) => [...p, ...(reply.json.entries ?? reply.json.items ?? [])]);
    setNext(reply.json.next);
  };
  const first = useLoad(() => load(), [c]);
  return html`<${Page} title=${t('nav.audit')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="audit" />
    <p class="hint">${t('caudit.hint')}</p>
    ${error ? html`<${LoadError} error=${error} />` : first.loading && !pages.length ? html`<${Loading} />` : html`
      <${Table} head=${[t('caudit.recordedAt'), t('col.by'), t('col.action'), t('caudit.on'), t('col.point')]}
        rows=${pages.map((e) => [moment(e.recordedAt), e.byName ?? html`<span class="account" translate="no">${e.by}</span>`, has(`caction.${e.action}`) ? t(`caction.${e.action}`) : t('caction.other'), e.on ? html`<${When} d=${e.on} />` : '—', e.point ? html`<${Point} p=${e.point} />` : '—'])} />
      ${next ? html`<button type="button" class="secondary" onClick=${() => load(next)}>${t('audit.more')}</button>` : null}`}
  <//>`;
}
