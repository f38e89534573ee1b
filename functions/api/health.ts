import { today } from '../clock.ts';
import { handle } from '../http/handle.ts';
import { pingTable } from '../store/health.ts';
import { dispatch } from '../http/dispatch.ts';
import * as self from './health.ts';

/** 200 once the function reaches its table. */
export const health = handle('health', async function checkHealth() {
  await pingTable();
  return { json: { status: 'ok', today: today() } };
});


/** What Lambda runs for every route of this module: the route's own export, by routeKey. */
export const router = dispatch(self);
