import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { routes } from '../../functions/api/routes.ts';
import { BUNDLING } from '../../infra/constructs/kenes-function.ts';
import { functionsDir } from '../../infra/constructs/paths.ts';

/** One API function's bundle as CDK builds it: where it is, its size minified, what it carries. */
export type Bundle = { module: string; file: string; bytes: number; mapBytes: number; inputs: { path: string; bytes: number }[] };

/** The handler modules of the API: one function each (infra/constructs/kenes-api.ts). */
export function apiModules(): string[] {
  return [...new Set(routes.map((route) => route.module))];
}

/**
 * Bundles a handler module with esbuild and the very options KenesFunction hands NodejsFunction
 * (BUNDLING), so what is measured is what deploys; the metafile says which inputs fill it.
 */
export async function bundle(module: string, outRoot: string): Promise<Bundle> {
  const dir = join(outRoot, module.replace(/[/.]/g, '-'));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'index.mjs');
  const result = await build({
    entryPoints: [join(functionsDir, module)],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: BUNDLING.format,
    mainFields: [...BUNDLING.mainFields],
    banner: { js: BUNDLING.banner },
    minify: BUNDLING.minify,
    sourcemap: BUNDLING.sourceMap,
    target: BUNDLING.target,
    external: [...BUNDLING.externalModules],
    metafile: true,
    logLevel: 'error',
  });
  // As KenesFunction's afterBundling: the precompiled law beside index.mjs.
  copyFileSync(join(functionsDir, 'rules', 'law-document.json'), join(dir, 'law-document.json'));
  return { module, file, ...sizes(result.metafile, file) };
}

function sizes(metafile: Metafile, file: string): Omit<Bundle, 'module' | 'file'> {
  const outputs = Object.entries(metafile.outputs);
  const js = outputs.find(([path]) => file.endsWith(path) || path.endsWith('index.mjs'))![1];
  const map = outputs.find(([path]) => path.endsWith('.map'))?.[1];
  const inputs = Object.entries(js.inputs)
    .map(([path, input]) => ({ path, bytes: input.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return { bytes: js.bytes, mapBytes: map?.bytes ?? 0, inputs };
}

/** Bytes per package (or per kenes folder): what to cut first. */
export function byPackage(inputs: Bundle['inputs']): [string, number][] {
  const totals = new Map<string, number>();
  for (const { path, bytes } of inputs) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = m ? m[1]! : path.split('/').slice(0, 2).join('/');
    totals.set(key, (totals.get(key) ?? 0) + bytes);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}
