// A motion: its votes by name and who has not voted, my own vote while it is open (a member
// present votes from their own session), its result, and a dissenting opinion (p17.5): written
// by the member, or entered by the Secretary for a member.
import { html, useCallback, useState } from '../lib.js';
import { call, enc, get } from '../api.js';
import { lang, pick, t } from '../i18n.js';
import { Link, to } from '../router.js';
import { ErrorSummary, Loaded, Page, Panel, Radios, Select, Submit, TextArea, usePoll, useForm, useLoad } from '../ui.js';
import { CouncilNav, useCouncilName } from './council-nav.js';
import { meetingTitle } from './meetings.js';
import { meetingPath } from './meeting.js';
import { CHOICES, MotionResult, VoteCount } from './meeting-parts.js';

function MyVote({ c, meeting, motion, reload }) {
  const mine = meeting.me?.id;
  const present = meeting.attendance?.find((a) => a.id === mine)?.present;
  const current = motion.votes?.find((v) => v.voterId === mine)?.choice;
  const [choice, setChoice] = useState(current);
  const [done, setDone] = useState();
  const form = useForm();
  if (!mine || motion.status !== 'open') return null;
  if (!present) return html`<p class="hint">${t('vote.notPresent')}</p>`;
  const submit = form.handle(async () => {
    if (!choice) return { errors: [{ name: 'choice', text: t('vote.choose') }] };
    const reply = await call('PUT', meetingPath(c, meeting.id, `/motions/${enc(motion.id)}/votes/${enc(mine)}`), { choice });
    if (reply.ok) {
      setDone(choice);
      await reload();
    }
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="card">
    <${ErrorSummary} form=${form} />
    <${Radios} form=${form} name="choice" legend=${t('vote.yours')} big value=${choice} onChange=${setChoice} options=${CHOICES.map((x) => [x, t(`choice.${x}`)])} />
    <${Submit} form=${form}>${t('vote.submit')}<//>
    ${done ? html`<${Panel}>${t('vote.done', { choice: t(`choice.${done}`) })}<//>` : null}
  </form>`;
}

function Dissent({ c, meeting, motion }) {
  const form = useForm();
  const [text, setText] = useState('');
  const [language, setLanguage] = useState(lang() === 'en' ? 'ru' : lang());
  const [memberId, setMemberId] = useState('');
  const [done, setDone] = useState(false);
  const isSecretary = meeting.me?.isSecretary;
  const members = (meeting.attendance ?? []).filter((a) => a.id !== 'chairperson' && a.id !== meeting.me?.id);
  const submit = form.handle(async () => {
    const reply = await call('POST', meetingPath(c, meeting.id, `/motions/${enc(motion.id)}/dissents`), { text, language, ...(memberId ? { memberId } : {}) });
    if (reply.ok) {
      setDone(true);
      setText('');
    }
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('dissent.title')}</h2>
    <${ErrorSummary} form=${form} />
    ${isSecretary ? html`<${Select} form=${form} name="memberId" label=${t('dissent.whose')} value=${memberId} onChange=${setMemberId} options=${[['', t('dissent.mine')], ...members.map((m) => [m.id, m.name])]} />` : null}
    <${TextArea} form=${form} name="text" label=${t('dissent.text')} value=${text} onInput=${setText} rows="6" />
    <${Radios} form=${form} name="language" legend=${t('dissent.language')} inline value=${language} onChange=${setLanguage} options=${['kk', 'ru', 'en'].map((l) => [l, t(`langname.${l}`)])} />
    <${Submit} form=${form}>${t('dissent.submit')}<//>
    ${done ? html`<${Panel}>${t('dissent.done')}<//>` : null}
  </form>`;
}

export function Motion({ c, m, mo }) {
  const state = useLoad(() => get(meetingPath(c, m)), [c, m]);
  const reload = useCallback(() => state.reload(true), [state.reload]);
  const motion = state.data?.motions?.find((x) => x.id === mo);
  usePoll(reload, 3000, motion?.status === 'open');
  return html`<${Page} title=${motion ? pick(motion.title) : t('col.motion')} caption=${state.data ? meetingTitle(state.data) : useCouncilName(c)}>
    <${CouncilNav} c=${c} current="meetings" />
    <${Loaded} state=${state}>${(meeting) => {
      if (!motion) return html`<p>${t('err.404')}</p>`;
      const canDissent = meeting.me?.id && meeting.me.id !== 'chairperson' && meeting.status === 'convened' || meeting.me?.isSecretary;
      return html`
        <p class="muted">${t(`motkind.${motion.kind}`)} · ${t(`cat.${motion.category}`)} · ${t(`mstat.${motion.status}`)}</p>
        <p><${Link} href=${to('councils', c, 'meetings', m)}>${t('desk.meetingPage')}<//></p>
        <h2>${t('motion.votes')}</h2>
        <div aria-live="polite"><${VoteCount} motion=${motion} /></div>
        <${MyVote} c=${c} meeting=${meeting} motion=${motion} reload=${reload} />
        ${motion.result ? html`<h2>${t('motion.result')}</h2><${MotionResult} motion=${motion} />` : null}
        ${canDissent && !meeting.sealedAt ? html`<${Dissent} c=${c} meeting=${meeting} motion=${motion} />` : null}`;
    }}<//>
  <//>`;
}
