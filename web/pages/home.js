// Home: what I must do now, in each council where I hold a role today (from GET /v1/me), and
// the council's sections my roles open. Each to-do links to the page where it is done.
import { html } from '../lib.js';
import { pick, t } from '../i18n.js';
import { Link, to } from '../router.js';
import { signedIn, authMode } from '../auth.js';
import { useMe } from '../me.js';
import { LoadError, Loading, Page, When } from '../ui.js';
import { CouncilNav, RoleWords } from './council-nav.js';
import { NoticeItem } from './notices.js';

function Todo({ c, todo }) {
  const M = (m) => to('councils', c, 'meetings', m);
  switch (todo.kind) {
    case 'notice':
      return html`<${NoticeItem} c=${c} notice=${todo.notice} />`;
    case 'sign-minutes':
      return html`<li class="todo"><${Link} href=${`${M(todo.meetingId)}/minutes`}>${t('todo.signMinutes', { date: '' })}<${When} d=${todo.date} /><//></li>`;
    case 'next-meeting':
      return html`<li class="todo"><${Link} href=${M(todo.meetingId)}>${t('todo.nextMeeting')} <${When} d=${todo.date} /><//></li>`;
    case 'vote':
      return html`<li class="todo"><${Link} href=${`${M(todo.meetingId)}/motions/${encodeURIComponent(todo.motionId)}`}>${t('todo.vote', { title: pick(todo.title) })}<//></li>`;
    case 'sign-demand':
      return html`<li class="todo"><${Link} href=${`${to('councils', c, 'demands')}#${encodeURIComponent(`d-${todo.demandId}`)}`}>${t('todo.signDemand', { reason: pick(todo.reason) })}<//></li>`;
    case 'ballot':
      return html`<li class="todo"><${Link} href=${`${to('councils', c, 'elections', todo.electionId)}/ballot`}>${t('todo.ballot')} <${When} d=${todo.date} /><//></li>`;
    default:
      return null;
  }
}

export function Home() {
  const { me } = useMe();
  if (!signedIn()) {
    return html`<${Page} title=${t('home.welcome')}>
      <p class="lead">${t('home.intro')}</p>
      <p><${Link} href="/sign-in" class="button">${t('signin.title')}<//></p>
      <p><${Link} href="/law">${t('home.askLaw')}<//></p>
    <//>`;
  }
  if (!me) return html`<${Page} title=${t('home.title')}><${Loading} /><//>`;
  if (me.error) return html`<${Page} title=${t('home.title')}><${LoadError} error=${me.error} /><//>`;
  return html`<${Page} title=${t('home.title')}>
    ${me.admin ? html`<section class="card" aria-labelledby="admin-title"><h2 id="admin-title">${t('role.admin')}</h2>
      <ul class="links"><li><${Link} href="/law/amend">${t('law.amendTitle')}<//></li><li><${Link} href="/law/versions">${t('law.versionsTitle')}<//></li></ul></section>` : null}
    ${me.councils.length === 0 && !me.admin ? html`<p>${t('home.noCouncil')}</p>` : null}
    ${me.councils.map((council) => html`<section class="card council-card" aria-labelledby=${`council-${council.id}`}>
      <h2 id=${`council-${council.id}`}><${Link} href=${to('councils', council.id)}>${pick(council.name)}<//></h2>
      <p class="muted">${t('home.myRoles')}: <${RoleWords} roles=${council.roles} /></p>
      <h3>${t('home.todo')}</h3>
      ${council.todo.length ? html`<ul class="todos">${council.todo.map((todo) => html`<${Todo} c=${council.id} todo=${todo} />`)}</ul>` : html`<p class="muted">${t('home.nothing')}</p>`}
      <${CouncilNav} c=${council.id} />
    </section>`)}
    <p><${Link} href="/me/calendar">${t('calendar.title')}<//></p>
    ${authMode() === 'local' ? html`<p class="hint">${t('home.localHint')}</p>` : null}
  <//>`;
}
