import { describe, expect, it } from 'vitest';
import { argumentsOf } from '../../../functions/text.ts';
import { both, dateIn, MESSAGES, quarterIn, say, type MessageKind } from '../../../functions/reads/messages.ts';

const LATIN = /[A-Za-z]/;
const SAMPLE = { date: dateIn('2020-06-10'), termEnd: dateIn('2022-02-01'), deadline: dateIn('2022-01-01'), quarter: quarterIn('2020-Q2'), name: 'Мүше 3', title: both({ kk: 'Мәселе', ru: 'Вопрос' }), reason: both({ kk: 'Себеп', ru: 'Причина' }), addressee: 'Министрлік', dueOn: dateIn('2020-07-01'), on: dateIn('2020-03-05') };

describe('Function: say', () => {
  it.each(Object.keys(MESSAGES) as MessageKind[])('%s: the same values in kk, ru and en; kk and ru in words, with no Latin letter', (kind) => {
    const names = (language: 'kk' | 'ru' | 'en') => (argumentsOf({ [language]: MESSAGES[kind][language] }) as { names: string[] }).names.sort();
    expect(names('ru')).toEqual(names('kk'));
    expect(names('en')).toEqual(names('kk'));
    const text = say(kind, SAMPLE);
    expect(text.kk, text.kk).not.toMatch(LATIN);
    expect(text.ru, text.ru).not.toMatch(LATIN);
    expect(text.en).not.toMatch(/\{/);
  });

  it('writes a date and a quarter as each language does', () => {
    expect(dateIn('2020-06-05')).toEqual({ kk: '2020 ж. 5 маусым', ru: '5 июня 2020 г.', en: '5 June 2020' });
    expect(quarterIn('2021-Q4')).toEqual({ kk: '2021 жылғы 4-тоқсан', ru: '4-й квартал 2021 г.', en: 'Q4 2021' });
    expect(say('sign-minutes', { date: dateIn('2020-06-05') }).ru).toBe('Протокол заседания 5 июня 2020 г. ждёт вашей подписи (п. 28)');
  });

  it('shows a title in the page’s working language, and English the Russian one', () => {
    const text = say('vote', { title: both({ kk: 'Мәселе', ru: 'Вопрос' }) });
    expect(text).toEqual({ kk: 'Дауыс беру ашық: «Мәселе»', ru: 'Открыто голосование: «Вопрос»', en: 'A vote is open: «Вопрос»' });
  });
});
