// Elections: the commission, a round (a vacancy names the members whose seats are vacant), the
// secret ballot with its receipt, and the count; the readings that set the terms are shown.
import { call, councilPath, enc, isRetryable, session } from './api.js';
import { label, t } from './i18n.js';
import { decision, facts, h, readings, show, showLoading, showReply } from './render.js';
import { councilId, lines, named, onSubmit, optional, remember, share, value } from './forms.js';

const electionPath = (id, rest = '') => councilPath(councilId(), `/elections/${enc(id)}${rest}`);

function electionPairs(e) {
  return [
    [t('elect.id'), h('code', {}, e.id)],
    [t('open.date'), e.date],
    [t('open.kind'), label('ekind.', e.kind)],
    [t('open.seats'), String(e.seats)],
    [t('col.termStart'), e.termStart],
    [t('col.termEnd'), e.termEnd],
    [t('col.status'), label('mstat.', e.status)],
  ];
}
const electionFacts = (e) => facts(electionPairs(e));

/** The count: ballots cast, those elected, each candidate's decision with its point, a run-off. */
function closed(json) {
  const result = json.election?.result ?? {};
  for (const m of json.members ?? []) remember(m.id, m.name);
  return [
    facts([
      ...electionPairs(json.election),
      [t('elect.ballotsCast'), String(result.ballotsCast)],
      [t('elect.elected'), (result.elected ?? []).length ? h('ul', {}, result.elected.map((id) => h('li', {}, named(id)))) : t('res.none')],
      [t('elect.members'), (json.members ?? []).length ? h('ul', {}, json.members.map((m) => h('li', {}, `${m.name} — `, h('code', { class: 'id' }, m.id)))) : null],
    ]),
    h(
      'ol',
      { class: 'decisions' },
      (result.decisions ?? []).map((d) =>
        h('li', {}, h('p', {}, h('strong', {}, named(d.candidateId)), ` — ${t('elect.votes')}: ${result.votes?.[d.candidateId] ?? 0}`), decision(d)),
      ),
    ),
    result.runoff
      ? h(
          'div',
          { class: 'notice' },
          h('p', {}, h('strong', {}, t('elect.runoff')), ` (${label('runoff.', result.runoff.cause)}; ${t('open.seats')}: ${result.runoff.seats})`),
          facts([
            [t('elect.id'), h('code', {}, result.runoff.electionId)],
            [t('ballot.choices'), h('ul', {}, result.runoff.candidates.map((id) => h('li', {}, named(id))))],
          ]),
        )
      : null,
    readings(json.readings),
  ];
}

async function checkReceipt(output, electionId, receipt) {
  showLoading(output);
  const reply = await call('GET', electionPath(electionId, `/receipts?receipt=${enc(receipt)}`));
  showReply(output, reply, (json) =>
    h('p', { class: json.counted ? 'counted yes' : 'counted no', 'data-counted': String(json.counted) }, t(json.counted ? 'receipt.counted' : 'receipt.notCounted')),
  );
}

/**
 * A receipt code drawn here, in the voter's browser: 16 random bytes, base64url without padding
 * (22 characters). The API keeps only its hash, with the ballot and never with the voter.
 */
function drawReceipt() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The ballot being sent, with its receipt code: drawn once per ballot, and kept while the same
 * ballot (same voter, election and choices) is sent again after no answer or a "retry later",
 * so that the API recognises the retry by its code. Held in memory only, never stored.
 */
let pending;
function ballotAttempt(electionId, choices) {
  const ballot = JSON.stringify([session()?.sub ?? '', councilId(), electionId, [...choices].sort()]);
  if (pending?.ballot !== ballot) pending = { ballot, receipt: drawReceipt() };
  return pending;
}

export function initElections() {
  const commission = document.querySelector('#commission');
  onSubmit(commission, async (output) => {
    const reply = await call('POST', councilPath(councilId(), '/commissions'), {
      voters: lines(value(commission, 'voters')),
      formedOn: optional(value(commission, 'formedOn')),
    });
    if (reply.ok) document.querySelector('#open-election [name=commissionId]').value = reply.json.id;
    showReply(output, reply, (json) =>
      facts([
        [t('open.commission'), h('code', {}, json.id)],
        [t('com.on'), json.formedOn],
        [t('com.votersShort'), json.voters.join(', ')],
      ]),
    commission);
  });

  const open = document.querySelector('#open-election');
  onSubmit(open, async (output) => {
    const reply = await call('POST', councilPath(councilId(), '/elections'), {
      commissionId: value(open, 'commissionId'),
      date: value(open, 'date'),
      seats: Number(value(open, 'seats')),
      candidateIds: lines(value(open, 'candidateIds')),
      kind: optional(value(open, 'kind')),
      termStart: optional(value(open, 'termStart')),
      vacancyOf: lines(value(open, 'vacancyOf')).length ? lines(value(open, 'vacancyOf')) : undefined,
    });
    if (reply.ok) share('.election-id', reply.json.id);
    showReply(output, reply, (json) => [
      electionFacts(json),
      h('ul', {}, json.candidateIds.map((id) => h('li', {}, named(id)))),
      json.vacancyOf?.length ? facts([[t('open.vacancyOf'), h('ul', {}, json.vacancyOf.map((id) => h('li', {}, named(id))))]]) : null,
      readings(json.readings),
    ], open);
  });

  const ballot = document.querySelector('#ballot');
  const choices = document.querySelector('#ballot-choices');
  document.querySelector('#load-ballot').addEventListener('click', async () => {
    const output = ballot.querySelector('.result');
    const electionId = value(ballot, 'electionId');
    if (!electionId || !councilId()) {
      show(output, () => h('p', { class: 'error', role: 'alert' }, `${t('err.required')} ${t('elect.id')}`));
      return;
    }
    showLoading(output);
    const reply = await call('GET', electionPath(electionId));
    if (reply.ok) {
      choices.replaceChildren(
        ...reply.json.candidateIds.map((id) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'choices', value: id }), h('span', {}, named(id)))),
      );
      show(output, () => electionFacts({ ...reply.json, id: electionId }));
    } else showReply(output, reply);
  });

  onSubmit(ballot, async (output) => {
    const electionId = value(ballot, 'electionId');
    const picked = [...ballot.querySelectorAll('input[name=choices]:checked')].map((i) => i.value);
    const attempt = ballotAttempt(electionId, picked);
    const reply = await call('POST', electionPath(electionId, '/ballots'), { choices: picked, receipt: attempt.receipt });
    // The code is kept only while the same ballot may be sent again (no answer, or retry later).
    if (!isRetryable(reply)) pending = undefined;
    if (reply.ok) {
      const receiptForm = document.querySelector('#receipt');
      receiptForm.elements.namedItem('electionId').value = electionId;
      receiptForm.elements.namedItem('receipt').value = reply.json.receipt;
    }
    showReply(output, reply, (json) => {
      const check = h('div', { class: 'result', 'aria-live': 'polite' });
      return h(
        'div',
        { class: 'receipt' },
        h('p', {}, `${t('receipt.code')}: `, h('code', { class: 'receipt-code' }, json.receipt)),
        h('p', { class: 'hint' }, t('receipt.keep')),
        h('button', { type: 'button', class: 'secondary', onclick: () => checkReceipt(check, electionId, json.receipt) }, t('receipt.check')),
        check,
      );
    }, ballot);
  });

  const receipt = document.querySelector('#receipt');
  onSubmit(receipt, async (output) => {
    await checkReceipt(output, value(receipt, 'electionId'), value(receipt, 'receipt'));
  });

  const close = document.querySelector('#close-election');
  onSubmit(close, async (output) => {
    const reply = await call('POST', electionPath(value(close, 'electionId'), '/close'));
    // A run-off is the next round to vote in.
    const runoff = reply.ok ? reply.json?.election?.result?.runoff : undefined;
    if (runoff) share('.election-id', runoff.electionId);
    showReply(output, reply, closed, close);
  });
}

