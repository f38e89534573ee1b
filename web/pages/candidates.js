// Candidates (GET …/candidates) by name with their short profile and status; the Office, the
// Chairperson or the Secretary registers one: their facts as yes/no questions (p4, p5, p8);
// a refusal lists every failing point.
import { html, useState } from '../lib.js';
import { all, call, councilPath } from '../api.js';
import { t } from '../i18n.js';
import { holds, useMe } from '../me.js';
import { Decision, ErrorSummary, Field, Loaded, Page, Panel, Radios, Submit, Table, TextArea, When, YesNo, today, useForm, useLoad } from '../ui.js';
import { CouncilNav, useCouncilName } from './council-nav.js';

export const ELIGIBILITY = ['citizenOfKazakhstan', 'unexpungedCriminalRecord', 'suspectOrAccused', 'psychiatricOrNarcologicalRegistration', 'releasedFromLiabilityOnNonRehabilitatingGrounds', 'dismissedOnNegativeGrounds', 'expelledFromBar', 'advocateLicenceRevoked'];
export const CLEAN = { citizenOfKazakhstan: true, unexpungedCriminalRecord: false, suspectOrAccused: false, legalCapacity: 'full', psychiatricOrNarcologicalRegistration: false, releasedFromLiabilityOnNonRehabilitatingGrounds: false, dismissedOnNegativeGrounds: false, expelledFromBar: false, advocateLicenceRevoked: false };

/** The p4/p5/p8 facts as questions with labelled answers. */
export function EligibilityQuestions({ form, facts, setFacts, prefix = 'facts.' }) {
  const set = (k) => (v) => setFacts({ ...facts, [k]: v });
  return html`
    ${ELIGIBILITY.map((k) => html`<${YesNo} form=${form} name=${`${prefix}${k}`} legend=${t(`fact.${k}`)} value=${facts[k]} onChange=${set(k)} />`)}
    ${facts.expelledFromBar ? html`<${YesNo} form=${form} name=${`${prefix}expelledFromBarOnNegativeGrounds`} legend=${t('fact.expelledFromBarOnNegativeGrounds')} value=${facts.expelledFromBarOnNegativeGrounds} onChange=${set('expelledFromBarOnNegativeGrounds')} />` : null}
    <${Radios} form=${form} name=${`${prefix}legalCapacity`} legend=${t('fact.legalCapacity')} value=${facts.legalCapacity} onChange=${set('legalCapacity')} options=${['full', 'limited', 'incapable'].map((x) => [x, t(`capacity.${x}`)])} />`;
}

function Register({ c, done }) {
  const form = useForm();
  const [name, setName] = useState('');
  const [sub, setSub] = useState('');
  const [appliedOn, setAppliedOn] = useState(today());
  const [profile, setProfile] = useState('');
  const [facts, setFacts] = useState(CLEAN);
  const [result, setResult] = useState();
  const submit = form.handle(async () => {
    const { expelledFromBarOnNegativeGrounds, ...rest } = facts;
    const body = { name, appliedOn, facts: facts.expelledFromBar ? facts : rest, ...(sub ? { sub } : {}), ...(profile ? { profile } : {}) };
    const reply = await call('POST', councilPath(c, '/candidates'), body);
    if (reply.ok) {
      setResult(reply.json);
      setName('');
      setSub('');
      setProfile('');
      done();
    }
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('cand.title')}</h2>
    <${ErrorSummary} form=${form} />
    <${Field} form=${form} name="name" label=${t('cand.name')} value=${name} onInput=${setName} autocomplete="off" />
    <${Field} form=${form} name="sub" label=${t('cand.sub')} hint=${t('cand.subHint')} value=${sub} onInput=${setSub} spellcheck="false" autocomplete="off" />
    <${Field} form=${form} name="appliedOn" type="date" label=${t('cand.on')} value=${appliedOn} onInput=${setAppliedOn} />
    <${TextArea} form=${form} name="profile" label=${t('cand.profile')} hint=${t('cand.profileHint')} value=${profile} onInput=${setProfile} maxlength="500" rows="3" />
    <h3>${t('cand.facts')}</h3>
    <${EligibilityQuestions} form=${form} facts=${facts} setFacts=${setFacts} />
    <${Submit} form=${form}>${t('cand.submit')}<//>
    ${result ? html`<${Panel}><p>${t('cand.done', { name: result.name })}</p><${Decision} answer=${result.eligibility} /><//>` : null}
  </form>`;
}

export function Candidates({ c }) {
  const { me } = useMe();
  const state = useLoad(() => all(councilPath(c, '/candidates')), [c]);
  return html`<${Page} title=${t('nav.candidates')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="candidates" />
    <${Loaded} state=${state}>${(items) => (items.length
      ? html`<${Table} head=${[t('col.name'), t('cand.profile'), t('cand.on'), t('col.status')]}
          rows=${items.map((x) => [x.name, x.profile ?? '—', html`<${When} d=${x.appliedOn} />`, t(`cstatus.${x.status}`)])} />`
      : html`<p class="muted">${t('candidates.none')}</p>`)}<//>
    ${holds(me, c, 'admin', 'chairperson', 'secretary') ? html`<${Register} c=${c} done=${() => state.reload(true)} />` : null}
  <//>`;
}
