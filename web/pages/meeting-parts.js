// Pieces the meeting, the desk and the motion pages share: who presides, the quorum in words,
// a motion's votes by name.
import { html } from '../lib.js';
import { number, pick, t } from '../i18n.js';
import { Outcome, Point, Reasons, Version } from '../ui.js';

export const CHOICES = ['for', 'against', 'abstain'];

export const presidingName = (m) => m.presiding?.name ?? (m.presiding?.capacity === 'chairperson' ? t('role.chairperson') : t('res.unnamed'));

/** The quorum line: «Кворум бар: 7 мүшенің 5-і қатысып отыр» with its point. */
export function Quorum({ quorum }) {
  if (!quorum) return null;
  return html`<div class="quorum" data-outcome=${quorum.outcome}>
    <p><${Outcome} code=${quorum.outcome} /> — ${t('quorum.count', { present: quorum.membersPresent, total: quorum.membersTotal })}
      ${(quorum.reasons ?? []).slice(0, 1).map((r) => html` (<${Point} p=${r.point} />)`)}</p>
  </div>`;
}

/** Who voted how, by name, and who present has not voted yet. */
export function VoteCount({ motion }) {
  const votes = motion.votes ?? [];
  const by = (choice) => votes.filter((v) => v.choice === choice);
  const notVoted = motion.notVoted ?? [];
  return html`<dl class="count">
    ${CHOICES.map((choice) => {
      const list = by(choice);
      return html`<div class=${`count-${choice}`}><dt>${t(`choice.${choice}`)}: <span class="n" data-choice=${choice}>${number(list.length)}</span></dt>
        <dd>${list.length ? list.map((v) => v.name).join(', ') : '—'}</dd></div>`;
    })}
    <div class="count-none"><dt>${t('vote.notVoted')}: <span class="n" data-choice="none">${number(notVoted.length)}</span></dt><dd>${notVoted.length ? notVoted.map((p) => p.name).join(', ') : '—'}</dd></div>
  </dl>`;
}

/** A closed motion's result: the outcome, the reasons, the act, the nature of the decision (p26). */
export function MotionResult({ motion }) {
  const r = motion.result;
  if (!r) return null;
  return html`<div class="decision">
    <p class="outcome-line">${t('res.outcome')}: <${Outcome} code=${r.outcome} /></p>
    <${Reasons} reasons=${r.reasons} />
    ${r.nature ? html`<p class="hint"><${Point} p=${r.nature.point} /> ${pick(r.nature.message)}</p>` : null}
    <${Version} version=${r.version} />
  </div>`;
}

/** Votes the Secretary entered, by name: «Хатшы Мүше 1 енгізді». */
export function enteredBy(v) {
  return v.enteredBy ? t('vote.enteredBy', { name: v.enteredBy.name }) : '';
}

/** The motions in the order of their agenda items (stable within an item). */
export function inAgendaOrder(meeting) {
  const index = new Map((meeting.agenda ?? []).map((item, i) => [item.id, i]));
  return [...(meeting.motions ?? [])].map((m, i) => [m, i]).sort(([a, i], [b, j]) => (index.get(a.itemId) ?? 999) - (index.get(b.itemId) ?? 999) || i - j).map(([m]) => m);
}
