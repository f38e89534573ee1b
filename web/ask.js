// "Ask the Regulation": POST /v1/rules/evaluate, and the answer shown as the API gives it.
import { call } from './api.js';
import { t } from './i18n.js';
import { decision, h, markInvalid, show, showLoading, showReply } from './render.js';

// Sample facts per question: the field names of the API, with example numbers (no rule here).
const SAMPLES = {
  quorum: { membersTotal: 11, membersPresent: 6 },
  decision: { membersTotal: 10, membersPresent: 10, votesFor: 5, votesAgainst: 5, abstained: 0, presidingVote: 'for' },
  'termination-vote': { membersTotal: 11, membersPresent: 9, votesFor: 6, votesAgainst: 3, abstained: 0 },
  dissolution: { membersTotal: 11, membersPresent: 11, votesFor: 8, votesAgainst: 3, abstained: 0, seats: 11 },
  'extraordinary-meeting': { membersTotal: 11, membersDemanding: 4 },
  election: { ballotsCast: 15, blankBallots: 0, votesForCandidate: 8 },
  'member-eligibility': {
    citizenOfKazakhstan: true,
    unexpungedCriminalRecord: false,
    suspectOrAccused: false,
    legalCapacity: 'full',
    psychiatricOrNarcologicalRegistration: false,
    releasedFromLiabilityOnNonRehabilitatingGrounds: false,
    dismissedOnNegativeGrounds: false,
    expelledFromBar: false,
    advocateLicenceRevoked: false,
  },
  'member-termination': { ground: 1, terminationVoteAdopted: true },
};

export function initAsk() {
  const form = document.querySelector('#evaluate');
  const answer = document.querySelector('#answer');
  const facts = form.elements.namedItem('facts');

  form.elements.namedItem('question').addEventListener('change', (event) => {
    const sample = SAMPLES[event.target.value];
    if (sample) facts.value = JSON.stringify(sample, null, 2);
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    let parsed;
    try {
      parsed = JSON.parse(String(data.get('facts')));
    } catch {
      facts.setAttribute('aria-invalid', 'true');
      show(answer, () => h('p', { class: 'error', role: 'alert' }, h('strong', {}, t('res.error')), ': ', t('err.json')));
      return;
    }
    showLoading(answer);
    const reply = await call('POST', form.getAttribute('action'), { question: data.get('question'), at: data.get('at'), facts: parsed });
    showReply(answer, reply, (json) => decision(json), form);
    // A fact named by the API (`body.facts.membersPresent`) marks the facts box.
    const error = reply.json?.error;
    const fields = error?.details?.map((d) => d.field) ?? (error?.field ? [error.field] : []);
    if (fields.some((f) => /^(body\.)?facts/.test(String(f)))) facts.setAttribute('aria-invalid', 'true');
  });
}
