import { today } from '../clock.ts';
import { handle } from '../http/handle.ts';
import { pingTable } from '../store/health.ts';

/** 200 once the function reaches its table. */
export const health = handle('health', async function checkHealth() {
  await pingTable();
  return { json: { status: 'ok', today: today() } };
});
