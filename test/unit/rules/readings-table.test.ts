import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readingsTable } from '../../../functions/rules/readings-table.ts';
import { law } from './law.ts';

const REGENERATE = 'npm run --silent rules -- readings';

describe('Function: readingsTable', () => {
  it(`is the very table the README shows between <!-- readings:start --> and <!-- readings:end --> (when rules/parameters change: ${REGENERATE})`, () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const shown = /<!-- readings:start -->\n([\s\S]*?)\n<!-- readings:end -->/.exec(readme)?.[1];
    expect(shown, `README.md has no block <!-- readings:start --> … <!-- readings:end -->: add the markers and paste the output of \`${REGENERATE}\` between them`).toBeDefined();
    expect(shown, `README.md's readings table differs from rules/parameters: paste the output of \`${REGENERATE}\` between the markers`).toBe(readingsTable());
  });

  it('lists every open question with its point, its default and its alternatives', () => {
    const open = Object.entries(law.versions.findLast((v) => v.kind !== 'repeal')!.state.parameters).filter(([, p]) => p.open);
    const rows = readingsTable().split('\n').slice(2);
    expect(rows).toHaveLength(open.length);
    for (const [name, entry] of open) {
      const row = rows.find((r) => r.startsWith(`| \`${name}\` |`));
      expect(row, name).toBeDefined();
      expect(row, name).toContain(` ${entry.point}`);
      for (const option of entry.options!) expect(row, name).toContain(`\`${typeof option.value === 'string' ? option.value : JSON.stringify(option.value)}\``);
    }
    expect(rows.map((r) => r.split(' | ')[0]!.slice(3, -1))).toEqual(
      expect.arrayContaining(['decision.tieRule', 'members.vacantSeats', 'eligibility.barExpulsion', 'leaving.powersEnd', 'termination.decisionGrounds', 'term.boundary', 'term.vacancy', 'term.renewalStart', 'lot.base', 'election.majorityBase', 'dissolution.fullMembership', 'dissolution.majorityBase']),
    );
  });
});
