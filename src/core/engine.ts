import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CancelledError, decodeText, discoverFiles, looksBinary, throwIfCancelled, type SkippedFile } from './discovery';
import { SourceDocument } from './document';
import type { EffectiveConfig } from './config';
import { docsUrlFor, type Analyzer, type ReportDescriptor, type RuleContext } from './rule';
import { parseSuppressions } from './suppressions';
import { CATEGORY_BLOCKS, type FileDependency, type Finding, type ScanError } from './types';
import { compareFindings } from './order';
import { nestsDeeperThan } from './nesting';
import { analyzeFile, type FileAnalyzer, type FileStat } from './file-analysis';

/** Deeper nesting than this is generated data or an attack, not code (CPython stops at 200). */
export const MAX_NESTING = 256;

export interface DocumentAnalysis {
  findings: Finding[];
  errors: ScanError[];
  /** Not analysed here: a heavy analyzer applies and `skipHeavy` was asked (see Analyzer.heavy). */
  deferred?: true;
  /** Other files the findings depend on (ParserAdapter.dependencies), when there are any. */
  dependencies?: FileDependency[];
}

/** Analyzers that read this path. */
export function analyzersFor(analyzers: readonly Analyzer[], relPath: string): Analyzer[] {
  return analyzers.filter((a) => a.matches(relPath));
}

function passesPrecheck(a: Analyzer, text: string): boolean {
  if (!a.precheck) return true;
  if (typeof a.precheck === 'function') return a.precheck(text);
  a.precheck.lastIndex = 0;
  return a.precheck.test(text);
}

function toFinding(doc: SourceDocument, a: Analyzer, ruleIndex: number, d: ReportDescriptor): Finding {
  const meta = a.rules[ruleIndex].meta;
  const start = doc.positionAt(d.start);
  const end = doc.positionAt(Math.max(d.end, d.start));
  const category = d.category ?? meta.category;
  const f: Finding = {
    ruleId: meta.id,
    category,
    blocks: CATEGORY_BLOCKS[category],
    severity: d.severity ?? meta.severity,
    effort: d.effort ?? meta.effort,
    file: doc.relPath,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    message: d.message,
    advice: d.advice,
    docsUrl: docsUrlFor(meta.id),
    startOffset: d.start,
    endOffset: Math.max(d.end, d.start),
  };
  if (d.instanceType !== undefined) f.instanceType = d.instanceType;
  if (d.suggestedInstanceType !== undefined) f.suggestedInstanceType = d.suggestedInstanceType;
  if (d.suggestionReason !== undefined) f.suggestionReason = d.suggestionReason;
  if (d.fixes?.length) f.fixes = d.fixes;
  if (d.count !== undefined) f.count = d.count;
  if (d.region !== undefined) f.region = d.region;
  if (d.workload !== undefined) f.workload = d.workload;
  if (d.resourceKey !== undefined) f.resourceKey = d.resourceKey;
  if (d.cudaKind !== undefined) f.cudaKind = d.cudaKind;
  return f;
}

/**
 * Runs every matching analyzer over one document: parse once per parser, each rule guarded,
 * then suppressions, configured severities and targets. Never throws for bad input.
 */
export async function analyzeDocument(
  doc: SourceDocument,
  analyzers: readonly Analyzer[],
  config: EffectiveConfig,
  signal?: AbortSignal,
  /** Leave a document that needs a heavy analyzer (Analyzer.heavy) to another worker: `deferred`. */
  skipHeavy = false,
): Promise<DocumentAnalysis> {
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  const matching = analyzersFor(analyzers, doc.relPath).filter((a) => passesPrecheck(a, doc.text));
  if (!matching.length) return { findings, errors };
  if (skipHeavy && matching.some((a) => a.heavy)) return { findings, errors, deferred: true };
  if (nestsDeeperThan(doc, MAX_NESTING)) {
    // Parsers and rules recurse or climb with the nesting; no real source nests this deep.
    errors.push({ file: doc.relPath, message: `not analysed: brackets nested more than ${MAX_NESTING} levels deep` });
    return { findings, errors };
  }
  // Specific analyzers first; generic ones only read what no specific analyzer claimed.
  const applicable = [...matching.filter((a) => !a.generic), ...matching.filter((a) => a.generic)];
  let claimed = false;

  const parsed = new Map<string, { value?: unknown; failed?: boolean; dispose?: () => void; dependencies?: () => readonly FileDependency[] }>();
  let dependencies: FileDependency[] | undefined;
  try {
    for (const a of applicable) {
      throwIfCancelled(signal);
      if (a.generic && claimed) continue;
      let entry = parsed.get(a.parser.id);
      if (!entry) {
        try {
          const value = await a.parser.parse(doc);
          entry = {
            value,
            dispose: a.parser.dispose ? () => a.parser.dispose!(value) : undefined,
            dependencies: a.parser.dependencies ? () => a.parser.dependencies!(value) : undefined,
          };
          for (const problem of a.parser.problems?.(value) ?? []) errors.push({ file: doc.relPath, message: `could not parse all of it as ${a.parser.id}: ${problem}` });
        } catch (err) {
          if (err instanceof CancelledError) throw err;
          errors.push({ file: doc.relPath, message: `could not parse as ${a.parser.id}: ${(err as Error).message}` });
          entry = { failed: true };
        }
        parsed.set(a.parser.id, entry);
      }
      if (entry.failed) continue;
      if (a.claims) {
        try {
          if (a.claims(entry.value)) claimed = true;
        } catch {
          /* a claim check that fails claims nothing */
        }
      }
      a.rules.forEach((rule, index) => {
        const setting = config.rules[rule.meta.id];
        if (setting === 'off') return;
        if (rule.precheck) {
          rule.precheck.lastIndex = 0;
          if (!rule.precheck.test(doc.text)) return;
        }
        const context: RuleContext = {
          document: doc,
          neuronTrack: config.neuronTrack,
          targets: config.targets,
          report: (d) => {
            const f = toFinding(doc, a, index, d);
            if (setting) f.severity = setting;
            findings.push(f);
          },
        };
        try {
          rule.check(entry!.value, context);
        } catch (err) {
          errors.push({ file: doc.relPath, message: `internal error in rule ${rule.meta.id}: ${(err as Error).message}` });
        }
      });
    }
    for (const e of parsed.values()) {
      const deps = e.dependencies?.();
      if (deps?.length) (dependencies ??= []).push(...deps);
    }
  } finally {
    for (const e of parsed.values()) e.dispose?.();
  }

  const suppressions = parseSuppressions(doc);
  /** The findings kept so far, by start offset (most start where no other does). */
  const seen = new Map<number, Finding | Finding[]>();
  const sameToken = (f: Finding, g: Finding) => f.endOffset === g.endOffset && (f.instanceType ?? f.ruleId) === (g.instanceType ?? g.ruleId);
  const kept = findings.filter((f) => {
    if (f.blocks && !config.targets.includes(f.blocks)) return false;
    if (suppressions.isSuppressed(f.ruleId, f.line - 1)) return false;
    // Two analyzers may see the same token (a specific one and a generic one): keep the first.
    const there = seen.get(f.startOffset);
    if (there === undefined) seen.set(f.startOffset, f);
    else if (Array.isArray(there)) {
      if (there.some((g) => sameToken(f, g))) return false;
      there.push(f);
    } else {
      if (sameToken(f, there)) return false;
      seen.set(f.startOffset, [there, f]);
    }
    return true;
  });
  kept.sort(compareFindings);
  return dependencies ? { findings: kept, errors, dependencies } : { findings: kept, errors };
}

export interface ScanProgress {
  filesDiscovered: number;
  filesScanned: number;
  findings: number;
  currentFile?: string;
}

export interface ScanOptions {
  config: EffectiveConfig;
  analyzers: readonly Analyzer[];
  signal?: AbortSignal;
  onProgress?: (p: ScanProgress) => void;
  /** Extra excludes (editor `files.exclude`). */
  exclude?: string[];
  /** Files analysed at once. */
  concurrency?: number;
  /** Where files are analysed (a worker pool); in this thread by default. */
  fileAnalyzer?: FileAnalyzer;
  /** Called once every file has been handed to the file analyzer (discovery is over). */
  onDiscoveryDone?: () => void;
}

export interface ScanResult {
  root: string;
  findings: Finding[];
  errors: ScanError[];
  skipped: SkippedFile[];
  filesScanned: number;
  durationMs: number;
}

/**
 * Reads a file for analysis: the document, a skip reason for unreadable files, or `binary`.
 * `sync` reads without a thread-pool round trip: for worker threads, which may block.
 */
export async function readSourceFile(absPath: string, relPath: string, sync = false): Promise<SourceDocument | SkippedFile | { binary: true }> {
  let buf: Buffer;
  try {
    buf = sync ? readFileSync(absPath) : await fs.readFile(absPath);
  } catch (err) {
    return { relPath, reason: 'unreadable', detail: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
  }
  if (looksBinary(buf)) return { binary: true };
  return new SourceDocument(relPath, decodeText(buf), absPath);
}

/** Scans a folder: discovery, bounded concurrent analysis, deterministic order. */
export async function scanFolder(root: string, opts: ScanOptions): Promise<ScanResult> {
  const started = Date.now();
  const rootAbs = path.resolve(root);
  const { config, analyzers, signal } = opts;
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  const skipped: SkippedFile[] = [];
  let filesScanned = 0;
  let filesDiscovered = 0;
  const progress = (currentFile?: string) =>
    opts.onProgress?.({ filesDiscovered, filesScanned, findings: findings.length, currentFile });

  const concurrency = Math.max(1, opts.concurrency ?? 8);
  // Files in flight, and the loop waiting for one to finish (a counter: racing every pending
  // promise each time one finished cost the main thread O(files × window)).
  let active = 0;
  let wake: (() => void) | undefined;
  let failure: unknown;
  const settled = () => {
    active--;
    const w = wake;
    wake = undefined;
    w?.();
  };
  const oneFinished = () => new Promise<void>((resolve) => (wake = resolve));
  const inThread: FileAnalyzer = (abs, rel, sig) => analyzeFile(abs, rel, analyzers, config, sig);
  const analyze = opts.fileAnalyzer ?? inThread;
  const analyzeOne = async (absPath: string, relPath: string, stat: FileStat) => {
    const outcome = await analyze(absPath, relPath, signal, stat);
    if (outcome.kind === 'skipped') {
      skipped.push(outcome.skip);
      if (outcome.error) errors.push(outcome.error);
      return;
    }
    filesScanned++;
    findings.push(...outcome.findings);
    errors.push(...outcome.errors);
    progress(relPath);
  };

  for await (const file of discoverFiles(rootAbs, {
    exclude: [...config.ignore, ...(opts.exclude ?? [])],
    accept: (rel) => analyzers.some((a) => a.matches(rel)),
    maxFileSizeBytes: config.maxFileSizeKb * 1024,
    signal,
    onSkip: (s) => skipped.push(s),
    onProblem: (e) => errors.push(e),
  })) {
    throwIfCancelled(signal);
    filesDiscovered++;
    active++;
    analyzeOne(file.absPath, file.relPath, file)
      .catch((err) => {
        if (err instanceof CancelledError) failure ??= err;
        else errors.push({ file: file.relPath, message: `internal error: ${(err as Error).message}` });
      })
      .finally(settled);
    while (active >= concurrency) await oneFinished();
    if (failure) throw failure;
  }
  opts.onDiscoveryDone?.();
  while (active > 0) await oneFinished();
  if (failure) throw failure;
  throwIfCancelled(signal);

  findings.sort(compareFindings);
  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  skipped.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return { root: rootAbs, findings, errors, skipped, filesScanned, durationMs: Date.now() - started };
}
