// The lot of p11: after the first election the Chairperson commits to a random seed (only its
// SHA-256 is published), then reveals it; the lowest half of the ranks get two-year terms.
// Members are shown by name; anyone can recompute the draw from the seed.
import { html, useState } from '../lib.js';
import { all, call, councilPath, enc } from '../api.js';
import { t } from '../i18n.js';
import { holds, useMe } from '../me.js';
import { ErrorSummary, Field, Loaded, Page, Panel, Readings, Select, Submit, Summary, When, FocusHeading, today, useForm, useLoad } from '../ui.js';
import { CouncilNav, useCouncilName } from './council-nav.js';
import { electionTitle } from './elections.js';

function Commit({ c, elections, done }) {
  const form = useForm();
  const firsts = elections.filter((e) => e.kind === 'first' && e.status === 'closed');
  const [electionId, setElectionId] = useState(firsts.at(-1)?.id ?? '');
  const [on, setOn] = useState(today());
  const submit = form.handle(async () => {
    const reply = await call('POST', councilPath(c, '/lots'), { electionId, on });
    if (reply.ok) done();
    return reply;
  });
  if (!firsts.length) return html`<p class="muted">${t('lot.noElection')}</p>`;
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('lot.commitTitle')}</h2>
    <p class="hint">${t('lot.commitHint')}</p>
    <${ErrorSummary} form=${form} />
    <${Select} form=${form} name="electionId" label=${t('lot.election')} value=${electionId} onChange=${setElectionId} options=${firsts.map((e) => [e.id, `${electionTitle(e)}`])} />
    <${Field} form=${form} name="on" type="date" label=${t('lot.committedOn')} value=${on} onInput=${setOn} />
    <${Submit} form=${form}>${t('lot.commit')}<//>
  </form>`;
}

function Reveal({ c, lot, done }) {
  const form = useForm();
  const [on, setOn] = useState(today());
  const submit = form.handle(async () => {
    const reply = await call('POST', councilPath(c, `/lots/${enc(lot.id)}/reveal`), { on });
    if (reply.ok) done();
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('lot.revealTitle')}</h2>
    <${ErrorSummary} form=${form} />
    <${Field} form=${form} name="on" type="date" label=${t('lot.revealedOn')} value=${on} onInput=${setOn} />
    <${Submit} form=${form}>${t('lot.reveal')}<//>
  </form>`;
}

function Result({ lot, names }) {
  const name = (id) => names.get(id) ?? t('res.unnamed');
  return html`<${Panel} focus=${false}>
    <${FocusHeading}>${t('lot.result')}<//>
    <h3>${t('lot.short')}</h3>
    <ul class="lot-short">${lot.result.short.map((id) => html`<li>${name(id)}</li>`)}</ul>
    <h3>${t('lot.long')}</h3>
    <ul class="lot-long">${lot.result.long.map((id) => html`<li>${name(id)}</li>`)}</ul>
    <p>${t('lot.rounding')}: ${t(`rounding.${lot.result.rounding}`)}</p>
    <${Readings} readings=${lot.readings} />
  <//>`;
}

export function Lot({ c }) {
  const { me } = useMe();
  const isChair = holds(me, c, 'chairperson');
  const state = useLoad(async () => {
    const [lots, elections] = await Promise.all([all(councilPath(c, '/lots')), all(councilPath(c, '/elections'))]);
    const names = new Map((lots[0]?.members ?? []).map((m) => [m.id, m.name]));
    return { lot: lots[0], elections, names };
  }, [c]);
  return html`<${Page} title=${t('lot.title')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="lot" />
    <${Loaded} state=${state}>${({ lot, elections, names }) => html`
      ${lot ? html`<${Summary} rows=${[
        [t('lot.committedOn'), html`<${When} d=${lot.committedOn} />`],
        [t('lot.commitment'), html`<code class="hash">${lot.commitment}</code>`],
        [t('lot.seed'), lot.seed ? html`<code class="hash">${lot.seed}</code>` : t('lot.notRevealed')],
        ...(lot.revealedOn ? [[t('lot.revealedOn'), html`<${When} d=${lot.revealedOn} />`]] : []),
      ]} />` : html`<p>${t('lot.none')}</p>`}
      ${lot?.result ? html`<${Result} lot=${lot} names=${names} /><p class="hint">${t('lot.recompute')}</p>` : null}
      ${isChair && !lot ? html`<${Commit} c=${c} elections=${elections} done=${() => state.reload(true)} />` : null}
      ${isChair && lot && !lot.seed ? html`<${Reveal} c=${c} lot=${lot} done=${() => state.reload(true)} />` : null}`}<//>
  <//>`;
}
