// The members in office: the Secretary (p9), a member's notice of leaving and its acceptance by
// the Chairperson (p12, p15.7), a recusal from one agenda item (p12), and the termination of a
// member's powers on a ground of p18. The API decides; the forms show its answer.
import { call, councilPath, enc } from './api.js';
import { label, t } from './i18n.js';
import { date, facts, h, point, reasonsList, showReply, table } from './render.js';
import { councilId, lines, named, onSubmit, optional, value } from './forms.js';

const memberPath = (memberId, rest) => councilPath(councilId(), `/members/${enc(memberId)}${rest}`);

/** `p15.7` and what it ended: a point badge beside a line. */
const cited = (p, ...text) => h('p', {}, p ? [point(p), ' '] : null, ...text);

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
      noticeDate: optional(value(leaving, 'noticeDate')),
      statement: optional(value(leaving, 'statement')),
    });
    // The Chairperson accepts this notice next: carry its ids to that form.
    if (reply.ok) {
      accept.elements.namedItem('memberId').value = reply.json.memberId;
      accept.elements.namedItem('noticeId').value = reply.json.id;
    }
    showReply(output, reply, (json) =>
      facts([
        [t('leave.notice'), h('code', {}, json.id)],
        [t('member.id'), named(json.memberId)],
        [t('leave.date'), date(json.noticeDate)],
      ]),
    leaving);
  });

  onSubmit(accept, async (output) => {
    const reply = await call('POST', memberPath(value(accept, 'memberId'), `/leaving/${enc(value(accept, 'noticeId'))}/acceptance`), {
      on: optional(value(accept, 'on')),
    });
    showReply(output, reply, (json) => [
      facts([
        [t('member.id'), named(json.memberId)],
        [t('member.endedOn'), date(json.endedOn)],
      ]),
      cited(json.point, label('mstatus.', 'ended')),
    ], accept);
  });

  const recusal = document.querySelector('#recusal');
  onSubmit(recusal, async (output) => {
    const reply = await call('POST', memberPath(value(recusal, 'memberId'), '/recusals'), {
      meetingId: value(recusal, 'meetingId'),
      itemId: value(recusal, 'itemId'),
      reason: value(recusal, 'reason'),
      on: optional(value(recusal, 'on')),
    });
    showReply(output, reply, (json) => [
      facts([
        [t('member.id'), named(json.memberId)],
        [t('meet.id'), h('code', {}, json.meetingId)],
        [t('mot.item'), h('code', {}, json.itemId)],
        [t('recuse.reason'), json.reason],
        [t('gen.on'), date(json.on)],
      ]),
      cited(json.point, t('recuse.title')),
    ], recusal);
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
      json.version ? h('p', { class: 'version' }, `${t('res.version')}: `, h('cite', {}, json.version.act), ` (${json.version.id})`) : null,
    ], terminate);
  });
}
