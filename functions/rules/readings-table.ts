import { defaultRulesDir, readRulesDir } from './read.ts';
import { buildLaw } from './law.ts';
import type { ParameterValue } from './document.ts';

/**
 * The readings table of the README: every question the text leaves open (a parameter with
 * `open: true` in rules/parameters), its point, the default kenes applies and the alternatives,
 * each explained. Generated from the law as it stands under its last version before the
 * repeal, so the README cannot drift from rules/ (test/unit/rules/readings-table.test.ts keeps
 * the two equal). Print it with `npm run rules -- readings`.
 *
 * @example
 * readingsTable().split('\n')[0]; // '| reading | point | what the text leaves open | default | alternatives |'
 */
export function readingsTable(dir: string = defaultRulesDir()): string {
  const doc = readRulesDir(dir);
  const law = buildLaw(doc);
  const last = law.versions.findLast((v) => v.kind !== 'repeal')!;
  const firstSetBy = (name: string) => doc.versions.find((v) => name in v.changes.parameters)?.id;
  const rows = Object.entries(last.state.parameters)
    .filter(([, entry]) => entry.open)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, entry]) => {
      const options = entry.options ?? [];
      const chosen = options.find((o) => same(o.value, entry.value));
      const others = options.filter((o) => o !== chosen);
      const since = firstSetBy(name);
      const point = `${entry.point}${since && since !== doc.versions[0]!.id ? ` (from ${since})` : ''}`;
      const option = (o: { value: unknown; explanation: { en: string } }) => `${code(o.value)}: ${cell(o.explanation.en)}`;
      return `| ${code(name)} | ${point} | ${cell(entry.description.en)} | ${chosen ? option(chosen) : code(entry.value)} | ${others.map(option).join('<br>')} |`;
    });
  return ['| reading | point | what the text leaves open | default | alternatives |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const code = (value: ParameterValue | unknown) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
/** A table cell: one line, no column separator. */
const cell = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
