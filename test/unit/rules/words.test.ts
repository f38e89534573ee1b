import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LegalRefusalError } from '../../../functions/errors.ts';
import { FACTS } from '../../../functions/rules/facts.ts';
import { QUESTIONS, evaluate, listVersions } from '../../../functions/rules/index.ts';
import { doc, law } from './law.ts';

/**
 * Words (issue: "no English, codes, parameter names, outcome codes, raw values or internal ids
 * inside kk and ru texts"): every Kazakh and Russian text of the law — points, parameters and
 * their readings, questions, every rule's message, the versions' titles, the facts' checks —
 * is written in its own language. Latin letters in them are a code leaking through.
 */
type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }> };

/** The visible text of an ICU message: its literal parts and every option's words, not the names of its values. */
function visible(source: string, language: string): string {
  const out: string[] = [];
  const walk = (elements: Element[]) => {
    for (const e of elements) {
      if (e.type === 0 && e.value) out.push(e.value);
      for (const option of Object.values(e.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(source, language, undefined, { ignoreTag: true }).getAst() as Element[]);
  return out.join(' ');
}

/** Every { kk, ru, … } text anywhere in a value, with where it is. */
function texts(node: unknown, where: string, into: [string, 'kk' | 'ru', string][] = []): [string, 'kk' | 'ru', string][] {
  if (Array.isArray(node)) node.forEach((n, i) => texts(n, `${where}.${i}`, into));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.kk === 'string' && typeof record.ru === 'string' && typeof record.en === 'string')
      for (const language of ['kk', 'ru'] as const) into.push([where, language, record[language] as string]);
    else for (const [key, value] of Object.entries(record)) texts(value, `${where}.${key}`, into);
  }
  return into;
}

const LATIN = /[A-Za-z]/;

describe('words: kk and ru texts of the law carry no code', () => {
  it('in the act, its versions, points, parameters and questions', () => {
    const leaks = texts(doc, 'law')
      .filter(([, language, text]) => LATIN.test(visible(text, language)))
      .map(([where, language, text]) => `${where}.${language}: ${text}`);
    expect(leaks).toEqual([]);
  });

  it('in every answer and refusal of the cases, the versions\' dates, and the facts\' checks', async () => {
    const leaks: string[] = [];
    const check = (where: string, text: { kk: string; ru: string }) => {
      for (const language of ['kk', 'ru'] as const) if (LATIN.test(text[language])) leaks.push(`${where}.${language}: ${text[language]}`);
    };
    for (const version of listVersions(law, '2020-01-01')) check(`versions.${version.id}.dates`, version.dates.message);
    const samples: [string, Record<string, unknown>, string][] = [
      ['decision', { membersTotal: 10, membersPresent: 10, votesFor: 5, votesAgainst: 5, abstained: 0, presidingVote: 'none' }, '2020-01-01'],
      ['decision', { membersTotal: 10, membersPresent: 10, votesFor: 5, votesAgainst: 5, abstained: 0, presidingVote: 'for' }, '2016-05-01'],
      ['quorum', { membersTotal: 10, membersPresent: 6 }, '2013-11-01'],
      ['quorum', { membersTotal: 10, membersPresent: 6 }, '2023-02-01'],
      ['member-eligibility', { citizenOfKazakhstan: true, unexpungedCriminalRecord: false, suspectOrAccused: false, legalCapacity: 'limited', psychiatricOrNarcologicalRegistration: false, releasedFromLiabilityOnNonRehabilitatingGrounds: false, dismissedOnNegativeGrounds: false, expelledFromBar: false, advocateLicenceRevoked: false }, '2020-01-01'],
    ];
    for (const [question, facts, at] of samples) {
      const answer = await evaluate(law, { question, at, facts }).catch((e: LegalRefusalError) => e);
      const reasons = answer instanceof LegalRefusalError ? answer.reasons! : [...answer.reasons, ...answer.readings.map((r) => ({ code: r.parameter, message: r.explanation })), { code: 'dates', message: answer.dates.message }];
      if (answer instanceof LegalRefusalError) check(`${question}@${at}.text`, answer.text);
      for (const reason of reasons) check(`${question}@${at}.${reason.code}`, reason.message);
    }
    for (const question of QUESTIONS) {
      const result = FACTS[question].safeParse({ membersTotal: 1, membersPresent: 2, votesFor: 3, votesAgainst: 0, abstained: 0, presidingVote: 'abstain', seats: 0, membersDemanding: 5, ballotsCast: 1, blankBallots: 2, votesForCandidate: 3 });
      for (const issue of result.error?.issues ?? []) {
        const message = (issue as { params?: { message?: { kk: string; ru: string } } }).params?.message;
        if (message) check(`facts.${question}.${issue.path.join('.')}`, message);
      }
    }
    expect(leaks).toEqual([]);
  });
});
