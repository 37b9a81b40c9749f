import type { EffectiveConfig } from './config';
import type { SkippedFile } from './discovery';
import { analyzeDocument, readSourceFile } from './engine';
import { SourceDocument } from './document';
import type { Analyzer } from './rule';
import type { FileDependency, Finding, ScanError } from './types';

/** What analysing one file on disk gave: findings, or a reason it was skipped. */
export type FileOutcome =
  /** `dependencies`: other files the findings depend on (see DocumentAnalysis), for the scan cache. */
  | { kind: 'analyzed'; findings: Finding[]; errors: ScanError[]; dependencies?: FileDependency[] }
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
  // Never 'deferred': heavy analyzers run here.
  return (await readAndAnalyze(absPath, relPath, analyzers, config, signal, syncRead, false)) as FileOutcome;
}

/**
 * analyzeFile for a scan worker that does not load heavy analyzers' parsers (Analyzer.heavy):
 * a file that needs one is read, found to need it, and left to the worker that does: 'deferred'.
 */
export function analyzeFileUnlessHeavy(absPath: string, relPath: string, analyzers: readonly Analyzer[], config: EffectiveConfig): Promise<FileOutcome | 'deferred'> {
  return readAndAnalyze(absPath, relPath, analyzers, config, undefined, true, true);
}

async function readAndAnalyze(
  absPath: string,
  relPath: string,
  analyzers: readonly Analyzer[],
  config: EffectiveConfig,
  signal: AbortSignal | undefined,
  syncRead: boolean,
  skipHeavy: boolean,
): Promise<FileOutcome | 'deferred'> {
  const read = await readSourceFile(absPath, relPath, syncRead);
  if ('binary' in read) return { kind: 'skipped', skip: { relPath, reason: 'unreadable', detail: 'binary file' } };
  if (!(read instanceof SourceDocument)) return { kind: 'skipped', skip: read, error: { file: relPath, message: `could not read: ${read.detail}` } };
  const result = await analyzeDocument(read, analyzers, config, signal, skipHeavy);
  if (result.deferred) return 'deferred';
  return result.dependencies ? { kind: 'analyzed', findings: result.findings, errors: result.errors, dependencies: result.dependencies } : { kind: 'analyzed', findings: result.findings, errors: result.errors };
}

/** Size and modification time from discovery, for analyzers that compare them (the scan cache). */
export interface FileStat {
  size: number;
  mtimeMs: number;
}

/** A file handed to a FileAnalyzer that answers later (a batch, a decision): its request and its promise's ends. */
export interface QueuedFile {
  absPath: string;
  relPath: string;
  signal?: AbortSignal;
  resolve: (o: FileOutcome) => void;
  reject: (e: unknown) => void;
}

/** Analyses files somewhere: in this thread, or in a pool of worker threads. */
export type FileAnalyzer = (absPath: string, relPath: string, signal?: AbortSignal, stat?: FileStat) => Promise<FileOutcome>;
