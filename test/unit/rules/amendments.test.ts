import { describe, expect, it } from 'vitest';
import { ConflictError, InvalidInputError, LegalRefusalError, NotFoundError } from '../../../functions/errors.ts';
import { Amendment, type LawDocument } from '../../../functions/rules/document.ts';
import { diffVersions } from '../../../functions/rules/diff.ts';
import { replay } from '../../../functions/rules/dry-run.ts';
import { buildLaw, evaluate, listVersions } from '../../../functions/rules/index.ts';
import { dryRunAmendment, dryRunPublicationDate, publishAmendment, recordPublicationDate, seedLaw, withdrawVersion, type LawDeps } from '../../../functions/rules/publication.ts';
import { readCases } from '../../../functions/rules/read.ts';
import { storedLaw } from '../../../functions/rules/amendments.ts';
import { versionHistory } from '../../../functions/rules/history.ts';
import { doc, law, rulesDir } from './law.ts';
import { amendmentFile } from './amendment-files.ts';
import { memoryLawStore } from './memory-store.ts';

const cases = readCases(rulesDir);
const admin = 'admin-1';
let tick = 0;

function setup(files: LawDocument = doc) {
  const memory = memoryLawStore();
  const deps: LawDeps = { store: memory.store, files: () => ({ doc: files, cases }), now: () => `2026-11-01T10:00:${String(tick++ % 60).padStart(2, '0')}.000Z` };
  return { ...memory, deps, law: async () => storedLaw((await memory.store.load())!) };
}

const decisionFacts = { membersTotal: 11, membersPresent: 7, votesFor: 4, votesAgainst: 3, abstained: 0, presidingVote: 'for' };

/** Every problem's field and English message, for one assertion per refusal. */
async function refusal(run: Promise<unknown>): Promise<{ error: InvalidInputError; fields: string[]; text: string }> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  const details = (error as InvalidInputError).details ?? [];
  for (const d of details) for (const language of ['kk', 'ru', 'en'] as const) expect(d.message[language], d.field).toMatch(/\S/);
  return { error: error as InvalidInputError, fields: details.map((d) => d.field), text: details.map((d) => `${d.field}: ${d.message.en}`).join('\n') };
}

describe('Function: seedLaw', () => {
  it('writes the real history once: a second run adds nothing and rewrites nothing', async () => {
    const { deps, store, audit } = setup();
    expect(await seedLaw(deps, 'test')).toEqual({ added: ['order-18-2013', 'order-5-2019', 'order-15-2019', 'order-1-2023'], kept: [], differing: [] });
    const head = await store.head();
    expect(head).toEqual({ revision: 1, versions: ['order-18-2013', 'order-5-2019', 'order-15-2019', 'order-1-2023'] });
    expect(await seedLaw(deps, 'test')).toEqual({ added: [], kept: ['order-18-2013', 'order-5-2019', 'order-15-2019', 'order-1-2023'], differing: [] });
    expect(await store.head()).toEqual(head);
    expect(audit.map((a) => [a.action, a.versionId, a.by])).toEqual(doc.versions.map((v) => ['seed', v.id, 'test']));
  });

  it('answers every case of rules/ from the stored law exactly as from the files', async () => {
    const { deps, law: stored } = setup();
    await seedLaw(deps, 'test');
    const fromTable = await stored();
    for (const { question, case: c } of cases) {
      const a = await evaluate(law, { question, at: c.at, facts: c.facts }, { parameters: c.parameters }).catch((e: Error) => e.message);
      const b = await evaluate(fromTable, { question, at: c.at, facts: c.facts }, { parameters: c.parameters }).catch((e: Error) => e.message);
      expect(b, c.name).toEqual(a);
    }
  });

  it('never overwrites a stored version whose files changed: it reports it', async () => {
    const { deps, store } = setup();
    await seedLaw(deps, 'test');
    const changed: LawDocument = JSON.parse(JSON.stringify(doc));
    changed.versions[1]!.publishedOn = '2019-04-05';
    const report = await seedLaw({ ...deps, files: () => ({ doc: changed, cases }) }, 'test');
    expect(report.differing).toEqual(['order-5-2019']);
    expect((await store.load())!.versions.find((v) => v.version.id === 'order-5-2019')!.version.publishedOn).toBe('2019-04-03');
  });

  it('adds a version the files gained since, in its place by date', async () => {
    const withoutOrder5: LawDocument = { ...doc, versions: doc.versions.filter((v) => v.id !== 'order-5-2019') };
    const { deps, store } = setup(withoutOrder5);
    await seedLaw(deps, 'first deploy');
    expect(await seedLaw({ ...deps, files: () => ({ doc, cases }) }, 'second deploy')).toMatchObject({ added: ['order-5-2019'] });
    expect((await store.head())!.versions).toEqual(['order-18-2013', 'order-5-2019', 'order-15-2019', 'order-1-2023']);
  });
});

describe('Function: publishAmendment', () => {
  it('publishes the real Order No. 5 onto a history without it: the law then answers every case as rules/ does', async () => {
    const order5 = doc.versions.find((v) => v.id === 'order-5-2019')!;
    const { deps, law: stored } = setup({ ...doc, versions: doc.versions.filter((v) => v !== order5) });
    await seedLaw(deps, 'test');
    const before = await stored();
    await expect(evaluate(before, { question: 'decision', at: '2020-01-01', facts: decisionFacts })).rejects.toMatchObject({ code: 'wording-unknown' });
    const { id: _id, ...fields } = order5;
    const published = await publishAmendment(deps, Amendment.parse({ ...fields, id: 'order-5-2019' }), admin);
    expect(published).toMatchObject({ revision: 2, version: { id: 'order-5-2019', inForceFrom: '2019-04-14', inForceUntil: '2019-07-07', recorded: { by: admin, source: 'publication' } } });
    const after = await stored();
    for (const { question, case: c } of cases) {
      const a = await evaluate(law, { question, at: c.at, facts: c.facts }, { parameters: c.parameters }).catch((e: Error) => e.message);
      expect(await evaluate(after, { question, at: c.at, facts: c.facts }, { parameters: c.parameters }).catch((e: Error) => e.message), c.name).toEqual(a);
    }
  });

  it('publishes an amendment in the style of Order No. 5 (p25 and p12 reworded, p13 deleted), judged by date', async () => {
    const { deps, law: stored, audit } = setup();
    await seedLaw(deps, 'test');
    const { version } = await publishAmendment(deps, amendmentFile('order-7-2021.yaml'), admin);
    expect(version).toMatchObject({ id: 'order-7-2021', act: 'Order No. 7 of 2021-03-01', inForceFrom: '2021-03-12', inForceUntil: '2023-01-30' });
    const now = await stored();
    expect(listVersions(now, '2022-01-01').map((v) => [v.id, v.status])).toEqual([
      ['order-18-2013', 'superseded'],
      ['order-5-2019', 'superseded'],
      ['order-15-2019', 'superseded'],
      ['order-7-2021', 'in-force'],
      ['order-1-2023', 'repeal'],
    ]);
    expect(listVersions(now, '2022-01-01')[2]!.inForceUntil).toBe('2021-03-11');
    const before = await evaluate(now, { question: 'decision', at: '2021-03-11', facts: decisionFacts });
    const after = await evaluate(now, { question: 'decision', at: '2021-03-12', facts: decisionFacts });
    expect([before.outcome, before.version.id]).toEqual(['rejected', 'order-15-2019']);
    expect([after.outcome, after.version.id]).toEqual(['adopted', 'order-7-2021']);
    expect(after.reasons[0]!.message.en).toContain('members present (p25 as worded by Order No. 7)');
    const state = now.versions.find((v) => v.id === 'order-7-2021')!.state;
    expect(state.points.p13).toMatchObject({ deleted: true, since: 'order-7-2021' });
    expect(state.points.p12!.en).toContain('renounces membership of the Council');
    expect(audit.at(-1)).toMatchObject({ action: 'publication', versionId: 'order-7-2021', by: admin, revision: 2 });
  });

  it('refuses an amendment that breaks cases of rules/, naming each case, unless it supersedes them', async () => {
    const { deps, store } = setup();
    await seedLaw(deps, 'test');
    const amendment = amendmentFile('order-7-2021.yaml');
    const { fields, text } = await refusal(publishAmendment(deps, { ...amendment, cases: [] }, admin));
    expect(fields).toEqual([
      'rules/cases/decision.yaml: On 2023-01-30, the last day of the act, a decision is still judged by it',
      'rules/cases/quorum.yaml: On 2023-01-30, the last day before the repeal, the act still applies',
    ]);
    expect(text).toContain('version: expected order-15-2019, the law answers order-7-2021');
    expect((await store.head())!.revision).toBe(1);
  });

  it('refuses a case of the amendment that the law with it does not answer', async () => {
    const { deps } = setup();
    await seedLaw(deps, 'test');
    const amendment = amendmentFile('order-7-2021.yaml');
    amendment.cases[0]!.outcome = 'rejected';
    const { fields } = await refusal(publishAmendment(deps, amendment, admin));
    expect(fields).toEqual(['body.cases.0']);
  });

  it('lists every problem of the law at once (a missing citation, unknown and deleted points), then dates and superseded cases', async () => {
    const { deps } = setup();
    await seedLaw(deps, 'test');
    const amendment = amendmentFile('order-7-2021.yaml');
    const decision = amendment.changes.questions.decision as { rules: { name: string; conditions: any; event: any }[] };
    decision.rules[1]!.conditions.all[0].name = 'votes for are more than half';
    decision.rules[2]!.event.params.point = 'p99';
    amendment.changes.parameters['decision.majorityBase']!.point = 'p13';
    const first = await refusal(publishAmendment(deps, amendment, admin));
    expect(first.fields.sort()).toEqual([
      'body.changes.parameters.decision.majorityBase.point',
      'body.changes.questions.decision.rules.1.conditions.all.0.name',
      'body.changes.questions.decision.rules.2.event.params.point',
    ]);
    expect(first.text).toContain('cites p13, deleted by order-7-2021');
    expect(first.text).toContain('cites p99, which is not a point of the law in force');

    const clash = { ...amendmentFile('order-7-2021.yaml'), publishedOn: '2019-06-27' };
    clash.cases[0]!.supersedes = ['No such case'];
    const second = await refusal(publishAmendment(deps, clash, admin));
    expect(second.text).toContain('body.publishedOn: enters into force on 2019-07-08, not after the version before it (2019-07-08)');
    const third = await refusal(publishAmendment(deps, { ...amendmentFile('order-7-2021.yaml'), cases: [{ ...amendmentFile('order-7-2021.yaml').cases[0]!, supersedes: ['No such case'] }] }, admin));
    expect(third.fields).toContain('body.cases.0.supersedes.0');
  });

  it('refuses rules that cannot run (a share compared with a word) through the cases, never as a 500', async () => {
    const { deps } = setup();
    await seedLaw(deps, 'test');
    const amendment = amendmentFile('order-7-2021.yaml');
    const decision = amendment.changes.questions.decision as { rules: { conditions: any }[] };
    decision.rules[0]!.conditions.not.value = 'six';
    const { text, fields } = await refusal(publishAmendment(deps, amendment, admin));
    expect(fields).toContain('body.cases.0');
    expect(text).toContain('(2021-06-01) no longer holds — outcome: expected adopted, the law answers error: more-than compares integers only');
  });

  it('refuses a version id already recorded, even a withdrawn one', async () => {
    const { deps } = setup();
    await seedLaw(deps, 'test');
    await publishAmendment(deps, amendmentFile('order-7-2021.yaml'), admin);
    await withdrawVersion(deps, 'order-7-2021', { kk: 'қате', ru: 'ошибка', en: 'a mistake' }, admin);
    const { fields } = await refusal(publishAmendment(deps, amendmentFile('order-7-2021.yaml'), admin));
    expect(fields).toEqual(['body.number']);
  });

  it('enters into force on the date given with a reason, over publication + 11 days', async () => {
    const { deps } = setup();
    await seedLaw(deps, 'test');
    const reason = { kk: 'өкімде көрсетілген', ru: 'указано в распоряжении', en: 'set by the order itself' };
    const { version } = await publishAmendment(deps, { ...amendmentFile('order-7-2021.yaml'), inForceFrom: { date: '2021-04-01', reason } }, admin);
    expect(version).toMatchObject({ inForceFrom: '2021-04-01', inForceFromReason: reason });
  });
});

describe('a successor act after the repeal', () => {
  it('makes kenes answer from its entry into force, and still refuse between the repeal and it', async () => {
    const { deps, law: stored } = setup();
    await seedLaw(deps, 'test');
    const { version } = await publishAmendment(deps, amendmentFile('order-3-2024.yaml'), admin);
    expect(version).toMatchObject({ id: 'order-3-2024', kind: 'adoption', inForceFrom: '2024-02-12', inForceUntil: null });
    const now = await stored();
    const facts = { membersTotal: 11, membersPresent: 10, votesFor: 6, votesAgainst: 3, abstained: 1, presidingVote: 'for' };
    await expect(evaluate(now, { question: 'decision', at: '2024-02-11', facts })).rejects.toBeInstanceOf(LegalRefusalError);
    expect(await evaluate(now, { question: 'decision', at: '2024-02-12', facts })).toMatchObject({ outcome: 'adopted', version: { id: 'order-3-2024' } });
    expect(listVersions(now, '2024-03-01').map((v) => v.status)).toEqual(['repealed', 'repealed', 'repealed', 'repeal', 'in-force']);
  });

  it('is refused as an amendment (after a repeal only a new adoption follows), and an adoption is refused while the act is in force', async () => {
    const { deps } = setup();
    await seedLaw(deps, 'test');
    const asAmendment = await refusal(publishAmendment(deps, { ...amendmentFile('order-3-2024.yaml'), kind: 'amendment', basedOn: undefined }, admin));
    expect(asAmendment.text).toContain('body.kind: after the repeal (order-1-2023) only a new adoption (a successor act) can follow');
    const early = await refusal(publishAmendment(deps, { ...amendmentFile('order-3-2024.yaml'), adoptedOn: '2021-02-01', publishedOn: '2021-02-01', cases: [] }, admin));
    expect(early.fields).toEqual(expect.arrayContaining(['body.kind', 'body.basedOn']));
  });

  it('without basedOn starts from nothing, so it must give every question itself', async () => {
    const { deps } = setup();
    await seedLaw(deps, 'test');
    const { text } = await refusal(publishAmendment(deps, { ...amendmentFile('order-3-2024.yaml'), basedOn: undefined }, admin));
    expect(text).toContain('body.changes.questions.decision: question decision has no rules in force');
  });
});

describe('Function: withdrawVersion', () => {
  it('takes a version out of the law by a record that says so; the version stays stored and in the history', async () => {
    const { deps, store, law: stored, audit } = setup();
    await seedLaw(deps, 'test');
    await publishAmendment(deps, amendmentFile('order-7-2021.yaml'), admin);
    const reason = { kk: 'қате жарияланды', ru: 'опубликовано по ошибке', en: 'published by mistake' };
    expect(await withdrawVersion(deps, 'order-7-2021', reason, 'admin-2')).toMatchObject({ versionId: 'order-7-2021', revision: 3, by: 'admin-2' });
    const now = await stored();
    expect(now.versions.map((v) => v.id)).toEqual(['order-18-2013', 'order-5-2019', 'order-15-2019', 'order-1-2023']);
    expect((await evaluate(now, { question: 'decision', at: '2021-06-01', facts: decisionFacts })).version.id).toBe('order-15-2019');
    const history = versionHistory(now, (await store.load())!, '2021-06-01');
    expect(history.map((v) => [v.id, v.status])).toEqual([
      ['order-18-2013', 'superseded'],
      ['order-5-2019', 'superseded'],
      ['order-15-2019', 'in-force'],
      ['order-7-2021', 'withdrawn'],
      ['order-1-2023', 'repeal'],
    ]);
    expect(history[3]).toMatchObject({ withdrawal: { reason, by: 'admin-2' }, recorded: { by: admin, source: 'publication' } });
    expect(audit.map((a) => a.action)).toEqual(['seed', 'seed', 'seed', 'seed', 'publication', 'withdrawal']);
    expect(audit.at(-1)).toMatchObject({ versionId: 'order-7-2021', by: 'admin-2', reason });
  });

  it('refuses a second withdrawal (409), an unknown version (404), and one that would break the law (409, listing why)', async () => {
    const { deps } = setup();
    await seedLaw(deps, 'test');
    await publishAmendment(deps, amendmentFile('order-7-2021.yaml'), admin);
    const reason = { kk: 'x', ru: 'x', en: 'x' };
    await withdrawVersion(deps, 'order-7-2021', reason, admin);
    await expect(withdrawVersion(deps, 'order-7-2021', reason, admin)).rejects.toMatchObject({ statusCode: 409, code: 'version-withdrawn' });
    await expect(withdrawVersion(deps, 'order-99-2030', reason, admin)).rejects.toBeInstanceOf(NotFoundError);
    const breaking = await withdrawVersion(deps, 'order-5-2019', reason, admin).catch((e: ConflictError) => e);
    expect(breaking).toMatchObject({ statusCode: 409, code: 'withdrawal-breaks-law' });
    expect((breaking as ConflictError).details!.length).toBeGreaterThan(5);
    expect((breaking as ConflictError).details![0]!.field).toMatch(/^rules\/cases\//);
  });
});

describe('Function: dryRunAmendment', () => {
  it('replays the stored decisions from the entry into force and lists every outcome that would change, writing nothing', async () => {
    const { deps, store, decisions } = setup();
    await seedLaw(deps, 'test');
    const record = async (id: string, at: string, question: string, facts: Record<string, unknown>) => {
      const answer = await evaluate(law, { question, at, facts });
      decisions.push({ ...answer, id, councilId: 'c1', facts, subject: { kind: 'motion', id: `m-${id}` } });
    };
    await record('before', '2020-03-02', 'decision', decisionFacts);
    await record('changed', '2021-06-01', 'decision', decisionFacts);
    await record('same', '2021-06-02', 'decision', { ...decisionFacts, votesFor: 6, votesAgainst: 1 });
    await record('quorum', '2021-06-03', 'quorum', { membersTotal: 11, membersPresent: 7 });
    const result = await dryRunAmendment(deps, amendmentFile('order-7-2021.yaml'));
    expect(result).toMatchObject({ inForce: { from: '2021-03-12', until: '2023-01-30' }, examined: { from: '2021-03-12', records: 3 } });
    expect(result.changes).toEqual([
      {
        decisionId: 'changed',
        councilId: 'c1',
        subject: { kind: 'motion', id: 'm-changed' },
        question: 'decision',
        at: '2021-06-01',
        old: { outcome: 'rejected', version: 'order-15-2019', points: ['p25'] },
        new: { outcome: 'adopted', version: 'order-7-2021', point: 'p25', points: ['p25'] },
      },
    ]);
    expect((await store.head())!.revision).toBe(1);
  });

  it('works before the law is seeded, reading rules/ without writing', async () => {
    const { deps, store } = setup();
    expect((await dryRunAmendment(deps, amendmentFile('order-7-2021.yaml'))).changes).toEqual([]);
    expect(await store.head()).toBeUndefined();
  });
});

describe('Function: replay', () => {
  it('reports a decision that would now be refused as the outcome refused, with its code and point', async () => {
    const answer = await evaluate(law, { question: 'decision', at: '2020-03-02', facts: decisionFacts });
    const record = { ...answer, id: 'd', councilId: 'c', facts: decisionFacts, subject: { kind: 'motion', id: 'm' } };
    const without: LawDocument = { ...doc, versions: doc.versions.filter((v) => v.id !== 'order-5-2019') };
    expect(await replay(buildLaw(without), [record])).toMatchObject([{ new: { outcome: 'refused', code: 'wording-unknown', point: 'p25', version: null } }]);
  });
});

describe('Function: diffVersions', () => {
  it('lists the points, parameters and question rules that differ between two versions', () => {
    const diff = diffVersions(law, 'order-18-2013', 'order-5-2019');
    expect(diff.points.map((p) => p.point)).toEqual(['p12', 'p13', 'p14.14', 'p15.8', 'p18.7', 'p25']);
    expect(diff.points.find((p) => p.point === 'p13')).toEqual({ point: 'p13', a: { unknown: true }, b: { deleted: true } });
    expect(diff.parameters.map((p) => p.parameter)).toEqual(expect.arrayContaining(['decision.majorityBase', 'decision.tieRule']));
    const decision = diff.questions.find((q) => q.question === 'decision')!;
    expect(decision.changes[0]).toEqual({ part: 'known', a: false, b: true });
    expect(decision.changes.filter((c) => c.part === 'rule').map((c) => c.name)).toContain('p25: more than half of the members voted for');
    expect(diffVersions(law, 'order-15-2019', 'order-15-2019')).toMatchObject({ points: [], parameters: [], questions: [] });
  });

  it('names the messages an amendment changed, and 404s a version that is not in the law', async () => {
    const { deps, law: stored } = setup();
    await seedLaw(deps, 'test');
    await publishAmendment(deps, amendmentFile('order-7-2021.yaml'), admin);
    const diff = diffVersions(await stored(), 'order-15-2019', 'order-7-2021');
    expect(diff.points.map((p) => p.point)).toEqual(['p12', 'p25']); // p13 was already deleted
    expect(diff.parameters.map((p) => p.parameter)).toEqual(['decision.majorityBase']);
    const changes = diff.questions.find((q) => q.question === 'decision')!.changes;
    expect(changes.map((c) => [c.part, c.name ?? null])).toEqual([
      ['otherwise', null],
      ['rule', 'p25: more than half of the members present voted for'],
      ['rule', 'p25: more than half of the members voted for'],
    ]);
    expect(() => diffVersions(law, 'order-15-2019', 'order-9-2030')).toThrow(NotFoundError);
  });
});

describe('a correction: filling in a wording recorded as unknown', () => {
  const order5 = doc.versions.find((v) => v.id === 'order-5-2019')!;
  const p25in2013 = {
    kk: '(сынақ үшін мысал мәтін) Шешім мүшелердің жартысынан көбі дауыс берсе қабылданады.',
    ru: '(пример текста для теста) Решение принимается, если за него проголосовало более половины членов.',
    en: '(an example text for a test) A decision is adopted if more than half of the members voted for it.',
  };
  const title = { kk: '25-тармақтың 2013 жылғы мәтіні', ru: 'Текст п. 25 в редакции 2013 года', en: 'The 2013 wording of p25' };

  it('asks for what depends on the wording: the rules recorded as unknown must be given with it', async () => {
    const { deps } = setup();
    await seedLaw(deps, 'test');
    const { fields, text } = await refusal(publishAmendment(deps, Amendment.parse({ kind: 'correction', corrects: 'order-18-2013', title, changes: { points: { p25: p25in2013 } } }), admin));
    expect(fields).toEqual(expect.arrayContaining(['body.changes.questions.decision', 'body.changes.questions.termination-vote']));
    expect(text).toContain('its rules are unknown under order-18-2013, yet every point it depends on is known');
  });

  it('fills in p25 of 2013 from the 2013 version on, without rewriting it: decisions of 2016 are then judged', async () => {
    const { deps, store, law: stored } = setup();
    await seedLaw(deps, 'test');
    const decisionOf2016 = { membersTotal: 11, membersPresent: 10, votesFor: 6, votesAgainst: 3, abstained: 1, presidingVote: 'for' };
    const questions = Object.fromEntries(Object.entries(order5.changes.questions).filter(([q]) => ['decision', 'termination-vote'].includes(q)));
    const first = await refusal(
      publishAmendment(deps, Amendment.parse({ kind: 'correction', corrects: 'order-18-2013', title, changes: { points: { p25: p25in2013 }, parameters: order5.changes.parameters, questions } }), admin),
    );
    // Its answers for 2013–2019 change: the cases that expected a refusal must be superseded.
    expect(first.error.details!.every((d) => d.code === 'case-fails')).toBe(true);
    const superseded = cases.filter((c) => first.fields.includes(c.where));
    expect(superseded.map((c) => c.case.at)).toEqual(expect.arrayContaining(['2016-05-01']));
    const amendment = Amendment.parse({
      kind: 'correction',
      corrects: 'order-18-2013',
      title,
      changes: { points: { p25: p25in2013 }, parameters: order5.changes.parameters, questions },
      cases: [
        { question: 'decision', name: 'In 2016, with the 2013 wording of p25 known, 6 of 11 adopt', at: '2016-05-01', facts: decisionOf2016, outcome: 'adopted', points: ['p25'], version: 'order-18-2013', supersedes: superseded.map((c) => c.case.name) },
      ],
    });
    const published = await publishAmendment(deps, amendment, admin);
    expect(published.version).toMatchObject({ id: 'order-18-2013-correction-1', kind: 'correction', corrects: 'order-18-2013', status: 'correction', inForceFrom: '2013-11-19' });
    const now = await stored();
    expect(await evaluate(now, { question: 'decision', at: '2016-05-01', facts: decisionOf2016 })).toMatchObject({ outcome: 'adopted', version: { id: 'order-18-2013' } });
    expect(now.versions.map((v) => v.id)).toEqual(['order-18-2013', 'order-5-2019', 'order-15-2019', 'order-1-2023']);
    const record = (await store.load())!;
    expect(record.versions.find((v) => v.version.id === 'order-18-2013')!.version.changes.points.p25).toEqual({ unknown: true }); // never rewritten
    expect(versionHistory(now, record, '2016-05-01').map((v) => [v.id, v.status])).toEqual([
      ['order-18-2013', 'in-force'],
      ['order-18-2013-correction-1', 'correction'],
      ['order-5-2019', 'not-yet-in-force'],
      ['order-15-2019', 'not-yet-in-force'],
      ['order-1-2023', 'repeal'],
    ]);
    // Withdrawn, the 2013 wording is unknown again, and the superseded cases hold again.
    await withdrawVersion(deps, 'order-18-2013-correction-1', { kk: 'x', ru: 'x', en: 'the text was not authentic' }, admin);
    await expect(evaluate(await stored(), { question: 'decision', at: '2016-05-01', facts: decisionOf2016 })).rejects.toMatchObject({ code: 'wording-unknown' });
  });

  it('refuses to change a known wording, a parameter or rules in force: that is an amendment', async () => {
    const { deps } = setup();
    await seedLaw(deps, 'test');
    const known = doc.versions[0]!.changes;
    const { fields, text } = await refusal(
      publishAmendment(
        deps,
        Amendment.parse({
          kind: 'correction',
          corrects: 'order-18-2013',
          title,
          changes: { points: { p22: p25in2013 }, parameters: { 'quorum.share': known.parameters['quorum.share'] }, questions: { quorum: known.questions.quorum } },
        }),
        admin,
      ),
    );
    expect(fields).toEqual(expect.arrayContaining(['body.changes.points.p22', 'body.changes.parameters.quorum.share', 'body.changes.questions.quorum']));
    expect(text).toContain('p22 is not recorded as unknown in order-18-2013: changing a known wording is an amendment, publish it as a new version');
    const repeal = await refusal(publishAmendment(deps, Amendment.parse({ kind: 'correction', corrects: 'order-1-2023', title, changes: {} }), admin));
    expect(repeal.fields).toEqual(['body.corrects']);
    expect(Amendment.safeParse({ kind: 'correction', title, number: 5 }).error?.issues.map((i) => i.path.join('.'))).toEqual(['corrects', 'number']);
  });
});

describe('the real publication date: recorded by an administrator as a correction', () => {
  const publishedIn = { kk: '«Әділет» ақпараттық-құқықтық жүйесі (мысал)', ru: 'ИПС «Әділет» (пример)', en: 'the «Әділет» legal information system (example)' };
  const facts = { membersTotal: 10, membersPresent: 6 };

  it('dates the version from it, sets aside the cases that showed the assumed boundary, and says the answers no longer rest on an assumption; withdrawn, the assumption returns', async () => {
    const { deps, law: stored, audit, store } = setup();
    await seedLaw(deps, 'test');
    const before = await evaluate(await stored(), { question: 'quorum', at: '2016-05-01', facts });
    expect(before.dates).toMatchObject({ assumed: true });
    const published = await recordPublicationDate(deps, 'order-18-2013', { publishedOn: '2013-11-20', publishedIn }, admin);
    expect(published.version).toMatchObject({ id: 'order-18-2013-publication-1', kind: 'correction', corrects: 'order-18-2013', status: 'correction', publishedOn: '2013-11-20', publishedIn });
    expect(audit.at(-1)).toMatchObject({ action: 'publication-date', versionId: 'order-18-2013-publication-1', by: admin });
    const now = await stored();
    expect(listVersions(now, '2016-05-01')[0]).toMatchObject({ publishedOn: '2013-11-20', publishedOnAssumed: false, publishedIn, inForceFrom: '2013-12-01' });
    const after = await evaluate(now, { question: 'quorum', at: '2016-05-01', facts });
    expect(after.dates.assumed).toBe(false);
    expect(after.dates.message.ru).toContain('дата первого официального опубликования — 2013-11-20 (ИПС «Әділет» (пример))');
    const early = await evaluate(now, { question: 'quorum', at: '2013-11-30', facts }).catch((e: LegalRefusalError) => e);
    expect(early).toMatchObject({ code: 'act-not-in-force' });
    expect((early as LegalRefusalError).reasons!.map((r) => r.code)).toEqual(['act-not-in-force']); // no longer assumed
    // Order No. 5's date is still assumed: an answer by it says so.
    expect((await evaluate(now, { question: 'quorum', at: '2019-05-01', facts })).dates.assumed).toBe(true);

    await withdrawVersion(deps, 'order-18-2013-publication-1', { kk: 'қате', ru: 'ошибка', en: 'a misread date' }, admin);
    const back = await stored();
    expect(listVersions(back, '2016-05-01')[0]).toMatchObject({ publishedOn: '2013-11-08', publishedOnAssumed: true, inForceFrom: '2013-11-19' });
    expect((await store.load())!.versions.find((v) => v.version.id === 'order-18-2013')!.version.publishedOnAssumed).toBe(true); // never rewritten
  });

  it('records the repeal\'s real date too: the repeal refusal then follows it', async () => {
    const { deps, law: stored } = setup();
    await seedLaw(deps, 'test');
    await expect(evaluate(await stored(), { question: 'quorum', at: '2023-02-01', facts })).rejects.toMatchObject({ code: 'act-repealed' });
    await recordPublicationDate(deps, 'order-1-2023', { publishedOn: '2023-01-25', publishedIn }, admin);
    const now = await stored();
    expect(await evaluate(now, { question: 'quorum', at: '2023-02-01', facts })).toMatchObject({ outcome: 'quorate', version: { id: 'order-15-2019' } });
    const refusal = await evaluate(now, { question: 'quorum', at: '2023-02-05', facts }).catch((e: LegalRefusalError) => e);
    expect((refusal as LegalRefusalError).reasons!.map((r) => [r.code, r.numbers?.datesAssumed])).toEqual([['act-repealed', false]]);
  });

  it('refuses a date before the registration, a second date while the first stands, and an unknown version', async () => {
    const { deps } = setup();
    await seedLaw(deps, 'test');
    const early = await refusal(recordPublicationDate(deps, 'order-18-2013', { publishedOn: '2013-11-01', publishedIn }, admin));
    expect(early.text).toContain('published on 2013-11-01, before its registration on 2013-11-08');
    await recordPublicationDate(deps, 'order-5-2019', { publishedOn: '2019-04-05', publishedIn }, admin);
    const twice = await refusal(recordPublicationDate(deps, 'order-5-2019', { publishedOn: '2019-04-06', publishedIn }, admin));
    expect(twice.fields).toEqual(['body.publishedOn']);
    expect(twice.error.details![0]!.code).toBe('publication-already-recorded');
    await expect(recordPublicationDate(deps, 'order-9-2030', { publishedOn: '2030-01-01', publishedIn }, admin)).rejects.toBeInstanceOf(NotFoundError);
    const half = Amendment.safeParse({ kind: 'correction', corrects: 'order-5-2019', title: publishedIn, publishedOn: '2019-04-05' });
    expect(half.error?.issues.map((i) => i.path.join('.'))).toEqual(['publishedIn']);
  });

  it('dry-runs from the earlier of the two first days: the decisions the later date would move are listed', async () => {
    const { deps, decisions } = setup();
    await seedLaw(deps, 'test');
    const answer = await evaluate(law, { question: 'decision', at: '2019-04-20', facts: decisionFacts });
    decisions.push({ ...answer, id: 'd-1', councilId: 'c1', facts: decisionFacts, subject: { kind: 'motion', id: 'm-1' } });
    const result = await dryRunPublicationDate(deps, 'order-5-2019', { publishedOn: '2019-04-15', publishedIn });
    expect(result).toMatchObject({ inForce: { from: '2019-04-14' }, examined: { from: '2019-04-14', records: 1 } });
    expect(result.changes).toEqual([expect.objectContaining({ decisionId: 'd-1', new: expect.objectContaining({ outcome: 'refused', code: 'wording-unknown' }) })]);
  });
});
