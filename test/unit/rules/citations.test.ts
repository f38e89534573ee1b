import { describe, expect, it } from 'vitest';
import { KenesError } from '../../../functions/errors.ts';
import { citedPoints, walk } from '../../../functions/rules/conditions.ts';
import { evaluate } from '../../../functions/rules/index.ts';
import { caseFiles, doc, law } from './law.ts';

/** Where the law decides, the answer cites the point: every citation names a point of points.yaml. */
const points = new Set(law.versions.flatMap((v) => Object.keys(v.state.points)));
const versionIds = new Set(law.versions.map((v) => v.id));

/** Every point the rule documents cite: rules, conditions, events, otherwise reasons. */
function citedByRules(): Set<string> {
  const cited = new Set<string>();
  for (const version of doc.versions)
    for (const question of Object.values(version.changes.questions)) {
      if ('unknown' in question) continue;
      question.otherwise.reasons.forEach((r) => cited.add(r.point));
      for (const rule of question.rules) {
        cited.add(rule.event.params.point);
        citedPoints(rule.name)?.forEach((p) => cited.add(p));
        walk(rule.conditions, '', () => {}, (leaf) => citedPoints(leaf.name)?.forEach((p) => cited.add(p)));
      }
    }
  return cited;
}

describe('citations', () => {
  it('every rule, condition and reason of the data cites a point that exists in points.yaml', () => {
    for (const point of citedByRules()) expect(points, point).toContain(point);
  });

  it('every reason of every answer (and refusal) cites a point of points.yaml, or the version that decided it', async () => {
    let reasons = 0;
    for (const file of caseFiles())
      for (const c of file.cases as { at: string; facts: unknown; parameters?: Record<string, unknown> }[]) {
        const answer = await evaluate(law, { question: file.question, at: c.at, facts: c.facts }, { parameters: c.parameters }).catch((e: KenesError) => e);
        for (const reason of answer instanceof KenesError ? (answer.reasons ?? []) : answer.reasons) {
          reasons++;
          expect(points.has(reason.point) || versionIds.has(reason.point), reason.point).toBe(true);
          for (const text of Object.values(reason.message)) expect(text, reason.code).not.toMatch(/\{\w+\}/); // every placeholder filled
        }
      }
    expect(reasons).toBeGreaterThan(50);
  });

  it('every point a rule decides by is shown by at least one case', () => {
    const shown = new Set(caseFiles().flatMap((f) => (f.cases as { points: string[] }[]).flatMap((c) => c.points)));
    const decided = doc.versions.flatMap((v) => Object.values(v.changes.questions)).flatMap((q) => ('unknown' in q ? [] : q.rules.map((r) => r.event.params.point)));
    for (const point of new Set(decided)) expect(shown, point).toContain(point);
  });
});
