import { describe, expect, it } from 'vitest';
import { InvalidInputError, LegalRefusalError } from '../../../functions/errors.ts';
import { buildLaw, listVersions, readingOf, versionInForce, type LawDocument } from '../../../functions/rules/index.ts';
import { doc, law } from './law.ts';

describe('Function: listVersions', () => {
  it('dates every version: in force ten calendar days after publication (D+11), until the day before the next', () => {
    expect(listVersions(law, '2020-01-01').map((v) => [v.id, v.act, v.publishedOn, v.publishedOnAssumed, v.inForceFrom, v.inForceUntil])).toEqual([
      ['order-18-2013', 'Order No. 18 of 2013-09-26', '2013-11-08', true, '2013-11-19', '2019-04-13'],
      ['order-5-2019', 'Order No. 5 of 2019-04-03', '2019-04-03', true, '2019-04-14', '2019-07-07'],
      ['order-15-2019', 'Order No. 15 of 2019-06-27', '2019-06-27', true, '2019-07-08', '2023-01-30'],
      ['order-1-2023', 'Order No. 1 of 2023-01-20', '2023-01-20', true, '2023-01-31', null],
    ]);
  });

  it.each([
    ['2013-11-18', ['not-yet-in-force', 'not-yet-in-force', 'not-yet-in-force', 'repeal']],
    ['2016-05-01', ['in-force', 'not-yet-in-force', 'not-yet-in-force', 'repeal']],
    ['2019-04-14', ['superseded', 'in-force', 'not-yet-in-force', 'repeal']],
    ['2020-01-01', ['superseded', 'superseded', 'in-force', 'repeal']],
    ['2023-01-30', ['superseded', 'superseded', 'in-force', 'repeal']],
    ['2023-01-31', ['repealed', 'repealed', 'repealed', 'repeal']],
  ])('gives each version its status on %s', (at, statuses) => {
    expect(listVersions(law, at).map((v) => v.status)).toEqual(statuses);
  });

  it('takes an explicit date of entry into force, with its reason, over the default', () => {
    const copy: LawDocument = JSON.parse(JSON.stringify(doc));
    const reason = { kk: 'кейінірек жарияланды', ru: 'опубликовано позже', en: 'published later' };
    copy.versions[1]!.inForceFrom = { date: '2019-05-01', reason };
    const [first, second] = listVersions(buildLaw(copy), '2020-01-01');
    expect(second).toMatchObject({ inForceFrom: '2019-05-01', inForceFromReason: reason });
    expect(first!.inForceUntil).toBe('2019-04-30');
  });
});

describe('Function: versionInForce', () => {
  it.each([
    ['2013-11-19', 'order-18-2013'],
    ['2019-04-13', 'order-18-2013'],
    ['2019-04-14', 'order-5-2019'],
    ['2019-07-07', 'order-5-2019'],
    ['2019-07-08', 'order-15-2019'],
    ['2023-01-30', 'order-15-2019'],
  ])('on %s it is %s', (at, id) => {
    const found = versionInForce(law, at);
    expect(found.inForce && found.version.id).toBe(id);
  });

  it('before the act, refuses citing the point on entry into force, and says the date is assumed', () => {
    const found = versionInForce(law, '2013-11-18');
    expect(found.inForce).toBe(false);
    const refusal = !found.inForce ? found.refusal : undefined;
    expect(refusal).toBeInstanceOf(LegalRefusalError);
    expect(refusal).toMatchObject({
      statusCode: 422,
      code: 'act-not-in-force',
      reasons: [
        { point: 'order.p2', code: 'act-not-in-force', numbers: { inForceFrom: '2013-11-19', datesAssumed: true } },
        { point: 'order.p2', code: 'publication-date-assumed', numbers: { datesAssumed: true, publishedOn: '2013-11-08', registeredOn: '2013-11-08', inForceFrom: '2013-11-19' } },
      ],
    });
    expect(refusal!.reasons![1]!.message.ru).toContain('день регистрации в Министерстве юстиции');
  });

  it('from the repeal on, refuses citing the repealing order and its date, which is assumed (the repeal refusal included)', () => {
    const found = versionInForce(law, '2023-01-31');
    const refusal = !found.inForce ? found.refusal : undefined;
    expect(refusal).toMatchObject({
      statusCode: 422,
      code: 'act-repealed',
      reasons: [
        { point: 'order-1-2023', numbers: { repealedBy: 'Order No. 1 of 2023-01-20', repealAdoptedOn: '2023-01-20', repealInForceFrom: '2023-01-31', datesAssumed: true } },
        { point: 'order-1-2023', code: 'publication-date-assumed', numbers: { datesAssumed: true, publishedOn: '2023-01-20', inForceFrom: '2023-01-31' } },
      ],
    });
    expect(refusal!.reasons![0]!.message.kk).toContain('2023 жылғы 20 қаңтардағы № 1 бұйрығы');
    expect(refusal!.text.en).toContain('the date of the repeal is assumed');
  });

  it('takes the registration as the earliest publication of the adoption, whatever date is assumed, and refuses a recorded date before it', () => {
    const copy: LawDocument = JSON.parse(JSON.stringify(doc));
    copy.versions[0]!.publishedOn = '2013-09-26'; // as first seeded: the order's own date, assumed
    expect(listVersions(buildLaw(copy), '2020-01-01')[0]).toMatchObject({ publishedOn: '2013-11-08', registeredOn: '2013-11-08', inForceFrom: '2013-11-19' });
    copy.versions[0]!.publishedOnAssumed = false;
    expect(() => buildLaw(copy)).toThrow(/published on 2013-09-26, before its registration on 2013-11-08/);
  });

  it('says in words and by a flag whether an answer rests on an assumed publication date', () => {
    const [first, , third] = listVersions(law, '2020-01-01');
    expect(first!.dates.assumed).toBe(true);
    expect(third!.dates.message.en).toContain('is assumed, 2019-06-27');
    for (const language of ['kk', 'ru', 'en'] as const) expect(first!.dates.message[language]).toContain('2013-11-19');
  });

  it('refuses a malformed date as invalid input, field at', () => {
    expect(() => versionInForce(law, '2020-13-01')).toThrow(InvalidInputError);
    try {
      versionInForce(law, '2020-13-01');
    } catch (error) {
      expect((error as InvalidInputError).field).toBe('at');
    }
  });

  it('consolidates the law under each version: later wordings win, earlier ones stand', () => {
    const at = (date: string) => {
      const found = versionInForce(law, date);
      if (!found.inForce) throw found.refusal;
      return found.version.state;
    };
    expect(at('2016-05-01').points.p25).toMatchObject({ unknown: true, since: 'order-18-2013' });
    expect(at('2020-01-01').points.p25).toMatchObject({ since: 'order-5-2019' });
    expect(at('2020-01-01').points.p13).toMatchObject({ deleted: true });
    expect(at('2020-01-01').points.p22).toMatchObject({ since: 'order-18-2013' });
    expect(at('2020-01-01').points.p2).toMatchObject({ since: 'order-15-2019' });
    expect(at('2016-05-01').parameters['decision.majorityBase']).toBeUndefined();
    expect(at('2020-01-01').parameters['term.length']!.value).toEqual({ years: 4 });
  });
});

describe('Function: readingOf', () => {
  it('gives a reading in force as answers report it: value, point, the value in words', () => {
    expect(readingOf(law, 'leaving.powersEnd', '2020-03-02')).toMatchObject({ parameter: 'leaving.powersEnd', value: 'acceptance', point: 'p12' });
    expect(readingOf(law, 'termination.decisionGrounds', '2020-03-02')).toMatchObject({ value: [1], point: 'p18' });
    expect(readingOf(law, 'term.boundary', '2016-05-01').explanation.ru).toMatch(/^Толкование по умолчанию/);
    // A parameter that is no open question is explained by its description.
    expect(readingOf(law, 'election.warningBeforeDeadline', '2020-03-02')).toMatchObject({ value: { months: 3 }, point: 'p11', explanation: { en: expect.stringContaining('warned') } });
  });

  it('refuses like the law when no version is in force', () => {
    expect(() => readingOf(law, 'leaving.powersEnd', '2023-02-01')).toThrow(LegalRefusalError);
    expect(() => readingOf(law, 'leaving.powersEnd', '2013-11-01')).toThrow(expect.objectContaining({ code: 'act-not-in-force' }));
  });
});
