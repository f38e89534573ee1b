import { pdfWithFonts } from '../meetings/render-pdf.ts';
import type { WorkingLanguage } from '../meetings/minutes-doc.ts';
import type { AnnualReport } from './annual.ts';
import { annualOutline, LABELS } from './annual-render.ts';

/** The annual report as an A4 PDF with the minutes' embedded fonts (Kazakh letters exact, p30). */
export async function renderAnnualPdf(report: AnnualReport, lang: WorkingLanguage): Promise<Buffer> {
  const style = { h1: { fontSize: 14, bold: true, margin: [0, 8, 0, 4] }, h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 3] }, h3: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 2] } };
  const content = annualOutline(report, lang).map((l) =>
    l.kind === 'list' ? { ul: l.items, margin: [0, 2, 0, 2] } : l.kind === 'p' ? { text: l.text } : l.kind === 'muted' ? { text: l.text, italics: true } : { text: l.text, style: l.kind },
  );
  return pdfWithFonts({
    pageSize: 'A4',
    pageMargins: [60, 50, 45, 60],
    language: lang,
    info: { title: `${LABELS[lang].title} ${report.year}`, creator: 'kenes' },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
    styles: style,
    content,
  });
}
