// Extraordinary meetings (p21): members open and sign a demand, anyone signed in sees it; the
// Chairperson's notices in words (a demand before them, quarters without a meeting, an election
// due by p11's deadline, a member's leaving notice to accept); and the meetings as an iCalendar
// file. Whether a demand is enough is the API's answer, shown as it gives it.
import { call, councilPath, enc, fetchBlob } from './api.js';
import { label, t } from './i18n.js';
import { date, decision, errorBlock, facts, h, phrase, point, show, showLoading, showReply, stamp, table } from './render.js';
import { councilId, onSubmit, optional, remember, share, today, value, who } from './forms.js';
import { bilingual } from './meetings.js';
import { acceptLeaving, acceptanceView } from './members.js';

function demandView(d) {
  return [
    facts([
      [t('demand.id'), h('code', {}, d.id)],
      [t('demand.reason'), bilingual(d.reason)],
      [t('demand.openedOn'), date(d.openedOn)],
      [t('col.status'), h('strong', { class: `dstatus dstatus-${d.status}`, 'data-status': d.status }, label('dstatus.', d.status))],
      [t('demand.signatories'), h('ol', { class: 'signatories' }, (d.signatories ?? []).map((id) => h('li', {}, who(id))))],
      [t('demand.meeting'), d.meetingId ? h('code', {}, d.meetingId) : undefined],
    ]),
    decision(d.decision),
  ];
}

const calendarPath = () => councilPath(councilId(), '/meetings.ics');

/** `2020-Q4` in words; any other reference as it is. */
function quarter(ref) {
  const match = /^(\d{4})-Q([1-4])$/.exec(ref);
  return match ? phrase('quarter', { year: match[1], n: match[2] }) : ref;
}

/** One notice in words, with what to do about it. `actions` keeps its controls across redraws. */
function noticeItem(n, names, actions) {
  const person = (id) => h('strong', { class: 'member' }, names.get(id) ?? id);
  const sentence = {
    'extraordinary-demand': () => t('notice.extraordinary-demand'),
    'quarter-warning': () => phrase('notice.quarter-warning', { quarter: quarter(n.ref) }),
    'quarter-missed': () => phrase('notice.quarter-missed', { quarter: quarter(n.ref) }),
    'election-due': () =>
      phrase('notice.election-due', {
        members: (n.memberIds ?? []).flatMap((id, i) => (i ? [', ', person(id)] : [person(id)])),
        termEnd: date(n.termEnd),
        deadline: h('strong', { class: 'deadline' }, date(n.deadline)),
      }),
    'leaving-notice': () => phrase(n.leaving === 'renunciation' ? 'notice.leaving-renunciation' : 'notice.leaving-notice', { member: person(n.memberId) }),
  }[n.kind];
  if (!actions.has(n.id)) actions.set(n.id, noticeActions(n));
  return h(
    'li',
    { class: 'notice', 'data-kind': n.kind, 'data-ref': n.ref },
    h('p', {}, h('strong', {}, label('nkind.', n.kind)), ' · ', `${t('col.on')}: `, date(n.on)),
    h('p', {}, sentence ? sentence() : t('notice.other')),
    actions.get(n.id),
  );
}

/**
 * What the Chairperson can do from a notice: accept a leaving notice (p15.7) on a date, with the
 * date it was received; or convene a meeting on a demand (p21). Built once per answer, so that
 * dates typed and the answer shown stay when the language changes.
 */
function noticeActions(n) {
  if (n.kind === 'extraordinary-demand') {
    return h('button', { type: 'button', class: 'secondary convene-demand', 'data-i18n': 'notice.convene', onclick: () => conveneOn(n.ref) }, t('notice.convene'));
  }
  if (n.kind !== 'leaving-notice') return null;
  const button = h('button', { type: 'button', 'data-i18n': 'notice.accept' }, t('notice.accept'));
  // Enter in a date accepts this notice (it would otherwise submit the notices form around it).
  const enter = (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    button.click();
  };
  const on = h('input', { type: 'date', name: 'on', value: today(), required: true, onkeydown: enter });
  const receivedOn = h('input', { type: 'date', name: 'receivedOn', onkeydown: enter });
  const output = h('div', { class: 'result', 'aria-live': 'polite' });
  button.addEventListener('click', async () => {
    if (!on.reportValidity() || !receivedOn.reportValidity()) return;
    button.disabled = true;
    showLoading(output);
    try {
      const reply = await acceptLeaving(n.memberId, n.ref, { on: on.value, receivedOn: receivedOn.value });
      showReply(output, reply, acceptanceView);
    } finally {
      button.disabled = false;
    }
  });
  return h(
    'div',
    { class: 'accept-notice', role: 'group' },
    h('div', { class: 'row' }, h('label', {}, h('span', { 'data-i18n': 'accept.on' }, t('accept.on')), on), h('label', {}, h('span', { 'data-i18n': 'accept.receivedOn' }, t('accept.receivedOn')), receivedOn)),
    button,
    output,
  );
}

/** Fills the convene form for an extraordinary meeting answering `demandId`, and goes there. */
function conveneOn(demandId) {
  const convene = document.querySelector('#convene');
  convene.elements.namedItem('kind').value = 'extraordinary';
  convene.elements.namedItem('demandId').value = demandId;
  share('.demand-id', demandId);
  convene.querySelector('details').open = true;
  convene.scrollIntoView({ block: 'start' });
  convene.elements.namedItem('date').focus();
}

export function initDemands() {
  const open = document.querySelector('#demand-open');
  onSubmit(open, async (output) => {
    const reply = await call('POST', councilPath(councilId(), '/extraordinary-demands'), {
      reason: { kk: value(open, 'reason.kk'), ru: value(open, 'reason.ru') },
      on: optional(value(open, 'on')),
    });
    if (reply.ok) share('.demand-id', reply.json.id);
    showReply(output, reply, demandView, open);
  });

  const demand = document.querySelector('#demand');
  onSubmit(demand, async (output, submitter) => {
    const path = councilPath(councilId(), `/extraordinary-demands/${enc(value(demand, 'demandId'))}`);
    const reply =
      submitter?.value === 'show'
        ? await call('GET', path)
        : await call('POST', `${path}/signatures`, { on: optional(value(demand, 'on')) });
    showReply(output, reply, demandView, demand);
  });

  const notices = document.querySelector('#notices');
  onSubmit(notices, async (output) => {
    const [reply, composition] = await Promise.all([
      call('GET', councilPath(councilId(), '/notices')),
      call('GET', councilPath(councilId(), `/members?at=${enc(today())}`)),
    ]);
    // Names of the members the notices speak of, from the composition (ids when it cannot be read).
    const names = new Map();
    for (const m of composition.ok ? [...(composition.json.history ?? []), ...(composition.json.current ?? [])] : []) {
      names.set(m.id, m.name);
      remember(m.id, m.name);
    }
    const actions = new Map();
    showReply(output, reply, (json) =>
      json.notices?.length
        ? h('ul', { class: 'notices' }, json.notices.map((n) => noticeItem(n, names, actions)))
        : h('p', { class: 'muted' }, t('notices.none')),
    notices);
  });

  // The council's audit log (the Chairperson, the administrator): every act that changed who
  // holds power or what was decided, with who recorded it and when (real time, not a legal date).
  const audit = document.querySelector('#council-audit');
  onSubmit(audit, async (output) => {
    const reply = await call('GET', councilPath(councilId(), '/audit'));
    showReply(output, reply, (json) =>
      json.entries?.length
        ? table(
            [t('caudit.recordedAt'), t('col.action'), t('caudit.subject'), t('caudit.on'), t('col.point'), t('col.by'), t('caudit.details')],
            json.entries.map((e) => [
              stamp(e.recordedAt),
              h('span', { class: 'action', 'data-action': e.action }, label('caction.', e.action)),
              h('span', {}, label('kind.', e.subject.kind), ' ', h('code', { class: 'id' }, e.subject.id)),
              date(e.on),
              e.point ? point(e.point) : '—',
              e.by,
              e.details ? h('code', { class: 'details-json' }, JSON.stringify(e.details)) : '—',
            ]),
            t('caudit.title'),
          )
        : h('p', { class: 'muted' }, t('audit.none')),
    audit);
  });

  // The feed needs the bearer token, which a plain link cannot send: fetched, then saved as a file.
  const calendar = document.querySelector('#calendar');
  const link = document.querySelector('#ics-link');
  const output = calendar.querySelector('.result');
  const refresh = () => {
    link.href = councilId() ? calendarPath() : '#calendar';
  };
  document.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.id === 'council-id') refresh();
  });
  document.querySelector('#council-id').addEventListener('input', refresh);
  calendar.addEventListener('submit', (event) => event.preventDefault());
  link.addEventListener('click', async (event) => {
    event.preventDefault();
    if (!councilId()) {
      show(output, () => h('p', { class: 'error', role: 'alert' }, `${t('err.required')} ${t('ctx.council')}`));
      return;
    }
    showLoading(output);
    const file = await fetchBlob(calendarPath());
    if (!file.ok) {
      show(output, () => errorBlock(file));
      return;
    }
    const filename = `${councilId()}-meetings.ics`;
    const save = h('a', { href: file.url, download: filename, hidden: true });
    document.body.append(save);
    save.click();
    save.remove();
    show(output, () => h('p', {}, t('ics.done'), ' ', h('a', { href: file.url, download: filename, class: 'doc-open' }, filename)));
  });
  refresh();
}
