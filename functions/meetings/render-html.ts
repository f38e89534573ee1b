import type { Language } from '../text.ts';
import { actName, citesPoint, countOf, fill, formatDate, formatMoment, inLanguage, MINUTES_LABELS, outcomeName, pointName, quorumName } from './labels.ts';
import type { MinutesDoc, WorkingLanguage } from './minutes-doc.ts';

/** A piece of text with how it is shown; `lang` only when it differs from the document's. */
/** `strong: false`: plain even inside a heading. */
export type Run = { text: string; lang?: Language; strong?: boolean; hash?: boolean; written?: boolean };
export type Line = Run[];
export type Block =
  | { type: 'paragraph'; line: Line }
  | { type: 'list'; items: Line[]; ordered?: boolean }
  /** A titled part ("ТЫҢДАЛДЫ", a motion): its title is kept with what follows it. */
  | { type: 'part'; title: Line; blocks: Block[] };
/** A section of the minutes; one without a title is a statement that stands on its own. */
export type Section = { id: string; title?: Line; blocks: Block[] };
/** One signer's line of the signature block (p28): the role, a line to sign on, the name, and whether and when they signed. */
export type SignatureRow = { role: string; name: string; status: Line };
/** The minutes laid out once, so that the HTML and the PDF say exactly the same. */
export type MinutesOutline = {
  lang: WorkingLanguage;
  heading: {
    parent: string;
    /** The council's own name, when the parent line does not already say it. */
    council?: string;
    title: string;
    subtitle: string;
    field?: string;
    place?: string;
    number?: string;
    date: string;
    times?: string;
  };
  sections: Section[];
  signatures: SignatureRow[];
  /** After the signatures: voided signatures and corrections of sealed minutes. */
  annexes: Section[];
  footer: Line[];
};

const MOTION_CATEGORIES = ['recommendation', 'proposal', 'decision'] as const;
const ROLES = ['chairperson', 'secretary'] as const;

const run = (text: string, style: Omit<Run, 'text'> = {}): Run => ({ text, ...style });
const para = (...line: Line): Block => ({ type: 'paragraph', line });
const labelled = (label: string, value: string | Line): Block => para(run(`${label}: `, { strong: true }), ...(typeof value === 'string' ? [run(value)] : value));
const normalised = (text: string) => text.toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/**
 * What the minutes say, in order, as a state body's minutes read (p28), in one working
 * language (p30): the heading (the body it sits under, the title, the place, number, date and
 * times), who presided and who kept the minutes, those present (the Chairperson first), absent
 * and invited, the quorum, the agenda, then per agenda item what was heard (ТЫҢДАЛДЫ /
 * СЛУШАЛИ) and decided (ШЕШТІ / РЕШИЛИ) with the votes, then the adopted recommendations and
 * proposals, the complaints (p14.7), p26, and the signature block. Points of the Regulation
 * are written as a reader cites them; no id, code or hash is shown but the content hash in
 * the footer. Minutes signed before a field existed render without it.
 *
 * @example
 * minutesOutline(doc, 'kk').sections.map((s) => s.id); // ['presiding', 'present', ..., 'agenda', 'item-1', ...]
 */
export function minutesOutline(doc: MinutesDoc, lang: WorkingLanguage): MinutesOutline {
  const l = MINUTES_LABELS[lang];
  const { meeting } = doc;
  const cite = (point: string) => `(${pointName(point, lang)})`;
  const list = (items: Line[], ordered = false): Block[] => (items.length ? [{ type: 'list', items, ordered }] : []);
  /** A reason's message in the document's language, with its point in words unless the message already cites it. */
  const reasonLine = (reason: { point: string; message: Record<Language, string> }): Line => {
    const message = reason.message[lang];
    if (citesPoint(message, reason.point, lang)) return [run(message)];
    const sentence = message.endsWith('.') ? message.slice(0, -1) : message;
    return [run(`${sentence} ${cite(reason.point)}.`)];
  };
  const reasonsBlock = (reasons: { point: string; message: Record<Language, string> }[]): Block[] =>
    reasons.length === 1 ? [labelled(l.reasons, reasonLine(reasons[0]!))] : reasons.length ? [para(run(`${l.reasons}:`, { strong: true })), ...list(reasons.map(reasonLine))] : [];

  const council = doc.council.name[lang];
  const parent = doc.council.parent?.[lang] ?? l.parentBody;
  const field = meeting.field ? [inLanguage(meeting.field.region, lang), meeting.field.place].filter(Boolean).join(', ') : undefined;
  const times = [meeting.startTime && `${l.start}: ${meeting.startTime}`, meeting.endTime && `${meeting.startTime ? l.end : capitalise(l.end)}: ${meeting.endTime}`].filter(Boolean).join('; ');
  const heading: MinutesOutline['heading'] = {
    parent,
    ...(normalised(parent).includes(normalised(council)) ? {} : { council }),
    title: l.title,
    subtitle: l.subtitle[meeting.kind],
    ...(field ? { field: `${l.field} ${cite('p19')}: ${field}` } : {}),
    ...(meeting.place ? { place: inLanguage(meeting.place, lang) } : {}),
    ...(meeting.number ? { number: `№\u00a0${meeting.number}` } : {}),
    date: formatDate(meeting.date, lang),
    ...(times ? { times } : {}),
  };

  // p15.4: the Chairperson presides; p17.2: a member on the Chairperson's instruction. p20, p23: who convened.
  const presiding: Block[] = [
    labelled(l.presiding, `${meeting.presiding.name} — ${l.capacity[meeting.presiding.capacity]}${meeting.presiding.capacity === 'chairperson' ? '' : ` ${cite('p17.2')}`}`),
    ...(meeting.secretary ? [labelled(l.keptBy, `${meeting.secretary.name} — ${l.capacity.secretary}`)] : []),
    ...(meeting.convenedBy.capacity === 'chairperson'
      ? []
      : [labelled(l.convenedBy, `${meeting.convenedBy.name} — ${l.capacity[meeting.convenedBy.capacity]} ${cite(meeting.kind === 'extraordinary' ? 'p23' : 'p20')}`)]),
  ];

  const itemNumber = new Map(doc.agenda.map((item, i) => [item.id, i + 1]));
  const motionPart = (m: MinutesDoc['motions'][number], number: string): Block => {
    const nature = [l.categories[m.category], ...(m.kind === 'ordinary' ? [] : [l.motionKinds[m.kind]])].join('; ');
    const blocks: Block[] = [
      para(run(fill(l.voteCount, { for: m.votes.for, against: m.votes.against, abstained: m.votes.abstained }, lang))),
      ...(m.entered ?? []).map((e) => labelled(fill(l.entered, { by: e.by }, lang), e.voters.join(', '))),
    ];
    if (m.status === 'open' || !m.result) {
      blocks.push(labelled(l.outcome, [run(l.notClosed, { strong: true })]));
    } else {
      const adopted = m.result.outcome === 'adopted';
      // p26: what the Council adopts is a recommendation.
      blocks.push(labelled(l.outcome, [run(outcomeName(m.result.outcome, lang), { strong: true }), ...(adopted ? [run(`. ${l.recommendation} ${cite('p26')}.`)] : [])]));
      blocks.push(...reasonsBlock(m.result.reasons));
      blocks.push(labelled(l.version, m.result.version.title?.[lang] ?? actName(m.result.version.act, lang)));
    }
    // p17.5: a dissenting opinion is set out in writing; it is shown as written, in its own language.
    for (const d of m.dissents) {
      blocks.push(
        para(
          run(`${l.dissent} ${cite('p17.5')} — ${d.member}`, { strong: true }),
          run(` (${l.writtenIn}: ${l.languages[d.language]}${d.enteredBy ? `; ${l.enteredBy}: ${d.enteredBy}` : ''}): `),
          run(d.text, { lang: d.language, written: true }),
        ),
      );
    }
    return { type: 'part', title: [run(`${number}. ${m.title[lang]}`), run(` (${nature})`, { strong: false })], blocks };
  };

  const itemSections: Section[] = doc.agenda.map((item, i) => {
    const n = i + 1;
    const hearings = doc.hearings.filter((h) => h.itemId === item.id);
    const motions = doc.motions.filter((m) => m.itemId === item.id);
    const heard: Block[] = [
      para(run(item.title[lang]), ...(item.submittedBy ? [run(` (${l.initiator}: ${item.submittedBy})`)] : []), run('.')),
      ...(hearings.length ? [para(run(`${l.speakers}:`, { strong: true })), ...list(hearings.map((h) => [run(h.speaker, { strong: true }), run(` — ${h.subject[lang]}`)]))] : []),
    ];
    const decided: Block[] = motions.length ? motions.map((m, j) => motionPart(m, `${n}.${j + 1}`)) : [para(run(l.nothingPut))];
    return {
      id: `item-${n}`,
      title: [run(`${n}. ${item.title[lang]}`)],
      blocks: [
        { type: 'part', title: [run(`${l.heard}:`)], blocks: heard },
        { type: 'part', title: [run(`${l.decided}:`)], blocks: decided },
      ],
    };
  });

  const elsewhere = doc.motions.filter((m) => !m.itemId || !itemNumber.has(m.itemId));
  const unheard = doc.hearings.filter((h) => !h.itemId || !itemNumber.has(h.itemId));
  const adopted = doc.motions.filter((m) => m.status === 'closed' && m.result?.outcome === 'adopted');
  const adoptedParts: Block[] = MOTION_CATEGORIES.flatMap((category) => {
    const items = adopted.filter((m) => m.category === category).map((m) => [run(m.title[lang])]);
    return items.length ? [{ type: 'part', title: [run(l.categoriesPlural[category])], blocks: list(items, true) } as Block] : [];
  });
  const people = (title: string, n: number): Line => [run(`${title} (${countOf('people', n, lang)}):`)];

  const sections: Section[] = [
    { id: 'presiding', blocks: presiding },
    {
      id: 'present',
      title: people(l.present, doc.present.length),
      blocks: doc.present.length ? list(doc.present.map((p) => [run(p.name, { strong: true }), run(` — ${l.capacity[p.capacity]}`)]), true) : [para(run(l.none))],
    },
    ...(doc.absent.length ? [{ id: 'absent', title: people(l.absent, doc.absent.length), blocks: list(doc.absent.map((a) => [run(a.name)])) }] : []),
    ...(doc.invited.length
      ? [{ id: 'invited', title: [run(`${l.invited}:`)], blocks: list(doc.invited.map((i) => [run(i.name, { strong: true }), run(` — ${[i.position, i.organisation].filter(Boolean).join(', ')}`)])) }]
      : []),
    // p22: the quorum, as the law explains it.
    { id: 'quorum', blocks: [labelled(l.quorum, [run(quorumName(doc.quorum.outcome, lang), { strong: true }), run('.')]), ...reasonsBlock(doc.quorum.reasons)] },
    { id: 'agenda', title: [run(`${l.agenda}:`)], blocks: doc.agenda.length ? list(doc.agenda.map((a) => [run(a.title[lang])]), true) : [para(run(l.none))] },
    ...itemSections,
    ...(elsewhere.length ? [{ id: 'other-motions', title: [run(`${l.otherMotions}:`)], blocks: elsewhere.map((m, j) => motionPart(m, String(j + 1))) }] : []),
    // p14.5: officials' information heard, not on one agenda item.
    ...(unheard.length ? [{ id: 'hearings', title: [run(`${l.hearings}:`)], blocks: list(unheard.map((h) => [run(h.speaker, { strong: true }), run(` — ${h.subject[lang]}`)])) }] : []),
    ...(adopted.length ? [{ id: 'adopted', title: [run(`${l.adopted}:`)], blocks: adoptedParts }] : []),
    // p14.7: complaints and reports of torture received since the previous meeting.
    {
      id: 'complaints',
      ...(doc.complaints.length ? { title: [run(`${l.complaints} ${cite('p14.7')}:`)] } : {}),
      blocks: doc.complaints.length
        ? list(doc.complaints.map((c) => [run(`${l.receivedOn}: ${formatDate(c.receivedOn, lang)} — `, { strong: true }), run(c.summary[lang])]))
        : [para(run(`${l.noComplaints} ${cite('p14.7')}.`))],
    },
    { id: 'recommendatory', blocks: [para(run(`${l.recommendatory} ${cite('p26')}.`, { strong: true }))] },
  ];

  // p28: the Chairperson and the Secretary sign; each line says whether and when (real time) they did.
  const expected = { chairperson: meeting.chairperson?.name ?? (meeting.presiding.capacity === 'chairperson' ? meeting.presiding.name : ''), secretary: meeting.secretary?.name ?? '' };
  const signatures: SignatureRow[] = ROLES.map((role) => {
    const signed = doc.signatures.find((s) => s.role === role);
    if (!signed) return { role: l.signers[role], name: expected[role], status: [run(l.notSigned)] };
    return {
      role: l.signers[role],
      name: signed.name,
      status: [run(`${l.signedAt}: ${formatMoment(signed.signedAt, lang)}`), ...(signed.contentHash === doc.contentHash ? [] : [run(` — ${l.otherContent}`, { strong: true })])],
    };
  });

  const annexes: Section[] = [
    ...(doc.voidedSignatures.length
      ? [
          {
            id: 'voided',
            title: [run(`${l.voided}:`)],
            blocks: list(
              doc.voidedSignatures.map((s) => [
                run(`${l.signers[s.role]}: ${s.name}; ${l.signedAt}: ${formatMoment(s.signedAt, lang)}`),
                ...(s.voidedAt ? [run(`; ${l.voidedAt}: ${formatMoment(s.voidedAt, lang)}`)] : []),
              ]),
            ),
          },
        ]
      : []),
    ...(doc.corrections.length
      ? [
          {
            id: 'corrections',
            title: [run(`${l.corrections}:`)],
            blocks: list(doc.corrections.map((c) => [run(`${formatDate(c.on, lang)}: `, { strong: true }), run(c.text[lang]), run(` (${l.correctionReason}: `), run(c.reason, { written: true }), run(')')]), true),
          },
        ]
      : []),
  ];

  return { lang, heading, sections, signatures, annexes, footer: [[run(`${l.contentHash}: `), run(doc.contentHash, { hash: true })]] };
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
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
  else if (r.strong === false) html = `<span class="plain">${html}</span>`;
  return r.lang ? `<span lang="${r.lang}">${html}</span>` : html;
}

const lineHtml = (line: Line): string => line.map(runHtml).join('');

/** A heading and the first block after it, in one box the printer does not break. */
const keep = (heading: string, blocks: string[]): string => [`<div class="keep">${heading}${blocks[0] ?? ''}</div>`, ...blocks.slice(1)].join('\n');

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${lineHtml(block.line)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${lineHtml(item)}</li>`).join('')}</${tag}>`;
    }
    case 'part':
      return `<div class="part">${keep(`<h3>${lineHtml(block.title)}</h3>`, block.blocks.map(blockHtml))}</div>`;
  }
}

const STYLE = `
@page { size: A4; margin: 20mm 15mm 20mm 25mm; }
body { font-family: "Times New Roman", Roboto, "Noto Serif", serif; font-size: 12pt; line-height: 1.35; color: #000; max-width: 170mm; margin: 0 auto; padding: 1em; }
header { text-align: center; margin-bottom: 1.2em; }
.parent { font-weight: bold; text-transform: uppercase; margin: 0; border-bottom: 1px solid #000; padding-bottom: .3em; }
.council { font-weight: bold; margin: .2em 0 0; }
h1 { font-size: 14pt; letter-spacing: .15em; margin: .8em 0 0; }
.subtitle { margin: 0 0 .8em; }
.place-date { display: flex; justify-content: space-between; gap: 1em; margin: .6em 0 .2em; }
.times { text-align: left; margin: 0; }
h2 { font-size: 12pt; margin: 1em 0 .3em; }
h3 { font-size: 12pt; margin: .6em 0 .2em; }
section[id^="item-"] > .keep > h2 { text-align: left; }
.part { margin-left: 1.2em; }
.part .part { margin-left: 1em; }
p { margin: .25em 0; }
ol, ul { margin: .25em 0; }
.written { white-space: pre-wrap; font-style: italic; }
.plain { font-weight: normal; }
#recommendatory { border: 1px solid #000; padding: .2em .8em; margin-top: 1em; }
.signatures { width: 100%; border-collapse: collapse; margin-top: 2em; }
.signatures td { padding: 1.4em .4em .2em 0; vertical-align: bottom; }
.signatures td.line { width: 35%; border-bottom: 1px solid #000; }
.signatures td.name { text-align: right; white-space: nowrap; }
.signatures tr.status td { padding-top: .1em; font-size: 9pt; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; word-break: break-all; }
footer { margin-top: 2em; border-top: 1px solid #000; font-size: 8pt; }
/* Headings are kept with their content across pages. */
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
.keep, li, .signatures, #recommendatory { break-inside: avoid; page-break-inside: avoid; }
@media print { body { padding: 0; max-width: none; } }
`;

/**
 * The minutes (p28) as one self-contained, printable A4 HTML5 page in a working language (p30).
 *
 * @example
 * const html = renderMinutesHtml(doc, 'kk'); // '<!DOCTYPE html>\n<html lang="kk">…'
 */
export function renderMinutesHtml(doc: MinutesDoc, lang: WorkingLanguage): string {
  const outline = minutesOutline(doc, lang);
  const { heading } = outline;
  const section = (s: Section) => {
    const blocks = s.blocks.map(blockHtml);
    const body = s.title === undefined ? blocks.join('\n') : keep(`<h2>${lineHtml(s.title)}</h2>`, blocks);
    return `<section id="${s.id}">\n${body}\n</section>`;
  };
  const signatureRows = outline.signatures.map(
    (row) => `<tr><td>${escapeHtml(row.role)}</td><td class="line"></td><td class="name">${escapeHtml(row.name)}</td></tr><tr class="status"><td colspan="3">${lineHtml(row.status)}</td></tr>`,
  );
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml([heading.title, heading.number, heading.date].filter(Boolean).join(' '))}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<p class="parent">${escapeHtml(heading.parent)}</p>`,
    ...(heading.council ? [`<p class="council">${escapeHtml(heading.council)}</p>`] : []),
    `<h1>${escapeHtml(heading.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(heading.subtitle)}</p>`,
    ...(heading.field ? [`<p class="field">${escapeHtml(heading.field)}</p>`] : []),
    `<div class="place-date"><span class="place">${escapeHtml(heading.place ?? '')}</span><span class="number">${escapeHtml(heading.number ?? '')}</span><span class="date">${escapeHtml(heading.date)}</span></div>`,
    ...(heading.times ? [`<p class="times">${escapeHtml(heading.times)}</p>`] : []),
    '</header>',
    '<main>',
    ...outline.sections.map(section),
    `<section id="signatures">\n<table class="signatures" role="presentation"><tbody>${signatureRows.join('')}</tbody></table>\n</section>`,
    ...outline.annexes.map(section),
    '</main>',
    `<footer>${outline.footer.map((f) => `<p>${lineHtml(f)}</p>`).join('')}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
