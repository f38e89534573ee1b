// Meetings: upcoming and past (GET …/meetings), and convening one (POST …/meetings) with its
// agenda, invited officials and, for an extraordinary meeting, the demand it answers.
import { html, useState } from '../lib.js';
import { all, call, councilPath, get } from '../api.js';
import { pick, t } from '../i18n.js';
import { Link, navigate, to } from '../router.js';
import { holds, useMe } from '../me.js';
import { ErrorSummary, Field, Loaded, Page, Radios, Select, Submit, Table, When, today, useForm, useLoad } from '../ui.js';
import { CouncilNav, useCouncilName } from './council-nav.js';

/** A meeting's heading in words: «№ 3 отырыс, 2020 ж. 10 маусым». */
export function meetingTitle(m) {
  return m.number ? t('meeting.titleNumbered', { n: m.number, kind: t(`mkind.${m.kind}`) }) : t(`mkind.${m.kind}`);
}

export const placeOf = (m) => (m.place && typeof m.place === 'object' ? pick(m.place) : m.place ?? '');

function MeetingRows({ c, items }) {
  return html`<${Table} head=${[t('col.date'), t('col.meeting'), t('col.place'), t('col.status')]}
    rows=${items.map((m) => [html`<${When} d=${m.date} />`, html`<${Link} href=${to('councils', c, 'meetings', m.id)}>${meetingTitle(m)}<//>`, placeOf(m) || '—', statusWords(m)])} />`;
}

export function statusWords(m) {
  if (m.status === 'held') return m.sealed || m.sealedAt ? t('mstat.sealed') : t('mstat.held');
  return m.openMotions ? t('mstat.voting', { n: m.openMotions }) : t('mstat.convened');
}

export function Meetings({ c }) {
  const { me } = useMe();
  const state = useLoad(() => all(councilPath(c, '/meetings')), [c]);
  return html`<${Page} title=${t('nav.meetings')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="meetings" />
    ${holds(me, c, 'chairperson', 'member') ? html`<p><${Link} class="button" href=${`${to('councils', c, 'meetings')}/new`}>${t('conv.title')}<//></p>` : null}
    <${Loaded} state=${state}>${(items) => {
      const upcoming = items.filter((m) => m.status !== 'held' && m.date >= today());
      const past = items.filter((m) => !upcoming.includes(m)).reverse();
      return html`<h2>${t('meetings.upcoming')}</h2>
        ${upcoming.length ? html`<${MeetingRows} c=${c} items=${upcoming} />` : html`<p class="muted">${t('meetings.noneUpcoming')}</p>`}
        <h2>${t('meetings.past')}</h2>
        ${past.length ? html`<${MeetingRows} c=${c} items=${past} />` : html`<p class="muted">${t('meetings.nonePast')}</p>`}`;
    }}<//>
  <//>`;
}

const emptyItem = () => ({ kk: '', ru: '' });
const emptyInvited = () => ({ name: '', organisation: '', position: '' });

export function Convene({ c }) {
  const { me } = useMe();
  const demandParam = new URLSearchParams(location.search).get('demand') ?? '';
  const context = useLoad(async () => {
    const [demands, members] = await Promise.all([all(councilPath(c, '/extraordinary-demands')).catch(() => []), get(councilPath(c, '/members'))]);
    return { demands: demands.filter((d) => d.status === 'may-convene'), members: members.current };
  }, [c]);
  const form = useForm();
  const [kind, setKind] = useState(demandParam ? 'extraordinary' : 'regular');
  const [date, setDate] = useState(today());
  const [startTime, setStartTime] = useState('10:00');
  const [placeKk, setPlaceKk] = useState('');
  const [placeRu, setPlaceRu] = useState('');
  const [agenda, setAgenda] = useState([emptyItem()]);
  const [invited, setInvited] = useState([]);
  const [demandId, setDemandId] = useState(demandParam);
  const [presiding, setPresiding] = useState('');
  const [instruction, setInstruction] = useState('');
  const isChair = holds(me, c, 'chairperson');
  const set = (list, setList, i, key) => (v) => setList(list.map((x, j) => (j === i ? { ...x, [key]: v } : x)));
  const submit = form.handle(async () => {
    const body = {
      kind,
      date,
      ...(startTime ? { startTime } : {}),
      ...(placeKk || placeRu ? { place: { kk: placeKk, ru: placeRu } } : {}),
      agenda: agenda.filter((a) => a.kk || a.ru).map((a) => ({ title: { kk: a.kk, ru: a.ru } })),
      invited: invited.filter((x) => x.name || x.organisation).map((x) => ({ name: x.name, organisation: x.organisation, ...(x.position ? { position: x.position } : {}) })),
      ...(kind === 'extraordinary' && demandId ? { demandId } : {}),
      ...(presiding ? { presidingMemberId: presiding } : {}),
      ...(instruction ? { instruction } : {}),
    };
    const reply = await call('POST', councilPath(c, '/meetings'), body);
    if (reply.ok) navigate(to('councils', c, 'meetings', reply.json.id));
    return reply;
  });
  return html`<${Page} title=${t('conv.title')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="meetings" />
    <${Loaded} state=${context}>${({ demands, members }) => html`<form onSubmit=${submit} novalidate>
      <${ErrorSummary} form=${form} />
      <${Radios} form=${form} name="kind" legend=${t('conv.kind')} value=${kind} onChange=${setKind} options=${[['regular', t('mkind.regular')], ['extraordinary', t('mkind.extraordinary')]]} />
      ${kind === 'extraordinary' && demands.length ? html`<${Select} form=${form} name="demandId" label=${t('conv.demand')} value=${demandId} onChange=${setDemandId}
          options=${[['', t('conv.noDemand')], ...demands.map((d) => [d.id, pick(d.reason)])]} />` : null}
      <${Field} form=${form} name="date" type="date" label=${t('conv.date')} value=${date} onInput=${setDate} />
      <${Field} form=${form} name="startTime" type="time" label=${t('conv.startTime')} value=${startTime} onInput=${setStartTime} />
      <fieldset class="field"><legend>${t('conv.place')}</legend>
        <${Field} form=${form} name="place.kk" label=${t('gen.inKk')} value=${placeKk} onInput=${setPlaceKk} lang="kk" />
        <${Field} form=${form} name="place.ru" label=${t('gen.inRu')} value=${placeRu} onInput=${setPlaceRu} lang="ru" />
      </fieldset>
      <fieldset class="field"><legend>${t('conv.agenda')}</legend>
        ${agenda.map((a, i) => html`<fieldset class="item"><legend>${t('conv.itemN', { n: i + 1 })}</legend>
          <${Field} form=${form} name=${`agenda.${i}.title.kk`} label=${t('gen.inKk')} value=${a.kk} onInput=${set(agenda, setAgenda, i, 'kk')} lang="kk" />
          <${Field} form=${form} name=${`agenda.${i}.title.ru`} label=${t('gen.inRu')} value=${a.ru} onInput=${set(agenda, setAgenda, i, 'ru')} lang="ru" />
          ${agenda.length > 1 ? html`<button type="button" class="secondary small" onClick=${() => setAgenda(agenda.filter((_, j) => j !== i))}>${t('conv.removeItem', { n: i + 1 })}</button>` : null}
        </fieldset>`)}
        <button type="button" class="secondary" onClick=${() => setAgenda([...agenda, emptyItem()])}>${t('conv.addItem')}</button>
      </fieldset>
      <fieldset class="field"><legend>${t('conv.invited')}</legend>
        ${invited.map((x, i) => html`<fieldset class="item"><legend>${t('conv.invitedN', { n: i + 1 })}</legend>
          <${Field} form=${form} name=${`invited.${i}.name`} label=${t('conv.invitedName')} value=${x.name} onInput=${set(invited, setInvited, i, 'name')} />
          <${Field} form=${form} name=${`invited.${i}.organisation`} label=${t('conv.invitedOrg')} value=${x.organisation} onInput=${set(invited, setInvited, i, 'organisation')} />
          <${Field} form=${form} name=${`invited.${i}.position`} label=${t('conv.invitedPosition')} value=${x.position} onInput=${set(invited, setInvited, i, 'position')} />
          <button type="button" class="secondary small" onClick=${() => setInvited(invited.filter((_, j) => j !== i))}>${t('conv.removeInvited', { n: i + 1 })}</button>
        </fieldset>`)}
        <button type="button" class="secondary" onClick=${() => setInvited([...invited, emptyInvited()])}>${t('conv.addInvited')}</button>
      </fieldset>
      <details class="field"><summary>${t('conv.more')}</summary>
        <${Select} form=${form} name="presidingMemberId" label=${t('conv.presiding')} value=${presiding} onChange=${setPresiding}
          options=${[['', t('conv.presidingChair')], ...members.map((m) => [m.id, m.name])]} />
        ${!isChair || presiding ? html`<${Field} form=${form} name="instruction" label=${t('conv.instruction')} value=${instruction} onInput=${setInstruction} />` : null}
      </details>
      <${Submit} form=${form}>${t('conv.submit')}<//>
    </form>`}<//>
  <//>`;
}
