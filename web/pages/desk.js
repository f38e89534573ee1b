// The Secretary's meeting desk: the roll call (a present toggle per person, the quorum live),
// putting motions, each open motion's live count by name, a show of hands recorded in one
// submit (PUT …/votes/{voterId} per person, recorded as entered by the Secretary), and the
// closes, which the person presiding does from this same screen in their own session. The page
// polls the meeting every few seconds while it is in session.
import { html, useCallback, useState } from '../lib.js';
import { call, enc, get } from '../api.js';
import { pick, t } from '../i18n.js';
import { Link, to } from '../router.js';
import { ErrorSummary, Field, Loaded, Page, Panel, Radios, Select, Submit, replyMessage, usePoll, useForm, useLoad } from '../ui.js';
import { CouncilNav, useCouncilName } from './council-nav.js';
import { meetingTitle } from './meetings.js';
import { meetingPath } from './meeting.js';
import { CHOICES, MotionResult, Quorum, VoteCount, inAgendaOrder, presidingName } from './meeting-parts.js';

const POLL_MS = 3000;

function RollCall({ c, meeting, reload }) {
  const [pending, setPending] = useState({});
  const [failed, setFailed] = useState();
  // Each toggle is saved at once, independently: several can be on their way together.
  const toggle = async (a) => {
    const present = !(pending[a.id] ?? a.present);
    setPending((p) => ({ ...p, [a.id]: present }));
    const reply = await call('PUT', meetingPath(c, meeting.id, `/attendance/${enc(a.id)}`), { present });
    setFailed(reply.ok ? undefined : { name: a.name, reply });
    await reload();
    setPending((p) => {
      const { [a.id]: _, ...rest } = p;
      return rest;
    });
  };
  const open = meeting.status === 'convened';
  return html`<section class="card" aria-labelledby="roll-title">
    <h2 id="roll-title">${t('desk.rollCall')}</h2>
    ${failed ? html`<div class="error-summary" role="alert"><p>${failed.name}: ${replyMessage(failed.reply)}</p></div>` : null}
    <div role="status" aria-live="polite"><${Quorum} quorum=${meeting.quorum} /></div>
    <fieldset class="field checks roll">
      <legend>${t('desk.whoIsPresent')}</legend>
      ${(meeting.attendance ?? []).map((a, i) => {
        const id = `present-${i}`;
        const checked = pending[a.id] ?? Boolean(a.present);
        return html`<div class="choice"><input type="checkbox" id=${id} checked=${checked} disabled=${!open} onChange=${() => toggle(a)} data-attendee=${a.id} />
          <label for=${id}>${a.name}${a.capacity && a.capacity !== 'member' ? html` <span class="muted">(${t(`capacity.${a.capacity}`)})</span>` : null}</label></div>`;
      })}
    </fieldset>
  </section>`;
}

function PutMotion({ c, meeting, reload }) {
  const form = useForm();
  const [itemId, setItemId] = useState(meeting.agenda[0]?.id ?? '');
  const [kind, setKind] = useState('ordinary');
  const [category, setCategory] = useState('recommendation');
  const [kk, setKk] = useState('');
  const [ru, setRu] = useState('');
  const [subject, setSubject] = useState('');
  const [put, setPut] = useState();
  const members = (meeting.attendance ?? []).filter((a) => a.id !== 'chairperson');
  const submit = form.handle(async () => {
    const body = { itemId, kind, category, title: { kk, ru }, ...(['termination', 'suspension'].includes(kind) && subject ? { subjectMemberId: subject } : {}) };
    const reply = await call('POST', meetingPath(c, meeting.id, '/motions'), body);
    if (reply.ok) {
      setPut(pick(reply.json.title));
      setKk('');
      setRu('');
      await reload();
    }
    return reply;
  });
  if (!meeting.agenda.length) return html`<p class="muted">${t('desk.noAgenda')}</p>`;
  return html`<form onSubmit=${submit} novalidate class="card put-motion">
    <h2>${t('mot.title')}</h2>
    <${ErrorSummary} form=${form} />
    <${Select} form=${form} name="itemId" label=${t('mot.item')} value=${itemId} onChange=${setItemId} options=${meeting.agenda.map((a) => [a.id, pick(a.title)])} />
    <${Field} form=${form} name="title.kk" label=${t('mot.wordingKk')} value=${kk} onInput=${setKk} lang="kk" />
    <${Field} form=${form} name="title.ru" label=${t('mot.wordingRu')} value=${ru} onInput=${setRu} lang="ru" />
    <${Select} form=${form} name="category" label=${t('mot.category')} value=${category} onChange=${setCategory} options=${['recommendation', 'proposal', 'decision'].map((x) => [x, t(`cat.${x}`)])} />
    <details><summary>${t('mot.otherKinds')}</summary>
      <${Radios} form=${form} name="kind" legend=${t('mot.kind')} value=${kind} onChange=${setKind} options=${['ordinary', 'termination', 'suspension', 'dissolution'].map((x) => [x, t(`motkind.${x}`)])} />
      ${['termination', 'suspension'].includes(kind) ? html`<${Select} form=${form} name="subjectMemberId" label=${t('mot.subject')} value=${subject} onChange=${setSubject} options=${[['', '—'], ...members.map((m) => [m.id, m.name])]} />` : null}
    </details>
    <${Submit} form=${form}>${t('mot.submit')}<//>
    ${put ? html`<${Panel}>${t('mot.done', { title: put })}<//>` : null}
  </form>`;
}

/** The show of hands: the Secretary enters each present person's vote, all in one submit. */
function ShowOfHands({ c, meeting, motion, reload }) {
  const form = useForm();
  const [draft, setDraft] = useState({});
  const [saved, setSaved] = useState();
  const present = (meeting.attendance ?? []).filter((a) => a.present);
  const current = Object.fromEntries((motion.votes ?? []).map((v) => [v.voterId, v.choice]));
  const submit = form.handle(async () => {
    const changes = present.filter((a) => draft[a.id] && draft[a.id] !== current[a.id]);
    if (!changes.length) return { errors: [{ text: t('hands.nothing') }] };
    const errors = [];
    for (const a of changes) {
      const reply = await call('PUT', meetingPath(c, meeting.id, `/motions/${enc(motion.id)}/votes/${enc(a.id)}`), { choice: draft[a.id] });
      if (!reply.ok) errors.push({ name: `hands.${motion.id}.${a.id}`, text: `${a.name}: ${pick(reply.json?.error?.message) || t('err.other')}` });
    }
    await reload();
    setDraft({});
    setSaved(errors.length ? undefined : changes.length);
    return errors.length ? { errors } : { ok: true };
  });
  return html`<form onSubmit=${submit} novalidate class="hands">
    <h4>${t('hands.title')}</h4>
    <p class="hint">${t('hands.hint')}</p>
    <${ErrorSummary} form=${form} />
    ${present.map((a) => html`<${Radios} form=${form} name=${`hands.${motion.id}.${a.id}`} legend=${a.name} inline value=${draft[a.id] ?? current[a.id]}
      onChange=${(v) => setDraft({ ...draft, [a.id]: v })} options=${CHOICES.map((x) => [x, t(`choice.${x}`)])} />`)}
    <${Submit} form=${form}>${t('hands.submit')}<//>
    ${saved ? html`<${Panel}>${t('hands.done', { n: saved })}<//>` : null}
  </form>`;
}

function CloseMotion({ c, meeting, motion, reload }) {
  const form = useForm();
  const submit = form.handle(async () => {
    const reply = await call('POST', meetingPath(c, meeting.id, `/motions/${enc(motion.id)}/close`));
    if (reply.ok) await reload();
    return reply;
  });
  if (!meeting.me?.isPresiding) return html`<p class="hint">${t('desk.onlyPresidingCloses', { name: presidingName(meeting) })}</p>`;
  return html`<form onSubmit=${submit} class="close-motion">
    <${ErrorSummary} form=${form} />
    <${Submit} form=${form}>${t('vote.close')}<//>
  </form>`;
}

function MotionDesk({ c, meeting, motion, reload }) {
  const open = motion.status === 'open';
  return html`<section class="card motion" aria-labelledby=${`desk-mo-${motion.id}`} data-motion=${motion.id}>
    <h3 id=${`desk-mo-${motion.id}`}>${pick(motion.title)}</h3>
    <p class="muted">${t(`motkind.${motion.kind}`)} · ${t(`mstat.${motion.status}`)} · <${Link} href=${to('councils', c, 'meetings', meeting.id, 'motions', motion.id)}>${t('desk.motionPage')}<//></p>
    <div aria-live="polite"><${VoteCount} motion=${motion} /></div>
    ${open && meeting.me?.isSecretary ? html`<${ShowOfHands} c=${c} meeting=${meeting} motion=${motion} reload=${reload} />` : null}
    ${open ? html`<${CloseMotion} c=${c} meeting=${meeting} motion=${motion} reload=${reload} />` : null}
    ${motion.result ? html`<div tabindex="-1" class="result"><${MotionResult} motion=${motion} /></div>` : null}
  </section>`;
}

function CloseMeeting({ c, meeting, reload }) {
  const form = useForm();
  const now = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Almaty' }).format(new Date());
  const [endTime, setEndTime] = useState(now);
  const submit = form.handle(async () => {
    const reply = await call('POST', meetingPath(c, meeting.id, '/close'), endTime ? { endTime } : undefined);
    if (reply.ok) await reload();
    return reply;
  });
  if (!meeting.me?.isPresiding) return html`<p class="hint">${t('desk.onlyPresidingEnds', { name: presidingName(meeting) })}</p>`;
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('closeM.title')}</h2>
    <${ErrorSummary} form=${form} />
    <${Field} form=${form} name="endTime" type="time" label=${t('closeM.endTime')} value=${endTime} onInput=${setEndTime} />
    <${Submit} form=${form}>${t('closeM.submit')}<//>
  </form>`;
}

export function Desk({ c, m }) {
  const state = useLoad(() => get(meetingPath(c, m)), [c, m]);
  const reload = useCallback(() => state.reload(true), [state.reload]);
  usePoll(reload, POLL_MS, state.data?.status === 'convened');
  const title = t('desk.title');
  return html`<${Page} title=${title} caption=${state.data ? meetingTitle(state.data) : useCouncilName(c)} wide>
    <${CouncilNav} c=${c} current="meetings" />
    <${Loaded} state=${state}>${(meeting) => {
      const motions = inAgendaOrder(meeting);
      const allClosed = motions.every((x) => x.status === 'closed');
      return html`
      <p class="desk-who">${t('meeting.presiding')}: <strong id="presiding-name">${presidingName(meeting)}</strong>
        · ${t('role.secretary')}: <strong>${meeting.secretary?.name ?? '—'}</strong>
        · <${Link} href=${to('councils', c, 'meetings', m)}>${t('desk.meetingPage')}<//></p>
      ${meeting.status === 'held'
        ? html`<${Panel} kind="ok"><p>${t('desk.held')}</p><p><${Link} class="button" href=${`${to('councils', c, 'meetings', m)}/minutes`}>${t('min.title')}<//></p><//>`
        : null}
      <div class="desk">
        <${RollCall} c=${c} meeting=${meeting} reload=${reload} />
        <div class="desk-motions">
          <h2>${t('meet.motions')}</h2>
          ${motions.length ? motions.map((motion) => html`<${MotionDesk} key=${motion.id} c=${c} meeting=${meeting} motion=${motion} reload=${reload} />`) : html`<p class="muted">${t('meet.noMotions')}</p>`}
          ${meeting.status === 'convened' && (meeting.me?.isSecretary || meeting.me?.isPresiding) ? html`<${PutMotion} c=${c} meeting=${meeting} reload=${reload} />` : null}
          ${meeting.status === 'convened' && allClosed ? html`<${CloseMeeting} c=${c} meeting=${meeting} reload=${reload} />` : null}
        </div>
      </div>`;
    }}<//>
  <//>`;
}
