import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import type { MinutesDoc } from '../../functions/meetings/minutes-doc.ts';
import { KenesFunction } from '../../infra/constructs/kenes-function.ts';
import { rulesDir } from '../../infra/constructs/paths.ts';

/**
 * The one test that really runs esbuild (every other infra test skips bundling): the bundle
 * Lambda gets is an ES module with the law's rules/ beside it, and — for a function that
 * renders the minutes — the fonts, with which the bundled renderer really writes a PDF.
 */
let outdir: string;
let assetDir: string;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'kenes-bundle-'));
  const app = new App({ outdir });
  const stack = new Stack(app, 'Bundle');
  // The PDF renderer itself, bundled as the minutes' functions bundle it (pdfmake is the
  // dependency that needs the banner's require/__dirname and the shipped fonts).
  new KenesFunction(stack, 'Pdf', { module: 'meetings/render-pdf.ts', handler: 'renderMinutesPdf', fonts: true });
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
    expect(code.startsWith("import { createRequire as __kenesCreateRequire } from 'module';")).toBe(true);
    expect(existsSync(join(assetDir, 'index.mjs.map'))).toBe(true);
  });

  it('carries the rules/ folder, file for file', () => {
    expect(statSync(join(assetDir, 'rules')).isDirectory()).toBe(true);
    const list = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();
    expect(list(join(assetDir, 'rules'))).toEqual(list(rulesDir));
  });

  it('carries the law precompiled to JSON beside index.mjs, as functions/rules/precompiled.ts reads it', () => {
    const shipped = readFileSync(join(assetDir, 'law-document.json'), 'utf8');
    expect(shipped).toBe(readFileSync(join(rulesDir, '..', 'functions', 'rules', 'law-document.json'), 'utf8'));
  });

  it('ships the fonts, and the bundled renderer writes a PDF with them', async () => {
    const fonts = join(assetDir, 'fonts', 'Roboto');
    expect(readdirSync(fonts).filter((f) => f.endsWith('.ttf')).length).toBeGreaterThanOrEqual(4);
    process.env.KENES_FONTS_DIR = fonts;
    const bundled = (await import(pathToFileURL(join(assetDir, 'index.mjs')).href)) as { renderMinutesPdf: (doc: MinutesDoc, lang: 'kk') => Promise<Buffer> };
    const pdf = await bundled.renderMinutesPdf(minimalMinutes, 'kk');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    delete process.env.KENES_FONTS_DIR;
  });
});

const minimalMinutes: MinutesDoc = {
  council: { id: 'c', name: { kk: 'Үйлестіру кеңесі', ru: 'Координационный совет', en: 'Coordination Council' }, parent: { kk: 'Адам құқықтары жөніндегі уәкіл жанындағы Үйлестіру кеңесі', ru: 'Координационный совет при Уполномоченном по правам человека' } },
  meeting: {
    id: 'm',
    kind: 'regular',
    date: '2020-06-10',
    number: 1,
    place: { kk: 'Астана қ.', ru: 'г. Астана' },
    startTime: '10:00',
    endTime: '12:30',
    convenedBy: { name: 'Әзімова', capacity: 'chairperson' },
    presiding: { name: 'Әзімова', capacity: 'chairperson' },
    chairperson: { name: 'Әзімова' },
  },
  agenda: [],
  present: [{ name: 'Әзімова', capacity: 'chairperson' }],
  absent: [],
  invited: [],
  hearings: [],
  quorum: { outcome: 'not-quorate', reasons: [] },
  motions: [],
  complaints: [],
  signatures: [],
  voidedSignatures: [],
  awaiting: [],
  sealed: false,
  corrections: [],
  contentHash: '0'.repeat(64),
};
