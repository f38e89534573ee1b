import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeById } from '../../functions/api/routes.ts';
import { KenesFunction } from '../../infra/constructs/kenes-function.ts';
import { rulesDir } from '../../infra/constructs/paths.ts';

/**
 * The one test that really runs esbuild (every other infra test skips bundling): the bundle
 * Lambda gets is an ES module with the law's rules/ beside it.
 */
let outdir: string;
let assetDir: string;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'kenes-bundle-'));
  const app = new App({ outdir });
  const stack = new Stack(app, 'Bundle');
  const route = routeById('health');
  new KenesFunction(stack, 'Health', { module: route.module, handler: route.handler });
  const assembly = app.synth();
  const resources = Object.values(assembly.getStackByName('Bundle').template.Resources) as {
    Type: string;
    Properties: { Code: { S3Key: string } };
  }[];
  const fn = resources.find((r) => r.Type === 'AWS::Lambda::Function');
  assetDir = join(assembly.directory, `asset.${fn!.Properties.Code.S3Key.replace(/\.zip$/, '')}`);
}, 120_000); // esbuild plus synth; vitest's hook default is 10 s

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe('KenesFunction: bundle', () => {
  it('is an ES module index.mjs that can require CommonJS dependencies', () => {
    const code = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
    expect(code.startsWith("import { createRequire } from 'module';")).toBe(true);
    expect(existsSync(join(assetDir, 'index.mjs.map'))).toBe(true);
  });

  it('carries the rules/ folder, file for file', () => {
    expect(statSync(join(assetDir, 'rules')).isDirectory()).toBe(true);
    const list = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();
    expect(list(join(assetDir, 'rules'))).toEqual(list(rulesDir));
  });
});
