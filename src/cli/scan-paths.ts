import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { EffectiveConfig } from '../core/config';
import { scanFolder, type ScanProgress, type ScanResult } from '../core/engine';
import type { Analyzer } from '../core/rule';
import { compareFindings } from '../core/order';
import { analyzeFile, type FileAnalyzer } from '../core/file-analysis';
import { tooLargeSkip } from '../core/discovery';

/** The deepest folder that contains every path. */
export function commonRoot(absPaths: string[]): string {
  const split = absPaths.map((p) => p.split(path.sep));
  const first = split[0];
  let n = first.length;
  for (const parts of split.slice(1)) {
    let i = 0;
    while (i < n && i < parts.length && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(path.sep) || path.sep;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/**
 * Scans folders and files given on the command line as one report rooted at their common
 * folder (a single folder is its own root; a single file's root is its folder).
 */
export async function scanPaths(
  paths: string[],
  opts: {
    config: EffectiveConfig;
    analyzers: readonly Analyzer[];
    signal?: AbortSignal;
    onProgress?: (p: ScanProgress) => void;
    fileAnalyzer?: FileAnalyzer;
    concurrency?: number;
    onDiscoveryDone?: () => void;
  },
): Promise<ScanResult> {
  const started = Date.now();
  const entries = await Promise.all(
    paths.map(async (p) => {
      const abs = path.resolve(p);
      const st = await fs.stat(abs).catch(() => undefined);
      if (!st) throw new Error(`${p}: no such file or folder`);
      return { abs, isDir: st.isDirectory(), isFile: st.isFile(), size: st.size };
    }),
  );
  const root = entries.length === 1 ? (entries[0].isDir ? entries[0].abs : path.dirname(entries[0].abs)) : commonRoot(entries.map((e) => (e.isDir ? e.abs : path.dirname(e.abs))));
  const merged: ScanResult = { root, findings: [], errors: [], skipped: [], filesScanned: 0, durationMs: 0 };
  for (const entry of entries) {
    const prefix = toPosix(path.relative(root, entry.abs));
    if (entry.isDir) {
      const r = await scanFolder(entry.abs, opts);
      const fix = (rel: string) => (prefix ? `${prefix}/${rel}` : rel);
      // Copies, not edits: the scan cache still holds these objects.
      merged.findings.push(...(prefix ? r.findings.map((f) => ({ ...f, file: fix(f.file) })) : r.findings));
      merged.errors.push(...r.errors.map((e) => ({ ...e, file: fix(e.file) })));
      merged.skipped.push(...r.skipped.map((s) => ({ ...s, relPath: fix(s.relPath) })));
      merged.filesScanned += r.filesScanned;
    } else if (!entry.isFile) {
      // A device or a pipe named on the command line (/dev/zero, a process substitution): never read.
      merged.skipped.push({ relPath: prefix, reason: 'unreadable', detail: 'not a regular file (a device or a pipe)' });
      merged.errors.push({ file: prefix, message: 'could not read: not a regular file (a device or a pipe)' });
    } else if (entry.size > opts.config.maxFileSizeKb * 1024) {
      merged.skipped.push(tooLargeSkip(prefix, entry.size, opts.config.maxFileSizeKb * 1024));
    } else {
      const outcome = await analyzeFile(entry.abs, prefix, opts.analyzers, opts.config, opts.signal);
      if (outcome.kind === 'analyzed') {
        merged.findings.push(...outcome.findings);
        merged.errors.push(...outcome.errors);
        merged.filesScanned++;
      } else {
        merged.skipped.push(outcome.skip);
        if (outcome.error) merged.errors.push(outcome.error);
      }
    }
  }
  // The same file given twice (a folder and a file inside it) is reported once.
  const seen = new Set<string>();
  merged.findings = merged.findings.filter((f) => {
    const key = `${f.file}:${f.startOffset}:${f.endOffset}:${f.ruleId}:${f.instanceType ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  merged.findings.sort(compareFindings);
  merged.durationMs = Date.now() - started;
  return merged;
}
