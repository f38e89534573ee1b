// The council: its composition on a date, the versions of the law, creating a council, and
// registering candidates (eligibility is judged by the API; a refusal lists every failing point).
import { call, councilPath, enc } from './api.js';
import { label, onLanguage, pick, t } from './i18n.js';
import { decision, facts, h, showReply, table } from './render.js';
import { checked, councilId, fillList, lines, named, onSubmit, optional, remember, value } from './forms.js';

const FACTS = [
  'citizenOfKazakhstan',
  'unexpungedCriminalRecord',
  'suspectOrAccused',
  'psychiatricOrNarcologicalRegistration',
  'releasedFromLiabilityOnNonRehabilitatingGrounds',
  'dismissedOnNegativeGrounds',
  'expelledFromBar',
  'advocateLicenceRevoked',
];

/** A date as `<time>` (kept on one line), or a dash. */
const date = (d) => (d ? h('time', { datetime: d }, d) : '—');

/** Member ids seen in a composition feed the lists of the meeting forms. */
function rememberMembers(current) {
  for (const m of current) remember(m.id, m.name);
  fillList('member-ids', current.map((m) => [m.id, m.name]));
  fillList('attendee-ids', [['chairperson', t('role.chair')], ...current.map((m) => [m.id, m.name])]);
}

function composition(json) {
  rememberMembers(json.current ?? []);
  const roleWords = (roles) => roles.map((r) => label('role.', r)).join(', ');
  return [
    facts([
      [t('council.chairperson'), h('span', {}, json.chairperson?.sub ?? '—', ' ', h('span', { class: 'point' }, json.chairperson?.point ?? ''))],
      [t('role.secretary'), json.secretaryMemberId ? named(json.secretaryMemberId) : t('res.none')],
      [t('council.seats'), String(json.seats)],
      [t('council.vacancies'), h('strong', { 'data-vacancies': json.vacancies }, String(json.vacancies))],
    ]),
    json.current?.length
      ? table(
          [t('col.name'), t('col.roles'), t('col.termStart'), t('col.termEnd'), t('col.cohort'), t('col.id')],
          json.current.map((m) => [m.name, roleWords(m.roles), date(m.termStart), date(m.termEnd), label('cohort.', m.cohort), h('code', { class: 'id' }, m.id)]),
          `${t('council.members')} — ${json.at}`,
        )
      : h('p', { class: 'muted' }, t('council.noMembers')),
    json.history?.some((m) => m.status !== 'active')
      ? table(
          [t('col.name'), t('col.status'), t('col.termStart'), t('col.termEnd')],
          json.history.flatMap((m) => (m.terms ?? []).map((term) => [m.name, label('mstatus.', term.status), date(term.start), date(term.end)])),
          t('council.history'),
        )
      : null,
  ];
}

function versions(json) {
  return table(
    [t('col.act'), t('col.kind'), t('col.inForceFrom'), t('col.inForceUntil'), t('col.status'), t('col.summary')],
    json.versions.map((v) => [
      h('span', {}, h('strong', {}, pick(v.title)), h('br'), h('small', { class: 'muted' }, v.act)),
      label('vkind.', v.kind),
      date(v.inForceFrom),
      date(v.inForceUntil),
      h('span', { class: `status status-${v.status}` }, label('vstatus.', v.status)),
      pick(v.summary),
    ]),
    `${t('versions.title')} — ${json.at}`,
  );
}

/** Candidates registered in this tab, listed under the form and offered to the election form. */
const registered = [];
function showRegistered() {
  const box = document.querySelector('#registered');
  if (!registered.length) return box.replaceChildren();
  box.replaceChildren(
    h('h4', {}, t('cand.registered')),
    h('ul', {}, registered.map((c) => h('li', {}, `${c.name} — `, h('code', {}, c.id)))),
  );
}

export function initCouncil() {
  onLanguage(showRegistered);
  const compositionForm = document.querySelector('#composition');
  onSubmit(compositionForm, async (output) => {
    const reply = await call('GET', councilPath(councilId(), `/members?at=${enc(value(compositionForm, 'at'))}`));
    showReply(output, reply, composition, compositionForm);
  });

  const versionsForm = document.querySelector('#versions');
  onSubmit(
    versionsForm,
    async (output) => {
      const reply = await call('GET', `/v1/rules/versions?at=${enc(value(versionsForm, 'at'))}`);
      showReply(output, reply, versions, versionsForm);
    },
    { needsCouncil: false },
  );

  const create = document.querySelector('#create-council');
  onSubmit(
    create,
    async (output) => {
      const body = {
        id: optional(value(create, 'id')),
        name: { kk: value(create, 'name.kk'), ru: value(create, 'name.ru'), en: value(create, 'name.en') },
        seats: Number(value(create, 'seats')),
        chairpersonSub: value(create, 'chairpersonSub'),
        chairpersonName: optional(value(create, 'chairpersonName')),
        createdOn: optional(value(create, 'createdOn')),
      };
      const reply = await call('POST', '/v1/councils', body);
      if (reply.ok && reply.json?.id) {
        const input = document.querySelector('#council-id');
        input.value = reply.json.id;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }
      showReply(output, reply, (json) =>
        facts([
          [t('ctx.council'), h('code', {}, json.id)],
          [t('create.name'), pick(json.name)],
          [t('council.seats'), String(json.seats)],
          [t('council.chairperson'), json.chairpersonName ? `${json.chairpersonName} (${json.chairpersonSub})` : json.chairpersonSub],
          [t('create.on'), json.createdOn],
        ]),
      create);
    },
    { needsCouncil: false },
  );

  const candidate = document.querySelector('#candidate');
  onSubmit(candidate, async (output) => {
    const body = {
      name: value(candidate, 'name'),
      sub: optional(value(candidate, 'sub')),
      appliedOn: optional(value(candidate, 'appliedOn')),
      facts: {
        ...Object.fromEntries(FACTS.map((f) => [f, checked(candidate, `facts.${f}`)])),
        legalCapacity: value(candidate, 'facts.legalCapacity'),
      },
      documents: lines(value(candidate, 'documents')),
    };
    const reply = await call('POST', councilPath(councilId(), '/candidates'), body);
    if (reply.ok && reply.json?.id) {
      remember(reply.json.id, reply.json.name);
      registered.push({ id: reply.json.id, name: reply.json.name });
      showRegistered();
      const ids = document.querySelector('#open-election [name=candidateIds]');
      ids.value = [...lines(ids.value), reply.json.id].join('\n');
    }
    showReply(output, reply, (json) => [
      facts([
        [t('cand.name'), json.name],
        [t('col.id'), h('code', {}, json.id)],
        [t('cand.on'), json.appliedOn],
      ]),
      decision(json.eligibility),
    ], candidate);
  });
}

