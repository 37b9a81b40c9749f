import type { EffectiveConfig } from './config';
import type { SkippedFile } from './discovery';
import { analyzeDocument, readSourceFile } from './engine';
import { SourceDocument } from './document';
import type { Analyzer } from './rule';
import type { Finding, ScanError } from './types';

/** What analysing one file on disk gave: findings, or a reason it was skipped. */
export type FileOutcome =
  | { kind: 'analyzed'; findings: Finding[]; errors: ScanError[] }
  | { kind: 'skipped'; skip: SkippedFile; error?: ScanError };

/** Reads and analyses one file; never throws for bad input (cancellation aside). */
export async function analyzeFile(
  absPath: string,
  relPath: string,
  analyzers: readonly Analyzer[],
  config: EffectiveConfig,
  signal?: AbortSignal,
  syncRead = false,
): Promise<FileOutcome> {
  const read = await readSourceFile(absPath, relPath, syncRead);
  if ('binary' in read) return { kind: 'skipped', skip: { relPath, reason: 'unreadable', detail: 'binary file' } };
  if (!(read instanceof SourceDocument)) return { kind: 'skipped', skip: read, error: { file: relPath, message: `could not read: ${read.detail}` } };
  const result = await analyzeDocument(read, analyzers, config, signal);
  return { kind: 'analyzed', findings: result.findings, errors: result.errors };
}

/** Size and modification time from discovery, for analyzers that compare them (the scan cache). */
export interface FileStat {
  size: number;
  mtimeMs: number;
}

/** Analyses files somewhere: in this thread, or in a pool of worker threads. */
export type FileAnalyzer = (absPath: string, relPath: string, signal?: AbortSignal, stat?: FileStat) => Promise<FileOutcome>;
