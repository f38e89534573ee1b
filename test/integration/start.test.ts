import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('npm start', () => {
  it('says clearly that the port is taken, without a stack trace', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const failure = await run('npx', ['tsx', 'infra/local/start.ts', '--in-memory'], { env: { ...process.env, PORT: String(port) } }).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toContain(`Port ${port} is already in use`);
      expect(failure?.stderr).not.toMatch(/\n\s+at /);
    } finally {
      busy.close();
    }
  });
});
