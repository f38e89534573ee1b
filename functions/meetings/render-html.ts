import type { Language } from '../text.ts';
import { actName, formatDate, MINUTES_LABELS, outcomeName } from './labels.ts';
import type { MinutesDoc, WorkingLanguage } from './minutes-doc.ts';

/** A piece of text with how it is shown; `lang` only when it differs from the document's. */
export type Run = { text: string; lang?: Language; strong?: boolean; hash?: boolean; written?: boolean };
export type Line = Run[];
export type Block =
  | { type: 'paragraph'; line: Line }
  | { type: 'list'; items: Line[]; ordered?: boolean }
  | { type: 'table'; header: string[]; rows: string[][] }
  | { type: 'part'; title: Line; blocks: Block[] };
/** A section of the minutes; one without a title is a statement that stands on its own. */
export type Section = { id: string; title?: string; point?: string; blocks: Block[] };
/** The minutes laid out once, so that the HTML and the PDF say exactly the same. */
export type MinutesOutline = { lang: WorkingLanguage; council: string; title: string; facts: Line[]; sections: Section[]; footer: Line[] };

const MOTION_CATEGORIES = ['recommendation', 'proposal', 'decision'] as const;
const ROLES = ['chairperson', 'secretary'] as const;

const run = (text: string, style: Omit<Run, 'text'> = {}): Run => ({ text, ...style });
const para = (...line: Line): Block => ({ type: 'paragraph', line });
const labelled = (label: string, value: string | Line): Block =>
  para(run(`${label}: `, { strong: true }), ...(typeof value === 'string' ? [run(value)] : value));
/** A reason's message in the document's language, followed by the point that decides it. */
const reasonLine = (reason: { point: string; message: Record<Language, string> }, lang: WorkingLanguage): Line => [
  run(reason.message[lang]),
  run(` (${reason.point})`, { strong: true }),
];

/**
 * What the minutes say, in order (p28), in one working language (p30).
 *
 * @example
 * minutesOutline(doc, 'kk').sections.map((s) => s.id); // ['convening', 'present', ...]
 */
export function minutesOutline(doc: MinutesDoc, lang: WorkingLanguage): MinutesOutline {
  const l = MINUTES_LABELS[lang];
  const { meeting } = doc;
  const none = (items: unknown[]): Block[] => (items.length === 0 ? [para(run(l.none))] : []);
  const list = (items: Line[], ordered = false): Block[] => (items.length ? [{ type: 'list', items, ordered }] : []);

  const facts: Line[] = [
    [run(`${l.date}: `, { strong: true }), run(formatDate(meeting.date, lang))],
    [run(`${l.kind}: `, { strong: true }), run(l.kinds[meeting.kind])],
  ];
  // p19: field meetings in the regions.
  if (meeting.field) {
    const where = [meeting.field.region, meeting.field.place].filter(Boolean).join(', ');
    facts.push([run(`${l.field} (p19): `, { strong: true }), run(where)]);
  }
  if (meeting.place) facts.push([run(`${l.place}: `, { strong: true }), run(meeting.place)]);

  // p20 convenes regular meetings, p23 extraordinary ones; p15.4 the Chairperson presides, p17.2 a member on instruction.
  const convenedPoint = meeting.kind === 'extraordinary' ? 'p23' : 'p20';
  const presidingPoint = meeting.presiding.capacity === 'chairperson' ? 'p15.4' : 'p17.2';
  const itemNumber = new Map(doc.agenda.map((item, i) => [item.id, i + 1]));

  const motion = (m: MinutesDoc['motions'][number], index: number): Block => {
    const number = m.itemId ? itemNumber.get(m.itemId) : undefined;
    const blocks: Block[] = [
      labelled(l.motionKind, l.motionKinds[m.kind]),
      labelled(l.category, l.categories[m.category]),
      ...(number ? [labelled(l.agendaItem, String(number))] : []),
      { type: 'table', header: [l.for, l.against, l.abstained], rows: [[m.votes.for, m.votes.against, m.votes.abstained].map(String)] },
      ...(m.entered ?? []).map((e) => labelled(`${l.for} / ${l.against} / ${l.abstained} — ${l.enteredBy} (${e.by})`, e.voters.join(', '))),
    ];
    if (m.status === 'open' || !m.result) {
      blocks.push(labelled(l.outcome, [run(l.notClosed, { strong: true })]));
    } else {
      blocks.push(labelled(l.outcome, [run(outcomeName(m.result.outcome, lang), { strong: true })]));
      blocks.push(para(run(`${l.reasons}:`, { strong: true })), ...list(m.result.reasons.map((r) => reasonLine(r, lang))));
      blocks.push(labelled(l.version, m.result.version.title?.[lang] ?? actName(m.result.version.act, lang)));
    }
    // p17.5: a dissenting opinion is set out in writing; it is shown as written, in its own language.
    if (m.dissents.length) {
      blocks.push({
        type: 'part',
        title: [run(`${l.dissents} (p17.5)`)],
        blocks: list(
          m.dissents.map((d) => [
            run(d.member, { strong: true }),
            run(` (${l.writtenIn}: ${l.languages[d.language]}${d.enteredBy ? `; ${l.enteredBy}: ${d.enteredBy}` : ''}): `),
            run(d.text, { lang: d.language, written: true }),
          ]),
        ),
      });
    }
    return { type: 'part', title: [run(`${index + 1}. `), run(m.title[lang])], blocks };
  };

  const adopted = doc.motions.filter((m) => m.status === 'closed' && m.result?.outcome === 'adopted');
  const adoptedParts: Block[] = MOTION_CATEGORIES.flatMap((category) => {
    const items = adopted.filter((m) => m.category === category).map((m) => [run(m.title[lang])]);
    return items.length ? [{ type: 'part', title: [run(l.categoriesPlural[category])], blocks: list(items, true) } as Block] : [];
  });

  const signatures: Line[] = ROLES.flatMap((role) => {
    const signed = doc.signatures.filter((s) => s.role === role);
    if (signed.length === 0) return [[run(`${l.capacity[role]}: `, { strong: true }), run(l.notSigned)]];
    return signed.map((s) => [
      run(`${l.capacity[role]}: `, { strong: true }),
      run(`${s.name}; ${l.signedAt}: ${s.signedAt}; SHA-256: `),
      run(s.contentHash, { hash: true }),
      ...(s.contentHash === doc.contentHash ? [] : [run(` — ${l.otherContent}`, { strong: true })]),
    ]);
  });

  const sections: Section[] = [
    {
      id: 'convening',
      blocks: [
        labelled(l.convenedBy, `${meeting.convenedBy.name} — ${l.capacity[meeting.convenedBy.capacity]} (${convenedPoint})`),
        labelled(l.presiding, `${meeting.presiding.name} — ${l.capacity[meeting.presiding.capacity]} (${presidingPoint})`),
      ],
    },
    {
      id: 'present',
      title: `${l.present} (${doc.present.length})`,
      point: 'p28',
      blocks: [...none(doc.present), ...list(doc.present.map((p) => [run(p.name, { strong: true }), run(` — ${l.capacity[p.capacity]}`)]), true)],
    },
    { id: 'absent', title: `${l.absent} (${doc.absent.length})`, blocks: [...none(doc.absent), ...list(doc.absent.map((a) => [run(a.name)]))] },
    {
      id: 'invited',
      title: l.invited,
      point: 'p14.4',
      blocks: [
        ...none(doc.invited),
        ...list(doc.invited.map((i) => [run(i.name, { strong: true }), run(` — ${[i.position, i.organisation].filter(Boolean).join(', ')}`)])),
      ],
    },
    {
      id: 'hearings',
      title: l.hearings,
      point: 'p14.5',
      blocks: [...none(doc.hearings), ...list(doc.hearings.map((h) => [run(h.speaker, { strong: true }), run(` — ${h.subject[lang]}`)]))],
    },
    {
      id: 'quorum',
      title: l.quorum,
      point: 'p22',
      blocks: [labelled(l.outcome, [run(outcomeName(doc.quorum.outcome, lang), { strong: true })]), ...list(doc.quorum.reasons.map((r) => reasonLine(r, lang)))],
    },
    {
      id: 'agenda',
      title: l.agenda,
      point: 'p28',
      blocks: [
        ...none(doc.agenda),
        ...list(doc.agenda.map((a) => [run(a.title[lang]), ...(a.submittedBy ? [run(` (${l.submittedBy}: ${a.submittedBy})`)] : [])]), true),
      ],
    },
    { id: 'votes', title: l.votes, point: 'p28', blocks: [...none(doc.motions), ...doc.motions.map(motion)] },
    { id: 'adopted', title: l.adopted, point: 'p28', blocks: [...none(adopted), ...adoptedParts] },
    {
      id: 'complaints',
      title: l.complaints,
      point: 'p14.7',
      blocks: [
        ...none(doc.complaints),
        ...list(doc.complaints.map((c) => [run(`${l.receivedOn}: ${formatDate(c.receivedOn, lang)} — `, { strong: true }), run(c.summary[lang])])),
      ],
    },
    // p26: said in both working languages, so that no reader of either can miss it.
    {
      id: 'recommendatory',
      blocks: (['kk', 'ru'] as const).map((ln) => para(run(`${MINUTES_LABELS[ln].recommendatory} (p26)`, { strong: true, ...(ln === lang ? {} : { lang: ln }) }))),
    },
    { id: 'signatures', title: l.signatures, point: 'p28', blocks: list(signatures) },
  ];

  return {
    lang,
    council: doc.council.name[lang],
    title: l.minutes,
    facts,
    sections,
    footer: [
      [run(`${l.contentHash}: `), run(doc.contentHash, { hash: true })],
      [run(`${l.meetingId}: ${meeting.id}`)],
    ],
  };
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes a string for HTML text and attribute values. Names, dissents and summaries are
 * user input: nothing reaches the page unescaped.
 *
 * @example
 * escapeHtml('<script>'); // '&lt;script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

function runHtml(r: Run): string {
  let html = escapeHtml(r.text);
  if (r.hash) html = `<code>${html}</code>`;
  if (r.written) html = `<span class="written">${html}</span>`;
  if (r.strong) html = `<strong>${html}</strong>`;
  return r.lang ? `<span lang="${r.lang}">${html}</span>` : html;
}

const lineHtml = (line: Line): string => line.map(runHtml).join('');

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${lineHtml(block.line)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${lineHtml(item)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const head = block.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
      const rows = block.rows.map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
      return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
    case 'part':
      return `<div class="part"><h3>${lineHtml(block.title)}</h3>${block.blocks.map(blockHtml).join('\n')}</div>`;
  }
}

const STYLE = `
@page { size: A4; margin: 20mm 18mm; }
body { font-family: Roboto, "Noto Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #000; max-width: 180mm; margin: 0 auto; padding: 1em; }
header { text-align: center; border-bottom: 1px solid #000; margin-bottom: 1em; }
.council { font-size: 13pt; font-weight: bold; margin: 0; }
h1 { font-size: 15pt; margin: .3em 0; }
h2 { font-size: 12pt; margin: 1.2em 0 .4em; border-bottom: 1px solid #999; break-after: avoid; }
h3 { font-size: 11pt; margin: .8em 0 .3em; break-after: avoid; }
.point { font-weight: normal; color: #444; }
.part { margin-left: .8em; break-inside: avoid; }
table { border-collapse: collapse; margin: .3em 0; }
th, td { border: 1px solid #000; padding: .2em .8em; text-align: center; }
.written { white-space: pre-wrap; font-style: italic; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; word-break: break-all; }
#recommendatory { border: 2px solid #000; padding: .2em .8em; }
footer { margin-top: 2em; border-top: 1px solid #000; font-size: 8.5pt; }
@media print { body { padding: 0; max-width: none; } }
`;

/**
 * The minutes (p28) as one self-contained, printable HTML5 page in a working language (p30).
 *
 * @example
 * const html = renderMinutesHtml(doc, 'kk'); // '<!DOCTYPE html>\n<html lang="kk">…'
 */
export function renderMinutesHtml(doc: MinutesDoc, lang: WorkingLanguage): string {
  const outline = minutesOutline(doc, lang);
  const sections = outline.sections.map((s) => {
    const point = s.point ? ` <span class="point">(${escapeHtml(s.point)})</span>` : '';
    const heading = s.title === undefined ? '' : `<h2>${escapeHtml(s.title)}${point}</h2>\n`;
    return `<section id="${s.id}">\n${heading}${s.blocks.map(blockHtml).join('\n')}\n</section>`;
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${outline.title} — ${outline.council} — ${doc.meeting.date}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<p class="council">${escapeHtml(outline.council)}</p>`,
    `<h1>${escapeHtml(outline.title)}</h1>`,
    ...outline.facts.map((f) => `<p>${lineHtml(f)}</p>`),
    '</header>',
    '<main>',
    ...sections,
    '</main>',
    `<footer>${outline.footer.map((f) => `<p>${lineHtml(f)}</p>`).join('')}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
