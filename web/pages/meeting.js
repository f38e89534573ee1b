// A meeting: its facts, agenda, who is present, the quorum, each motion with its result and
// votes by name; links to the Secretary's desk and the minutes. A member marks their own
// presence and puts an item on the agenda here.
import { html, useState } from '../lib.js';
import { call, councilPath, enc, get } from '../api.js';
import { pick, t } from '../i18n.js';
import { Link, to } from '../router.js';
import { holds, useMe } from '../me.js';
import { ErrorSummary, Field, Loaded, Page, Panel, Submit, Table, When, useForm, useLoad } from '../ui.js';
import { CouncilNav, useCouncilName } from './council-nav.js';
import { meetingTitle, placeOf, statusWords } from './meetings.js';
import { MotionResult, Quorum, VoteCount, inAgendaOrder, presidingName } from './meeting-parts.js';

export const meetingPath = (c, m, rest = '') => councilPath(c, `/meetings/${enc(m)}${rest}`);

function AddItem({ c, meeting, done }) {
  const form = useForm();
  const [kk, setKk] = useState('');
  const [ru, setRu] = useState('');
  const [added, setAdded] = useState(false);
  const submit = form.handle(async () => {
    const reply = await call('POST', meetingPath(c, meeting.id, '/agenda'), { title: { kk, ru } });
    if (reply.ok) {
      setKk('');
      setRu('');
      setAdded(true);
      done();
    }
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('agenda.title')}</h2>
    <${ErrorSummary} form=${form} />
    <${Field} form=${form} name="title.kk" label=${t('gen.inKk')} value=${kk} onInput=${setKk} lang="kk" />
    <${Field} form=${form} name="title.ru" label=${t('gen.inRu')} value=${ru} onInput=${setRu} lang="ru" />
    <${Submit} form=${form}>${t('agenda.submit')}<//>
    ${added ? html`<${Panel}>${t('agenda.done')}<//>` : null}
  </form>`;
}

function MyPresence({ c, meeting, done }) {
  const mine = meeting.attendance?.find((a) => a.id === meeting.me?.id);
  const form = useForm();
  if (!mine || meeting.status !== 'convened') return null;
  const submit = form.handle(async () => {
    const reply = await call('PUT', meetingPath(c, meeting.id, `/attendance/${enc(mine.id)}`), { present: !mine.present });
    if (reply.ok) done();
    return reply;
  });
  return html`<form onSubmit=${submit} class="card">
    <${ErrorSummary} form=${form} />
    <p>${mine.present ? t('presence.youArePresent') : t('presence.youAreNotMarked')}</p>
    <${Submit} form=${form} secondary=${mine.present}>${mine.present ? t('presence.markAbsent') : t('presence.markPresent')}<//>
  </form>`;
}

export function Meeting({ c, m }) {
  const { me } = useMe();
  const state = useLoad(() => get(meetingPath(c, m)), [c, m]);
  const title = state.data ? meetingTitle(state.data) : t('col.meeting');
  return html`<${Page} title=${title} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="meetings" />
    <${Loaded} state=${state}>${(meeting) => {
      const present = (meeting.attendance ?? []).filter((a) => a.present);
      const absent = (meeting.attendance ?? []).filter((a) => !a.present);
      const deskAllowed = meeting.me?.isSecretary || meeting.me?.isPresiding || meeting.me?.isChairperson;
      return html`
      <dl class="facts">
        <dt>${t('col.date')}</dt><dd><${When} d=${meeting.date} />${meeting.startTime ? `, ${meeting.startTime}` : ''}${meeting.endTime ? `–${meeting.endTime}` : ''}</dd>
        ${placeOf(meeting) ? html`<dt>${t('col.place')}</dt><dd>${placeOf(meeting)}</dd>` : null}
        <dt>${t('col.status')}</dt><dd>${statusWords(meeting)}</dd>
        <dt>${t('meeting.presiding')}</dt><dd>${presidingName(meeting)}</dd>
        <dt>${t('role.secretary')}</dt><dd>${meeting.secretary?.name ?? '—'}</dd>
      </dl>
      <ul class="actions">
        ${deskAllowed && meeting.status === 'convened' ? html`<li><${Link} class="button" href=${`${to('councils', c, 'meetings', m)}/desk`}>${t('desk.open')}<//></li>` : null}
        ${meeting.status === 'held' ? html`<li><${Link} class="button" href=${`${to('councils', c, 'meetings', m)}/minutes`}>${t('min.title')}<//></li>` : null}
      </ul>
      <${MyPresence} c=${c} meeting=${meeting} done=${() => state.reload(true)} />
      <h2>${t('meet.agenda')}</h2>
      ${meeting.agenda.length ? html`<ol>${meeting.agenda.map((item) => html`<li>${pick(item.title)}</li>`)}</ol>` : html`<p class="muted">${t('meet.noAgenda')}</p>`}
      ${meeting.invited?.length ? html`<h2>${t('conv.invited')}</h2><ul>${meeting.invited.map((x) => html`<li>${x.name}, ${x.organisation}${x.position ? `, ${x.position}` : ''}</li>`)}</ul>` : null}
      <h2>${t('meet.attendance')}</h2>
      <${Quorum} quorum=${meeting.quorum} />
      <p>${t('meet.present')}: ${present.length ? present.map((a) => a.name).join(', ') : '—'}</p>
      ${absent.length ? html`<p>${t('meet.notPresent')}: ${absent.map((a) => a.name).join(', ')}</p>` : null}
      <h2>${t('meet.motions')}</h2>
      ${meeting.motions.length ? inAgendaOrder(meeting).map((motion) => html`<section class="card motion" aria-labelledby=${`mo-${motion.id}`}>
          <h3 id=${`mo-${motion.id}`}><${Link} href=${`${to('councils', c, 'meetings', m, 'motions', motion.id)}`}>${pick(motion.title)}<//></h3>
          <p class="muted">${t(`motkind.${motion.kind}`)} · ${t(`mstat.${motion.status}`)}</p>
          <${VoteCount} motion=${motion} />
          <${MotionResult} motion=${motion} />
        </section>`) : html`<p class="muted">${t('meet.noMotions')}</p>`}
      ${meeting.status === 'convened' && holds(me, c, 'chairperson', 'member') ? html`<${AddItem} c=${c} meeting=${meeting} done=${() => state.reload(true)} />` : null}`;
    }}<//>
  <//>`;
}
