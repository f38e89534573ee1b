// Extraordinary meetings (p21): members open and sign a demand, anyone signed in sees it; the
// Chairperson's notices (demands due, quarters without a meeting); and the meetings as an
// iCalendar file. Whether a demand is enough is the API's answer, shown as it gives it.
import { call, councilPath, enc, fetchBlob } from './api.js';
import { label, t } from './i18n.js';
import { date, decision, errorBlock, facts, h, point, show, showLoading, showReply, stamp, table } from './render.js';
import { councilId, onSubmit, optional, share, value, who } from './forms.js';
import { bilingual } from './meetings.js';

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
    const reply = await call('GET', councilPath(councilId(), '/notices'));
    showReply(output, reply, (json) =>
      json.notices?.length
        ? table(
            [t('col.kind'), t('col.ref'), t('col.on')],
            json.notices.map((n) => [label('nkind.', n.kind), h('code', {}, n.ref), date(n.on)]),
            t('notices.title'),
          )
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
