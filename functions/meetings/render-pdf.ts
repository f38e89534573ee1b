import { existsSync } from 'node:fs';
// Aliased: the Lambda bundle's banner already declares `createRequire` at the top of index.mjs.
import { createRequire as requireFrom } from 'node:module';
import { dirname, join, resolve } from 'node:path';
// @ts-expect-error -- pdfmake 0.3 ships no type declarations and @types/pdfmake is not a dependency
import pdfmakeModule from 'pdfmake';
import { MINUTES_LABELS } from './labels.ts';
import type { MinutesDoc, WorkingLanguage } from './minutes-doc.ts';
import { minutesOutline, type Block, type Line, type Run, type Section } from './render-html.ts';

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
  ...(r.strong ? { bold: true } : r.strong === false ? { bold: false } : {}),
  ...(r.written ? { italics: true } : {}),
  ...(r.hash ? { fontSize: 7 } : {}),
});
const linePdf = (line: Line): Content[] => line.map(runPdf);

/** A block as pdfmake content: a part's title is a heading of level 2 (`headlineLevel`, kept with what follows it), a section's of level 1. */
function blockPdf(block: Block): Content {
  switch (block.type) {
    case 'paragraph':
      return { text: linePdf(block.line), margin: [0, 1, 0, 1] };
    case 'list':
      return { [block.ordered ? 'ol' : 'ul']: block.items.map((item) => ({ text: linePdf(item), margin: [0, 0, 0, 1] })), margin: [0, 2, 0, 2] };
    case 'part':
      return [{ text: linePdf(block.title), style: 'part', headlineLevel: 2 }, { stack: block.blocks.map(blockPdf), margin: [14, 0, 0, 0] }];
  }
}

type PageNode = { headlineLevel?: number; text?: unknown; style?: unknown };
type PageNodes = { getFollowingNodesOnPage(): PageNode[]; getPreviousNodesOnPage(): PageNode[] };

/** The footer's style: its lines are on every page, and are no content a heading is kept with. */
const FOOTER = 'pageFooter';
/** The text a page shows (lists, stacks and tables hold texts; the footer is not content). */
const isText = (node: PageNode) => node.text !== undefined && node.style !== FOOTER;

/**
 * Headings are kept with their content: a heading with nothing but headings after it on its
 * page starts the next page instead (unless it already opens its page).
 */
export function keepHeadingWithContent(node: PageNode, nodes: PageNodes): boolean {
  if (!node.headlineLevel) return false;
  if (!nodes.getPreviousNodesOnPage().some(isText)) return false;
  return nodes.getFollowingNodesOnPage().filter(isText).every((next) => next.headlineLevel !== undefined);
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
  const { heading } = outline;
  const section = (s: Section): Content => {
    const body = s.blocks.map(blockPdf);
    // p26 stands in a box, as in the HTML.
    if (s.id === 'recommendatory') return { table: { widths: ['*'], body: [[{ stack: body, margin: [4, 3, 4, 3] }]] }, margin: [0, 10, 0, 4] };
    return s.title === undefined ? { stack: body, margin: [0, 4, 0, 0] } : [{ text: linePdf(s.title), style: 'section', headlineLevel: 1 }, ...body];
  };
  // The signature block never parts: each signer, a line to sign on, the name, and whether and when they signed (p28).
  const signatures: Content = {
    unbreakable: true,
    margin: [0, 24, 0, 0],
    layout: 'noBorders',
    table: {
      widths: ['*', 150, '*'],
      body: outline.signatures.flatMap((row) => [
        [
          { text: row.role, bold: true, margin: [0, 16, 0, 0] },
          { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 150, y2: 0, lineWidth: 0.7 }], margin: [0, 28, 0, 0] },
          { text: row.name, alignment: 'right', margin: [0, 16, 0, 0] },
        ],
        [{ text: linePdf(row.status), colSpan: 3, fontSize: 8 }, {}, {}],
      ]),
    },
  };

  const definition = {
    pageSize: 'A4',
    pageMargins: [60, 50, 45, 60],
    language: lang,
    info: { title: [heading.title, heading.number, heading.date].filter(Boolean).join(' '), subject: heading.subtitle, creator: 'kenes' },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
    styles: {
      parent: { fontSize: 11, bold: true, alignment: 'center' },
      council: { fontSize: 11, bold: true, alignment: 'center', margin: [0, 2, 0, 0] },
      title: { fontSize: 14, bold: true, alignment: 'center', margin: [0, 14, 0, 0] },
      subtitle: { alignment: 'center', margin: [0, 0, 0, 10] },
      section: { fontSize: 10.5, bold: true, margin: [0, 9, 0, 3] },
      part: { fontSize: 10.5, bold: true, margin: [0, 5, 0, 2] },
    },
    content: [
      { text: heading.parent, style: 'parent' },
      { canvas: [{ type: 'line', x1: 0, y1: 3, x2: 490, y2: 3, lineWidth: 0.8 }] },
      ...(heading.council ? [{ text: heading.council, style: 'council' }] : []),
      { text: heading.title, style: 'title' },
      { text: heading.subtitle, style: 'subtitle' },
      ...(heading.field ? [{ text: heading.field, alignment: 'center', margin: [0, 0, 0, 6] }] : []),
      {
        columns: [
          { text: heading.place ?? '', width: '*' },
          { text: heading.number ?? '', width: 'auto' },
          { text: heading.date, width: '*', alignment: 'right' },
        ],
        columnGap: 10,
        margin: [0, 0, 0, 2],
      },
      ...(heading.times ? [{ text: heading.times, margin: [0, 0, 0, 6] }] : []),
      ...outline.sections.map(section),
      signatures,
      ...outline.annexes.map(section),
    ],
    pageBreakBefore: keepHeadingWithContent,
    // The content hash stands in the footer only, never in the text a person reads.
    footer: (page: number, pages: number): Content => ({
      style: FOOTER,
      columns: [
        { text: linePdf(outline.footer[0]!), fontSize: 6.5, style: FOOTER },
        { text: `${page} / ${pages} ${MINUTES_LABELS[lang].page}`, width: 'auto', fontSize: 8, style: FOOTER },
      ],
      columnGap: 10,
      margin: [60, 20, 45, 0],
    }),
  };
  return pdfWithFonts(definition);
}

/**
 * A PDF from a pdfmake document with the Roboto fonts embedded (every Kazakh letter, p30): the
 * minutes and the annual report (functions/reports) alike. pdfmake may read the four font files
 * and nothing else, and may fetch no URL.
 */
export async function pdfWithFonts(definition: Record<string, unknown>): Promise<Buffer> {
  const files = fontFiles();
  const allowed = new Set(Object.values(files).map((file) => resolve(file)));
  pdfmake.setFonts({ Roboto: files });
  pdfmake.setLocalAccessPolicy((path) => allowed.has(resolve(path)));
  pdfmake.setUrlAccessPolicy(() => false);
  // The fonts are plain files. pdfmake's virtual file system names files relative to
  // `__dirname`, which an ES module bundle (the Lambda's index.mjs) does not define: unused, it is detached.
  pdfmake.virtualfs = undefined;
  return pdfmake.createPdf(definition).getBuffer();
}
