// The log of every read of private-life data (p29): who, when, what, why. The Chairperson's.
import { html } from '../../lib.js';
import { all, councilPath } from '../../api.js';
import { moment, t } from '../../i18n.js';
import { Loaded, Page, Point, Table, useLoad } from '../../ui.js';
import { CouncilNav, useCouncilName } from '../council-nav.js';

export function AccessLog({ c }) {
  const state = useLoad(() => all(councilPath(c, '/access-log')), [c]);
  return html`<${Page} title=${t('nav.accessLog')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="access-log" />
    <p class="hint">${t('log.intro')} <${Point} p="p29" /></p>
    <${Loaded} state=${state}>${(items) =>
      items.length
        ? html`<${Table} caption=${t('log.caption')} head=${[t('log.at'), t('log.by'), t('log.what'), t('log.why')]}
            rows=${items.map((e) => [moment(e.at), e.byName ?? html`<span class="account" translate="no">${e.by}</span>`, html`${t(`log.kind.${e.what.kind}`)} <code>${e.what.id.slice(0, 8)}</code>`, e.why === 'annual-report' ? t('log.annual') : e.why])} />`
        : html`<p class="muted">${t('log.none')}</p>`}<//>
  <//>`;
}
