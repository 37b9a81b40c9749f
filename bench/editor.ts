/*
 * Editor benchmark (`npm run bench:editor`): the packaged extension in a real VS Code
 * (code-server, the e2e harness of test/e2e), with the benchmark corpus (20,000 files, made by
 * `npm run bench`) opened as the workspace. Inside the extension host, Scan Workspace runs as a
 * user runs it: full scans with the scan cache off, then a scan filling the cache and repeat
 * scans reading it. The command line's scan of the same tree is timed beside it. Figures go to
 * bench/results/editor.json. Needs what the e2e tests need (`node test/e2e/setup.mjs`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import {
  buildRunnerVsix,
  ensureInstalled,
  installExtension,
  launchBrowser,
  makeTempDir,
  openWorkbench,
  packageAccelAdvisor,
  projectRoot,
  runnerEnv,
  startCodeServer,
  waitForResults,
  formatResults,
} from '../test/e2e/harness';

const RUNS = 3;
const corpus = path.join(projectRoot, 'bench', 'corpus');
const log = (m: string) => process.stderr.write(`[bench:editor] ${m}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Figures {
  vscodeVersion: string;
  node: string;
  full: { ms: number; findings: number; files: number }[];
  fill: { ms: number; findings: number; files: number };
  cached: { ms: number; findings: number; files: number }[];
  diagnostics: number;
}

/** The command line's full scan of the corpus (median of RUNS), as `npm run bench` times it. */
function cliScans(): { ms: number[]; findings: number } {
  const ms: number[] = [];
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = Date.now();
    const r = spawnSync(process.execPath, [path.join(projectRoot, 'dist', 'cli.js'), 'scan', corpus, '--format', 'json', '--quiet', '--fail-on', 'none'], { maxBuffer: 1 << 30, encoding: 'utf8' });
    ms.push(Date.now() - t);
    if (r.status !== 0) throw new Error(`the CLI scan failed: ${r.stderr}`);
    findings = (JSON.parse(r.stdout) as { findings: unknown[] }).findings.length;
  }
  return { ms, findings };
}

async function main() {
  if (!fs.existsSync(corpus)) throw new Error('no bench/corpus: run `npm run bench` first (it generates the corpus)');
  await ensureInstalled();
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: projectRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  const tmp = makeTempDir('accel-bench-editor-');
  try {
    const vsix = await packageAccelAdvisor(path.join(tmp, 'accel-advisor.vsix'));
    const extensionsDir = path.join(tmp, 'extensions');
    await installExtension([vsix, await buildRunnerVsix()], extensionsDir, path.join(tmp, 'install-user-data'));
    const suiteDir = path.join(tmp, 'suite');
    await esbuild.build({ entryPoints: [path.join(__dirname, 'editor', 'suite.ts')], outdir: suiteDir, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'mocha'], logLevel: 'warning' });
    const resultsFile = path.join(tmp, 'results.json');
    const out = path.join(tmp, 'figures.json');
    const cacheDir = path.join(tmp, 'cache');
    const server = await startCodeServer({
      workspace: corpus,
      extensionsDir,
      userDataDir: path.join(tmp, 'user-data'),
      env: { ...runnerEnv(suiteDir, resultsFile, { timeoutMs: 30 * 60_000 }), ACCEL_BENCH_EDITOR_OUT: out, ACCEL_BENCH_EDITOR_RUNS: String(RUNS), ACCEL_ADVISOR_CACHE_DIR: cacheDir },
    });
    const session = await launchBrowser();
    let figures: Figures;
    try {
      await openWorkbench(session.page, server, corpus);
      const results = await waitForResults(resultsFile, 30 * 60_000);
      if (results.failures) throw new Error(formatResults(results));
      figures = JSON.parse(fs.readFileSync(out, 'utf8')) as Figures;
    } finally {
      await session.close();
      await server.stop();
    }
    log('the command line, same tree…');
    const cli = cliScans();
    const editorMs = median(figures.full.map((r) => r.ms));
    const result = {
      date: new Date().toISOString(),
      machine: { cpus: os.availableParallelism(), model: os.cpus()[0]?.model.replace(/\s+\d+-Core.*$/, '').trim(), memGiB: Math.round(os.totalmem() / 2 ** 30) },
      vscode: figures.vscodeVersion,
      extensionHostNode: figures.node,
      files: figures.full[0].files,
      findings: { editor: figures.full[0].findings, cli: cli.findings },
      scanWorkspaceMs: { median: editorMs, runs: figures.full.map((r) => r.ms) },
      cacheFillMs: figures.fill.ms,
      cachedScanWorkspaceMs: { median: median(figures.cached.map((r) => r.ms)), runs: figures.cached.map((r) => r.ms) },
      cliScanMs: { median: median(cli.ms), runs: cli.ms },
      editorToCli: Number((editorMs / median(cli.ms)).toFixed(2)),
      diagnosticsPublished: figures.diagnostics,
    };
    fs.mkdirSync(path.join(projectRoot, 'bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join(projectRoot, 'bench', 'results', 'editor.json'), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\nwritten to bench/results/editor.json\n`);
  } finally {
    // ACCEL_E2E_KEEP=1 keeps the folder (code-server's and the extension's logs), as for the e2e tests.
    if (process.env.ACCEL_E2E_KEEP === '1') log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:editor failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
