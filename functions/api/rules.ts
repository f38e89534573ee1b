import { today } from '../clock.ts';
import { handle } from '../http/handle.ts';
import { evaluate as evaluateAt } from '../rules/evaluate.ts';
import { versionHistory } from '../rules/history.ts';
import { currentEdition, currentLaw } from './wiring.ts';
import { dispatch } from '../http/dispatch.ts';
import * as self from './rules.ts';

/** POST /v1/rules/evaluate (public): any question of the law, at any date, by the law as published now. */
export const evaluate = handle('rules.evaluate', async ({ body }) => ({ json: await evaluateAt(await currentLaw(), body) }));

/** GET /v1/rules/versions (public): every version ever recorded, with its dates and its status on `at` (withdrawn ones too). */
export const versions = handle('rules.versions', async ({ query }) => {
  const at = query.at ?? today();
  const { law, stored } = await currentEdition();
  return { json: { at, versions: versionHistory(law, stored, at) } };
});


/** What Lambda runs for every route of this module: the route's own export, by routeKey. */
export const router = dispatch(self);
