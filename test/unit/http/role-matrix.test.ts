import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { roleMatrix } from '../../../functions/api/role-matrix.ts';

describe('Function: roleMatrix', () => {
  it('is the very table the README shows (when routes change: npx tsx -e "import(\'./functions/api/role-matrix.ts\').then((m) => console.log(m.roleMatrix()))")', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const shown = /<!-- role-matrix:start -->\n([\s\S]*?)\n<!-- role-matrix:end -->/.exec(readme)?.[1];
    expect(shown).toBe(roleMatrix());
  });

  it('names admin as the only global role and never a role a token could claim for a council', () => {
    const [head] = roleMatrix().split('\n');
    expect(head).toBe('| route | public | admin | chairperson | secretary | member | voter | staff | participant |');
  });
});
