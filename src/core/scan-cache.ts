import { createHash } from 'node:crypto';
import { promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod';
import type { EffectiveConfig } from './config';
import type { FileAnalyzer, FileOutcome, FileStat } from './file-analysis';
import { CATEGORIES, SEVERITIES } from './types';
import { writeFileAtomic } from './atomic-write';
import { dependencyUnchanged } from './dependency';

/**
 * Which engine wrote a cache: a digest of the bundled engine (this script and the worker beside
 * it, and the grammar files' sizes), so any rebuild voids it. Run from source (tests), a
 * per-process value: a cache then never outlives the process that wrote it.
 */
let build: string | undefined;
function engineBuild(): string {
  build ??= digestEngine();
  return build;
}

function digestEngine(): string {
  if (!/\.js$/.test(__filename)) return `source-${process.pid}-${Date.now()}`;
  const h = createHash('sha256');
  for (const f of [__filename, path.join(__dirname, 'worker.js')]) {
    try {
      h.update(readFileSync(f));
    } catch {
      h.update(`missing ${f}`);
    }
  }
  try {
    const dir = path.join(__dirname, 'grammars');
    for (const g of readdirSync(dir).sort()) h.update(`${g}:${statSync(path.join(dir, g)).size}`);
  } catch {
    /* no grammars folder: the digest of the scripts stands */
  }
  return h.digest('hex');
}

/**
 * The scan cache (`scan --cache`), after ESLint's: per file, its size and modification time and
 * what analysing it gave. A file whose size and mtime are unchanged is not read again, unless a
 * file its findings depend on changed (a Terraform file's region comes from its module's other
 * files: their sizes and times are kept with it). The cache is void as a whole when the engine
 * (its build) or the configuration differ. Prices are not cached: reports are priced afresh.
 */
const CACHE_VERSION = 2;

const findingSchema = z
  .object({
    ruleId: z.string(),
    category: z.enum(CATEGORIES as unknown as [string, ...string[]]),
    severity: z.enum(SEVERITIES as unknown as [string, ...string[]]),
    file: z.string(),
    line: z.number().int(),
    column: z.number().int(),
    endLine: z.number().int(),
    endColumn: z.number().int(),
    message: z.string(),
    advice: z.string(),
    startOffset: z.number().int(),
    endOffset: z.number().int(),
  })
  .passthrough();
const errorSchema = z.object({ file: z.string(), message: z.string() });
const outcomeSchema = z.union([
  z.object({
    kind: z.literal('analyzed'),
    findings: z.array(findingSchema),
    errors: z.array(errorSchema),
    dependencies: z.array(z.object({ path: z.string(), size: z.number(), mtimeMs: z.number() })).optional(),
  }),
  z.object({
    kind: z.literal('skipped'),
    skip: z.object({ relPath: z.string(), reason: z.enum(['too-large', 'unreadable']), detail: z.string().optional() }),
    error: errorSchema.optional(),
  }),
]);
const cacheSchema = z.object({
  version: z.literal(CACHE_VERSION),
  key: z.string(),
  files: z.record(z.string(), z.object({ relPath: z.string(), size: z.number(), mtimeMs: z.number(), outcome: outcomeSchema })),
});

interface Entry {
  relPath: string;
  size: number;
  mtimeMs: number;
  outcome: FileOutcome;
}

/** Whether every file a cached result depends on is as it was. */
function dependenciesUnchanged(outcome: FileOutcome): boolean {
  return outcome.kind !== 'analyzed' || !outcome.dependencies || outcome.dependencies.every(dependencyUnchanged);
}

/** Where a scan of these paths keeps its cache by default: the user's cache folder, never the repository. */
export function defaultScanCacheFile(cacheDir: string, absPaths: string[]): string {
  const id = createHash('sha256').update([...absPaths].sort().join('\0')).digest('hex').slice(0, 20);
  return path.join(cacheDir, 'scans', `${id}.json`);
}

export class ScanCache {
  private readonly previous = new Map<string, Entry>();
  private readonly next = new Map<string, Entry>();
  private changed = false;
  hits = 0;
  misses = 0;

  private constructor(
    readonly file: string,
    private readonly key: string,
  ) {}

  /** The cache for this configuration; an unreadable or foreign file is ignored with a warning. */
  static async load(file: string, config: EffectiveConfig, warn: (m: string) => void): Promise<ScanCache> {
    const key = createHash('sha256').update(JSON.stringify({ build: engineBuild(), config })).digest('hex');
    const cache = new ScanCache(file, key);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') warn(`scan cache ${file} could not be read (${(err as Error).message}); scanning everything`);
      cache.changed = true;
      return cache;
    }
    let data: z.infer<typeof cacheSchema>;
    try {
      data = cacheSchema.parse(JSON.parse(text));
    } catch (err) {
      const why = err instanceof z.ZodError ? `${err.issues[0]?.path.join('.') || 'document'}: ${err.issues[0]?.message}` : (err as Error).message;
      warn(`scan cache ${file} is not a valid cache (${why}); scanning everything and rewriting it`);
      cache.changed = true;
      return cache;
    }
    if (data.key !== key) {
      cache.changed = true; // another engine build or configuration: start over
      return cache;
    }
    for (const [abs, e] of Object.entries(data.files)) cache.previous.set(abs, e as Entry);
    return cache;
  }

  /** Wraps an analyzer: unchanged files answer from the cache, the others are analysed and stored. */
  wrap(analyze: FileAnalyzer): FileAnalyzer {
    return async (absPath, relPath, signal, stat) => {
      // Discovery's stat when it gave one (a folder scan); a file named on the command line is stat'ed here.
      let st: FileStat | undefined = stat;
      try {
        st ??= statSync(absPath);
      } catch {
        return analyze(absPath, relPath, signal); // it reports the file as unreadable
      }
      const { size, mtimeMs } = st;
      const old = this.previous.get(absPath);
      if (old && old.relPath === relPath && old.size === size && old.mtimeMs === mtimeMs && dependenciesUnchanged(old.outcome)) {
        this.hits++;
        this.next.set(absPath, old);
        return old.outcome;
      }
      const outcome = await analyze(absPath, relPath, signal);
      this.misses++;
      this.changed = true;
      this.next.set(absPath, { relPath, size, mtimeMs, outcome });
      return outcome;
    };
  }

  /**
   * Writes the cache (atomically) when anything changed; only files of this scan are kept. Call
   * it before the findings are priced or otherwise changed: it writes the objects it handed out.
   */
  async save(): Promise<void> {
    if (!this.changed && this.next.size === this.previous.size) return;
    const files: Record<string, Entry> = {};
    for (const [abs, e] of this.next) files[abs] = e;
    await writeFileAtomic(this.file, `${JSON.stringify({ version: CACHE_VERSION, key: this.key, files })}\n`);
  }
}
