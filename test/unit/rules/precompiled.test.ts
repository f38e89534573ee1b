import { describe, expect, it } from 'vitest';
import { buildLaw, defaultRulesDir, evaluate, readRulesDir } from '../../../functions/rules/index.ts';
import { precompiledLaw } from '../../../functions/rules/precompiled.ts';

describe('the law precompiled to JSON (functions/rules/law-document.json)', () => {
  const fromYaml = readRulesDir(defaultRulesDir());

  it('is rules/ exactly: after editing rules/, run `npm run rules -- compile` and commit both', () => {
    // A stale copy would make functions answer by an older law than rules/ states.
    expect(precompiledLaw()).toStrictEqual(JSON.parse(JSON.stringify(fromYaml)));
  });

  it('answers as the YAML does', async () => {
    const request = { question: 'decision', at: '2020-03-02', facts: { membersTotal: 11, membersPresent: 10, votesFor: 5, votesAgainst: 5, abstained: 0, presidingVote: 'for' } };
    const a = await evaluate(buildLaw(precompiledLaw()), request);
    const b = await evaluate(buildLaw(fromYaml), request);
    expect(a).toEqual(b);
  });
});
