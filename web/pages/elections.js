// Elections: the list, forming the commission and opening a round (the Chairperson, picking the
// candidates from the list), an election with its candidates by name and its result, and the
// secret ballot of a commission voter: choose, check your answers, cast; the browser draws the
// receipt code (16 random bytes, base64url) and keeps it while the same ballot is retried.
import { html, useState } from '../lib.js';
import { all, call, councilPath, enc, get } from '../api.js';
import { date as dateWords, number, t } from '../i18n.js';
import { Link, navigate, to } from '../router.js';
import { holds, useMe } from '../me.js';
import { Checkboxes, ErrorSummary, FocusHeading, Field, Loaded, Outcome, Page, Panel, Radios, Select, Submit, Summary, Table, TextArea, When, today, useForm, useLoad } from '../ui.js';
import { CouncilNav, useCouncilName } from './council-nav.js';

const electionPath = (c, e, rest = '') => councilPath(c, `/elections/${enc(e)}${rest}`);
export const electionTitle = (e) => t('election.title', { kind: t(`ekind.${e.kind}`), round: e.round ?? 1 });

function FormCommission({ c, done }) {
  const form = useForm();
  const [voters, setVoters] = useState('');
  const [formedOn, setFormedOn] = useState(today());
  const [formed, setFormed] = useState();
  const submit = form.handle(async () => {
    const list = voters.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
    const reply = await call('POST', councilPath(c, '/commissions'), { voters: list, formedOn });
    if (reply.ok) {
      setFormed(list.length);
      done();
    }
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('com.title')}</h2>
    <${ErrorSummary} form=${form} />
    <${TextArea} form=${form} name="voters" label=${t('com.voters')} hint=${t('com.votersHint')} value=${voters} onInput=${setVoters} rows="4" spellcheck="false" />
    <${Field} form=${form} name="formedOn" type="date" label=${t('com.on')} value=${formedOn} onInput=${setFormedOn} />
    <${Submit} form=${form}>${t('com.submit')}<//>
    ${formed ? html`<${Panel}>${t('com.done', { n: formed })}<//>` : null}
  </form>`;
}

function OpenElection({ c, commissions, candidates }) {
  const form = useForm();
  const eligible = candidates.filter((x) => x.status === 'eligible');
  const [commissionId, setCommissionId] = useState(commissions.at(-1)?.id ?? '');
  const [date, setDate] = useState(today());
  const [seats, setSeats] = useState('');
  const [kind, setKind] = useState('');
  const [chosen, setChosen] = useState(eligible.map((x) => x.id));
  const submit = form.handle(async () => {
    const body = { commissionId, date, seats: Number(seats), candidateIds: chosen, ...(kind ? { kind } : {}) };
    if (!seats) return { errors: [{ name: 'seats', text: t('err.enter', { what: t('open.seats') }) }] };
    const reply = await call('POST', councilPath(c, '/elections'), body);
    if (reply.ok) navigate(to('councils', c, 'elections', reply.json.id));
    return reply;
  });
  if (!commissions.length) return null;
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('open.title')}</h2>
    <${ErrorSummary} form=${form} />
    <${Select} form=${form} name="commissionId" label=${t('open.commission')} value=${commissionId} onChange=${setCommissionId}
      options=${commissions.map((x) => [x.id, t('open.commissionOf', { date: dateWords(x.formedOn), n: x.voters.length })])} />
    <${Field} form=${form} name="date" type="date" label=${t('open.date')} value=${date} onInput=${setDate} />
    <${Field} form=${form} name="seats" type="number" inputmode="numeric" min="1" label=${t('open.seats')} value=${seats} onInput=${setSeats} width="3" />
    <${Radios} form=${form} name="kind" legend=${t('open.kind')} value=${kind} onChange=${setKind} options=${[['', t('ekind.auto')], ['first', t('ekind.first')], ['renewal', t('ekind.renewal')], ['vacancy', t('ekind.vacancy')]]} />
    <${Checkboxes} form=${form} name="candidateIds" legend=${t('open.candidates')} value=${chosen} onChange=${setChosen} options=${eligible.map((x) => [x.id, x.name, x.profile])} />
    <${Submit} form=${form}>${t('open.submit')}<//>
  </form>`;
}

export function Elections({ c }) {
  const { me } = useMe();
  const isChair = holds(me, c, 'chairperson');
  const state = useLoad(async () => {
    const [elections, commissions, candidates] = await Promise.all([
      all(councilPath(c, '/elections')),
      isChair ? all(councilPath(c, '/commissions')) : [],
      isChair ? all(councilPath(c, '/candidates')) : [],
    ]);
    return { elections, commissions, candidates };
  }, [c, isChair]);
  return html`<${Page} title=${t('nav.elections')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="elections" />
    <${Loaded} state=${state}>${({ elections, commissions, candidates }) => html`
      ${elections.length
        ? html`<${Table} head=${[t('col.date'), t('col.election'), t('open.seats'), t('col.status')]}
            rows=${[...elections].reverse().map((e) => [html`<${When} d=${e.date} />`, html`<${Link} href=${to('councils', c, 'elections', e.id)}>${electionTitle(e)}<//>`, number(e.seats), t(`estatus.${e.status}`)])} />`
        : html`<p class="muted">${t('elections.none')}</p>`}
      ${isChair ? html`<${FormCommission} c=${c} done=${() => state.reload(true)} /><${OpenElection} c=${c} commissions=${commissions} candidates=${candidates} />` : null}`}<//>
  <//>`;
}

function CloseElection({ c, election, done }) {
  const form = useForm();
  const [confirm, setConfirm] = useState(false);
  const submit = form.handle(async () => {
    const reply = await call('POST', electionPath(c, election.id, '/close'));
    if (reply.ok) done();
    return reply;
  });
  return html`<form onSubmit=${confirm ? submit : (e) => (e.preventDefault(), setConfirm(true))} class="card">
    <h2>${t('closeE.title')}</h2>
    <${ErrorSummary} form=${form} />
    ${confirm ? html`<p>${t('closeE.confirm')}</p>` : null}
    <${Submit} form=${form}>${confirm ? t('closeE.submitConfirm') : t('closeE.submit')}<//>
  </form>`;
}

function CheckReceipt({ c, e }) {
  const kept = JSON.parse(sessionStorage.getItem(`kenes.receipt.${e}`) ?? 'null');
  const form = useForm();
  const [receipt, setReceipt] = useState(kept?.sent ? kept.receipt : '');
  const [answer, setAnswer] = useState();
  const submit = form.handle(async () => {
    const reply = await call('GET', `${electionPath(c, e, '/receipts')}?receipt=${enc(receipt)}`);
    if (reply.ok) setAnswer(reply.json.counted);
    return reply;
  });
  return html`<form onSubmit=${submit} novalidate class="card">
    <h2>${t('receipt.check')}</h2>
    <${ErrorSummary} form=${form} />
    <${Field} form=${form} name="receipt" label=${t('receipt.code')} value=${receipt} onInput=${setReceipt} spellcheck="false" autocomplete="off" />
    <${Submit} form=${form} secondary>${t('receipt.checkSubmit')}<//>
    ${answer !== undefined ? html`<${Panel} kind=${answer ? 'ok' : 'warn'}>${answer ? t('receipt.counted') : t('receipt.notCounted')}<//>` : null}
  </form>`;
}

export function Election({ c, e }) {
  const { me } = useMe();
  const state = useLoad(() => get(electionPath(c, e)), [c, e]);
  return html`<${Page} title=${state.data ? electionTitle(state.data) : t('col.election')} caption=${useCouncilName(c)}>
    <${CouncilNav} c=${c} current="elections" />
    <${Loaded} state=${state}>${(election) => {
      const names = new Map((election.candidates ?? []).map((x) => [x.id, x.name]));
      const result = election.result;
      return html`
        <dl class="facts">
          <dt>${t('col.date')}</dt><dd><${When} d=${election.date} /></dd>
          <dt>${t('open.seats')}</dt><dd>${number(election.seats)}</dd>
          <dt>${t('col.status')}</dt><dd>${t(`estatus.${election.status}`)}</dd>
        </dl>
        ${election.myBallot === 'not-cast' && election.status === 'open' ? html`<p><${Link} class="button" href=${`${to('councils', c, 'elections', e)}/ballot`}>${t('ballot.go')}<//></p>` : null}
        ${election.myBallot === 'cast' ? html`<p class="panel ok">${t('ballot.alreadyCast')}</p>` : null}
        <h2>${t('ballot.choices')}</h2>
        <ul class="candidates">${(election.candidates ?? []).map((x) => html`<li><strong>${x.name}</strong>${x.profile ? html`<p class="muted">${x.profile}</p>` : null}</li>`)}</ul>
        ${result ? html`<h2>${t('election.result')}</h2>
          <p>${t('elect.ballotsCast', { n: result.ballotsCast })}</p>
          <${Table} head=${[t('col.name'), t('elect.votesCol'), t('res.outcome')]}
            rows=${Object.entries(result.votes).sort((a, b) => b[1] - a[1]).map(([id, n]) => {
              const decision = result.decisions?.find((d) => d.candidateId === id);
              return [names.get(id) ?? t('res.unnamed'), number(n), result.elected.includes(id) ? html`<${Outcome} code="elected" />` : decision ? html`<${Outcome} code=${decision.outcome} />` : html`<${Outcome} code="not-elected" />`];
            })} />
          ${result.runoff ? html`<p>${t('elect.runoff')}: <${Link} href=${to('councils', c, 'elections', result.runoff.electionId)}>${t(`runoff.${result.runoff.cause}`)}<//></p>` : null}` : null}
        ${holds(me, c, 'voter') ? html`<${CheckReceipt} c=${c} e=${e} />` : null}
        ${holds(me, c, 'chairperson') && election.status !== 'closed' ? html`<${CloseElection} c=${c} election=${election} done=${() => state.reload(true)} />` : null}`;
    }}<//>
  <//>`;
}

/** 16 random bytes, base64url: the receipt code the voter keeps. */
function drawReceipt() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The receipt for these choices: the one kept while the same ballot is retried, else a new one. */
function receiptFor(e, choices) {
  const key = `kenes.receipt.${e}`;
  const same = [...choices].sort().join(',');
  const kept = JSON.parse(sessionStorage.getItem(key) ?? 'null');
  if (kept && kept.choices === same) return kept.receipt;
  const receipt = drawReceipt();
  sessionStorage.setItem(key, JSON.stringify({ choices: same, receipt }));
  return receipt;
}

export function Ballot({ c, e }) {
  const state = useLoad(() => get(electionPath(c, e)), [c, e]);
  const [step, setStep] = useState('choose');
  const [chosen, setChosen] = useState([]);
  const [receipt, setReceipt] = useState();
  const form = useForm();
  const toCheck = (election) =>
    form.handle(async () => {
      if (chosen.length > election.seats) return { errors: [{ name: 'choices', text: t('ballot.tooMany', { n: election.seats }) }] };
      setStep('check');
      return { ok: true };
    });
  const cast = form.handle(async () => {
    const code = receiptFor(e, chosen);
    const reply = await call('POST', electionPath(c, e, '/ballots'), { choices: chosen, receipt: code });
    if (reply.ok) {
      const key = `kenes.receipt.${e}`;
      sessionStorage.setItem(key, JSON.stringify({ ...JSON.parse(sessionStorage.getItem(key)), sent: true }));
      setReceipt(reply.json.receipt ?? code);
      setStep('done');
    }
    return reply;
  });
  return html`<${Page} title=${t('ballot.title')} caption=${state.data ? electionTitle(state.data) : useCouncilName(c)}>
    <${Loaded} state=${state}>${(election) => {
      const names = new Map(election.candidates.map((x) => [x.id, x.name]));
      if (step === 'done')
        return html`<${Panel}>
          <h2>${t('ballot.cast')}</h2>
          <p>${t('receipt.keep')}</p>
          <p class="receipt"><span>${t('receipt.code')}:</span> <code id="receipt-code">${receipt}</code></p>
          <p><${Link} href=${to('councils', c, 'elections', e)}>${t('ballot.back')}<//></p>
        <//>`;
      if (election.myBallot === 'cast') return html`<p class="panel ok">${t('ballot.alreadyCast')}</p>`;
      if (step === 'check')
        return html`<form onSubmit=${cast} class="check-answers" aria-labelledby="check-title">
          <${FocusHeading} id="check-title">${t('check.title')}<//>
          <${ErrorSummary} form=${form} />
          <${Summary} rows=${[[t('ballot.yourChoice'), chosen.length ? html`<ul>${chosen.map((id) => html`<li>${names.get(id)}</li>`)}</ul>` : t('ballot.blank'),
            html`<button type="button" class="link" onClick=${() => setStep('choose')}>${t('check.change')}<span class="visually-hidden"> ${t('ballot.yourChoice')}</span></button>`]]} />
          <p>${t('ballot.secret')}</p>
          <${Submit} form=${form}>${t('ballot.submit')}<//>
        </form>`;
      return html`<form onSubmit=${toCheck(election)} novalidate>
        <${ErrorSummary} form=${form} />
        <${Checkboxes} form=${form} name="choices" legend=${t('ballot.choose', { n: election.seats })} hint=${t('ballot.hint')} value=${chosen} onChange=${setChosen}
          options=${election.candidates.map((x) => [x.id, x.name, x.profile])} />
        <${Submit} form=${form}>${t('check.continue')}<//>
      </form>`;
    }}<//>
  <//>`;
}
