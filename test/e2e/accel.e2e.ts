// End-to-end tests of the packaged extension in a real VS Code (code-server 4.139.1 = Code 1.139.1),
// driven by Playwright in Debian's Chromium. Recipe and constraints: ../shared/docs/e2e.md.
//
//   API level  the mocha suite in ./api (compiled to CommonJS) runs inside the extension host via
//              the test-runner extension, on its own copy of samples/gpu-workspace.
//   UI level   what a person sees, on another copy: squiggles, the Problems count, the hover card,
//              Scan Workspace from the command palette, the report panel (its totals must equal
//              the CLI's JSON for the same workspace), a click in its table opening the source.
//
// Everything started here (code-server, Chromium) is stopped by process id in after(), also when
// a test fails. Screenshots go to test-results/e2e/ (git-ignored). ACCEL_E2E_KEEP=1 keeps the temp
// folder (workspaces, logs) for a post-mortem.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { compileApiSuite } from './api/compile';
import {
  buildRunnerVsix,
  type BrowserSession,
  type CodeServer,
  countSquiggles,
  ensureInstalled,
  formatResults,
  hoverText,
  installExtension,
  launchBrowser,
  makeTempDir,
  openFile,
  openWorkbench,
  packageAccelAdvisor,
  problemCounts,
  problemsPanelBadge,
  projectRoot,
  runCommand,
  runnerEnv,
  screenshot,
  startCodeServer,
  waitFor,
  waitForResults,
  waitUntil,
} from './harness';

const log = (msg: string): void => void process.stderr.write(`[accel-e2e] ${msg}\n`);

interface CliReport {
  findings: { file: string; line: number; column: number; endLine: number; endColumn: number; ruleId: string; instanceType?: string; cost?: { count: number; monthlyUsd: number | null; suggestedMonthlyUsd: number | null } }[];
  summary: { filesScanned: number; lockInScore: number; monthlyUsd: number; suggestedMonthlyUsd: number; monthlySavingsUsd: number; bySeverity: Record<string, number> };
}

function exec(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number; cwd?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd ?? projectRoot, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, ent.name);
    newest = Math.max(newest, ent.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** dist/ as `npm run build` makes it; rebuilt when a source is newer (e.g. `npm run test:e2e` alone). */
async function ensureBuilt(): Promise<void> {
  const outputs = ['extension.js', 'heavy.js', 'worker.js', 'cli.js'].map((f) => path.join(projectRoot, 'dist', f));
  const built = Math.min(...outputs.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)));
  const sources = Math.max(newestMtime(path.join(projectRoot, 'src')), fs.statSync(path.join(projectRoot, 'package.json')).mtimeMs);
  if (built >= sources) return;
  log('dist/ is older than src/: node esbuild.mjs');
  const r = await exec(process.execPath, ['esbuild.mjs']);
  if (r.code !== 0) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
}

/** The CLI's JSON report of `workspace`, with the same price cache as the extension. */
async function cliScan(workspace: string, cacheDir: string, outFile: string): Promise<CliReport> {
  const r = await exec(process.execPath, [path.join(projectRoot, 'dist', 'cli.js'), 'scan', workspace, '--format', 'json', '--fail-on', 'none'], {
    env: { ...process.env, ACCEL_ADVISOR_CACHE_DIR: cacheDir },
  });
  if (r.code !== 0) throw new Error(`accel-advisor scan exited ${r.code}:\n${r.stderr}`);
  fs.writeFileSync(outFile, r.stdout);
  return JSON.parse(r.stdout) as CliReport;
}

/** The report page's formatUsd(n, true) (media/report.js). */
const usdWhole = (n: number) => `${n < 0 ? '−' : ''}$${Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 0 })}`;
const usd2 = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

describe('Accel Advisor in VS Code (code-server + Chromium)', function () {
  let tmp: string;
  let extensionsDir: string;
  let cacheDir: string;

  before(async function () {
    const t = Date.now();
    await ensureInstalled();
    tmp = makeTempDir('accel-e2e-');
    cacheDir = path.join(tmp, 'price-cache'); // empty: the bundled price snapshot, for the CLI and the extension alike
    fs.mkdirSync(cacheDir);
    await ensureBuilt();
    const vsix = await packageAccelAdvisor(path.join(tmp, 'accel-advisor.vsix'));
    const runner = await buildRunnerVsix();
    extensionsDir = path.join(tmp, 'extensions');
    await installExtension([vsix, runner], extensionsDir, path.join(tmp, 'install-user-data'));
    log(`packaged and installed in ${((Date.now() - t) / 1000).toFixed(1)}s`);
  });

  after(function () {
    if (tmp && process.env.ACCEL_E2E_KEEP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
    else if (tmp) log(`kept ${tmp}`);
  });

  function copyWorkspace(name: string): string {
    const ws = path.join(tmp, name, 'gpu-workspace');
    fs.cpSync(path.join(projectRoot, 'samples', 'gpu-workspace'), ws, { recursive: true });
    return ws;
  }

  describe('API level (mocha inside the extension host)', function () {
    let server: CodeServer | undefined;
    let session: BrowserSession | undefined;
    let resultsFile: string;

    before(async function () {
      const ws = copyWorkspace('api');
      const cliFile = path.join(tmp, 'api', 'cli-report.json');
      await cliScan(ws, cacheDir, cliFile);
      const suiteDir = path.join(tmp, 'api', 'suite');
      await compileApiSuite(suiteDir);
      resultsFile = path.join(tmp, 'api', 'results.json');
      const out = path.join(tmp, 'api', 'out');
      fs.mkdirSync(out);
      server = await startCodeServer({
        workspace: ws,
        extensionsDir,
        userDataDir: path.join(tmp, 'api', 'user-data'),
        env: { ...runnerEnv(suiteDir, resultsFile, { timeoutMs: 120_000 }), ACCEL_E2E_CLI_REPORT: cliFile, ACCEL_E2E_OUT: out, ACCEL_ADVISOR_CACHE_DIR: cacheDir, ACCEL_E2E_USER_DATA: path.join(tmp, 'api', 'user-data') },
      });
      // The extension host (and so the suite) starts once a window has opened the workbench.
      session = await launchBrowser();
      await openWorkbench(session.page, server, ws);
    });

    after(async function () {
      await session?.close();
      await server?.stop();
    });

    it('passes every test of test/e2e/api in the extension host', async function () {
      const results = await waitForResults(resultsFile, 300_000);
      log(`API suite in VS Code ${results.vscodeVersion}, ${((results.durationMs ?? 0) / 1000).toFixed(1)}s:\n${formatResults(results)}`);
      assert.equal(results.failures, 0, formatResults(results));
      assert.equal(results.pending ?? 0, 0, formatResults(results));
      assert.ok(results.passes >= 15, `expected the whole suite to run (${results.passes} passed):\n${formatResults(results)}`);
    });
  });

  describe('UI level (what a person sees)', function () {
    let server: CodeServer | undefined;
    let session: BrowserSession | undefined;
    let cli: CliReport;
    const page = () => session!.page;

    /** A file whose name and code carry HTML payloads: the report panel must show them as text. */
    const HOSTILE_DIR = 'hostile';
    const HOSTILE_FILE = '"><img src=x onerror=alert(1)>.py';
    const dialogs: string[] = [];

    before(async function () {
      const ws = copyWorkspace('ui');
      fs.mkdirSync(path.join(ws, HOSTILE_DIR), { recursive: true });
      fs.writeFileSync(path.join(ws, HOSTILE_DIR, HOSTILE_FILE), 'import torch\nm = Net().cuda()  # <script>alert(2)</script>\n');
      cli = await cliScan(ws, cacheDir, path.join(tmp, 'ui', 'cli-report.json'));
      server = await startCodeServer({
        workspace: ws,
        extensionsDir,
        userDataDir: path.join(tmp, 'ui', 'user-data'),
        env: { ACCEL_ADVISOR_CACHE_DIR: cacheDir },
      });
      // Tall enough that all of main.tf is on screen (squiggles render only in visible lines).
      session = await launchBrowser({ viewport: { width: 1500, height: 1700 } });
      page().on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await openWorkbench(page(), server, ws);
    });

    after(async function () {
      if (session && this.currentTest?.state === 'failed') await screenshot(session.page, 'ui-failure').catch(() => undefined);
      await session?.close();
      await server?.stop();
    });

    it('shows the squiggles of infra/terraform/main.tf and counts them in the status bar and the Problems panel', async function () {
      const expected = cli.findings.filter((f) => f.file === 'infra/terraform/main.tf');
      assert.equal(expected.length, 6, 'the CLI reports 6 findings in main.tf');
      await openFile(page(), 'infra/terraform/main.tf');
      await waitFor(page(), '.editor-group-container.active .squiggly-warning', { timeoutMs: 90_000, what: 'a warning squiggle in main.tf' });
      const squiggles = await waitUntil(async () => {
        const n = await countSquiggles(page(), 'warning');
        return n === expected.length ? n : undefined;
      }, `${expected.length} warning squiggles in main.tf`, 30_000).catch(async (e: Error) => {
        throw new Error(`${e.message}: saw ${await countSquiggles(page(), 'warning')}`);
      });
      assert.equal(squiggles, 6);
      const counts = await waitUntil(async () => {
        const c = await problemCounts(page());
        return c.warnings === expected.length ? c : undefined;
      }, 'status bar to count the 6 warnings of main.tf', 30_000);
      assert.deepEqual({ errors: counts.errors, warnings: counts.warnings, infos: counts.infos }, { errors: 0, warnings: 6, infos: 0 });
      assert.equal(await problemsPanelBadge(page()), 6);
      await screenshot(page(), 'ui-main-tf-squiggles');
    });

    it('hovers p4d.24xlarge: the card shows its price and the trn1.32xlarge counterpart', async function () {
      await openFile(page(), 'infra/terraform/main.tf');
      const f = cli.findings.find((x) => x.file === 'infra/terraform/main.tf' && x.instanceType === 'p4d.24xlarge')!;
      const each = usd2(f.cost!.monthlyUsd! / f.cost!.count);
      const text = await hoverText(page(), 'p4d.24xlarge', { expect: each, timeoutMs: 60_000 });
      assert.ok(text.includes('trn1.32xlarge'), text);
      assert.match(text, /Per month \(730 h\)/);
      assert.match(text, /\$\d[\d,]*\.\d{2,4}\/h/);
      await screenshot(page(), 'hover-card');
      await page().mouse.move(5, 5);
      await page().keyboard.press('Escape');
    });

    it('runs "Accel Advisor: Scan Workspace" from the command palette: the CLI\'s numbers in the toast and the status bar', async function () {
      await runCommand(page(), 'Accel Advisor: Scan Workspace');
      const s = cli.summary;
      const message = `Accel Advisor: ${cli.findings.length} findings in ${s.filesScanned} files, lock-in score ${s.lockInScore}.`;
      await waitFor(page(), `.notifications-toasts .notification-toast:has-text("${message}")`, { timeoutMs: 120_000, what: `the toast "${message}"` });
      const counts = await waitUntil(async () => {
        const c = await problemCounts(page());
        return c.warnings === (s.bySeverity.warning ?? 0) && c.infos === (s.bySeverity.info ?? 0) ? c : undefined;
      }, `status bar to count ${s.bySeverity.warning} warnings and ${s.bySeverity.info} infos`, 30_000).catch(async (e: Error) => {
        throw new Error(`${e.message}; shows ${JSON.stringify(await problemCounts(page()))}`);
      });
      assert.equal(counts.errors, s.bySeverity.error ?? 0);
      const status = await page().locator('.statusbar-item', { hasText: 'Lock-in' }).first().innerText();
      assert.match(status, new RegExp(`Lock-in ${s.lockInScore}\\b`));
    });

    it("opens the report panel: score, finding count and monthly totals equal the CLI's JSON", async function () {
      await runCommand(page(), 'Accel Advisor: Open Report');
      const frame = page().frameLocator('iframe.webview').frameLocator('iframe#active-frame');
      await frame.locator('h1', { hasText: 'Accel Advisor report' }).waitFor({ state: 'visible', timeout: 60_000 });
      const card = (label: string) => frame.locator('section.card', { has: frame.locator('.label', { hasText: label }) }).locator('.big').first();
      const s = cli.summary;
      const shown = {
        score: await frame.locator('section.card.score .big').innerText(),
        findings: await card('Findings').innerText(),
        now: await card('Instances now').innerText(),
        counterparts: await card('With counterparts').innerText(),
        savings: await card(s.monthlySavingsUsd >= 0 ? 'Potential savings' : 'Extra cost').innerText(),
        chartTotal: (await frame.locator('table.chart tr.total td.num').allInnerTexts()).join(' | '),
        rows: await frame.locator('.filters span.muted.small').innerText(),
      };
      await screenshot(page(), 'report-panel');
      assert.deepEqual(shown, {
        score: String(s.lockInScore),
        findings: String(cli.findings.length),
        now: `${usdWhole(s.monthlyUsd)}/mo`,
        counterparts: `${usdWhole(s.suggestedMonthlyUsd)}/mo`,
        savings: `${usdWhole(Math.abs(s.monthlySavingsUsd))}/mo`,
        chartTotal: `${usdWhole(s.monthlyUsd)} | ${usdWhole(s.suggestedMonthlyUsd)}`,
        rows: `${cli.findings.length} findings`,
      });
    });

    it('the report panel shows a hostile file name as text, runs none of it, and has a strict content security policy', async function () {
      const frame = page().frameLocator('iframe.webview').frameLocator('iframe#active-frame');
      const hostile = cli.findings.find((f) => f.file === `${HOSTILE_DIR}/${HOSTILE_FILE}`);
      assert.ok(hostile, 'the CLI reports the hostile file');
      await frame.locator('input[type=search]').fill('onerror');
      const cell = frame.locator('table.findings tbody td.loc', { hasText: `${HOSTILE_DIR}/${HOSTILE_FILE}:${hostile.line}` }).first();
      await cell.waitFor({ state: 'visible', timeout: 30_000 });
      assert.equal(await frame.locator('img').count(), 0, 'no <img> element made from the payload');
      assert.equal(await frame.locator('[onerror]').count(), 0, 'no onerror attribute anywhere');
      const csp = await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.ok(csp, 'the panel has a content security policy');
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'nonce-[^']+'/);
      assert.doesNotMatch(csp, /unsafe-inline[^;]*;?\s*$|script-src[^;]*unsafe-inline/);
      await page().waitForTimeout(500);
      assert.deepEqual(dialogs, [], 'no alert, confirm or prompt was opened');
      await screenshot(page(), 'report-panel-hostile-name');
      await frame.locator('input[type=search]').fill('');
    });

    it('a click on a row of the findings table opens the source at the finding', async function () {
      const target = cli.findings.filter((f) => f.file === 'kernels/fused_bias_gelu.cu').sort((a, b) => a.line - b.line)[0];
      assert.ok(target, 'the CLI has a finding in kernels/fused_bias_gelu.cu');
      const frame = page().frameLocator('iframe.webview').frameLocator('iframe#active-frame');
      const loc = `${target.file}:${target.line}:${target.column}`;
      await frame.locator('input[type=search]').fill('fused_bias_gelu');
      const row = frame.locator('table.findings tbody tr', { has: frame.locator('td.loc', { hasText: loc }) }).first();
      await row.waitFor({ state: 'visible', timeout: 30_000 });
      await row.click();
      await waitFor(page(), '.tabs-container .tab.active[aria-label*="fused_bias_gelu.cu"]', { what: 'the editor tab of fused_bias_gelu.cu', timeoutMs: 30_000 });
      const selection = page().locator('[id="status.editor.selection"]').first();
      // The finding's range is selected; the status bar shows where the selection ends.
      const want = `Ln ${target.endLine}, Col ${target.endColumn}`;
      await waitUntil(async () => ((await selection.innerText()).includes(want) ? true : undefined), `cursor at ${want}`, 15_000).catch(
        async (e: Error) => {
          throw new Error(`${e.message}; status bar shows ${await selection.innerText()}`);
        },
      );
      await screenshot(page(), 'report-row-opened');
    });
  });
});
