/* Benchmark: `npm run bench` (full corpus) or `npm run bench -- --quick` (under a minute). */
import { spawn, spawnSync } from 'node:child_process';
import { promises as fs, statSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allAnalyzers } from '../src/analyzers';
import { DEFAULT_CONFIG } from '../src/core/config';
import { SourceDocument } from '../src/core/document';
import { analyzeDocument } from '../src/core/engine';
import { releaseDocument } from '../src/core/open-documents';
import { FULL, QUICK, RG_PATTERNS, generateCorpus } from './corpus';
import { LANGUAGES } from './documents';

const root = path.resolve(__dirname, '..');
const quick = process.argv.includes('--quick');
const spec = quick ? QUICK : FULL;
const corpus = path.join(root, 'bench', quick ? 'corpus-quick' : 'corpus');
const runs = quick ? 3 : 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

function timeCommand(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ ms: number; stderr: string; code: number }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, stderr, code: code ?? -1 }));
  });
}

/** One full CLI scan of the corpus (extra arguments: `--no-ripgrep`). */
async function scanOnce(extra: string[]) {
  const cli = path.join(root, 'dist', 'cli.js');
  const r = await timeCommand(process.execPath, [cli, 'scan', corpus, '--format', 'json', '--output', os.devNull, '--quiet', '--fail-on', 'none', ...extra], { ...process.env, ACCEL_ADVISOR_REPORT_RSS: '1' });
  if (r.code !== 0) throw new Error(`scan failed (${r.code}): ${r.stderr}`);
  const m = /maxRSS (\d+)/.exec(r.stderr);
  return { ms: r.ms, rssMb: m ? Number(m[1]) / 1024 : undefined };
}

function scanFigures(bytes: number, runs: { ms: number; rssMb?: number }[]) {
  const ms = median(runs.map((r) => r.ms));
  const rss = runs.map((r) => r.rssMb).filter((x): x is number => x !== undefined);
  return { wallMs: Math.round(ms), runsMs: runs.map((r) => Math.round(r.ms)), filesPerSec: Math.round(spec.files / (ms / 1000)), mbPerSec: Number((bytes / 1e6 / (ms / 1000)).toFixed(1)), peakRssMb: Math.round(Math.max(...rss)) };
}

/**
 * The full scan as shipped (ripgrep picking the files to read, when rg is installed), the same
 * scan with --no-ripgrep (Node reads every file), and ripgrep alone, taken in turns, run after
 * run: this machine's speed drifts by tens of percent within minutes, and ratios of figures
 * taken minutes apart would measure the drift.
 */
async function benchScans(bytes: number) {
  const withRg: { ms: number; rssMb?: number }[] = [];
  const noRg: { ms: number; rssMb?: number }[] = [];
  const rgMs: number[] = [];
  const rgAvailable = spawnSync('rg', ['--version']).status === 0;
  for (let i = 0; i < runs; i++) {
    if (rgAvailable) rgMs.push((await timeCommand('rg', ripgrepArgs())).ms);
    withRg.push(await scanOnce([]));
    noRg.push(await scanOnce(['--no-ripgrep']));
  }
  return { scan: scanFigures(bytes, withRg), scanNoRipgrep: scanFigures(bytes, noRg), rgMs };
}

/**
 * A repeat scan with `--cache` (what CI or an editor pays on an unchanged tree): one run fills a
 * fresh cache, then the median of the warm runs. Files are stat'ed, not read or analysed.
 */
async function benchCachedScan() {
  const cli = path.join(root, 'dist', 'cli.js');
  const cacheDir = path.join(root, 'bench', '.scan-cache');
  await fs.rm(cacheDir, { recursive: true, force: true });
  const env = { ...process.env, ACCEL_ADVISOR_REPORT_RSS: '1', ACCEL_ADVISOR_CACHE_DIR: cacheDir };
  const args = [cli, 'scan', corpus, '--cache', '--format', 'json', '--output', os.devNull, '--quiet', '--fail-on', 'none'];
  const fill = await timeCommand(process.execPath, args, env);
  if (fill.code !== 0) throw new Error(`cached scan failed (${fill.code}): ${fill.stderr}`);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await timeCommand(process.execPath, args, env);
    if (r.code !== 0) throw new Error(`cached scan failed (${r.code}): ${r.stderr}`);
    times.push(r.ms);
  }
  return { fillMs: Math.round(fill.ms), wallMs: Math.round(median(times)), runsMs: times.map(Math.round) };
}

function ripgrepArgs(): string[] {
  return ['--count-matches', '--no-messages', ...RG_PATTERNS.flatMap((p) => ['-e', p]), corpus];
}

function ripgrepFigures(times: number[]) {
  const rg = spawnSync('rg', ['--version']);
  if (rg.status !== 0 || !times.length) return { available: false as const, note: 'ripgrep not installed (apt-get install ripgrep)' };
  return { available: true as const, wallMs: Math.round(median(times)), runsMs: times.map(Math.round), version: rg.stdout.toString().split('\n')[0] };
}

/**
 * Per-edit latency, as the editor pays it: the document stays open (its tree is reused) and each
 * iteration types one character in the middle of the file, then analyses the whole document.
 * A cold figure (first analysis of the file, fresh parse) is reported beside it.
 */
async function benchLatency() {
  const out: Record<string, Record<string, { p50: number; p95: number; coldMs: number; findings: number }>> = {};
  for (const lang of LANGUAGES) {
    out[lang.name] = {};
    for (const lines of [1000, 5000, 20000]) {
      const base = lang.make(lines);
      const key = `bench:${lang.name}:${lines}`;
      // 40 edits at every size: with the 15 (20k lines) and 25 (5k) used before 2026-11-25 03:00, the
      // nearest-rank p95 was the slowest edit or the second slowest, i.e. one garbage collection.
      const iterations = 40;
      const t0 = process.hrtime.bigint();
      const first = await analyzeDocument(new SourceDocument(lang.file, base, undefined, key), allAnalyzers, DEFAULT_CONFIG);
      const coldMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const mid = base.indexOf('\n', Math.floor(base.length / 2));
      const ms: number[] = [];
      let text = base;
      for (let i = 0; i < iterations + 3; i++) {
        // Type a character on a blank-ish spot: the end of the middle line (inside no token).
        text = `${text.slice(0, mid)}${i % 2 ? '' : ' '}${text.slice(mid + (i % 2 ? 1 : 0))}`;
        const t = process.hrtime.bigint();
        await analyzeDocument(new SourceDocument(lang.file, text, undefined, key), allAnalyzers, DEFAULT_CONFIG);
        if (i >= 3) ms.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      // Closed, as the editor closes it: what it kept between edits does not weigh on the next document's figures.
      releaseDocument(key);
      out[lang.name][`${lines / 1000}k`] = { p50: Number(percentile(ms, 50).toFixed(1)), p95: Number(percentile(ms, 95).toFixed(1)), coldMs: Number(coldMs.toFixed(1)), findings: first.findings.length };
    }
  }
  return out;
}

function benchActivation() {
  const ext = path.join(root, 'dist', 'extension.js');
  if (!existsSync(ext)) return { available: false as const, note: 'dist/extension.js not built' };
  const r = spawnSync(process.execPath, [path.join(__dirname, 'activate-probe.js'), ext], { encoding: 'utf8' });
  const times = (r.stdout.match(/activateMs (\S+)/g) ?? []).map((l) => Number(l.split(' ')[1]));
  if (!times.length) return { available: false as const, note: `probe failed: ${r.stderr.slice(0, 400)}` };
  return { available: true as const, activateMs: Number(median(times).toFixed(1)), runsMs: times };
}

/** Every JavaScript bundle shipped: the extension's entry and what it loads on first use, the CLI, the worker, and the TypeScript parser (loaded for the first CDK file). */
function bundleSizes() {
  const sizes: Record<string, number> = {};
  for (const f of ['extension.js', 'heavy.js', 'cli.js', 'worker.js', 'typescript-estree.js']) {
    const p = path.join(root, 'dist', f);
    if (existsSync(p)) sizes[f] = statSync(p).size;
  }
  let grammars = 0;
  const g = path.join(root, 'dist', 'grammars');
  if (existsSync(g)) for (const f of require('node:fs').readdirSync(g)) grammars += statSync(path.join(g, f)).size;
  sizes['grammars (total)'] = grammars;
  return sizes;
}

async function main() {
  if (process.argv.includes('--latency-only')) {
    // A developer shortcut: only the per-edit latency table, nothing written.
    for (const [lang, byLines] of Object.entries(await benchLatency())) {
      process.stdout.write(`${lang.padEnd(11)} ${Object.entries(byLines).map(([k, v]) => `${k}: p50 ${v.p50} / p95 ${v.p95} ms (cold ${v.coldMs})`).join('; ')}\n`);
    }
    return;
  }
  const t0 = Date.now();
  process.stderr.write(`corpus: ${corpus} (${spec.files} files, seed ${spec.seed})…\n`);
  const meta = await generateCorpus(corpus, spec);
  process.stderr.write(`corpus ready: ${meta.files} files, ${(meta.bytes / 1e6).toFixed(1)} MB\n`);
  process.stderr.write('full scan, the same with --no-ripgrep, and ripgrep, in turns…\n');
  const scans = await benchScans(meta.bytes);
  const { scan, scanNoRipgrep } = scans;
  const rg = ripgrepFigures(scans.rgMs);
  process.stderr.write('repeat scan with --cache…\n');
  const cached = await benchCachedScan();
  process.stderr.write('single-document latency…\n');
  const latency = await benchLatency();
  const activation = benchActivation();
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    corpus: { files: meta.files, mb: Number((meta.bytes / 1e6).toFixed(1)), seed: spec.seed, quick },
    scan,
    ripgrep: rg,
    scanToRipgrepRatio: rg.available ? Number((scan.wallMs / rg.wallMs).toFixed(2)) : null,
    /** Node reading every file itself (`--no-ripgrep`). */
    scanNoRipgrep,
    scanNoRipgrepToRipgrepRatio: rg.available ? Number((scanNoRipgrep.wallMs / rg.wallMs).toFixed(2)) : null,
    cachedScan: cached,
    cachedScanToRipgrepRatio: rg.available ? Number((cached.wallMs / rg.wallMs).toFixed(2)) : null,
    latencyMs: latency,
    activation,
    bundleBytes: bundleSizes(),
    benchSeconds: Math.round((Date.now() - t0) / 1000),
  };
  await fs.mkdir(path.join(root, 'bench', 'results'), { recursive: true });
  await fs.writeFile(path.join(root, 'bench', 'results', quick ? 'latest-quick.json' : 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);

  const rows: [string, string][] = [
    ['corpus', `${meta.files} files, ${result.corpus.mb} MB`],
    ['full scan (median)', `${scan.wallMs} ms, ${scan.filesPerSec} files/s, ${scan.mbPerSec} MB/s, peak RSS ${scan.peakRssMb} MB`],
    ['ripgrep (median)', rg.available ? `${rg.wallMs} ms` : rg.note],
    ['scan / ripgrep', result.scanToRipgrepRatio === null ? 'n/a' : `${result.scanToRipgrepRatio}×`],
    ['scan --no-ripgrep (median)', `${scanNoRipgrep.wallMs} ms, peak RSS ${scanNoRipgrep.peakRssMb} MB${result.scanNoRipgrepToRipgrepRatio === null ? '' : `, ${result.scanNoRipgrepToRipgrepRatio}× ripgrep`}`],
    ['repeat scan, --cache (median)', `${cached.wallMs} ms (filling the cache: ${cached.fillMs} ms)`],
    ['cached scan / ripgrep', result.cachedScanToRipgrepRatio === null ? 'n/a' : `${result.cachedScanToRipgrepRatio}×`],
  ];
  for (const [lang, byLines] of Object.entries(latency)) {
    rows.push([`per-edit ${lang}`, Object.entries(byLines).map(([k, v]) => `${k}: p50 ${v.p50} / p95 ${v.p95} ms (cold ${v.coldMs})`).join('; ')]);
  }
  rows.push(['activation', activation.available ? `${activation.activateMs} ms` : activation.note]);
  rows.push(['bundle', Object.entries(result.bundleBytes).map(([k, v]) => `${k} ${(v / 1e6).toFixed(2)} MB`).join(', ')]);
  const w = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`\n${rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n')}\n\nwritten to bench/results/${quick ? 'latest-quick.json' : 'latest.json'}\n`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).stack}\n`);
  process.exitCode = 1;
});
