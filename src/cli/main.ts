import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { allAnalyzers, ruleDescriptors } from '../analyzers';
import { ConfigError, loadConfig } from '../core/config';
import { CancelledError } from '../core/discovery';
import { severityRank } from '../core/types';
import { buildReport, formatReport } from '../report';
import { writeFileAtomic } from '../core/atomic-write';
import { defaultCacheDir, loadActiveSnapshot } from '../pricing/cache';
import type { PriceSnapshot } from '../pricing/snapshot';
import { setCodeCacheDir } from '../core/code-cache';
import { loadPriceOverrides } from '../pricing/overrides';
import { PriceFileError } from '../pricing/errors';
import { HELP, parseCliArgs, UsageError, type FailOn, type ScanArgs } from './args';
import { scanPaths } from './scan-paths';
import { createFileAnalyzer } from './file-analyzer';
import { defaultScanCacheFile, ScanCache } from '../core/scan-cache';
import { describeRipgrep } from '../core/ripgrep';
import { runPricingRefresh } from './pricing-refresh';

declare const ACCEL_ADVISOR_VERSION: string | undefined;
export const VERSION = typeof ACCEL_ADVISOR_VERSION === 'string' ? ACCEL_ADVISOR_VERSION : '0.1.0';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export function exitCodeFor(severities: string[], failOn: FailOn): 0 | 1 {
  if (failOn === 'none') return 0;
  const threshold = severityRank(failOn);
  return severities.some((s) => severityRank(s as 'error') >= threshold) ? 1 : 0;
}

async function runScan(args: ScanArgs, io: Io): Promise<number> {
  const paths = args.paths.map((p) => path.resolve(io.cwd, p));
  const firstDir = await fs.stat(paths[0]).then((s) => (s.isDirectory() ? paths[0] : path.dirname(paths[0]))).catch(() => paths[0]);
  const { config } = await loadConfig(firstDir, args.config ? path.resolve(io.cwd, args.config) : undefined);

  const showProgress = !args.quiet && !!io.stderr.isTTY;
  let lastDraw = 0;
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  let result;
  const cacheDir = io.env.ACCEL_ADVISOR_CACHE_DIR ?? defaultCacheDir(io.env);
  // The TypeScript parser compiles from V8's code cache there (here and in the workers).
  setCodeCacheDir(cacheDir);
  const files = createFileAnalyzer(allAnalyzers, config, io.env, { ripgrep: args.ripgrep });
  const warn = (m: string) => {
    // A warning during the scan goes on a line of its own, not after the progress line.
    if (!args.quiet) io.stderr.write(`${showProgress ? '\r\u001b[K' : ''}accel-advisor: ${m}\n`);
  };
  // Prices are read once discovery is over, while the workers finish (this thread waits then),
  // not after the scan, where every millisecond adds to its time.
  let snapshot: PriceSnapshot | undefined;
  const loadPrices = () => (snapshot ??= loadActiveSnapshot(cacheDir, { warn }));
  const cache = args.cache
    ? await ScanCache.load(args.cacheLocation ? path.resolve(io.cwd, args.cacheLocation) : defaultScanCacheFile(cacheDir, paths), config, (m) => {
        if (!args.quiet) io.stderr.write(`accel-advisor: ${m}\n`);
      })
    : undefined;
  try {
    result = await scanPaths(paths, {
      config,
      analyzers: allAnalyzers,
      signal: controller.signal,
      fileAnalyzer: cache ? cache.wrap(files.analyze) : files.analyze,
      concurrency: files.concurrency,
      onDiscoveryDone: () => {
        files.discoveryDone();
        loadPrices();
      },
      onProgress: showProgress
        ? (p) => {
            const now = Date.now();
            if (now - lastDraw < 100) return;
            lastDraw = now;
            io.stderr.write(`\r\u001b[Kscanning… ${p.filesScanned} files, ${p.findings} findings`);
          }
        : undefined,
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
    if (showProgress) io.stderr.write('\r\u001b[K');
    if (!result) await files.close();
  }
  // The workers stop while the report is built (awaited before returning).
  const closed = files.close();
  closed.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  if (!args.quiet) {
    if (files.ripgrep) io.stderr.write(`accel-advisor: ${describeRipgrep(files.ripgrep.path, files.ripgrep.stats)}\n`);
    if (files.ripgrepWarning) io.stderr.write(`accel-advisor: ${files.ripgrepWarning}\n`);
  }
  if (cache) {
    if (!args.quiet) io.stderr.write(`accel-advisor: scan cache: ${cache.hits} files reused, ${cache.misses} analysed (${cache.file})\n`);
    try {
      await cache.save();
    } catch (err) {
      if (!args.quiet) io.stderr.write(`accel-advisor: could not write the scan cache ${cache.file}: ${(err as Error).message}\n`);
    }
  }
  if (io.env.ACCEL_ADVISOR_REPORT_RSS) io.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\n`);

  const overrides = config.priceFile ? await loadPriceOverrides(config.priceFile) : undefined;
  const report = buildReport(result, { config, toolVersion: VERSION, region: args.region, snapshot: loadPrices(), overrides });
  const color = args.output ? false : (args.color ?? (!!io.stdout.isTTY && !io.env.NO_COLOR));
  const text = formatReport(report, args.format, { color, rules: ruleDescriptors() });
  if (args.output) {
    await writeFileAtomic(path.resolve(io.cwd, args.output), text);
    if (!args.quiet) io.stderr.write(`wrote ${args.format} report to ${args.output} (${report.findings.length} findings)\n`);
  } else {
    io.stdout.write(text);
  }
  await closed;
  return exitCodeFor(report.findings.map((f) => f.severity), args.failOn);
}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout.write(HELP);
        return 0;
      case 'version':
        io.stdout.write(`${VERSION}\n`);
        return 0;
      case 'scan':
        return await runScan(args, io);
      case 'pricing-refresh':
        return await runPricingRefresh(args, io);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`accel-advisor: ${err.message}\nRun "accel-advisor --help" for usage.\n`);
      return 2;
    }
    if (err instanceof ConfigError) {
      io.stderr.write(`accel-advisor: bad configuration: ${err.message}\n`);
      return 2;
    }
    if (err instanceof PriceFileError) {
      io.stderr.write(`accel-advisor: bad price file: ${err.message}\n`);
      return 2;
    }
    if (err instanceof CancelledError) {
      io.stderr.write('accel-advisor: cancelled\n');
      return 2;
    }
    io.stderr.write(`accel-advisor: ${(err as Error).message}\n`);
    return 2;
  }
}
