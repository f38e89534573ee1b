// The law as data: every version with its status and who recorded it; an amendment (JSON)
// dry-run or published; a version withdrawn with a reason in kk, ru and en; the differences
// between two versions; the audit log. The API checks and decides everything: a refused
// amendment comes back with every problem, each with its field.
import { call, enc } from './api.js';
import { label, pick, t } from './i18n.js';
import { date, facts, h, outcome, point, points, show, showReply, stamp, table } from './render.js';
import { fillList, onSubmit, value } from './forms.js';

/** Version ids seen in answers, offered to the withdrawal and diff forms. */
const versionsSeen = new Map();
function offerVersions(list) {
  for (const v of list) versionsSeen.set(v.id, pick(v.title));
  fillList('version-ids', [...versionsSeen]);
}

const status = (v) => h('span', { class: `status status-${v.status}`, 'data-status': v.status }, label('vstatus.', v.status));

/** Who recorded a version, when, and how (seeded from rules/ or published). */
function recorded(v) {
  if (!v.recorded) return '—';
  return h('span', { class: 'recorded' }, h('strong', {}, v.recorded.by), h('br'), stamp(v.recorded.at), h('br'), h('small', { class: 'muted' }, label('source.', v.recorded.source)));
}

function withdrawal(v) {
  if (!v.withdrawal) return null;
  return h(
    'div',
    { class: 'withdrawal' },
    h('small', {}, `${t('versions.withdrawn')}: `, h('strong', {}, v.withdrawal.by), ', ', stamp(v.withdrawal.at)),
    h('br'),
    h('small', {}, pick(v.withdrawal.reason)),
  );
}

function versions(json) {
  offerVersions(json.versions);
  return table(
    [t('col.act'), t('col.kind'), t('col.inForceFrom'), t('col.inForceUntil'), t('col.status'), t('col.recorded'), t('col.summary')],
    json.versions.map((v) => [
      h('span', {}, h('strong', {}, pick(v.title)), h('br'), h('small', { class: 'muted' }, v.act, ' · '), h('code', { class: 'id' }, v.id)),
      h('span', {}, label('vkind.', v.kind), v.corrects ? [h('br'), h('small', {}, `${t('versions.corrects')}: `, h('code', {}, v.corrects))] : null),
      date(v.inForceFrom),
      date(v.inForceUntil),
      h('span', {}, status(v), withdrawal(v)),
      recorded(v),
      pick(v.summary),
    ]),
    `${t('versions.title')} — ${json.at}`,
  );
}

/** One version as published or as a dry-run would publish it. */
function versionFacts(v) {
  return facts([
    [t('wv.version'), h('code', {}, v.id)],
    [t('col.act'), h('span', {}, h('strong', {}, pick(v.title)), ` (${v.act})`)],
    [t('col.kind'), label('vkind.', v.kind)],
    [t('col.inForceFrom'), date(v.inForceFrom)],
    [t('col.inForceUntil'), v.inForceUntil ? date(v.inForceUntil) : undefined],
    [t('col.status'), status(v)],
    [t('col.recorded'), v.recorded ? recorded(v) : undefined],
  ]);
}

/** What a dry-run found: the entry into force, how many decisions were replayed, each that would change. */
function dryRun(json) {
  return [
    h('p', { class: 'notice' }, t('amend.dryRunDone')),
    versionFacts(json.version),
    facts([
      [t('amend.inForce'), h('span', {}, date(json.inForce.from), ' — ', json.inForce.until ? date(json.inForce.until) : '…')],
      [t('amend.examined'), h('span', { 'data-examined': json.examined.records }, String(json.examined.records), ' · ', date(json.examined.from), ' …')],
    ]),
    json.changes.length
      ? table(
          [t('col.decision'), t('col.council'), t('col.question'), t('col.on'), t('col.old'), t('col.new')],
          json.changes.map((c) => [
            h('code', { class: 'id' }, c.decisionId),
            h('code', {}, c.councilId),
            label('q.', c.question),
            date(c.at),
            h('span', {}, outcome(c.old.outcome), ' ', points(c.old.points), h('br'), h('small', { class: 'muted' }, c.old.version)),
            h('span', {}, outcome(c.new.outcome), ' ', points(c.new.points.length ? c.new.points : c.new.point ? [c.new.point] : []), h('br'), h('small', { class: 'muted' }, c.new.version ?? '—', c.new.code ? ` · ${c.new.code}` : '')),
          ]),
          t('amend.changes'),
        )
      : h('p', { class: 'muted no-changes' }, t('amend.noChanges')),
  ];
}

/** One side of a difference: a wording in the chosen language, a marker, or the data as JSON. */
function side(v) {
  if (v === null || v === undefined) return h('span', { class: 'muted' }, t('diff.absent'));
  if (typeof v !== 'object') return String(v);
  const keys = Object.keys(v);
  if (v.unknown === true && keys.length === 1) return h('span', { class: 'muted' }, t('diff.unknown'));
  if (v.deleted === true && keys.length === 1) return h('span', { class: 'muted' }, t('diff.deleted'));
  if (keys.length && keys.every((k) => ['kk', 'ru', 'en'].includes(k) && typeof v[k] === 'string')) return pick(v);
  return h('pre', { class: 'json' }, JSON.stringify(v, null, 2));
}

function diff(json) {
  const a = `A: ${json.a}`;
  const b = `B: ${json.b}`;
  const none = !json.points.length && !json.parameters.length && !json.questions.length;
  return [
    none ? h('p', { class: 'muted' }, t('diff.none')) : null,
    json.points.length ? table([t('col.point'), a, b], json.points.map((d) => [point(d.point), side(d.a), side(d.b)]), t('diff.points')) : null,
    json.parameters.length ? table([t('col.parameter'), a, b], json.parameters.map((d) => [h('code', {}, d.parameter), side(d.a), side(d.b)]), t('diff.parameters')) : null,
    json.questions.map((q) =>
      table(
        [t('col.part'), a, b],
        q.changes.map((c) => [h('span', {}, h('code', {}, c.part), c.name ? [h('br'), h('small', {}, c.name)] : null), side(c.a), side(c.b)]),
        `${t('diff.questions')}: ${label('q.', q.question)} (${q.question})`,
      ),
    ),
  ];
}

function audit(json) {
  if (!json.entries.length) return h('p', { class: 'muted' }, t('audit.none'));
  return table(
    [t('col.when'), t('col.action'), t('col.version'), t('col.by'), t('col.revision'), t('col.reason')],
    json.entries.map((e) => [
      stamp(e.at),
      h('span', { class: `action action-${e.action}`, 'data-action': e.action }, label('action.', e.action)),
      h('span', {}, h('code', {}, e.versionId), h('br'), h('small', { class: 'muted' }, e.act)),
      e.by,
      String(e.revision),
      e.reason ? pick(e.reason) : '—',
    ]),
    t('audit.title'),
  );
}

export function initLaw() {
  const versionsForm = document.querySelector('#versions');
  onSubmit(
    versionsForm,
    async (output) => {
      const reply = await call('GET', `/v1/rules/versions?at=${enc(value(versionsForm, 'at'))}`);
      showReply(output, reply, versions, versionsForm);
    },
    { needsCouncil: false },
  );

  // JSON only: the API takes JSON; a YAML file goes through the CLI (`npm run rules -- publish FILE`).
  const amendment = document.querySelector('#amendment');
  const doc = amendment.elements.namedItem('amendment');
  amendment.elements.namedItem('file').addEventListener('change', async (event) => {
    const file = event.target.files?.[0];
    if (file) doc.value = await file.text();
  });
  onSubmit(
    amendment,
    async (output, submitter) => {
      let body;
      try {
        body = JSON.parse(doc.value);
      } catch {
        doc.setAttribute('aria-invalid', 'true');
        show(output, () => h('p', { class: 'error', role: 'alert' }, h('strong', {}, t('res.error')), ': ', t('amend.notJson')));
        return;
      }
      doc.removeAttribute('aria-invalid');
      const publish = submitter?.value === 'publish';
      const reply = await call('POST', publish ? '/v1/rules/versions' : '/v1/rules/versions/dry-run', body);
      if (reply.ok) offerVersions([reply.json.version]);
      showReply(
        output,
        reply,
        (json) => (publish ? [versionFacts(json.version), facts([[t('amend.revision'), String(json.revision)]])] : dryRun(json)),
        amendment,
      );
      // Every problem names a field of the document: the document box is what to correct.
      const error = reply.json?.error;
      if (!reply.ok && (error?.details?.length || error?.field)) doc.setAttribute('aria-invalid', 'true');
    },
    { needsCouncil: false },
  );

  const withdraw = document.querySelector('#withdraw-version');
  onSubmit(
    withdraw,
    async (output) => {
      const reply = await call('POST', `/v1/rules/versions/${enc(value(withdraw, 'versionId'))}/withdrawal`, {
        reason: { kk: value(withdraw, 'reason.kk'), ru: value(withdraw, 'reason.ru'), en: value(withdraw, 'reason.en') },
      });
      showReply(output, reply, (json) =>
        facts([
          [t('wv.version'), h('code', {}, json.versionId)],
          [t('wv.reason'), pick(json.reason)],
          [t('versions.withdrawn'), h('span', {}, h('strong', {}, json.by), ', ', stamp(json.at))],
          [t('amend.revision'), String(json.revision)],
        ]),
      withdraw);
    },
    { needsCouncil: false },
  );

  const diffForm = document.querySelector('#diff');
  onSubmit(
    diffForm,
    async (output) => {
      const reply = await call('GET', `/v1/rules/versions/${enc(value(diffForm, 'a'))}/diff/${enc(value(diffForm, 'b'))}`);
      showReply(output, reply, diff, diffForm);
    },
    { needsCouncil: false },
  );

  const auditForm = document.querySelector('#audit');
  onSubmit(
    auditForm,
    async (output) => {
      const reply = await call('GET', '/v1/rules/audit');
      showReply(output, reply, audit, auditForm);
    },
    { needsCouncil: false },
  );
}
