// Meetings: convene (agenda in kk and ru, invited officials, hearings), the meeting and its
// quorum, an item a member puts on the agenda, attendance, motions, votes (a member's own, or
// entered for them by the Secretary) and their close, a dissenting opinion (likewise), the end
// of the meeting.
import { call, councilPath, enc } from './api.js';
import { label, pick, t, translate } from './i18n.js';
import { date, decision, facts, h, point, showReply, stamp } from './render.js';
import { councilId, fillList, onSubmit, optional, share, value, who } from './forms.js';

const meetingPath = (id, rest = '') => councilPath(councilId(), `/meetings/${enc(id)}${rest}`);

/** Both working languages of a text, the chosen one first when it is one of them. */
export function bilingual(text) {
  if (!text) return '';
  const first = pick(text);
  const other = first === text.kk ? text.ru : text.kk;
  return other && other !== first ? h('span', {}, first, h('span', { class: 'muted' }, ` / ${other}`)) : first;
}

const itemsSeen = new Map();
function offerItems(agenda = []) {
  for (const item of agenda) itemsSeen.set(item.id, pick(item.title));
  fillList('item-ids', [...itemsSeen]);
}

const motionsSeen = new Map();
function offerMotion(motion) {
  motionsSeen.set(motion.id, pick(motion.title));
  fillList('motion-ids', [...motionsSeen]);
}

function meetingView(m) {
  offerItems(m.agenda);
  for (const motion of m.motions ?? []) offerMotion(motion);
  return [
    facts([
      [t('meet.id'), h('code', {}, m.id)],
      [t('conv.kind'), label('mkind.', m.kind)],
      [t('conv.date'), m.date],
      [t('conv.place'), m.place],
      [t('conv.region'), m.region],
      [t('meet.status'), label('mstat.', m.status)],
      [t('meet.openMotions'), m.openMotions ? String(m.openMotions) : undefined],
      [t('meet.sealedAt'), m.sealedAt ? stamp(m.sealedAt) : undefined],
    ]),
    m.agenda?.length
      ? [h('h4', {}, t('meet.agenda')), h('ol', { class: 'agenda' }, m.agenda.map((item) => h('li', {}, bilingual(item.title), ' ', h('code', { class: 'id' }, item.id))))]
      : null,
    m.quorum ? [h('h4', {}, t('meet.quorum')), quorumView(m.quorum)] : null,
    m.motions?.length
      ? [
          h('h4', {}, t('meet.motions')),
          h(
            'ol',
            { class: 'motions' },
            m.motions.map((motion) =>
              h(
                'li',
                {},
                h('p', {}, h('strong', {}, bilingual(motion.title)), ` — ${label('motkind.', motion.kind)}, ${label('mstat.', motion.status)} `, h('code', { class: 'id' }, motion.id)),
                motion.result ? decision(motion.result) : null,
              ),
            ),
          ),
        ]
      : null,
  ];
}

function quorumView(quorum) {
  return [
    facts([[t('meet.present'), `${quorum.membersPresent} / ${quorum.membersTotal}: ${(quorum.present ?? []).map(who).join(', ')}`]]),
    decision(quorum),
  ];
}

function motionResult(json) {
  const result = json.result ?? {};
  return [
    facts([
      [t('vote.motion'), h('code', {}, json.id)],
      [t('mot.wording'), bilingual(json.title)],
      [t('mot.kind'), label('motkind.', json.kind)],
      [t('choice.for'), result.facts?.votesFor],
      [t('choice.against'), result.facts?.votesAgainst],
      [t('choice.abstain'), result.facts?.abstained],
    ].map(([k, v]) => [k, v === undefined ? undefined : typeof v === 'number' ? String(v) : v])),
    decision(result),
    result.nature ? h('p', { class: 'notice' }, h('span', { class: 'point' }, result.nature.point), ' ', pick(result.nature.message)) : null,
  ];
}

/** Repeatable rows (agenda items, invited officials, hearings) from `<template id="tpl-…">`. */
function initRows(form) {
  const renumber = (set) => {
    const kind = set.dataset.rows;
    [...set.querySelectorAll('.row-list > li')].forEach((li, i) => {
      li.querySelector('.n').textContent = String(i + 1);
      for (const input of li.querySelectorAll('[data-name]')) input.name = `${kind}.${i}.${input.dataset.name}`;
    });
  };
  const add = (set) => {
    const row = document.querySelector(`#tpl-${set.dataset.rows}`).content.firstElementChild.cloneNode(true);
    translate(row);
    set.querySelector('.row-list').append(row);
    renumber(set);
    return row;
  };
  form.addEventListener('click', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement)) return;
    if (target.dataset.add) add(form.querySelector(`[data-rows="${target.dataset.add}"]`)).querySelector('input')?.focus();
    if (target.hasAttribute('data-remove')) {
      const set = target.closest('[data-rows]');
      target.closest('li').remove();
      renumber(set);
      set.querySelector('[data-add]').focus();
    }
  });
  add(form.querySelector('[data-rows="agenda"]'));
}

/** The rows of one kind as objects: `title.kk` → `{ title: { kk } }`; empty optional fields left out. */
function rowsOf(form, kind) {
  return [...form.querySelectorAll(`[data-rows="${kind}"] .row-list > li`)].map((li) => {
    const entry = {};
    for (const input of li.querySelectorAll('[data-name]')) {
      const v = input.value.trim();
      if (v === '') continue;
      const path = input.dataset.name.split('.');
      let at = entry;
      for (const key of path.slice(0, -1)) at = at[key] ??= {};
      at[path.at(-1)] = v;
    }
    return entry;
  });
}

export function initMeetings() {
  const convene = document.querySelector('#convene');
  initRows(convene);
  onSubmit(convene, async (output) => {
    const reply = await call('POST', councilPath(councilId(), '/meetings'), {
      kind: value(convene, 'kind'),
      date: value(convene, 'date'),
      place: optional(value(convene, 'place')),
      region: optional(value(convene, 'region')),
      instruction: optional(value(convene, 'instruction')),
      presidingMemberId: optional(value(convene, 'presidingMemberId')),
      demandId: optional(value(convene, 'demandId')),
      agenda: rowsOf(convene, 'agenda'),
      invited: rowsOf(convene, 'invited'),
      hearings: rowsOf(convene, 'hearings'),
    });
    if (reply.ok) share('.meeting-id', reply.json.id);
    showReply(output, reply, meetingView, convene);
  });

  const meeting = document.querySelector('#meeting');
  onSubmit(meeting, async (output) => {
    const reply = await call('GET', meetingPath(value(meeting, 'meetingId')));
    showReply(output, reply, meetingView, meeting);
  });

  const attendance = document.querySelector('#attendance');
  onSubmit(attendance, async (output) => {
    const attendee = value(attendance, 'attendeeId');
    const reply = await call('PUT', meetingPath(value(attendance, 'meetingId'), `/attendance/${enc(attendee)}`), {
      present: attendance.elements.namedItem('present').checked,
    });
    showReply(output, reply, (json) => [
      h('p', {}, who(attendee), ': ', json.present ? t('att.present') : '—'),
      json.quorum ? quorumView(json.quorum) : null,
    ], attendance);
  });

  const motion = document.querySelector('#motion');
  onSubmit(motion, async (output) => {
    const reply = await call('POST', meetingPath(value(motion, 'meetingId'), '/motions'), {
      itemId: value(motion, 'itemId'),
      kind: value(motion, 'kind'),
      category: optional(value(motion, 'category')),
      title: { kk: value(motion, 'title.kk'), ru: value(motion, 'title.ru') },
      subjectMemberId: optional(value(motion, 'subjectMemberId')),
    });
    if (reply.ok) {
      offerMotion(reply.json);
      document.querySelector('#vote [name=motionId]').value = reply.json.id;
    }
    showReply(output, reply, (json) =>
      facts([
        [t('vote.motion'), h('code', {}, json.id)],
        [t('mot.wording'), bilingual(json.title)],
        [t('mot.kind'), label('motkind.', json.kind)],
        [t('mot.category'), json.category ? label('cat.', json.category) : undefined],
        [t('meet.status'), label('mstat.', json.status)],
      ]),
    motion);
  });

  const vote = document.querySelector('#vote');
  onSubmit(vote, async (output, submitter) => {
    const meetingId = value(vote, 'meetingId');
    const motionId = value(vote, 'motionId');
    if (submitter?.value === 'close') {
      const reply = await call('POST', meetingPath(meetingId, `/motions/${enc(motionId)}/close`));
      // A closed vote on a member's termination is what ground 1 of p18 cites: carry it there.
      if (reply.ok && reply.json.kind === 'termination' && reply.json.result?.decisionId) {
        const terminate = document.querySelector('#terminate');
        terminate.elements.namedItem('decisionId').value = reply.json.result.decisionId;
        if (reply.json.subjectMemberId) terminate.elements.namedItem('memberId').value = reply.json.subjectMemberId;
      }
      showReply(output, reply, motionResult, vote);
      return;
    }
    const voter = value(vote, 'voterId');
    const choice = vote.querySelector('input[name=choice]:checked')?.value;
    const reply = await call('PUT', meetingPath(meetingId, `/motions/${enc(motionId)}/votes/${enc(voter)}`), { choice });
    showReply(output, reply, (json) => [
      h('p', {}, who(json.voterId), ': ', h('strong', {}, label('choice.', json.choice))),
      json.enteredBy ? h('p', { class: 'muted entered-by' }, `${t('entered.by')}: `, who(json.enteredBy)) : null,
    ], vote);
  });

  const agenda = document.querySelector('#agenda-item');
  onSubmit(agenda, async (output) => {
    const reply = await call('POST', meetingPath(value(agenda, 'meetingId'), '/agenda'), {
      title: { kk: value(agenda, 'title.kk'), ru: value(agenda, 'title.ru') },
    });
    if (reply.ok) offerItems([reply.json]);
    showReply(output, reply, (json) =>
      facts([
        [t('conv.item'), bilingual(json.title)],
        [t('col.id'), h('code', {}, json.id)],
        [t('agenda.by'), json.submittedBy ? who(json.submittedBy) : undefined],
      ]),
    agenda);
  });

  const dissent = document.querySelector('#dissent');
  onSubmit(dissent, async (output) => {
    const reply = await call('POST', meetingPath(value(dissent, 'meetingId'), `/motions/${enc(value(dissent, 'motionId'))}/dissents`), {
      text: value(dissent, 'text'),
      language: value(dissent, 'language'),
      writtenOn: optional(value(dissent, 'writtenOn')),
      memberId: optional(value(dissent, 'memberId')),
    });
    showReply(output, reply, (json) => [
      facts([
        [t('vote.motion'), h('code', {}, json.motionId)],
        [t('role.member'), who(json.memberId)],
        [t('entered.by'), json.enteredBy ? who(json.enteredBy) : undefined],
        [t('dissent.language'), label('langname.', json.language)],
        [t('dissent.on'), date(json.writtenOn)],
        [t('dissent.text'), h('blockquote', { lang: json.language }, json.text)],
      ]),
      json.point ? h('p', {}, point(json.point), ' ', t('dissent.title')) : null,
    ], dissent);
  });

  const close = document.querySelector('#close-meeting');
  onSubmit(close, async (output) => {
    const reply = await call('POST', meetingPath(value(close, 'meetingId'), '/close'));
    showReply(output, reply, meetingView, close);
  });
}
