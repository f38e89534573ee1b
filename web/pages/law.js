// The law for people: "ask the law" as a form per question with labelled fields and an answer
// in words; the versions of the act; what changed between two versions, side by side.
import { html, useState } from '../lib.js';
import { call, enc, get } from '../api.js';
import { pick, t } from '../i18n.js';
import { Link, to } from '../router.js';
import { Decision, ErrorSummary, Field, Loaded, Page, Panel, Point, Radios, Submit, Table, When, YesNo, today, useForm, useLoad } from '../ui.js';
import { CLEAN, EligibilityQuestions } from './candidates.js';

const count = (name) => ({ name, kind: 'count' });
const VOTES = [count('membersTotal'), count('membersPresent'), count('votesFor'), count('votesAgainst'), count('abstained')];

/** Each question and its facts (functions/rules/facts.ts): counts, yes/no, or a choice of words. */
export const QUESTIONS = {
  quorum: [count('membersTotal'), count('membersPresent')],
  decision: [...VOTES, { name: 'presidingVote', kind: 'choice', options: ['for', 'against', 'abstain', 'none'] }],
  'termination-vote': VOTES,
  dissolution: [...VOTES, count('seats')],
  'extraordinary-meeting': [count('membersTotal'), count('membersDemanding')],
  election: [count('ballotsCast'), count('blankBallots'), count('votesForCandidate')],
  'member-eligibility': 'eligibility',
  'member-termination': [{ name: 'ground', kind: 'choice', options: [1, 2, 3, 4, 5, 6, 7] }, { name: 'terminationVoteAdopted', kind: 'yesno' }],
  leaving: [{ name: 'kind', kind: 'choice', options: ['notice', 'renunciation'] }],
};

export function AskIndex() {
  return html`<${Page} title=${t('ask.title')}>
    <p class="lead">${t('ask.intro')}</p>
    <ul class="question-list">${Object.keys(QUESTIONS).map((q) => html`<li><${Link} href=${to('law', 'ask', q)}>${t(`q.${q}`)}<//><p class="hint">${t(`qhint.${q}`)}</p></li>`)}</ul>
    <h2>${t('law.more')}</h2>
    <ul class="links"><li><${Link} href="/law/versions">${t('law.versionsTitle')}<//></li></ul>
  <//>`;
}

const choiceWords = (fact, v) => t(`fact.${fact}.${v}`);

export function Ask({ question }) {
  const spec = QUESTIONS[question];
  const form = useForm();
  const [at, setAt] = useState(today());
  const [facts, setFacts] = useState(spec === 'eligibility' ? CLEAN : {});
  const [answer, setAnswer] = useState();
  if (!spec) return html`<${Page} title=${t('notFound.title')}><p>${t('notFound.text')}</p><//>`;
  const set = (k) => (v) => setFacts({ ...facts, [k]: v });
  const submit = form.handle(async () => {
    setAnswer(undefined);
    const body = { question, at, facts: {} };
    if (spec === 'eligibility') body.facts = facts;
    else
      for (const f of spec) {
        const v = facts[f.name];
        if (v === undefined || v === '') continue;
        body.facts[f.name] = f.kind === 'count' ? Number(v) : v;
      }
    const reply = await call('POST', '/v1/rules/evaluate', body);
    if (reply.ok) setAnswer(reply.json);
    return reply;
  });
  return html`<${Page} title=${t(`q.${question}`)} caption=${t('ask.title')}>
    <p class="hint">${t(`qhint.${question}`)}</p>
    <form onSubmit=${submit} novalidate>
      <${ErrorSummary} form=${form} />
      <${Field} form=${form} name="at" type="date" label=${t('ask.at')} hint=${t('ask.atHint')} value=${at} onInput=${setAt} />
      ${spec === 'eligibility'
        ? html`<${EligibilityQuestions} form=${form} facts=${facts} setFacts=${setFacts} />`
        : spec.map((f) =>
            f.kind === 'count'
              ? html`<${Field} form=${form} name=${`facts.${f.name}`} type="number" inputmode="numeric" min="0" width="4" label=${t(`fact.${f.name}`)} value=${facts[f.name]} onInput=${set(f.name)} />`
              : f.kind === 'yesno'
                ? html`<${YesNo} form=${form} name=${`facts.${f.name}`} legend=${t(`fact.${f.name}`)} value=${facts[f.name]} onChange=${set(f.name)} />`
                : html`<${Radios} form=${form} name=${`facts.${f.name}`} legend=${t(`fact.${f.name}`)} value=${facts[f.name]} onChange=${set(f.name)} options=${f.options.map((o) => [o, choiceWords(f.name, o)])} />`,
          )}
      <${Submit} form=${form}>${t('ask.submit')}<//>
    </form>
    ${answer ? html`<${Panel}><h2>${t('ask.answer')}</h2><${Decision} answer=${answer} /><//>` : null}
  <//>`;
}

/** The previous version in force before `v` (skipping withdrawn versions and corrections). */
export function previousOf(versions, v) {
  return versions.filter((x) => x.id !== v.id && x.status !== 'withdrawn' && x.kind !== 'correction' && x.inForceFrom <= v.inForceFrom).sort((a, b) => a.inForceFrom.localeCompare(b.inForceFrom)).at(-1);
}

export function Versions() {
  const state = useLoad(async () => (await get('/v1/rules/versions')).versions);
  return html`<${Page} title=${t('law.versionsTitle')}>
    <${Loaded} state=${state}>${(versions) => html`<${Table} head=${[t('col.act'), t('col.kind'), t('col.status'), t('col.inForceFrom'), t('col.inForceUntil'), t('law.changes')]}
      rows=${versions.map((v) => {
        const prev = previousOf(versions, v);
        return [html`<cite>${pick(v.title)}</cite>${v.summary ? html`<p class="hint">${pick(v.summary)}</p>` : null}`, t(`vkind.${v.kind}`), t(`vstatus.${v.status}`), html`<${When} d=${v.inForceFrom} />`, v.inForceUntil ? html`<${When} d=${v.inForceUntil} />` : '—',
          prev && v.status !== 'withdrawn' ? html`<${Link} href=${to('law', 'versions', prev.id, 'diff', v.id)}>${t('law.whatChanged')}<span class="visually-hidden">: ${pick(v.title)}</span><//>` : '—'];
      })} />`}<//>
  <//>`;
}

/** One side of a point's wording: the text, deleted, or a wording the text we hold does not give. */
function wording(side) {
  if (side == null) return html`<span class="muted">${t('diff.absent')}</span>`;
  if (side.deleted) return html`<span class="muted">${t('diff.deleted')}</span>`;
  if (side.known === false || side.unknown) return html`<span class="muted">${t('diff.unknown')}</span>`;
  const text = side.text ?? side.wording ?? side;
  return typeof text === 'object' ? pick(text) : String(text);
}

function parameterWords(side) {
  if (side == null) return html`<span class="muted">${t('diff.absent')}</span>`;
  const chosen = side.options?.find((o) => String(o.value) === String(side.value));
  return chosen ? pick(chosen.explanation) : side.description ? pick(side.description) : t('diff.changedValue');
}

/** The rendered difference of the law between versions a and b: each point's old and new wording side by side. */
export function DiffView({ diff }) {
  if (!diff.points.length && !diff.parameters.length && !diff.questions.length) return html`<p>${t('diff.none')}</p>`;
  return html`
    ${diff.points.length ? html`<h2>${t('diff.points')}</h2>
      ${diff.points.map((p) => html`<section class="diff-point" aria-labelledby=${`dp-${p.point}`}>
        <h3 id=${`dp-${p.point}`}><${Point} p=${p.point} /></h3>
        <div class="side-by-side">
          <div class="old"><h4>${t('diff.old')}</h4><p>${wording(p.a)}</p></div>
          <div class="new"><h4>${t('diff.new')}</h4><p>${wording(p.b)}</p></div>
        </div>
      </section>`)}` : null}
    ${diff.parameters.length ? html`<h2>${t('diff.readings')}</h2>
      ${diff.parameters.map((p) => html`<section class="diff-point"><h3><${Point} p=${p.b?.point ?? p.a?.point} /> ${pick(p.b?.question ?? p.a?.question) || ''}</h3>
        <div class="side-by-side"><div class="old"><h4>${t('diff.old')}</h4><p>${parameterWords(p.a)}</p></div><div class="new"><h4>${t('diff.new')}</h4><p>${parameterWords(p.b)}</p></div></div></section>`)}` : null}
    ${diff.questions.length ? html`<h2>${t('diff.questions')}</h2><ul>${diff.questions.map((q) => html`<li>${t(`q.${q.question}`)}: ${t('diff.rulesChanged', { n: q.changes.length })}</li>`)}</ul>` : null}`;
}

export function Diff({ a, b }) {
  const state = useLoad(async () => {
    const [diff, versions] = await Promise.all([get(`/v1/rules/versions/${enc(a)}/diff/${enc(b)}`), get('/v1/rules/versions')]);
    return { diff, versions: versions.versions };
  }, [a, b]);
  const title = (versions, id) => pick(versions.find((v) => v.id === id)?.title) || t('res.versionUnnamed');
  return html`<${Page} title=${t('diff.title')} wide>
    <${Loaded} state=${state}>${({ diff, versions }) => html`
      <p>${t('diff.between')}</p>
      <ul><li>${t('diff.old')}: <cite>${title(versions, a)}</cite></li><li>${t('diff.new')}: <cite>${title(versions, b)}</cite></li></ul>
      <${DiffView} diff=${diff} />`}<//>
  <//>`;
}
