// Compiles the API-level suite (test/e2e/api/*.test.ts) to plain CommonJS .js files that a mocha
// inside the extension host can require(): bundled with esbuild, `vscode` (the host's API) and
// `mocha` left external. Used by ../accel.e2e.ts (code-server) and ../electron/run.ts.
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

export const apiSuiteSrc = __dirname;

/** Writes one .js per *.test.ts into `outDir` (emptied first) and returns the file paths. */
export async function compileApiSuite(outDir: string): Promise<string[]> {
  const entries = fs
    .readdirSync(apiSuiteSrc)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.join(apiSuiteSrc, f));
  if (entries.length === 0) throw new Error(`no *.test.ts in ${apiSuiteSrc}`);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: entries,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return entries.map((e) => path.join(outDir, `${path.basename(e, '.ts')}.js`));
}
