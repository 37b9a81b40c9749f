// Bundles the CLI and the extension, and copies the WebAssembly grammars beside them.
// --production minifies; --watch rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// The benchmark, bundled like the engine it measures (bench/.run.js): per-edit figures are those of
// the shipped code, not of a per-file transpile of the sources.
const bench = process.argv.includes('--bench');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const GRAMMARS = [
  'web-tree-sitter/web-tree-sitter.wasm',
  '@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm',
  '@vscode/tree-sitter-wasm/wasm/tree-sitter-cpp.wasm',
  '@vscode/tree-sitter-wasm/wasm/tree-sitter-bash.wasm',
];

function copyGrammars() {
  mkdirSync('dist/grammars', { recursive: true });
  for (const g of GRAMMARS) copyFileSync(require.resolve(g), path.join('dist/grammars', path.basename(g)));
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  // jsonc-parser's UMD build hides its requires from bundlers: prefer ES modules.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  // web-tree-sitter is an ES module that locates itself with import.meta.url; give the CJS bundle one.
  define: { ACCEL_ADVISOR_VERSION: JSON.stringify(pkg.version), 'import.meta.url': '__accelImportMetaUrl' },
  banner: { js: "var __accelImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

// typescript-estree (with the TypeScript compiler inside) is its own file, loaded on the first CDK file.
const lazy = ['@typescript-eslint/typescript-estree'];
const builds = [
  { ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js', external: lazy },
  // The extension's entry stays small for a fast activation; engine, parsers, catalog and pricing
  // are dist/heavy.js, required on first use (src/vscode/heavy.ts).
  { ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './heavy', ...lazy] },
  { ...common, entryPoints: ['src/vscode/heavy.ts'], outfile: 'dist/heavy.js', external: ['vscode', ...lazy] },
  { ...common, entryPoints: ['src/worker/scan-worker.ts'], outfile: 'dist/worker.js', external: lazy },
  { ...common, entryPoints: ['@typescript-eslint/typescript-estree'], outfile: 'dist/typescript-estree.js' },
  ...(bench ? [{ ...common, entryPoints: ['bench/run.ts'], outfile: 'bench/.run.js', external: lazy }] : []),
].filter((b) => {
  if (!/^(src|bench)\//.test(b.entryPoints[0])) return true;
  try {
    readFileSync(b.entryPoints[0]);
    return true;
  } catch {
    return false;
  }
});

copyGrammars();
if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
  console.error('watching for changes…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  try {
    chmodSync('dist/cli.js', 0o755);
  } catch {}
}
