// The drawing of lots after the first election (p11): the Chairperson commits to a seed (its
// SHA-256 is published), then reveals it, and the API draws which half get two-year terms. The
// page only shows the commitment, the seed and the result, and says how anyone can recompute it.
import { call, councilPath, enc } from './api.js';
import { label, t } from './i18n.js';
import { date, facts, h, readings, showReply } from './render.js';
import { councilId, named, onSubmit, optional, share, value } from './forms.js';

const names = (ids = []) => (ids.length ? h('ul', { class: 'names' }, ids.map((id) => h('li', {}, named(id)))) : t('res.none'));

function lotView(lot) {
  const result = lot.result;
  return [
    facts([
      [t('lot.id'), h('code', {}, lot.id)],
      [t('elect.id'), h('code', { class: 'id' }, lot.electionId)],
      [t('lot.committedOn'), date(lot.committedOn)],
      [t('lot.commitment'), h('code', { class: 'hash commitment' }, lot.commitment)],
      [t('lot.seed'), lot.seed ? h('code', { class: 'hash seed' }, lot.seed) : h('span', { class: 'muted' }, t('lot.notRevealed'))],
      [t('lot.revealedOn'), lot.revealedOn ? date(lot.revealedOn) : undefined],
      [t('lot.short'), result ? h('div', { class: 'lot-short' }, names(result.short)) : undefined],
      [t('lot.long'), result ? names(result.long) : undefined],
      [t('lot.rounding'), result ? label('rounding.', result.rounding) : undefined],
      [t('lot.ordered'), result ? h('ol', { class: 'names' }, result.ordered.map((id) => h('li', {}, h('code', { class: 'id' }, id)))) : undefined],
    ]),
    lot.seed
      ? h(
          'div',
          { class: 'notice recompute' },
          h('p', {}, t('lot.recompute')),
          h('pre', {}, h('code', {}, 'SHA-256(seed) = commitment\nrank = SHA-256(seed + ":" + memberId)')),
        )
      : null,
    readings(lot.readings),
  ];
}

export function initLots() {
  const commit = document.querySelector('#lot-commit');
  onSubmit(commit, async (output) => {
    const reply = await call('POST', councilPath(councilId(), '/lots'), {
      electionId: value(commit, 'electionId'),
      on: optional(value(commit, 'on')),
    });
    if (reply.ok) share('.lot-id', reply.json.id);
    showReply(output, reply, lotView, commit);
  });

  const reveal = document.querySelector('#lot-reveal');
  onSubmit(reveal, async (output, submitter) => {
    const path = councilPath(councilId(), `/lots/${enc(value(reveal, 'lotId'))}`);
    const reply =
      submitter?.value === 'show'
        ? await call('GET', path)
        : await call('POST', `${path}/reveal`, { on: optional(value(reveal, 'on')) });
    showReply(output, reply, lotView, reveal);
  });
}
