import { existsSync } from 'node:fs';
// Aliased: the Lambda bundle's banner already declares `createRequire` at the top of index.mjs.
import { createRequire as requireFrom } from 'node:module';
import { dirname, join, resolve } from 'node:path';
// @ts-expect-error -- pdfmake 0.3 ships no type declarations and @types/pdfmake is not a dependency
import pdfmakeModule from 'pdfmake';
import { MINUTES_LABELS } from './labels.ts';
import type { MinutesDoc, WorkingLanguage } from './minutes-doc.ts';
import { minutesOutline, type Block, type Line, type Run } from './render-html.ts';

/**
 * The part of pdfmake 0.3's Node API used here (node_modules/pdfmake/src/index.js and base.js:
 * `main` is js/index.js, which exports one configured instance, not a class).
 */
type PdfMake = {
  setFonts(fonts: Record<string, Record<keyof typeof FONT_FILES, string>>): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  createPdf(definition: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
  /** Its in-memory file system for browsers; every use of it in src/ is guarded by `virtualfs &&`. */
  virtualfs?: unknown;
};
type Content = string | { [key: string]: unknown } | Content[];

const pdfmake = pdfmakeModule as PdfMake;

/** Where the Roboto TTFs are when the code is not beside node_modules (the Lambda bundle). */
export const FONTS_DIR_ENV = 'KENES_FONTS_DIR';

/** The TrueType files embedded (pdfmake's bundled Roboto: it has every Kazakh letter). */
export const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

/**
 * The folder holding FONT_FILES: `KENES_FONTS_DIR` if set, else pdfmake's own `fonts/Roboto`.
 *
 * @example
 * fontsDir(); // '/work/main/node_modules/pdfmake/fonts/Roboto'
 */
export function fontsDir(): string {
  const fromEnv = process.env[FONTS_DIR_ENV];
  if (fromEnv) return resolve(fromEnv);
  try {
    return join(dirname(requireFrom(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  } catch (cause) {
    throw new Error(`The minutes' fonts cannot be found: set ${FONTS_DIR_ENV} to a folder holding ${Object.values(FONT_FILES).join(', ')}`, { cause });
  }
}

function fontFiles(): Record<keyof typeof FONT_FILES, string> {
  const dir = fontsDir();
  const files = Object.fromEntries(Object.entries(FONT_FILES).map(([style, file]) => [style, join(dir, file)]));
  const missing = Object.values(files).filter((file) => !existsSync(file));
  if (missing.length) throw new Error(`The minutes' fonts are missing (${FONTS_DIR_ENV}=${process.env[FONTS_DIR_ENV] ?? ''}): ${missing.join(', ')}`);
  return files as Record<keyof typeof FONT_FILES, string>;
}

const runPdf = (r: Run): Content => ({
  text: r.text,
  ...(r.strong ? { bold: true } : {}),
  ...(r.written ? { italics: true } : {}),
  ...(r.hash ? { fontSize: 7 } : {}),
});
const linePdf = (line: Line): Content[] => line.map(runPdf);

function blockPdf(block: Block): Content {
  switch (block.type) {
    case 'paragraph':
      return { text: linePdf(block.line), margin: [0, 1, 0, 1] };
    case 'list':
      return { [block.ordered ? 'ol' : 'ul']: block.items.map((item) => ({ text: linePdf(item) })), margin: [0, 2, 0, 2] };
    case 'table': {
      const header = block.header.map((h) => ({ text: h, bold: true, alignment: 'center' }));
      const rows = block.rows.map((row) => row.map((c) => ({ text: c, alignment: 'center' })));
      // The header never parts from the votes it heads.
      return { table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, body: [header, ...rows] }, margin: [0, 3, 0, 3] };
    }
    case 'part':
      return [{ text: linePdf(block.title), style: 'part', headlineLevel: 1 }, { stack: block.blocks.map(blockPdf), margin: [10, 0, 0, 0] }];
  }
}

/**
 * The minutes (p28) as an A4 PDF in a working language (p30), with the Roboto fonts embedded,
 * saying exactly what the HTML says (both render minutesOutline). pdfmake may read the four
 * font files and nothing else, and may fetch no URL.
 *
 * @example
 * const pdf = await renderMinutesPdf(doc, 'ru'); // Buffer starting with '%PDF'
 */
export async function renderMinutesPdf(doc: MinutesDoc, lang: WorkingLanguage): Promise<Buffer> {
  const outline = minutesOutline(doc, lang);
  const files = fontFiles();
  const allowed = new Set(Object.values(files).map((file) => resolve(file)));
  pdfmake.setFonts({ Roboto: files });
  pdfmake.setLocalAccessPolicy((path) => allowed.has(resolve(path)));
  pdfmake.setUrlAccessPolicy(() => false);
  // The fonts are plain files. pdfmake's virtual file system names files relative to
  // `__dirname`, which an ES module bundle (the Lambda's index.mjs) does not define: unused, it is detached.
  pdfmake.virtualfs = undefined;

  const sections = outline.sections.map((s): Content => {
    const title = [s.title, ...(s.point ? [{ text: ` (${s.point})`, bold: false }] : [])];
    const heading = s.title === undefined ? [] : [{ text: title, style: 'section', headlineLevel: 1 }];
    const body = s.blocks.map(blockPdf);
    // p26 stands in a box, as in the HTML.
    if (s.id === 'recommendatory') {
      return { table: { widths: ['*'], body: [[{ stack: body, margin: [4, 4, 4, 4] }]] }, margin: [0, 10, 0, 4] };
    }
    return [...heading, ...body];
  });

  const definition = {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 60],
    language: lang,
    info: { title: `${outline.title} — ${outline.council} — ${doc.meeting.date}`, subject: doc.contentHash, creator: 'kenes' },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    styles: {
      council: { fontSize: 13, bold: true, alignment: 'center' },
      title: { fontSize: 15, bold: true, alignment: 'center', margin: [0, 4, 0, 6] },
      facts: { alignment: 'center' },
      section: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      part: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 2] },
    },
    content: [
      { text: outline.council, style: 'council' },
      { text: outline.title, style: 'title' },
      ...outline.facts.map((f) => ({ text: linePdf(f), style: 'facts' })),
      ...sections,
      { stack: outline.footer.map((f) => ({ text: linePdf(f) })), fontSize: 8, margin: [0, 16, 0, 0] },
    ],
    // A heading in the last sixth of a page starts the next one instead of standing alone.
    pageBreakBefore: (node: { headlineLevel?: number; startPosition?: { verticalRatio?: number } }) =>
      node.headlineLevel === 1 && (node.startPosition?.verticalRatio ?? 0) > 5 / 6,
    footer: (page: number, pages: number): Content => ({
      columns: [
        { text: `${MINUTES_LABELS[lang].contentHash}: ${doc.contentHash}`, fontSize: 6.5 },
        { text: `${page} / ${pages} ${MINUTES_LABELS[lang].page}`, width: 'auto', fontSize: 8 },
      ],
      columnGap: 10,
      margin: [50, 20, 50, 0],
    }),
  };
  return pdfmake.createPdf(definition).getBuffer();
}
