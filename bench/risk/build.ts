/**
 * Bundles a benchmark entry with esbuild: the engine as a bundled build would run it (one module, no loader;
 * json-rules-engine and the other packages bundled in too). The bundle goes to the system's temporary directory,
 * out of the linted tree. `like: 'tsx'` uses the options tsx's loader transforms each file with (target the
 * running Node, inline source map, whitespace minified, keepNames), to tell the loader from the transform.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { HERE } from './data.ts';

export const BUNDLE_DIR = path.join(os.tmpdir(), 'fanzha-bench-risk');

export async function bundle(entry: string, name: string, like: 'plain' | 'tsx' = 'plain'): Promise<string> {
  fs.mkdirSync(BUNDLE_DIR, { recursive: true });
  const outfile = path.join(BUNDLE_DIR, `${name}.bundle${like === 'tsx' ? '-tsxopts' : ''}.mjs`);
  await build({
    entryPoints: [path.join(HERE, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // CommonJS packages inside an ES module bundle need a require
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
    ...(like === 'tsx' ? { target: `node${process.versions.node}`, sourcemap: 'inline', minifyWhitespace: true, keepNames: true } : { target: 'node20' }),
  });
  return outfile;
}
