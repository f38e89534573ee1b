// The council: its composition on a date, creating a council, registering candidates
// (eligibility is judged by the API; a refusal lists every failing point), a candidate's new
// declaration of facts, and a candidate's withdrawal.
import { call, councilPath, enc } from './api.js';
import { label, onLanguage, pick, t } from './i18n.js';
import { date, decision, facts, h, outcome, showReply, table } from './render.js';
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

/** Member ids seen in a composition feed the lists of the meeting forms. */
function rememberMembers(current, history = []) {
  for (const m of [...history, ...current]) remember(m.id, m.name);
  fillList('member-ids', current.map((m) => [m.id, m.name]));
  fillList('attendee-ids', [['chairperson', t('role.chairperson')], ...current.map((m) => [m.id, m.name])]);
}

function composition(json) {
  rememberMembers(json.current ?? [], json.history);
  const roleWords = (roles) => roles.map((r) => label('role.', r)).join(', ');
  return [
    facts([
      [t('council.chairperson'), h('span', {}, json.chairperson?.sub ?? '—', ' ', h('span', { class: 'point' }, json.chairperson?.point ?? ''))],
      [t('council.secretaryOn'), h('span', { 'data-secretary': json.secretaryMemberId ?? '' }, json.secretaryMemberId ? named(json.secretaryMemberId) : t('res.none'))],
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
    json.secretaries?.length
      ? table(
          [t('member.id'), t('sec.on')],
          json.secretaries.map((a) => [named(a.memberId), date(a.on)]),
          t('sec.history'),
        )
      : null,
    json.history?.some((m) => m.status !== 'active')
      ? table(
          [t('col.name'), t('col.status'), t('col.termStart'), t('col.termEnd')],
          json.history.flatMap((m) => (m.terms ?? []).map((term) => [m.name, label('mstatus.', term.status), date(term.start), date(term.end)])),
          t('council.history'),
        )
      : null,
  ];
}

/** The eligibility facts of a form's `facts.*` fields, as the API names them. */
function factsOf(form) {
  return {
    ...Object.fromEntries(FACTS.map((f) => [f, checked(form, `facts.${f}`)])),
    legalCapacity: value(form, 'facts.legalCapacity'),
  };
}

/** Candidates registered in this tab, listed under the form and offered to the election form. */
const registered = [];
function showRegistered() {
  fillList('candidate-ids', registered.map((c) => [c.id, c.name]));
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
      facts: factsOf(candidate),
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

  // A standing candidate's facts replaced; the API judges eligibility again when the round closes.
  const declare = document.querySelector('#declare-facts');
  onSubmit(declare, async (output) => {
    const candidateId = value(declare, 'candidateId');
    const reply = await call('PUT', councilPath(councilId(), `/candidates/${enc(candidateId)}/facts`), {
      facts: factsOf(declare),
      declaredOn: optional(value(declare, 'declaredOn')),
    });
    showReply(output, reply, (json) => h('p', {}, `${t('declare.done')}: `, h('strong', {}, named(json.candidateId))), declare);
  });

  const withdraw = document.querySelector('#withdraw-candidate');
  onSubmit(withdraw, async (output) => {
    const candidateId = value(withdraw, 'candidateId');
    const reply = await call('POST', councilPath(councilId(), `/candidates/${enc(candidateId)}/withdrawal`), { on: optional(value(withdraw, 'on')) });
    showReply(output, reply, (json) => h('p', {}, h('strong', {}, named(json.candidateId)), ': ', outcome(json.status)), withdraw);
  });
}
