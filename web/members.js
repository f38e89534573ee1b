// The members in office: the Secretary (p9), a member's written notice (p12: renouncing
// membership when a circumstance casts doubt on their impartiality, or leaving the Council) and
// its acceptance by the Chairperson (p15.7), and the termination of a member's powers on a ground
// of p18. The API decides; the forms show its answer.
import { call, councilPath, enc } from './api.js';
import { label, pick, t } from './i18n.js';
import { date, facts, h, point, readings, reasonsList, showReply, table } from './render.js';
import { councilId, lines, named, onSubmit, optional, value } from './forms.js';

const memberPath = (memberId, rest) => councilPath(councilId(), `/members/${enc(memberId)}${rest}`);

/** `p15.7` and what it ended: a point badge beside a line. */
const cited = (p, ...text) => h('p', {}, p ? [point(p), ' '] : null, ...text);

/** The Chairperson accepts a member's notice (p15.7): from this form or from the notices. */
export function acceptLeaving(memberId, noticeId, { on, receivedOn }) {
  return call('POST', memberPath(memberId, `/leaving/${enc(noticeId)}/acceptance`), { on: optional(on), receivedOn: optional(receivedOn) });
}

/** The acceptance: whose powers ended, from which day, and the reading that chose that day. */
export function acceptanceView(json) {
  return [
    facts([
      [t('member.id'), named(json.memberId)],
      [t('member.endedOn'), h('strong', { class: 'ended-on' }, date(json.endedOn))],
    ]),
    cited(json.point, label('mstatus.', 'ended')),
    readings(json.readings),
  ];
}

export function initMembers() {
  const secretary = document.querySelector('#secretary');
  onSubmit(secretary, async (output) => {
    const reply = await call('PUT', councilPath(councilId(), '/secretary'), {
      memberId: value(secretary, 'memberId'),
      on: optional(value(secretary, 'on')),
    });
    showReply(output, reply, (json) => [
      facts([
        [t('role.secretary'), h('strong', {}, named(json.secretaryMemberId))],
        [t('sec.on'), date(json.on)],
      ]),
      json.history?.length
        ? table(
            [t('member.id'), t('sec.on'), t('col.by')],
            json.history.map((entry) => [named(entry.memberId), date(entry.on), entry.by ?? '—']),
            t('sec.history'),
          )
        : null,
    ], secretary);
  });

  const leaving = document.querySelector('#leaving');
  const accept = document.querySelector('#accept-leaving');
  onSubmit(leaving, async (output) => {
    const memberId = value(leaving, 'memberId');
    const reply = await call('POST', memberPath(memberId, '/leaving'), {
      kind: leaving.querySelector('input[name=kind]:checked')?.value ?? 'notice',
      noticeDate: optional(value(leaving, 'noticeDate')),
      statement: optional(value(leaving, 'statement')),
    });
    // The Chairperson accepts this notice next: carry its ids to that form.
    if (reply.ok) {
      accept.elements.namedItem('memberId').value = reply.json.memberId;
      accept.elements.namedItem('noticeId').value = reply.json.id;
    }
    showReply(output, reply, (json) => [
      facts([
        [t('leave.notice'), h('code', {}, json.id)],
        [t('member.id'), named(json.memberId)],
        [t('leave.kind'), h('span', { 'data-kind': json.kind }, label('leave.kind.', json.kind))],
        [t('leave.date'), date(json.noticeDate)],
      ]),
      json.reasons?.length ? [h('h4', {}, t('res.reasons')), reasonsList(json.reasons)] : null,
    ], leaving);
  });

  onSubmit(accept, async (output) => {
    const reply = await acceptLeaving(value(accept, 'memberId'), value(accept, 'noticeId'), {
      on: value(accept, 'on'),
      receivedOn: value(accept, 'receivedOn'),
    });
    showReply(output, reply, acceptanceView, accept);
  });

  const terminate = document.querySelector('#terminate');
  onSubmit(terminate, async (output) => {
    const reply = await call('POST', memberPath(value(terminate, 'memberId'), '/terminations'), {
      ground: Number(value(terminate, 'ground')),
      factDate: value(terminate, 'factDate'),
      evidence: lines(value(terminate, 'evidence')),
      decisionId: optional(value(terminate, 'decisionId')),
    });
    showReply(output, reply, (json) => [
      facts([
        [t('member.id'), named(json.memberId)],
        [t('term.ground.short'), h('span', {}, point(json.point), ' ', label('ground.', json.ground))],
        [t('member.endedOn'), date(json.endedOn)],
        [t('col.id'), h('code', { class: 'id' }, json.id)],
      ]),
      json.reasons?.length ? [h('h4', {}, t('res.reasons')), reasonsList(json.reasons)] : null,
      json.version ? h('p', { class: 'version', 'data-version': json.version.id }, `${t('res.version')}: `, h('cite', {}, json.version.title ? pick(json.version.title) : json.version.act)) : null,
      readings(json.readings),
    ], terminate);
  });
}
