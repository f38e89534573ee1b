import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { citesPoint, countOf, formatMoment, kazakhstanTime, MINUTES_LABELS, minutesFileName, pointName } from '../../../functions/meetings/labels.ts';
import type { MinutesDoc, WorkingLanguage } from '../../../functions/meetings/minutes-doc.ts';
import { escapeHtml, minutesOutline, renderMinutesHtml } from '../../../functions/meetings/render-html.ts';
import { FONTS_DIR_ENV, fontsDir, keepHeadingWithContent, renderMinutesPdf } from '../../../functions/meetings/render-pdf.ts';
import { ABSENT, CHAIR, doc, legacyDoc, MEMBERS, SECRETARY } from './minutes-fixture.ts';

const hasPdftotext = (() => {
  try {
    execFileSync('which', ['pdftotext'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const LANGS = ['kk', 'ru'] as const;
const other = (lang: WorkingLanguage): WorkingLanguage => (lang === 'kk' ? 'ru' : 'kk');
/** No-break spaces (kept inside "№ 3", "п. 25") read as spaces. */
const spaced = (text: string) => text.replace(/\u00a0/g, ' ');
/** What a person reads in the page's body, the footer left out; `written`: the words of a member's opinion as written, left out too. */
function readable(html: string, { footer = false, written = true } = {}): string {
  let body = html.slice(html.indexOf('<body>'));
  if (!footer) body = body.slice(0, body.indexOf('<footer>'));
  if (!written) body = body.replace(/<span class="written">[^<]*<\/span>/g, ' ');
  const text = body
    .replace(/<\/?(strong|span|code)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  return spaced(text).replace(/\s+/g, ' ');
}

/** Every label a complete page in that language shows for the fixture's minutes. */
const labelsShown = (lang: WorkingLanguage): string[] => {
  const l = MINUTES_LABELS[lang];
  return [
    l.parentBody, l.title, l.subtitle.regular, l.field, l.start, l.end, l.presiding, l.keptBy, l.capacity.chairperson, l.capacity.secretary, l.capacity.member,
    l.present, l.absent, l.invited, l.quorum, l.quorumOutcomes.quorate, l.agenda, l.heard, l.decided, l.initiator, l.speakers, l.hearings, l.otherMotions,
    l.categories.recommendation, l.categories.decision, l.categories.proposal, l.motionKinds.termination, l.motionKinds.dissolution,
    l.outcome, l.outcomes.adopted, l.outcomes['not-full-membership'], l.notClosed, l.reasons, l.version, l.recommendation, l.dissent, l.writtenIn, l.languages.kk,
    l.adopted, l.categoriesPlural.recommendation, l.categoriesPlural.decision, l.complaints, l.receivedOn, l.recommendatory,
    l.signers.chairperson, l.signers.secretary, l.signedAt, l.timeZone, l.notSigned,
  ];
};

describe('Function: renderMinutesHtml', () => {
  it.each(LANGS)('is a complete, self-contained HTML5 document in %s', (lang) => {
    const html = renderMinutesHtml(doc, lang);
    expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<style>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<(script|link|img)\b/i);
  });

  it.each(LANGS)('is complete in %s: every label, the place, number, date and times, and none of the other language', (lang) => {
    const text = readable(renderMinutesHtml(doc, lang));
    for (const label of labelsShown(lang)) expect(text, label).toContain(spaced(label));
    expect(text).toContain(doc.meeting.place && typeof doc.meeting.place === 'object' ? doc.meeting.place[lang] : '');
    expect(text).toContain(lang === 'kk' ? '2020 жылғы 5 наурыз' : '5 марта 2020 года');
    expect(text).toContain('№ 3');
    expect(text).toMatch(/10:00.*12:30/);
    const theirs = MINUTES_LABELS[other(lang)];
    for (const label of [theirs.title, theirs.heard, theirs.decided, theirs.present, theirs.agenda, theirs.signers.secretary]) expect(text).not.toContain(label);
  });

  it.each(LANGS)('shows no Latin letter, id, code or hash in the body outside the footer (%s); the hash stands in the footer', (lang) => {
    const html = renderMinutesHtml(doc, lang);
    const body = readable(html, { written: false });
    expect(body).not.toMatch(/[A-Za-z]/);
    for (const id of ['council-1', 'meeting-2020-1', 'item-1', 'motion-1', 'complaint-1', 'order-15-2019']) expect(readable(html)).not.toContain(id);
    expect(readable(html)).not.toContain(doc.contentHash);
    expect(readable(html, { footer: true })).toContain(doc.contentHash);
    expect(html.match(new RegExp(doc.contentHash, 'g'))).toHaveLength(1);
  });

  it.each(LANGS)('gives the sections in the order of a state body’s minutes (%s)', (lang) => {
    const l = MINUTES_LABELS[lang];
    const text = readable(renderMinutesHtml(doc, lang), { footer: true });
    const order = [
      l.parentBody, l.title, l.subtitle.regular, typeof doc.meeting.place === 'object' ? doc.meeting.place[lang] : '', '№ 3', l.start,
      l.presiding, l.keptBy, l.present, CHAIR, SECRETARY, MEMBERS[0]!, l.absent, ABSENT, l.invited, l.quorum, l.agenda,
      `1. ${doc.agenda[0]!.title[lang]}`, l.heard, l.speakers, l.decided, '1.1.', `2. ${doc.agenda[1]!.title[lang]}`, '2.1.', `3. ${doc.agenda[2]!.title[lang]}`, '3.1.',
      l.otherMotions, l.hearings, l.adopted, l.complaints, l.recommendatory, l.signers.chairperson, l.signers.secretary, l.contentHash,
    ];
    let at = -1;
    for (const marker of order) {
      const next = text.indexOf(spaced(marker), at + 1);
      expect(next, `"${marker}" after position ${at}`).toBeGreaterThan(at);
      at = next;
    }
  });

  it.each(LANGS)('names everyone present (the Chairperson first) and absent (p28) in %s, with the count in words', (lang) => {
    const outline = minutesOutline(doc, lang);
    const present = outline.sections.find((s) => s.id === 'present')!;
    expect(present.title!.map((r) => r.text).join('')).toBe(lang === 'kk' ? 'Қатысқандар (10 адам):' : 'Присутствовали (10 человек):');
    const html = renderMinutesHtml(doc, lang);
    for (const { name } of [...doc.present, ...doc.absent]) expect(html).toContain(name);
    expect(html.indexOf(CHAIR)).toBeLessThan(html.indexOf(SECRETARY));
  });

  it.each(LANGS)("gives each motion's title in %s, and not in the other language", (lang) => {
    const html = renderMinutesHtml(doc, lang);
    for (const motion of doc.motions) {
      expect(html).toContain(escapeHtml(motion.title[lang]));
      if (motion.title[other(lang)] !== motion.title[lang]) expect(html).not.toContain(motion.title[other(lang)]);
    }
  });

  it.each(LANGS)("shows every reason's message in %s with its point as a reader cites it, once", (lang) => {
    const text = readable(renderMinutesHtml(doc, lang));
    for (const r of doc.quorum.reasons) expect(text).toContain(r.message[lang]);
    for (const r of doc.quorum.reasons) expect(text).not.toContain(r.message.en);
    // The termination's message does not cite its point: the minutes add it, before the full stop.
    expect(text).toContain(lang === 'kk' ? 'кемінде үштен екісі (25-тармақ).' : 'участвующих (9) (п. 25).');
    // The others cite it already: never twice.
    expect(text).not.toMatch(/\(25-тармақ\)\.? \(25-тармақ\)|\(п\. 25\)\.? \(п\. 25\)/);
    expect(text).not.toMatch(/\(p\d/);
  });

  it('shows outcomes and votes in words, the votes the Secretary entered, the version, p26 and open motions as not closed', () => {
    const text = readable(renderMinutesHtml(doc, 'ru'));
    expect(text).toContain('Итоги голосования: «за» — 7, «против» — 2, «воздержались» — 0.');
    expect(text).toContain(`Голоса, поданные поднятием руки, внесены секретарём (${MEMBERS[1]}): ${MEMBERS[7]}, ${MEMBERS[6]}`);
    expect(text).toContain('Итог: принято. Решение носит рекомендательный характер (п. 26).');
    expect(text).toContain('Итог: не принято: нет полного состава');
    expect(text).toContain('Распоряжение Уполномоченного по правам человека от 27 июня 2019 года № 15');
    expect(text).toContain('голосование не завершено');
    expect(readable(renderMinutesHtml(doc, 'kk'))).toContain('дауыс беру аяқталмаған');
    expect(readable(renderMinutesHtml(doc, 'kk'))).toContain('Нәтижесі: қабылданды. Шешім ұсыным беру сипатында (26-тармақ).');
  });

  it('puts what was heard and decided under each agenda item: the speakers on it, and the motions on it', () => {
    const outline = minutesOutline(doc, 'kk');
    const item = outline.sections.find((s) => s.id === 'item-1')!;
    const [heard, decided] = item.blocks as { type: 'part'; title: { text: string }[]; blocks: unknown[] }[];
    expect(heard!.title[0]!.text).toBe('ТЫҢДАЛДЫ:');
    expect(JSON.stringify(heard)).toContain('Серік Тоқтарұлы Байжанов');
    expect(decided!.title[0]!.text).toBe('ШЕШТІ:');
    expect(JSON.stringify(decided)).toContain(doc.motions[0]!.title.kk);
    // The hearing on no item stands in its own section; the motion on no item too.
    expect(JSON.stringify(outline.sections.find((s) => s.id === 'hearings'))).toContain('Әсем Нұрланқызы Жақыпова');
    expect(JSON.stringify(outline.sections.find((s) => s.id === 'other-motions'))).toContain(doc.motions[3]!.title.kk);
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

  it.each(LANGS)('states that decisions are recommendations (p26) in %s', (lang) => {
    expect(readable(renderMinutesHtml(doc, lang))).toContain(`${MINUTES_LABELS[lang].recommendatory} ${lang === 'kk' ? '(26-тармақ)' : '(п. 26)'}.`);
  });

  it('escapes user input: a dissent cannot inject a script, and keeps its language (p17.5)', () => {
    const html = renderMinutesHtml(doc, 'ru');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; тексеру');
    expect(html).toContain('<span lang="kk"><span class="written">Мен келіспеймін');
    expect(readable(html)).toContain(`Особое мнение (подп. 5) п. 17) — ${MEMBERS[0]}`);
  });

  it('shows the field meeting, invited officials and complaints', () => {
    const text = readable(renderMinutesHtml(doc, 'ru'));
    expect(text).toContain('Выездное заседание в регионе (п. 19): Туркестанская область');
    expect(text).toContain('департамент директоры, Қазақстан Республикасы Ішкі істер министрлігі');
    expect(text).toContain('20 февраля 2020 года');
    expect(text).toContain(doc.complaints[0]!.summary.ru);
    const none = readable(renderMinutesHtml({ ...doc, complaints: [] }, 'kk'));
    expect(none).toContain('Алдыңғы отырыстан бері азаптау туралы шағымдар мен хабарламалар түскен жоқ (14-тармақтың 7) тармақшасы).');
  });

  it.each(LANGS)('ends with the signature block (%s): each signer, a line, the name, and the real time of a signature given', (lang) => {
    const l = MINUTES_LABELS[lang];
    const html = renderMinutesHtml(doc, lang);
    const block = html.slice(html.indexOf('<section id="signatures">'), html.indexOf('</section>', html.indexOf('<section id="signatures">')));
    expect(block).toContain(`<tr><td>${l.signers.chairperson}</td><td class="line"></td><td class="name">${CHAIR}</td></tr>`);
    expect(block).toContain(`<tr><td>${l.signers.secretary}</td><td class="line"></td><td class="name">${SECRETARY}</td></tr>`);
    // Signed at 10:15 in UTC+5 is 11:15 in Astana in 2020 (UTC+6 then).
    expect(spaced(block)).toContain(lang === 'kk' ? 'қол қойылған нақты уақыты: 2020 жылғы 6 наурыз, 11:15 Астана уақытымен' : 'фактическое время подписания: 6 марта 2020 года, 11:15 по времени Астаны');
    expect(block).toContain(l.notSigned);
    expect(block).not.toContain(doc.contentHash);
    const tampered = renderMinutesHtml({ ...doc, contentHash: 'b'.repeat(64) }, lang);
    expect(tampered).toContain(l.otherContent);
  });

  it('keeps headings with their content across pages: print CSS, and each heading boxed with what follows it', () => {
    const html = renderMinutesHtml(doc, 'kk');
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/h1, h2, h3 \{ break-after: avoid; page-break-after: avoid; \}/);
    expect(html).toMatch(/\.keep[^{]*\{ break-inside: avoid; page-break-inside: avoid; \}/);
    const headings = html.match(/<h[23]>/g)!.length;
    expect(html.match(/<div class="keep"><h[23]>[^]*?<\/h[23]><(p|ol|ul|div)\b/g)).toHaveLength(headings);
  });

  it.each(LANGS)('renders minutes signed before the number, times and place in two languages existed (%s)', (lang) => {
    const html = renderMinutesHtml(legacyDoc, lang);
    const text = readable(html);
    const l = MINUTES_LABELS[lang];
    expect(text).toContain(l.parentBody);
    expect(text).toContain('Шымкент қаласы');
    expect(text).toContain(`${l.field} ${lang === 'kk' ? '(19-тармақ)' : '(п. 19)'}: Түркістан облысы, Шымкент қаласы`);
    expect(text).toContain(l.subtitle.extraordinary);
    expect(minutesOutline(legacyDoc, lang).heading).not.toHaveProperty('number');
    expect(minutesOutline(legacyDoc, lang).heading).not.toHaveProperty('times');
    expect(text).not.toContain(l.keptBy);
    expect(text).toContain(`${l.convenedBy}: ${MEMBERS[0]} — ${l.capacity['member-on-instruction']} ${lang === 'kk' ? '(23-тармақ)' : '(п. 23)'}`);
    expect(text).toContain(l.voided);
    expect(text).toContain(l.corrections);
    expect(text).toContain(legacyDoc.corrections[0]!.text[lang]);
    expect(text).not.toContain(l.notSigned);
    expect(readable(html, { written: false })).not.toMatch(/[A-Za-z]/);
  });
});

describe('The words of the minutes', () => {
  it('counts people with the noun agreeing (ICU plurals)', () => {
    expect([1, 2, 5, 21, 22, 11].map((n) => countOf('people', n, 'ru'))).toEqual(['1 человек', '2 человека', '5 человек', '21 человек', '22 человека', '11 человек']);
    expect(countOf('people', 3, 'kk')).toBe('3 адам');
  });

  it('cites points as a reader does', () => {
    expect(spaced(pointName('p25', 'kk'))).toBe('25-тармақ');
    expect(spaced(pointName('p25', 'ru'))).toBe('п. 25');
    expect(spaced(pointName('p17.5', 'kk'))).toBe('17-тармақтың 5) тармақшасы');
    expect(spaced(pointName('p17.5', 'ru'))).toBe('подп. 5) п. 17');
    expect(spaced(pointName('p5.3', 'ru'))).toBe('п. 5');
    expect(citesPoint('… (25-тармақ).', 'p25', 'kk')).toBe(true);
    expect(citesPoint('… (125-тармақ).', 'p25', 'kk')).toBe(false);
    expect(citesPoint('… большинства по п. 25 нет.', 'p25', 'ru')).toBe(true);
    expect(citesPoint('… (п. 22).', 'p25', 'ru')).toBe(false);
  });

  it("shows real times on Kazakhstan's clock", () => {
    expect(spaced(formatMoment('2020-06-10T10:42:00.000Z', 'ru'))).toBe('10 июня 2020 года, 16:42 по времени Астаны');
    expect(spaced(formatMoment('2020-06-10T19:05:00.000Z', 'kk'))).toBe('2020 жылғы 11 маусым, 01:05 Астана уақытымен');
    expect(kazakhstanTime(new Date('2020-06-10T10:42:00Z'))).toBe('16:42');
  });

  it('names the file in Latin letters and in the language', () => {
    expect(minutesFileName({ date: '2020-06-10', number: 3 }, 'kk', 'pdf')).toEqual({ ascii: 'khattama-2020-06-10-no-3-kk.pdf', named: 'Хаттама № 3, 2020-06-10.pdf' });
    expect(minutesFileName({ date: '2020-06-10' }, 'ru', 'pdf')).toEqual({ ascii: 'protokol-2020-06-10-ru.pdf', named: 'Протокол, 2020-06-10.pdf' });
  });
});

describe('Function: renderMinutesPdf', () => {
  const saved = process.env[FONTS_DIR_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[FONTS_DIR_ENV];
    else process.env[FONTS_DIR_ENV] = saved;
  });

  /** Twelve agenda items, each heard and decided: several pages, headings falling near page ends. */
  const long: MinutesDoc = {
    ...doc,
    agenda: Array.from({ length: 12 }, (_, i) => ({ id: `item-${i + 1}`, title: { kk: `Мәселе ${i + 1}: ${doc.agenda[0]!.title.kk}`, ru: `Вопрос ${i + 1}: ${doc.agenda[0]!.title.ru}` } })),
    motions: Array.from({ length: 12 }, (_, i) => ({ ...doc.motions[i % 3]!, id: `motion-${i + 1}`, itemId: `item-${i + 1}` })),
  };

  const pagesOf = (file: string): string[] => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());

  it('writes an A4 PDF with the fonts embedded', async () => {
    const pdf = await renderMinutesPdf(doc, 'kk');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);
    expect(pdf.toString('latin1')).toContain('/FontFile2');
  });

  it.skipIf(!hasPdftotext)('says what the HTML says, in kk and ru, with the Kazakh letters exact, no Latin letter but the footer’s (pdftotext)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenes-minutes-'));
    try {
      for (const lang of LANGS) {
        const file = join(dir, `${lang}.pdf`);
        writeFileSync(file, await renderMinutesPdf(doc, lang));
        const pages = pagesOf(file);
        const text = spaced(pages.join(' ')).replace(/\s+/g, ' ');
        for (const letter of 'әғқңөұүһі') expect(text).toContain(letter);
        for (const name of [CHAIR, SECRETARY, 'Іңкәр Болатқызы Сейітова', 'Дәурен Шаһмарданұлы Һамитов']) expect(text).toContain(name);
        const l = MINUTES_LABELS[lang];
        for (const label of [l.parentBody, l.title, l.heard, l.decided, l.agenda, l.keptBy, l.signers.chairperson, l.signers.secretary, l.notSigned]) expect(text).toContain(spaced(label));
        expect(text).toContain(doc.motions[0]!.title[lang]);
        expect(text).toContain(lang === 'kk' ? '(25-тармақ)' : '(п. 25)');
        expect(text).toContain(lang === 'kk' ? '(32-тармақ)' : '(п. 32)');
        // Every page's footer holds the hash; outside the footers, no Latin letter but a member's own written words.
        for (const page of pages) expect(page).toContain(doc.contentHash);
        const body = pages.map((p) => p.split('\n').filter((line) => !line.includes(l.contentHash)).join('\n')).join('\n').replace('<script>alert("x")</script>', '');
        expect(body).not.toMatch(/[A-Za-z]/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!hasPdftotext)('never leaves a heading alone at the foot of a page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenes-minutes-'));
    try {
      for (const lang of LANGS) {
        const l = MINUTES_LABELS[lang];
        const file = join(dir, `long-${lang}.pdf`);
        writeFileSync(file, await renderMinutesPdf(long, lang));
        const pages = pagesOf(file);
        expect(pages.length).toBeGreaterThan(3);
        const headings = new Set([`${l.heard}:`, `${l.decided}:`, `${l.agenda}:`, `${l.invited}:`, `${l.otherMotions}:`, `${l.hearings}:`, `${l.adopted}:`]);
        const lines = pages.map((page) => page.split('\n').map((line) => line.trim()).filter((line) => line && !line.includes(l.contentHash)));
        for (const [i, page] of lines.slice(0, -1).entries()) {
          expect(headings.has(page.at(-1)!), `page ${i + 1} ends with "${page.at(-1)}"`).toBe(false);
          // «ТЫҢДАЛДЫ» / «СЛУШАЛИ» follows its item's heading at once: opening a page, it would have left the heading behind.
          expect(lines[i + 1]![0], `page ${i + 2} opens with what was heard, its item's heading left on page ${i + 1}`).not.toBe(`${l.heard}:`);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('breaks before a heading with only headings after it on its page, never before one that opens its page', () => {
    const text = (more: object = {}) => ({ text: 'мәтін', ...more });
    const footer = { text: '1 / 3 бет', style: 'pageFooter' };
    const nodes = (previous: number, following: object[]) => ({ getPreviousNodesOnPage: () => Array.from({ length: previous }, () => text()), getFollowingNodesOnPage: () => [...following, footer] });
    expect(keepHeadingWithContent(text({ headlineLevel: 1 }), nodes(5, []))).toBe(true);
    expect(keepHeadingWithContent(text({ headlineLevel: 1 }), nodes(5, [{ ol: [] }, text({ headlineLevel: 2 })]))).toBe(true);
    expect(keepHeadingWithContent(text({ headlineLevel: 2 }), nodes(5, [text()]))).toBe(false);
    expect(keepHeadingWithContent(text({ headlineLevel: 1 }), nodes(0, []))).toBe(false);
    expect(keepHeadingWithContent(text(), nodes(5, []))).toBe(false);
  });

  it('renders minutes signed before issue 11', async () => {
    expect((await renderMinutesPdf(legacyDoc, 'ru')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
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
