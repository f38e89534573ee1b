import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { KenesError } from '../../../functions/errors.ts';
import { buildLaw, QUESTIONS, readRulesDir, type LawDocument } from '../../../functions/rules/index.ts';
import { doc, rulesDir } from './law.ts';

/** The data is checked when it is read: the real rules/ passes, and every kind of mistake is named. */
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

type Change = [file: string, change: (data: any) => void];

/** A copy of rules/ with some files changed, as a lawyer's slip would change them. */
function mutated(...changes: Change[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'kenes-rules-'));
  copies.push(dir);
  cpSync(rulesDir, dir, { recursive: true });
  for (const [file, change] of changes) {
    const path = join(dir, file);
    const data = parseYaml(readFileSync(path, 'utf8'));
    change(data);
    writeFileSync(path, stringify(data));
  }
  return dir;
}

/** The one error's English message (it lists every problem). */
function problems(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(KenesError);
    expect((error as KenesError).code).toBe('invalid-law-data');
    return (error as KenesError).text.en;
  }
  throw new Error('the data was accepted');
}

const quorumRule = (data: any) => data.versions['order-18-2013'].rules[0];

describe('Function: readRulesDir', () => {
  it('reads the real rules/ into one document with every version and question', () => {
    expect(doc.versions.map((v) => v.id)).toEqual(['order-18-2013', 'order-5-2019', 'order-15-2019', 'order-1-2023']);
    expect(Object.keys(doc.versions[0]!.changes.questions).sort()).toEqual([...QUESTIONS].sort());
  });

  it.each<[string, Change, string]>([
    ['a rule without a point', ['questions/quorum.yaml', (d) => (quorumRule(d).name = 'quorum reached')], 'questions/quorum.yaml: versions.order-18-2013.rules.0.name: every rule cites its point first'],
    ['a condition without a point', ['questions/quorum.yaml', (d) => (quorumRule(d).conditions.all[0].name = 'members present')], 'versions.order-18-2013.rules.0.conditions.all.0.name: every condition cites its point first'],
    ['a condition without a name', ['questions/quorum.yaml', (d) => delete quorumRule(d).conditions.all[0].name], 'conditions.all.0.name: every condition cites its point first'],
    ['a message missing ru', ['questions/quorum.yaml', (d) => delete quorumRule(d).event.params.message.ru], 'questions/quorum.yaml: versions.order-18-2013.rules.0.event.params.message.ru: is missing'],
    ['a reason missing kk', ['questions/election.yaml', (d) => delete d.versions['order-18-2013'].otherwise.reasons[0].message.kk], 'otherwise.reasons.0.message.kk: is missing'],
    ['a bad date', ['act.yaml', (d) => (d.versions[1].publishedOn = '2019-02-30')], 'act.yaml: versions.1.publishedOn'],
    ['an unknown version id', ['points.yaml', (d) => (d.p22['order-6-2019'] = d.p22['order-18-2013'])], 'points.yaml: p22: unknown version id order-6-2019'],
    ['a zero denominator', ['parameters/quorum/share.yaml', (d) => (d.values['order-18-2013'].denominator = 0)], 'parameters/quorum/share.yaml: values.order-18-2013.denominator'],
    ['a float in a fraction', ['parameters/quorum/share.yaml', (d) => (d.values['order-18-2013'].numerator = 0.5)], 'values.order-18-2013.numerator: must be a whole number'],
    ['a share above the whole', ['parameters/quorum/share.yaml', (d) => (d.values['order-18-2013'].numerator = 3)], 'the share 3/2 is more than the whole'],
    ['a wording both unknown and given', ['points.yaml', (d) => (d.p25['order-18-2013'].kk = 'x')], 'give either the wording (kk, ru, en), or unknown: true, or deleted: true'],
    ['a point that does not exist', ['questions/quorum.yaml', (d) => (quorumRule(d).conditions.all[0].name = 'p99: nothing')], 'cites p99, which is not a point of the law in force'],
    ['a condition applying an unknown wording', ['questions/quorum.yaml', (d) => (quorumRule(d).conditions.all[0].name = 'p25: more than half')], 'applies p25, whose wording is unknown in order-18-2013'],
    ['a misspelled fact', ['questions/quorum.yaml', (d) => (quorumRule(d).conditions.all[0].params.fact = 'membersPresnt')], 'scaled: membersPresnt is not a fact'],
    ['an unknown parameter', ['questions/quorum.yaml', (d) => (quorumRule(d).conditions.all[0].params.by = { $param: 'quorum.shar.denominator' })], '{ $param: quorum.shar.denominator } names no parameter in force under order-18-2013'],
    ['an unknown operator', ['questions/quorum.yaml', (d) => (quorumRule(d).conditions.all[0].operator = 'moreThan')], 'moreThan is not an operator'],
    ['an outcome not listed', ['questions/quorum.yaml', (d) => (quorumRule(d).event.type = 'maybe')], 'maybe is not one of the outcomes'],
    ['a placeholder that is no fact', ['questions/quorum.yaml', (d) => (quorumRule(d).event.params.message.en = '{membersAbsent} absent')], '{membersAbsent} is neither a fact of the question nor a label'],
    ['unknown rules with every point known', ['points.yaml', (d) => (d.p25['order-18-2013'] = d.p25['order-5-2019'])], 'its rules are unknown under order-18-2013, yet every point it depends on is known'],
    ['a reading that is no option', ['parameters/decision/majorityBase.yaml', (d) => (d.values['order-5-2019'] = 'half-the-room')], 'value half-the-room is not one of the options'],
    ['versions out of order', ['act.yaml', (d) => (d.versions[2].publishedOn = '2019-04-03')], 'enters into force on 2019-04-14, not after the version before it (2019-04-14)'],
  ])('refuses %s, saying where', (_, change, expected) => {
    expect(problems(() => readRulesDir(mutated(change)))).toContain(expected);
  });

  it('refuses a parameter file outside a folder (the folder path is the lookup name)', () => {
    const dir = mutated();
    writeFileSync(join(dir, 'parameters', 'quorumShare.yaml'), readFileSync(join(dir, 'parameters/quorum/share.yaml')));
    expect(problems(() => readRulesDir(dir))).toContain('the folder path names the parameter');
  });

  it('lists every problem in ONE error, across files', () => {
    const dir = mutated(
      ['questions/quorum.yaml', (d) => (quorumRule(d).name = 'quorum reached')],
      ['questions/election.yaml', (d) => delete d.versions['order-18-2013'].rules[0].event.params.message.ru],
      ['parameters/quorum/share.yaml', (d) => (d.values['order-18-2013'].denominator = 0)],
    );
    let error: KenesError | undefined;
    try {
      readRulesDir(dir);
    } catch (e) {
      error = e as KenesError;
    }
    expect(error?.details?.map((d) => d.field)).toEqual(
      expect.arrayContaining([
        'parameters/quorum/share.yaml: values.order-18-2013.denominator',
        'questions/election.yaml: versions.order-18-2013.rules.0.event.params.message.ru',
        'questions/quorum.yaml: versions.order-18-2013.rules.0.name',
      ]),
    );
    expect(error?.text.en).toMatch(/^The law data is invalid \(3 problems\)/);
  });
});

describe('Function: buildLaw', () => {
  const copy = (): LawDocument => JSON.parse(JSON.stringify(doc));

  it('builds from the plain JSON document (as stored, one item per version)', () => {
    expect(buildLaw(copy()).versions).toHaveLength(4);
    for (const version of doc.versions) expect(JSON.stringify(version).length).toBeLessThan(400_000);
  });

  it('checks a document that did not come from rules/ as strictly', () => {
    const bad = copy();
    bad.versions[1]!.changes.parameters['decision.majorityBase']!.value = 'half-the-room';
    expect(problems(() => buildLaw(bad))).toContain('value half-the-room is not one of the options');
    const noPoint = copy();
    const quorum = noPoint.versions[0]!.changes.questions.quorum as { rules: { name: string }[] };
    quorum.rules[0]!.name = 'quorum reached';
    expect(problems(() => buildLaw(noPoint))).toContain('every rule cites its point first');
  });

  it('keeps a version to the changes it brings', () => {
    const [, order5, order15, repeal] = doc.versions;
    expect(Object.keys(order5!.changes.points).sort()).toEqual(['p12', 'p13', 'p14.14', 'p15.8', 'p18.7', 'p25']);
    expect(Object.keys(order15!.changes.points).sort()).toEqual(['p2', 'preamble']);
    expect(order15!.changes.questions).toEqual({});
    expect(repeal!.changes).toEqual({ points: {}, parameters: {}, questions: {} });
  });
});
