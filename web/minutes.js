// The minutes in kk and ru, as HTML or PDF, their signatures, and a correction to signed
// minutes. A plain link cannot send the bearer token, so each document is fetched with it and
// opened as an object URL.
import { call, councilPath, enc, fetchBlob } from './api.js';
import { label, t } from './i18n.js';
import { date, errorBlock, facts, h, show, showLoading, showReply } from './render.js';
import { councilId, onSubmit, optional, value } from './forms.js';
import { bilingual } from './meetings.js';

const minutesPath = (meetingId, rest) => councilPath(councilId(), `/meetings/${enc(meetingId)}/${rest}`);

export function initMinutes() {
  const form = document.querySelector('#minutes-form');
  const output = form.querySelector('.result');
  const links = [...form.querySelectorAll('a[data-doc]')];

  // Each link points at its document, so that it reads (and copies) as the real address.
  const refresh = () => {
    const meetingId = value(form, 'meetingId');
    for (const a of links) a.href = meetingId && councilId() ? minutesPath(meetingId, `${a.dataset.doc}?lang=${a.dataset.langDoc}`) : '#minutes';
  };
  form.addEventListener('input', refresh);
  form.addEventListener('change', refresh);
  document.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && (event.target.id === 'council-id' || event.target.classList.contains('meeting-id'))) refresh();
  });

  for (const a of links) {
    a.addEventListener('click', async (event) => {
      event.preventDefault();
      const meetingId = value(form, 'meetingId');
      if (!meetingId || !councilId()) {
        show(output, () => h('p', { class: 'error', role: 'alert' }, `${t('err.required')} ${t('meet.id')}`));
        form.elements.namedItem('meetingId').focus();
        return;
      }
      // Opened now, while the click still counts as the user's gesture; filled once fetched.
      const tab = window.open('', '_blank');
      showLoading(output);
      const doc = await fetchBlob(a.href);
      if (!doc.ok) {
        tab?.close();
        show(output, () => errorBlock(doc));
        return;
      }
      if (tab) tab.location.href = doc.url;
      const title = a.textContent;
      show(output, () =>
        h('p', {}, tab ? t('min.opened') : t('min.blocked'), ' ', h('a', { href: doc.url, target: '_blank', rel: 'noopener', class: 'doc-open' }, title)),
      );
    });
  }

  // Sign over the hash of the exact content: read the minutes, then sign that hash.
  onSubmit(form, async (out) => {
    const meetingId = value(form, 'meetingId');
    const read = await call('GET', minutesPath(meetingId, 'minutes'));
    if (!read.ok) return showReply(out, read, undefined, form);
    const reply = await call('POST', minutesPath(meetingId, 'minutes/signatures'), { contentHash: read.json.contentHash });
    showReply(out, reply, (json) => [
      facts([
        [t('min.role'), `${label('role.', json.role === 'chairperson' ? 'chair' : json.role)} — ${json.name ?? json.sub}`],
        [t('min.signedAt'), json.signedAt],
        [t('min.hash'), h('code', { class: 'hash' }, json.contentHash)],
      ]),
      h('p', { class: json.sealed ? 'notice sealed' : 'muted' }, json.point ? [h('span', { class: 'point' }, json.point), ' '] : null, t(json.sealed ? 'min.sealed' : 'min.notSealed')),
    ], form);
  });
  refresh();

  // Signed minutes never change: a correction is its own document, referencing the signed hash.
  const correction = document.querySelector('#correction');
  onSubmit(correction, async (out) => {
    const reply = await call('POST', minutesPath(value(correction, 'meetingId'), 'minutes/corrections'), {
      text: { kk: value(correction, 'text.kk'), ru: value(correction, 'text.ru') },
      reason: value(correction, 'reason'),
      on: optional(value(correction, 'on')),
    });
    showReply(out, reply, (json) =>
      facts([
        [t('col.id'), h('code', {}, json.id)],
        [t('corr.text'), bilingual(json.text)],
        [t('corr.reason'), json.reason],
        [t('corr.on'), date(json.on)],
        [t('col.by'), json.by],
        [t('corr.ref'), h('code', { class: 'hash' }, json.contentHash)],
      ]),
    correction);
  });
}
