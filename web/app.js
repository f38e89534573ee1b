// The forms of kenes. They hold no legal logic: each posts to its endpoint and shows what the
// API answers (outcomes, reasons with their points, errors with their fields) in the chosen
// language. One module per page area.
import { call } from './api.js';
import { initAsk } from './ask.js';
import { initAuth } from './auth.js';
import { initCouncil } from './council.js';
import { initDemands } from './demands.js';
import { initElections } from './elections.js';
import { defaultDates, linkInputs } from './forms.js';
import { lang, setLanguage } from './i18n.js';
import { initLaw } from './law.js';
import { initLots } from './lots.js';
import { initMeetings } from './meetings.js';
import { initMembers } from './members.js';
import { initMinutes } from './minutes.js';

function initLanguage() {
  const buttons = document.querySelectorAll('[data-lang]');
  const mark = () => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.lang === lang()));
  };
  for (const b of buttons) b.addEventListener('click', () => {
    setLanguage(b.dataset.lang);
    mark();
  });
  setLanguage(lang());
  mark();
}

/** The working council is kept for the tab; Enter in its field submits nothing. */
function initContext() {
  const context = document.querySelector('#context');
  const input = context.elements.namedItem('councilId');
  context.addEventListener('submit', (event) => event.preventDefault());
  input.value = sessionStorage.getItem('kenes.council') ?? input.value;
  const keep = () => sessionStorage.setItem('kenes.council', input.value.trim());
  input.addEventListener('change', keep);
  input.addEventListener('input', keep);
}

/** The server's legal date ("today" of the kenes clock) is every date field's default. */
async function initToday() {
  const reply = await call('GET', '/v1/health');
  const today = reply.json?.today ?? new Date().toISOString().slice(0, 10);
  document.querySelector('#today').textContent = reply.json?.today ?? '—';
  defaultDates(today);
}

/** Markup used by several forms lives once, in a <template>; each use names it. */
for (const slot of document.querySelectorAll('[data-template]')) {
  slot.replaceWith(document.querySelector(`#${slot.dataset.template}`).content.cloneNode(true));
}

initLanguage();
initContext();
initAuth();
initAsk();
initCouncil();
initMembers();
initElections();
initLots();
initMeetings();
initDemands();
initMinutes();
initLaw();
linkInputs('.meeting-id');
linkInputs('.election-id');
linkInputs('.lot-id');
linkInputs('.demand-id');
await initToday();
document.body.dataset.ready = 'true';
