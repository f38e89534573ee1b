import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PutItemCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTable, localClient, startDynamo } from '../../infra/local/dynamo.ts';
import { repoRoot } from '../../infra/local/server.ts';

/**
 * Local mode (`npm start`, the tests' DynamoDB Local) listens on 127.0.0.1 only, and keeps its
 * files private to the user. Proved through real sockets: a connection to a non-loopback
 * address of this machine is refused, while a control server bound to every interface is
 * reachable on that very address (so the refusal is the binding, not the network).
 */

const run = promisify(execFile);

/** A non-loopback IPv4 address of this machine, if it has one. */
const otherAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal && !a.address.startsWith('127.'))?.address;
const NO_ADDRESS = 'this machine has no non-loopback IPv4 address: cannot prove that local mode is unreachable from another interface';

/** Opens a TCP connection and closes it: 'connected', or the error code (ECONNREFUSED, …). */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(10_000, () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

const portOf = (url: string) => Number(new URL(url).port);

/** Every directory and file under `root` with its permission bits: ['700 ./', '600 db/x.db', …]. */
function modes(root: string): string[] {
  const found: string[] = [];
  const visit = (path: string, name: string) => {
    const stat = lstatSync(path);
    found.push(`${(stat.mode & 0o777).toString(8)} ${name}${stat.isDirectory() ? '/' : ''}`);
    if (stat.isDirectory()) for (const child of readdirSync(path)) visit(join(path, child), name === '.' ? child : `${name}/${child}`);
  };
  visit(root, '.');
  return found;
}
/** The same entries as they must be: directories 0700, files 0600. */
const privateModes = (found: string[]) => found.map((entry) => entry.replace(/^\d+ (.*)$/, (_, name: string) => `${name.endsWith('/') ? '700' : '600'} ${name}`));
const names = (found: string[]) => found.map((entry) => entry.replace(/^\d+ /, ''));

describe('local mode listens on 127.0.0.1 only', () => {
  it('a server bound to every interface is reachable on the non-loopback address (the control)', async (ctx) => {
    if (!otherAddress) ctx.skip(NO_ADDRESS);
    const control = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => control.listen(0, '0.0.0.0', resolve));
    try {
      expect(await tryConnect(otherAddress!, (control.address() as AddressInfo).port), `a connection to ${otherAddress} must work for the tests below to mean anything`).toBe('connected');
    } finally {
      control.close();
    }
  });

  it("DynamoDB Local from startDynamo() answers on 127.0.0.1 and refuses the machine's other address", async (ctx) => {
    const endpoint = inject('dynamoEndpoint');
    expect(new URL(endpoint).hostname).toBe('127.0.0.1');
    expect((await localClient(endpoint).send(new ListTablesCommand({}))).TableNames).toBeInstanceOf(Array);
    expect(await tryConnect('127.0.0.1', portOf(endpoint))).toBe('connected');
    if (!otherAddress) ctx.skip(NO_ADDRESS);
    expect(await tryConnect(otherAddress!, portOf(endpoint))).toBe('ECONNREFUSED');
  });
});

describe('npm start', () => {
  let dir: string;
  let port: number;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kenes-local-mode-'));
    // An older kenes left its data readable by everyone: npm start makes it private.
    mkdirSync(join(dir, 'data'), { mode: 0o755 });
    chmodSync(join(dir, 'data'), 0o755);
    writeFileSync(join(dir, 'data', 'local.json'), '{}', { mode: 0o644 });
    chmodSync(join(dir, 'data', 'local.json'), 0o644);
    port = await freeLoopbackPort();
    // As `npm start -- --no-demo` runs it (tsx), persisted under a data directory of its own.
    child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', '--no-demo'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: String(port), KENES_DATA_DIR: join(dir, 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      let exited = false;
      const check = () => {
        if (output.includes('kenes is running at')) return resolve();
        if (!exited) setTimeout(check, 200);
      };
      child!.once('exit', (code) => {
        exited = true;
        reject(new Error(`npm start exited with code ${code}:\n${output}`));
      });
      check();
    });
  }, 180_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM'); // npm start stops the server and Java on SIGTERM
      const force = setTimeout(() => child!.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(force);
    }
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('says where it listens: 127.0.0.1', () => {
    expect(output).toContain(`kenes is running at http://127.0.0.1:${port}`);
    expect(output).toMatch(/listens: 127\.0\.0\.1 only \(DynamoDB Local at http:\/\/127\.0\.0\.1:\d+\)/);
  });

  it('answers on 127.0.0.1', async () => {
    const health = await fetch(`http://127.0.0.1:${port}/v1/health`);
    expect(health.status).toBe(200);
  });

  it("is not reachable on the machine's other address: neither the server nor its DynamoDB Local", async (ctx) => {
    if (!otherAddress) ctx.skip(NO_ADDRESS);
    const state = JSON.parse(readFileSync(join(dir, 'data', 'local.json'), 'utf8')) as { endpoint: string; url: string };
    expect(state.url).toBe(`http://127.0.0.1:${port}`);
    expect(await tryConnect(otherAddress!, port)).toBe('ECONNREFUSED');
    expect(await tryConnect(otherAddress!, portOf(state.endpoint))).toBe('ECONNREFUSED');
    expect(await tryConnect('127.0.0.1', portOf(state.endpoint))).toBe('connected');
  });

  it('keeps its data directory 0700 and every file in it 0600, the signing key and DynamoDB Local’s database included', () => {
    const found = modes(join(dir, 'data'));
    expect(names(found)).toEqual(expect.arrayContaining(['./', 'dynamodb/', 'local-signing.key', 'local.json', 'dynamodb/shared-local-instance.db']));
    expect(found).toEqual(privateModes(found));
  });
});

describe('startDynamo(path)', () => {
  it('keeps the directory 0700 and every file DynamoDB Local writes 0600, and listens on 127.0.0.1 only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenes-dynamo-files-'));
    const path = join(dir, 'db');
    mkdirSync(path, { mode: 0o755 });
    chmodSync(path, 0o755);
    try {
      const dynamo = await startDynamo(path);
      try {
        expect(new URL(dynamo.endpoint).hostname).toBe('127.0.0.1');
        await createTable(dynamo.endpoint, 'files');
        const client = localClient(dynamo.endpoint);
        for (let i = 0; i < 20; i++) await client.send(new PutItemCommand({ TableName: 'files', Item: { pk: { S: 'P' }, sk: { S: `item-${i}` } } }));
        client.destroy();
        const running = modes(path);
        expect(names(running)).toContain('shared-local-instance.db');
        expect(running).toEqual(privateModes(running));
        if (otherAddress) expect(await tryConnect(otherAddress, portOf(dynamo.endpoint))).toBe('ECONNREFUSED');
      } finally {
        await dynamo.stop();
      }
      const stopped = modes(path);
      expect(stopped).toEqual(privateModes(stopped));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('fails with a clear message when Java is missing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'kenes-no-java-'));
    try {
      const failure = await run(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', '--in-memory', '--no-demo'], {
        cwd: repoRoot,
        env: { ...process.env, PATH: empty, PORT: String(await freeLoopbackPort()) },
      }).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toContain('no `java` on the PATH');
      expect(failure?.stderr).toContain('Java 17');
      expect(failure?.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the committed DynamoDB Local launcher', () => {
  it('is compiled from its source (javac 17: javac --release 17 -d infra/local/java infra/local/java/LoopbackDynamoDB.java)', async (ctx) => {
    const version = await run('javac', ['-version']).then(
      ({ stdout, stderr }) => `${stdout}${stderr}`.trim(),
      () => undefined,
    );
    if (!version) ctx.skip('no javac on this machine (a Java runtime runs the committed class; only rebuilding it needs a JDK)');
    if (!/^javac 17\./.test(version!)) ctx.skip(`${version} may compile other bytes than javac 17: compare with javac 17`);
    const out = mkdtempSync(join(tmpdir(), 'kenes-launcher-'));
    try {
      await run('javac', ['--release', '17', '-d', out, join(repoRoot, 'infra/local/java/LoopbackDynamoDB.java')]);
      const committed = readFileSync(join(repoRoot, 'infra/local/java/LoopbackDynamoDB.class'));
      expect(readFileSync(join(out, 'LoopbackDynamoDB.class')).equals(committed), 'infra/local/java/LoopbackDynamoDB.class is stale: rebuild it').toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
