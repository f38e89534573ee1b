// What the Chairperson must act on (GET …/notices), in words, each with the link that acts on it.
import { html } from '../lib.js';
import { all, councilPath, get } from '../api.js';
import { t } from '../i18n.js';
import { Link, to } from '../router.js';
import { Loaded, Page, When, useLoad } from '../ui.js';
import { CouncilNav, useCouncilName } from './council-nav.js';

function quarterWords(ref) {
  const m = /^(\d{4})-Q([1-4])$/.exec(ref ?? '');
  return m ? t('quarter', { year: m[1], n: Number(m[2]) }) : '';
}

const memberNamesOf = (notice) => (notice.members?.map((m) => m.name) ?? []).join(', ') || notice.name || notice.memberName || t('res.aMember');

export function NoticeItem({ c, notice }) {
  const C = (...rest) => to('councils', c, ...rest);
  switch (notice.kind) {
    case 'extraordinary-demand':
      return html`<li class="todo notice" data-kind=${notice.kind}>${t('notice.extraordinary-demand')} <${Link} href=${`${C('meetings', 'new')}?demand=${encodeURIComponent(notice.ref)}`}>${t('notice.convene')}<//></li>`;
    case 'quarter-warning':
    case 'quarter-missed':
      return html`<li class="todo notice" data-kind=${notice.kind}>${t(`notice.${notice.kind}`, { quarter: quarterWords(notice.ref) })} <${Link} href=${C('meetings', 'new')}>${t('conv.title')}<//></li>`;
    case 'election-due':
      return html`<li class="todo notice" data-kind=${notice.kind}>${t('notice.election-due', { members: memberNamesOf(notice) })} <${When} d=${notice.termEnd} />; ${t('notice.deadline')} <${When} d=${notice.deadline} />. <${Link} href=${C('elections')}>${t('nav.elections')}<//></li>`;
    case 'leaving-notice':
      return html`<li class="todo notice" data-kind=${notice.kind}><${Link} href=${C('leaving')}>${t(notice.leaving === 'renunciation' ? 'notice.leaving-renunciation' : 'notice.leaving-notice', { member: memberNamesOf(notice) })}<//></li>`;
    case 'complaint-received':
      return html`<li class="todo notice" data-kind=${notice.kind}>${t('notice.complaint-received')} <${When} d=${notice.on} />. <${Link} href=${C('complaints')}>${t('nav.complaints')}<//></li>`;
    case 'recommendation-overdue':
      return html`<li class="todo notice" data-kind=${notice.kind}>${t('notice.recommendation-overdue', { addressee: notice.addressee })} <${When} d=${notice.dueOn} />. <${Link} href=${C('recommendations')}>${t('nav.recommendations')}<//></li>`;
    default:
      return html`<li class="todo notice">${t('notice.other')}</li>`;
  }
}

export function Notices({ c }) {
  const state = useLoad(async () => (await get(councilPath(c, '/notices'))).notices, [c]);
  return html`<${Page} title=${t('nav.notices')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="notices" />
    <${Loaded} state=${state}>${(notices) => (notices.length ? html`<ul class="todos">${notices.map((n) => html`<${NoticeItem} c=${c} notice=${n} />`)}</ul>` : html`<p class="muted">${t('notices.none')}</p>`)}<//>
  <//>`;
}
