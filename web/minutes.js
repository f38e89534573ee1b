// The minutes in kk and ru, as HTML or PDF, the votes they record (with who entered them),
// their signatures, and a correction to signed minutes. A plain link cannot send the bearer
// token, so each document is fetched with it and opened as an object URL.
import { call, councilPath, enc, fetchBlob } from './api.js';
import { label, t } from './i18n.js';
import { date, errorBlock, facts, h, phrase, show, showLoading, showReply, stamp, table } from './render.js';
import { councilId, onSubmit, optional, value } from './forms.js';
import { bilingual } from './meetings.js';

const minutesPath = (meetingId, rest) => councilPath(councilId(), `/meetings/${enc(meetingId)}/${rest}`);

/** One signature: who, in which capacity, when (the real time of signing), over which content. */
function signatureLine(s) {
  return [h('strong', {}, label('role.', s.role)), ` — ${s.name}, `, stamp(s.signedAt), ' ', h('code', { class: 'hash', title: s.contentHash }, s.contentHash.slice(0, 12))];
}

/**
 * The votes the minutes record (p28): the counts, the votes the Secretary entered for members
 * (a show of hands) and by whom, and the dissenting opinions (p17.5), with who entered them.
 */
function motionsRecorded(motions = []) {
  if (!motions.length) return null;
  return [
    h('h4', {}, t('min.motions')),
    h(
      'ol',
      { class: 'minutes-motions' },
      motions.map((m) =>
        h(
          'li',
          { 'data-motion': m.id },
          h('p', {}, h('strong', {}, bilingual(m.title)), ' — ', phrase('min.votes', { for: String(m.votes.for), against: String(m.votes.against), abstained: String(m.votes.abstained) })),
          (m.entered ?? []).map((e) => h('p', { class: 'entered' }, phrase('min.enteredVotes', { by: h('strong', {}, e.by), voters: e.voters.join(', ') }))),
          m.dissents?.length
            ? [
                h('p', {}, t('min.dissents')),
                h(
                  'ul',
                  { class: 'dissents' },
                  m.dissents.map((d) =>
                    h('li', {}, h('strong', {}, d.member), ': ', h('q', { lang: d.language }, d.text), d.enteredBy ? [' (', h('span', { class: 'entered' }, phrase('min.enteredDissent', { by: d.enteredBy })), ')'] : null),
                  ),
                ),
              ]
            : null,
        ),
      ),
    ),
  ];
}

/**
 * Where the signing of the minutes stands (p28): the hash of the content, the signatures valid on
 * it, those voided by a later change (struck through: to be given again), whose signature is
 * still awaited, the seal, and the corrections added after it.
 */
function minutesStatus(json) {
  return h(
    'div',
    { class: 'minutes-status', 'data-sealed': String(Boolean(json.sealed)) },
    facts([
      [t('min.hash'), h('code', { class: 'hash content-hash' }, json.contentHash)],
      [t('min.state'), h('strong', { class: json.sealed ? 'sealed' : undefined }, t(json.sealed ? 'min.sealed' : 'min.unsealed'))],
      [
        t('min.awaiting'),
        json.awaiting?.length ? h('ul', { class: 'awaiting' }, json.awaiting.map((role) => h('li', { 'data-role': role }, label('role.', role)))) : undefined,
      ],
    ]),
    motionsRecorded(json.motions),
    h('h4', {}, t('min.signatures')),
    json.signatures?.length
      ? h('ul', { class: 'signatures' }, json.signatures.map((s) => h('li', { 'data-role': s.role }, signatureLine(s))))
      : h('p', { class: 'muted' }, t('min.noSignatures')),
    json.voidedSignatures?.length
      ? [
          h('h4', {}, t('min.voidedTitle')),
          h(
            'ul',
            { class: 'voided' },
            json.voidedSignatures.map((s) =>
              h('li', { 'data-role': s.role }, h('del', {}, signatureLine(s)), ' ', h('strong', { class: 'voided-note' }, t('min.voided')), s.voidedAt ? [' (', stamp(s.voidedAt), ')'] : null),
            ),
          ),
        ]
      : null,
    json.corrections?.length
      ? table(
          [t('corr.on'), t('corr.text'), t('corr.reason'), t('corr.ref')],
          json.corrections.map((c) => [date(c.on), bilingual(c.text), c.reason, h('code', { class: 'hash' }, c.contentHash.slice(0, 12))]),
          t('min.corrections'),
        )
      : null,
  );
}

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

  // Read the minutes (their signatures, what is awaited, the seal, the corrections), and sign
  // over the hash of the content read. If it changed since (409 minutes-changed), the minutes are
  // read again and shown, and the person signs again.
  let read;
  const readMinutes = async (meetingId) => {
    const reply = await call('GET', minutesPath(meetingId, 'minutes'));
    read = reply.ok ? { councilId: councilId(), meetingId, contentHash: reply.json.contentHash } : undefined;
    return reply;
  };
  onSubmit(form, async (out, submitter) => {
    const meetingId = value(form, 'meetingId');
    if (submitter?.value === 'read') {
      const reply = await readMinutes(meetingId);
      return showReply(out, reply, minutesStatus, form);
    }
    if (read?.councilId !== councilId() || read?.meetingId !== meetingId) {
      const first = await readMinutes(meetingId);
      if (!first.ok) return showReply(out, first, undefined, form);
    }
    const reply = await call('POST', minutesPath(meetingId, 'minutes/signatures'), { contentHash: read.contentHash });
    if (!reply.ok && reply.json?.error?.code === 'minutes-changed') {
      const again = await readMinutes(meetingId);
      return show(out, () => [
        errorBlock(reply),
        again.ok ? [h('p', { class: 'notice read-again' }, t('min.readAgain')), minutesStatus(again.json)] : errorBlock(again),
      ]);
    }
    const after = reply.ok ? await readMinutes(meetingId) : undefined;
    showReply(out, reply, (json) => [
      facts([
        [t('min.role'), `${label('role.', json.role)} — ${json.name ?? json.sub}`],
        [t('min.signedAt'), stamp(json.signedAt)],
        [t('min.hash'), h('code', { class: 'hash' }, json.contentHash)],
      ]),
      h('p', { class: json.sealed ? 'notice sealed' : 'muted' }, json.point ? [h('span', { class: 'point' }, json.point), ' '] : null, t(json.sealed ? 'min.sealed' : 'min.notSealed')),
      after?.ok ? minutesStatus(after.json) : null,
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
