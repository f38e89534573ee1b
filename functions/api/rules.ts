import { today } from '../clock.ts';
import { handle } from '../http/handle.ts';
import { evaluate as evaluateAt, listVersions } from '../rules/index.ts';
import { currentLaw } from './wiring.ts';

/** POST /v1/rules/evaluate (public): any question of the law, at any date. */
export const evaluate = handle('rules.evaluate', async ({ body }) => ({ json: await evaluateAt(currentLaw(), body) }));

/** GET /v1/rules/versions (public): every version of the act, with its dates and status on `at`. */
export const versions = handle('rules.versions', async ({ query }) => {
  const at = query.at ?? today();
  return { json: { at, versions: listVersions(currentLaw(), at) } };
});
