import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Reason } from '../../../functions/errors.ts';
import type { MinutesDoc } from '../../../functions/meetings/minutes-doc.ts';
import { escapeHtml, renderMinutesHtml } from '../../../functions/meetings/render-html.ts';
import { FONTS_DIR_ENV, fontsDir, renderMinutesPdf } from '../../../functions/meetings/render-pdf.ts';

const hasPdftotext = (() => {
  try {
    execFileSync('which', ['pdftotext'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const CHAIR = 'Ерлан Әбдіғалиұлы Қасымов';
const SECRETARY = 'Гүлнар Серікқызы Өтегенова';
const MEMBERS = [
  'Нұрлан Жұмабекұлы Ғалымов',
  'Айгүл Қайратқызы Үсенова',
  'Дәурен Шаһмарданұлы Һамитов',
  'Іңкәр Болатқызы Сейітова',
  'Бауыржан Ғазизұлы Шәріпов',
  'Мөлдір Асқарқызы Тұрсынова',
  'Сәуле Ерболқызы Нұрғалиева',
  'Талғат Өмірзақұлы Бекмұханов',
];
const ABSENT = 'Жанар Рүстемқызы Әлімжанова';
const DISSENT = 'Мен келіспеймін: <script>alert("x")</script> & тексеру керек.';
const VERSION = { id: 'order-15-2019', act: 'Order No. 15 of 2019-06-27' };

const reason = (point: string, code: string, kk: string, ru: string, en: string): Reason => ({ point, code, message: { kk, ru, en } });

/** An 11-member council, 10 present: the Chairperson, the Secretary and 8 members. */
const doc: MinutesDoc = {
  council: {
    id: 'council-1',
    name: {
      kk: 'Адам құқықтары жөніндегі уәкіл жанындағы Үйлестіру кеңесі',
      ru: 'Координационный совет при Уполномоченном по правам человека',
      en: 'Coordination Council under the Commissioner for Human Rights',
    },
  },
  meeting: {
    id: 'meeting-2020-1',
    kind: 'regular',
    date: '2020-03-05',
    field: { region: 'Түркістан облысы', place: 'Шымкент қаласы' },
    convenedBy: { name: CHAIR, capacity: 'chairperson' },
    presiding: { name: CHAIR, capacity: 'chairperson' },
  },
  agenda: [
    { id: 'item-1', title: { kk: 'Тергеу изоляторларындағы ұстау жағдайлары', ru: 'Условия содержания в следственных изоляторах' }, submittedBy: MEMBERS[0] },
    { id: 'item-2', title: { kk: 'Мүшенің өкілеттіктерін тоқтату', ru: 'Прекращение полномочий члена' } },
    { id: 'item-3', title: { kk: 'Үйлестіру кеңесін жою туралы ұсыныс', ru: 'Предложение о ликвидации совета' }, submittedBy: MEMBERS[4] },
  ],
  present: [
    { name: CHAIR, capacity: 'chairperson' },
    { name: SECRETARY, capacity: 'secretary' },
    ...MEMBERS.map((name) => ({ name, capacity: 'member' as const })),
  ],
  absent: [{ name: ABSENT }],
  invited: [{ name: 'Серік Тоқтарұлы Байжанов', organisation: 'Қазақстан Республикасы Ішкі істер министрлігі', position: 'департамент директоры' }],
  hearings: [{ speaker: 'Серік Тоқтарұлы Байжанов', subject: { kk: 'Изоляторлардағы медициналық көмек', ru: 'Медицинская помощь в изоляторах' } }],
  quorum: {
    outcome: 'quorate',
    reasons: [
      reason(
        'p22',
        'quorum-reached',
        'Кворум бар: Үйлестіру кеңесінің 11 мүшесінің 10 мүшесі қатысып отыр — жартысынан көбі (22-тармақ).',
        'Кворум есть: присутствуют 10 из 11 членов совета — более половины (п. 22).',
        'Quorate: 10 of the 11 members of the Council are present — more than half (p22).',
      ),
    ],
  },
  motions: [
    {
      id: 'motion-1',
      itemId: 'item-1',
      kind: 'ordinary',
      category: 'recommendation',
      title: { kk: 'Ішкі істер министрлігіне ұстау жағдайлары туралы ұсынымдар', ru: 'Рекомендации Министерству внутренних дел об условиях содержания' },
      status: 'closed',
      votes: { for: 5, against: 5, abstained: 0 },
      result: {
        outcome: 'adopted',
        reasons: [
          reason(
            'p25',
            'tie-presiding-for',
            'Шешім қабылданды: дауыстар тең бөлінді (5 «жақ», 5 «қарсы»), ал отырыста төрағалық етуші «жақ» дауыс берді (25-тармақ).',
            'Решение принято: голоса разделились поровну (5 «за», 5 «против»), а председательствующий проголосовал «за» (п. 25).',
            'Adopted by the tie rule: the votes are equally divided (5 for, 5 against) and the person presiding voted for (p25).',
          ),
        ],
        version: VERSION,
      },
      dissents: [{ member: MEMBERS[0]!, text: DISSENT, language: 'kk' }],
    },
    {
      id: 'motion-2',
      itemId: 'item-2',
      kind: 'termination',
      category: 'decision',
      title: { kk: 'Т. Ө. Бекмұхановтың өкілеттіктерін тоқтату (18.1-тармақ)', ru: 'Прекращение полномочий Т. Ө. Бекмұханова (п. 18.1)' },
      status: 'closed',
      votes: { for: 7, against: 2, abstained: 0 },
      entered: [{ by: MEMBERS[1]!, voters: [MEMBERS[7]!, MEMBERS[6]!] }],
      result: {
        outcome: 'adopted',
        reasons: [
          reason(
            'p25',
            'two-thirds-for',
            'Шешім қабылданды: 7 «жақ» дауыс — қатысушылардың (9) кемінде үштен екісі (25-тармақ).',
            'Решение принято: 7 голосов «за» — не менее двух третей участвующих (9) (п. 25).',
            'Adopted: 7 votes for are at least two thirds of the 9 taking part (p25).',
          ),
        ],
        version: VERSION,
      },
      dissents: [],
    },
    {
      id: 'motion-3',
      itemId: 'item-3',
      kind: 'dissolution',
      category: 'proposal',
      title: { kk: 'Үйлестіру кеңесін жою туралы ұсыныс', ru: 'Предложение о ликвидации Координационного совета' },
      status: 'closed',
      votes: { for: 6, against: 3, abstained: 1 },
      result: {
        outcome: 'not-full-membership',
        reasons: [
          reason(
            'p32',
            'not-full-membership',
            'Толық құрам жоқ: 11 мүшенің 10 мүшесі қатысып отыр; Үйлестіру кеңесін жою туралы ұсыныс толық құрамдағы отырыста ғана қабылданады (32-тармақ).',
            'Нет полного состава: присутствуют 10 из 11 членов; предложение о ликвидации совета принимается только на заседании в полном составе (п. 32).',
            'Not the full membership: 10 of the 11 members are present (p32).',
          ),
        ],
        version: VERSION,
      },
      dissents: [],
    },
    {
      id: 'motion-4',
      kind: 'ordinary',
      category: 'proposal',
      title: { kk: 'Заңнаманы жетілдіру жөніндегі ұсыныстар', ru: 'Предложения по совершенствованию законодательства' },
      status: 'open',
      votes: { for: 0, against: 0, abstained: 0 },
      dissents: [],
    },
  ],
  complaints: [
    {
      id: 'complaint-1',
      receivedOn: '2020-02-20',
      summary: { kk: 'Уақытша ұстау изоляторында азаптау туралы хабарлама', ru: 'Сообщение о пытках в изоляторе временного содержания' },
    },
  ],
  signatures: [{ role: 'chairperson', name: CHAIR, signedAt: '2020-03-06T10:15:00+05:00', contentHash: 'a'.repeat(64) }],
  voidedSignatures: [],
  awaiting: ['secretary'],
  sealed: false,
  corrections: [],
  contentHash: 'a'.repeat(64),
};

describe('Function: renderMinutesHtml', () => {
  it.each(['kk', 'ru'] as const)('is a complete HTML5 document in %s', (lang) => {
    const html = renderMinutesHtml(doc, lang);
    expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<style>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<(script|link|img)\b/i);
  });

  it.each(['kk', 'ru'] as const)('names everyone present and absent (p28) in %s', (lang) => {
    const html = renderMinutesHtml(doc, lang);
    for (const { name } of [...doc.present, ...doc.absent]) expect(html).toContain(name);
  });

  it.each(['kk', 'ru'] as const)("gives each motion's title in %s, and not in the other language", (lang) => {
    const other = lang === 'kk' ? 'ru' : 'kk';
    const html = renderMinutesHtml(doc, lang);
    for (const motion of doc.motions) {
      expect(html).toContain(escapeHtml(motion.title[lang]));
      if (motion.title[other] !== motion.title[lang]) expect(html).not.toContain(motion.title[other]);
    }
  });

  it.each(['kk', 'ru'] as const)("shows every reason's message in %s with its point", (lang) => {
    const html = renderMinutesHtml(doc, lang);
    const reasons = [...doc.quorum.reasons, ...doc.motions.flatMap((m) => m.result?.reasons ?? [])];
    for (const r of reasons) expect(html).toContain(`${escapeHtml(r.message[lang])}<strong> (${r.point})</strong>`);
    for (const r of reasons) expect(html).not.toContain(r.message.en);
  });

  it('shows outcomes, votes, the votes the Secretary entered, the version and open motions as not closed', () => {
    const html = renderMinutesHtml(doc, 'ru');
    expect(html).toContain('<strong>принято</strong>');
    expect(html).toContain('<strong>нет полного состава</strong>');
    expect(html).toContain('<td>7</td><td>2</td><td>0</td>');
    expect(html).toContain(`внесено секретарём (${MEMBERS[1]}): </strong>${MEMBERS[7]}, ${MEMBERS[6]}`);
    expect(html).toContain('Распоряжение Уполномоченного по правам человека от 27 июня 2019 года № 15');
    expect(html).not.toContain('order-15-2019');
    expect(html).toContain('голосование не закрыто');
    expect(renderMinutesHtml(doc, 'kk')).toContain('дауыс беру жабылмаған');
  });

  it('lists the adopted recommendations and decisions by category, and not the rejected or open ones', () => {
    const html = renderMinutesHtml(doc, 'kk');
    const adopted = html.slice(html.indexOf('<section id="adopted">'), html.indexOf('<section id="complaints">'));
    expect(adopted).toContain('Ұсынымдар');
    expect(adopted).toContain(doc.motions[0]!.title.kk);
    expect(adopted).toContain('Шешімдер');
    expect(adopted).toContain(doc.motions[1]!.title.kk);
    expect(adopted).not.toContain(doc.motions[2]!.title.kk);
    expect(adopted).not.toContain(doc.motions[3]!.title.kk);
  });

  it.each(['kk', 'ru'] as const)('states in both working languages that decisions are recommendations (p26), in %s', (lang) => {
    const html = renderMinutesHtml(doc, lang);
    expect(html).toContain('Үйлестіру кеңесінің шешімдері ұсыным беру сипатына ие. (p26)');
    expect(html).toContain('Решения Координационного совета носят рекомендательный характер. (p26)');
  });

  it('escapes user input: a dissent cannot inject a script, and keeps its language (p17.5)', () => {
    const html = renderMinutesHtml(doc, 'ru');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; тексеру');
    expect(html).toContain('<span lang="kk"><span class="written">Мен келіспеймін');
    expect(html).toContain('Особые мнения (p17.5)');
  });

  it('shows the field meeting, convening, invited, hearings and complaints', () => {
    const html = renderMinutesHtml(doc, 'kk');
    expect(html).toContain('Көшпелі отырыс (p19): </strong>Түркістан облысы, Шымкент қаласы');
    expect(html).toContain(`${CHAIR} — Төраға (p20)`);
    expect(html).toContain('департамент директоры, Қазақстан Республикасы Ішкі істер министрлігі');
    expect(html).toContain('Изоляторлардағы медициналық көмек');
    expect(html).toContain('2020 жылғы 20 ақпан');
    expect(html).toContain(doc.complaints[0]!.summary.kk);
  });

  it('shows who signed, who has not yet (p28), and the content hash in the footer', () => {
    const html = renderMinutesHtml(doc, 'ru');
    expect(html).toContain(`Председатель: </strong>${CHAIR}; время подписания: 2020-03-06T10:15:00+05:00`);
    expect(html).toContain('Секретарь: </strong>ещё не подписан');
    expect(html).toMatch(new RegExp(`<footer>.*${doc.contentHash}.*</footer>`));
    const tampered = renderMinutesHtml({ ...doc, contentHash: 'b'.repeat(64) }, 'ru');
    expect(tampered).toContain('подпись поставлена под другим содержанием протокола');
  });
});

describe('Function: renderMinutesPdf', () => {
  const saved = process.env[FONTS_DIR_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[FONTS_DIR_ENV];
    else process.env[FONTS_DIR_ENV] = saved;
  });

  it('writes an A4 PDF', async () => {
    const pdf = await renderMinutesPdf(doc, 'kk');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);
    expect(pdf.toString('latin1')).toContain('/FontFile2');
  });

  it.skipIf(!hasPdftotext)('keeps the Kazakh letters and the names exactly (pdftotext round trip)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenes-minutes-'));
    try {
      for (const lang of ['kk', 'ru'] as const) {
        const file = join(dir, `${lang}.pdf`);
        writeFileSync(file, await renderMinutesPdf(doc, lang));
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
        for (const letter of 'әғқңөұүһі') expect(text).toContain(letter);
        for (const name of [CHAIR, 'Іңкәр Болатқызы Сейітова', 'Дәурен Шаһмарданұлы Һамитов']) expect(text).toContain(name);
        expect(text).toContain(doc.motions[0]!.title[lang]);
        expect(text).toContain('(p25)');
        expect(text).toContain('(p32)');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(`reads the fonts from ${FONTS_DIR_ENV} when it is set`, async () => {
    delete process.env[FONTS_DIR_ENV];
    const packaged = fontsDir();
    expect(packaged).toMatch(/pdfmake[/\\]fonts[/\\]Roboto$/);
    process.env[FONTS_DIR_ENV] = packaged;
    expect((await renderMinutesPdf(doc, 'ru')).subarray(0, 4).toString('latin1')).toBe('%PDF');
    process.env[FONTS_DIR_ENV] = join(tmpdir(), 'kenes-no-fonts-here');
    await expect(renderMinutesPdf(doc, 'ru')).rejects.toThrow(/fonts are missing.*Roboto-Regular\.ttf/);
  });
});
