// A council: its composition on a date (GET …/members?at=), the Chairperson, the Secretary,
// members with their terms, vacancies; the Chairperson appoints the Secretary from a list.
import { html, useState } from '../lib.js';
import { call, councilPath, get } from '../api.js';
import { number, pick, t } from '../i18n.js';
import { navigate, to } from '../router.js';
import { holds, useMe } from '../me.js';
import { ErrorSummary, Field, Loaded, Page, Panel, Select, Submit, Table, When, today, useForm, useLoad } from '../ui.js';
import { CouncilNav } from './council-nav.js';

export async function loadCouncil(c, at) {
  const [council, members] = await Promise.all([get(councilPath(c)), get(councilPath(c, `/members${at ? `?at=${at}` : ''}`))]);
  return { council, members };
}

/** Every member's name by id, from the composition's history (names for lots, notices, audits). */
export async function memberNames(c) {
  const members = await get(councilPath(c, '/members'));
  const names = new Map();
  for (const m of members.history ?? []) names.set(m.id, m.name);
  for (const m of members.current ?? []) names.set(m.id, m.name);
  return names;
}

function AppointSecretary({ c, members, done }) {
  const form = useForm();
  const [memberId, setMemberId] = useState(members.secretaryMemberId ?? members.current[0]?.id ?? '');
  const [on, setOn] = useState(today());
  const [result, setResult] = useState();
  const submit = form.handle(async () => {
    const reply = await call('PUT', councilPath(c, '/secretary'), { memberId, on });
    if (reply.ok) {
      setResult(members.current.find((m) => m.id === memberId)?.name);
      done();
    }
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('sec.title')}</h2>
    <${ErrorSummary} form=${form} />
    <${Select} form=${form} name="memberId" label=${t('sec.member')} value=${memberId} onChange=${setMemberId} options=${members.current.map((m) => [m.id, m.name])} />
    <${Field} form=${form} name="on" type="date" label=${t('sec.on')} value=${on} onInput=${setOn} />
    <${Submit} form=${form}>${t('sec.submit')}<//>
    ${result ? html`<${Panel}>${t('sec.done', { name: result })}<//>` : null}
  </form>`;
}

export function Council({ c }) {
  const { me } = useMe();
  const at = new URLSearchParams(location.search).get('at') ?? '';
  const [date, setDate] = useState(at || today());
  const state = useLoad(() => loadCouncil(c, at), [c, at]);
  const title = state.data ? pick(state.data.council.name) : t('nav.council');
  return html`<${Page} title=${title}>
    <${CouncilNav} c=${c} current="" />
    <${Loaded} state=${state}>${({ council, members }) => {
      const secretary = members.current.find((m) => m.id === members.secretaryMemberId);
      return html`
      <form class="inline-form" onSubmit=${(e) => { e.preventDefault(); navigate(`${to('councils', c)}?at=${date}`); }}>
        <${Field} name="at" type="date" label=${t('council.at')} value=${date} onInput=${setDate} />
        <button type="submit" class="secondary">${t('council.show')}</button>
      </form>
      <h2>${t('council.compositionOn', { date: '' })}<${When} d=${members.at} /></h2>
      <dl class="facts">
        <dt>${t('role.chairperson')}</dt><dd>${council.chairperson?.name ?? council.chairpersonName ?? t('res.unnamed')}</dd>
        <dt>${t('role.secretary')}</dt><dd id="secretary-name">${secretary?.name ?? council.secretary?.name ?? t('council.noSecretary')}</dd>
        <dt>${t('council.seats')}</dt><dd>${number(members.seats)}</dd>
        <dt>${t('council.vacancies')}</dt><dd>${t('council.vacanciesCount', { n: members.vacancies })}</dd>
      </dl>
      ${members.current.length
        ? html`<${Table} caption=${t('council.members')} head=${[t('col.name'), t('col.roles'), t('col.termStart'), t('col.termEnd')]}
            rows=${members.current.map((m) => [m.name, m.roles.map((r) => t(`role.${r}`)).join(', '), html`<${When} d=${m.termStart} />`, html`<${When} d=${m.termEnd} />`])} />`
        : html`<p>${t('council.noMembers')}</p>`}
      ${members.secretaries?.length ? html`<h3>${t('sec.history')}</h3><ul>${members.secretaries.map((s) => html`<li><${When} d=${s.on} />: ${members.history.find((m) => m.id === s.memberId)?.name ?? members.current.find((m) => m.id === s.memberId)?.name ?? t('res.unnamed')}</li>`)}</ul>` : null}
      ${holds(me, c, 'chairperson') && members.current.length ? html`<${AppointSecretary} c=${c} members=${members} done=${() => state.reload(true)} />` : null}`;
    }}<//>
  <//>`;
}
