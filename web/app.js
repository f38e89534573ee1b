// The Council's web app: a page for each thing, a URL for each page. Preact + htm from
// /vendor (no build step); texts in web/texts.js; every legal answer comes from the API.
import { html, render, useEffect, useState } from './lib.js';
import { call } from './api.js';
import { authMode, onSession, signedIn, signOut, startAuth } from './auth.js';
import { LANGS, lang, onLanguage, setLanguage, t } from './i18n.js';
import { Link, match, useLocation } from './router.js';
import { MeContext, loadMe } from './me.js';
import { Page, setLegalToday } from './ui.js';
import { Home } from './pages/home.js';
import { SignIn } from './pages/sign-in.js';
import { Council } from './pages/council.js';
import { Candidates } from './pages/candidates.js';
import { Elections, Election, Ballot } from './pages/elections.js';
import { Lot } from './pages/lot.js';
import { Meetings, Convene } from './pages/meetings.js';
import { Meeting } from './pages/meeting.js';
import { Desk } from './pages/desk.js';
import { Motion } from './pages/motion.js';
import { Minutes } from './pages/minutes.js';
import { Demands } from './pages/demands.js';
import { Notices } from './pages/notices.js';
import { Leaving } from './pages/leaving.js';
import { Audit } from './pages/audit.js';
import { AskIndex, Ask, Versions, Diff } from './pages/law.js';
import { Amend } from './pages/amend.js';
import { Notifications, Calendar } from './pages/me.js';
import * as complaints from './pages/complaints/index.js';
import * as preventive from './pages/preventive/index.js';
import * as reports from './pages/reports/index.js';

/** Every page and its URL. */
const PAGES = [
  ['/', Home],
  ['/sign-in', SignIn],
  ['/councils/:c', Council],
  ['/councils/:c/candidates', Candidates],
  ['/councils/:c/elections', Elections],
  ['/councils/:c/elections/:e', Election],
  ['/councils/:c/elections/:e/ballot', Ballot],
  ['/councils/:c/lot', Lot],
  ['/councils/:c/meetings', Meetings],
  ['/councils/:c/meetings/new', Convene],
  ['/councils/:c/meetings/:m', Meeting],
  ['/councils/:c/meetings/:m/desk', Desk],
  ['/councils/:c/meetings/:m/motions/:mo', Motion],
  ['/councils/:c/meetings/:m/minutes', Minutes],
  ['/councils/:c/demands', Demands],
  ['/councils/:c/notices', Notices],
  ['/councils/:c/leaving', Leaving],
  ['/councils/:c/audit', Audit],
  ['/law', AskIndex],
  ['/law/ask/:question', Ask],
  ['/law/versions', Versions],
  ['/law/versions/:a/diff/:b', Diff],
  ['/law/amend', Amend],
  ['/me/notifications', Notifications],
  ['/me/calendar', Calendar],
  // The preventive mechanism's work (p14, p15.5–6, p29), each area's pages from its folder.
  ...complaints.PAGES,
  ...preventive.PAGES,
  ...reports.PAGES,
];

function NotFound() {
  return html`<${Page} title=${t('notFound.title')}><p>${t('notFound.text')}</p><p><${Link} href="/">${t('nav.home')}<//></p><//>`;
}

function Header({ me }) {
  const who = signedIn();
  const unread = me?.unread ?? 0;
  return html`<header class="site">
    <div class="bar">
      <${Link} href="/" class="brand"><span class="brand-title">${t('app.title')}</span><span class="brand-sub">${t('app.subtitle')}</span><//>
      <div class="lang" role="group" aria-label=${t('lang.label')}>
        ${LANGS.map((l) => html`<button type="button" lang=${l} aria-pressed=${String(lang() === l)} onClick=${() => setLanguage(l)}>${{ kk: 'Қазақша', ru: 'Русский', en: 'English' }[l]}</button>`)}
      </div>
    </div>
    <nav aria-label=${t('nav.label')}>
      <ul>
        <li><${Link} href="/" aria-current=${location.pathname === '/' ? 'page' : undefined}>${t('nav.home')}<//></li>
        <li><${Link} href="/law" aria-current=${location.pathname.startsWith('/law') ? 'page' : undefined}>${t('nav.law')}<//></li>
        ${who
          ? html`<li><${Link} href="/me/notifications" aria-current=${location.pathname === '/me/notifications' ? 'page' : undefined}>${t('nav.notifications')}${unread ? html` <span class="badge" aria-label=${t('notifications.unreadCount', { n: unread })}>${unread}</span>` : null}<//></li>
              <li class="who"><span class=${(who.name ?? me?.name ?? who.sub) === who.sub ? 'who-name account' : 'who-name'} id="whoami" translate="no">${who.name ?? me?.name ?? who.sub}</span>
                <button type="button" class="link" onClick=${() => signOut()}>${t('signin.out')}</button></li>`
          : html`<li class="who"><${Link} href="/sign-in">${t('signin.title')}<//></li>`}
      </ul>
    </nav>
  </header>`;
}

function App() {
  const { path } = useLocation();
  const [, setTick] = useState(0);
  const [me, setMe] = useState();
  const refreshMe = async () => setMe(signedIn() ? await loadMe() : undefined);
  useEffect(() => onLanguage(() => setTick((n) => n + 1)), []);
  useEffect(() => {
    refreshMe();
    return onSession(() => refreshMe());
  }, []);
  let page = NotFound;
  let params = {};
  for (const [pattern, component] of PAGES) {
    const found = match(pattern, path);
    if (found) {
      page = component;
      params = found;
      break;
    }
  }
  const Current = page;
  return html`<${MeContext.Provider} value=${{ me, refreshMe }}>
    <a class="skip" href="#main">${t('app.skip')}</a>
    <${Header} me=${me} />
    <main id="main" tabindex="-1">
      <${Current} key=${path} ...${params} />
    </main>
    <footer class="site-footer"><p>${t('footer.text')}</p></footer>
  <//>`;
}

await startAuth();
const health = await call('GET', '/v1/health');
if (health.json?.today) setLegalToday(health.json.today);
document.documentElement.lang = lang();
const root = document.getElementById('app');
root.replaceChildren();
render(html`<${App} />`, root);
document.body.dataset.ready = 'true';
document.body.dataset.auth = authMode();
