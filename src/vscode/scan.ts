/**
 * Scan Workspace: every folder of a (multi-root) workspace, with its own `.accel-advisor.json`,
 * `files.exclude` and `.gitignore` (discovery honours it), in a cancellable progress notification.
 * The engine is asynchronous and reads files one at a time between parses, so the extension host
 * stays responsive. Results go to the scan diagnostic collection and become the current report.
 */
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding, ScanError } from '../core/types';
import type { SkippedFile } from '../core/discovery';
import type { ReportDocument } from '../report/model';
import { Ctx, PRODUCT } from './ctx';
import { toDiagnostic } from './diagnostics';
import { findingRange } from './fix-store';

declare const ACCEL_ADVISOR_VERSION: string;
export const TOOL_VERSION = typeof ACCEL_ADVISOR_VERSION === 'string' ? ACCEL_ADVISOR_VERSION : '0.0.0-dev';

/** `files.exclude` patterns that are switched on (conditional `when` patterns are skipped). */
export function filesExclude(folder: vscode.WorkspaceFolder): string[] {
  const value = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {};
  return Object.entries(value)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}

let running: Promise<ReportDocument | undefined> | undefined;

/** Runs a scan (or joins the one running). Undefined when cancelled or there is nothing to scan. */
export function scanWorkspace(ctx: Ctx): Promise<ReportDocument | undefined> {
  running ??= doScan(ctx).finally(() => {
    running = undefined;
  });
  return running;
}

async function doScan(ctx: Ctx): Promise<ReportDocument | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(`${PRODUCT}: open a folder to scan it.`);
    return undefined;
  }
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `${PRODUCT}: scanning`, cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const sub = token.onCancellationRequested(() => controller.abort());
      progress.report({ message: 'finding files…' });
      const h = await ctx.engine();
      const multi = folders.length > 1;
      const findings: Finding[] = [];
      const errors: ScanError[] = [];
      const skipped: SkippedFile[] = [];
      let filesScanned = 0;
      const started = Date.now();
      let lastReport = 0;
      let firstConfig: Awaited<ReturnType<Ctx['configFor']>> | undefined;
      ctx.reportFolders.clear();
      try {
        for (const [index, folder] of folders.entries()) {
          const fc = await ctx.configFor(folder);
          firstConfig ??= fc;
          const prefix = multi ? `${folder.name}/` : '';
          if (multi) ctx.reportFolders.set(folder.name, folder.uri);
          const where = multi ? ` ${folder.name} (${index + 1}/${folders.length}):` : '';
          ctx.log.info(`scanning ${folder.uri.fsPath}${fc.file ? ` with ${fc.file}` : ''}`);
          // Parsing runs in worker threads (dist/worker.js) so the extension host stays free.
          const workerScript = path.join(__dirname, 'worker.js');
          const threads = Math.max(1, Math.min(4, os.availableParallelism() - 1));
          const pool = existsSync(workerScript) ? new h.WorkerPool(workerScript, threads, fc.config) : undefined;
          // Unchanged files answer from the scan cache (the command line's, in the user cache
          // folder; a file of the editor's own, since each build keys its cache).
          const settings = ctx.settingsFor(folder.uri);
          const cache =
            pool && settings['scan.cache']
              ? await h.ScanCache.load(h.defaultScanCacheFile(ctx.cacheDir(h), [folder.uri.fsPath, '(editor)']), fc.config, (m) => ctx.log.warn(m))
              : undefined;
          const fromPool = pool && ((abs: string, rel: string, signal?: AbortSignal) => pool.analyze(abs, rel, signal));
          // ripgrep (VS Code's own, else rg on the PATH) picks the files worth reading.
          const rg = fromPool && settings['scan.ripgrep'] ? (h.findExecutable(h.bundledRipgrepCandidates(vscode.env.appRoot)) ?? h.ripgrepOnPath()) : undefined;
          const prefilter = fromPool && rg ? new h.RipgrepPrefilter(fromPool, { rg, analyzers: h.allAnalyzers }) : undefined;
          const analyze = prefilter?.analyze ?? fromPool;
          const result = await h.scanFolder(folder.uri.fsPath, {
            config: fc.config,
            analyzers: h.allAnalyzers,
            signal: controller.signal,
            exclude: filesExclude(folder),
            ...(analyze
              ? {
                  fileAnalyzer: cache ? cache.wrap(analyze) : analyze,
                  concurrency: h.FILES_IN_FLIGHT_PER_WORKER * threads + (prefilter?.window ?? 0),
                  onDiscoveryDone: () => prefilter?.flush(),
                }
              : {}),
            onProgress: (p) => {
              const now = Date.now();
              if (now - lastReport < 100) return;
              lastReport = now;
              progress.report({ message: `${where} ${p.filesScanned} of ${p.filesDiscovered} files, ${findings.length + p.findings} findings${p.currentFile ? ` — ${p.currentFile}` : ''}`.trim() });
            },
          }).finally(() => {
            prefilter?.close();
            return pool?.close();
          });
          if (prefilter && rg) ctx.log.info(h.describeRipgrep(rg, prefilter.stats));
          if (cache) {
            // Before pricing: the cache writes the findings it handed out as they are now.
            ctx.log.info(`scan cache: ${cache.hits} files reused, ${cache.misses} analysed (${cache.file})`);
            await cache.save().catch((err: unknown) => ctx.log.warn(`could not write the scan cache ${cache.file}: ${(err as Error).message}`));
          }
          // Prices with the folder's own settings, before the folders are merged.
          h.priceFindings(result.findings, fc.config, undefined, await ctx.pricingFor(fc.config));
          for (const f of result.findings) findings.push(multi ? { ...f, file: prefix + f.file } : f);
          for (const e of result.errors) errors.push({ ...e, file: prefix + e.file });
          for (const s of result.skipped) skipped.push({ ...s, relPath: prefix + s.relPath });
          filesScanned += result.filesScanned;
        }
      } catch (err) {
        if (err instanceof h.CancelledError || controller.signal.aborted) {
          ctx.log.info('scan cancelled');
          void vscode.window.showInformationMessage(`${PRODUCT}: scan cancelled.`);
          return undefined;
        }
        throw err;
      } finally {
        sub.dispose();
      }
      const root = multi ? path.dirname(folders[0].uri.fsPath) : folders[0].uri.fsPath;
      const config = firstConfig!.config;
      const report = h.buildReport(
        { root, findings, errors, skipped, filesScanned, durationMs: Date.now() - started },
        { config, toolVersion: TOOL_VERSION, prePriced: true, ...(await sourcesFor(ctx, config)) },
      );
      publishScan(ctx, report, findings);
      ctx.log.info(`scan done: ${filesScanned} files, ${findings.length} findings, ${errors.length} errors in ${Date.now() - started} ms`);
      for (const e of errors) ctx.log.warn(`${e.file}: ${e.message}`);
      return report;
    },
  );
}

async function sourcesFor(ctx: Ctx, config: Parameters<Ctx['pricingFor']>[0]) {
  const p = await ctx.pricingFor(config);
  return { snapshot: p.snapshot, ...(p.overrides ? { overrides: p.overrides } : {}) };
}

/** Scan results into the Problems panel (hidden for files whose live results are shown). */
function publishScan(ctx: Ctx, report: ReportDocument, findings: Finding[]): void {
  ctx.scan.clear();
  ctx.scanStore.clear();
  const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
  for (const f of findings) {
    const uri = ctx.uriForReportPath(f.file);
    if (!uri) continue;
    const key = uri.toString();
    let entry = byUri.get(key);
    if (!entry) byUri.set(key, (entry = { uri, list: [] }));
    const r = findingRange(f);
    entry.list.push(toDiagnostic(f, new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character)));
  }
  for (const [key, { uri, list }] of byUri) {
    ctx.scanStore.set(key, list);
    if (!ctx.liveResults.has(key)) ctx.scan.set(uri, list);
  }
  ctx.report = report;
  ctx.onDidChangeReport.fire(report);
}
