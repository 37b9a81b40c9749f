/**
 * Partial parsing of large Python modules during scans: only the top-level statements that can
 * hold a finding (or evidence a rule reads) are given to tree-sitter, as included ranges, so node
 * offsets stay those of the document. Parsing is the dominant cost of a scan (tree-sitter in
 * WebAssembly reads Python at about 3 MB/s), and lock-in usually sits in a few statements of a
 * long module.
 *
 * What is kept, per top-level statement (a `def`/`class` with its decorators and body, an `if`
 * with its `else`, or a simple statement):
 * - statements that match an anchor: every trigger word the Python, SageMaker and CDK-Python
 *   analyzers look for, plus the words of the evidence their rules read (device arguments,
 *   instance counts, SageMaker and CDK constructs);
 * - imports, and short statements (module constants: rules resolve `NAME = "…"` bindings);
 * - statements that mention a name assigned in a kept statement (a constant's uses).
 *
 * The split is made by a small lexer (strings, brackets, comments, line continuations). When it
 * meets something it does not model, or the partial tree has a syntax error, the caller parses
 * the whole text instead, so the result never depends on the lexer being right.
 */
import { INSTANCE_TYPE_SCAN_RE } from '../../core/catalog';
import type { IncludedRange } from '../../core/treesitter';
import { cdkPythonMayApply, HF_MODULES, PYTHON_PRECHECK, sagemakerMayApply } from './triggers';

/**
 * Every word a Python-reading rule triggers on (the analyzers' prechecks) or reads as evidence,
 * matched without regard to case: a superset only widens what is parsed. Evidence words of an
 * analyzer or rule count only when that analyzer or rule can run on the text (its own
 * pre-check), so `device` in plain PyTorch code does not keep every statement.
 */
/** The python analyzer's triggers (its pre-check), and JAX/TensorFlow module names. */
const TRIGGERS = `${PYTHON_PRECHECK.source}|jax|tensorflow`;
/** Hugging Face device indexes (python/hf-device-index runs when transformers & co. appear). */
const HF = { when: (text: string) => HF_MODULES.test(text), words: 'device|pipeline' };
/** SageMaker and boto3 sites (the sagemaker analyzer's pre-check). */
const SAGEMAKER = {
  when: sagemakerMayApply,
  words: `sagemaker|estimator|deploy|boto3|instance|endpoint|variant|local_gpu|count|capacity|desired_?size|min_?size|max_?size|${INSTANCE_TYPE_SCAN_RE.source}`,
};
/** CDK apps (cdk-python runs on files that import aws_cdk). */
const CDK = { when: cdkPythonMayApply, words: `aws_cdk|x86_64|architecture|region|environment|instance|count|capacity|desired_?size|min_?size|max_?size|${INSTANCE_TYPE_SCAN_RE.source}` };

const anchorCache = new Map<string, RegExp>();

/** The anchor pattern for this text: the triggers, and the evidence of what can run on it. */
function anchorsFor(text: string): RegExp {
  const parts = [TRIGGERS];
  if (HF.when(text)) parts.push(HF.words);
  if (SAGEMAKER.when(text)) parts.push(SAGEMAKER.words);
  if (CDK.when(text)) parts.push(CDK.words);
  const key = parts.join('|');
  let re = anchorCache.get(key);
  if (!re) anchorCache.set(key, (re = new RegExp(key, 'gi')));
  re.lastIndex = 0;
  return re;
}

/** Simple statements this short (in characters) are always kept: constants, one-liners. */
const SHORT_STATEMENT = 160;
/** Below this size a module is parsed whole: splitting would not save enough to matter. */
export const PARTIAL_MIN_CHARS = 2 * 1024;
/** When the kept statements cover more than this share of the text, parse it whole. */
const MAX_KEPT_SHARE = 0.6;

interface Statement {
  start: number;
  end: number;
  row: number;
  endRow: number;
  endColumn: number;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 12;
const isIdent = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c > 127;
const CONTINUES = /(?:else|elif|except|finally)\b/y;

/**
 * The top-level statements of a module, in order, covering the text; undefined when the text has
 * something the lexer does not follow (then the caller parses it whole).
 */
export function topLevelStatements(text: string): Statement[] | undefined {
  const starts: { offset: number; row: number }[] = [];
  let depth = 0;
  let row = 0;
  let continued = false;
  let decorated = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    // At a line start.
    const c0 = text.charCodeAt(i);
    if (depth === 0 && !continued && !isSpace(c0) && c0 !== 10 && c0 !== 13 && c0 !== 35) {
      CONTINUES.lastIndex = i;
      const joins = CONTINUES.test(text) || decorated;
      decorated = c0 === 64; // '@': the decorated def/class that follows belongs to this statement
      if (!joins) starts.push({ offset: i, row });
    }
    continued = false;
    // Through the line (and through any string or bracket that spans lines).
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        i++;
        row++;
        break;
      }
      if (c === 35) {
        while (i < n && text.charCodeAt(i) !== 10) i++;
        continue;
      }
      if (c === 92) {
        // A backslash outside a string: a line continuation when it ends the line.
        const next = text.charCodeAt(i + 1);
        if (next === 10 || (next === 13 && text.charCodeAt(i + 2) === 10)) {
          continued = true;
          i += next === 13 ? 3 : 2;
          row++;
          break;
        }
        i++;
        continue;
      }
      if (c === 40 || c === 91 || c === 123) depth++;
      else if (c === 41 || c === 93 || c === 125) {
        if (--depth < 0) return undefined;
      } else if (c === 34 || c === 39) {
        // A string literal; its prefix (f, rb, …) is the identifier characters just before it.
        let p = i;
        while (p > 0 && isIdent(text.charCodeAt(p - 1))) p--;
        const prefix = text.slice(p, i).toLowerCase();
        if (prefix.length > 2 || /[^rbuf]/.test(prefix)) {
          i++;
          continue; // an identifier followed by a quote: not Python we follow
        }
        // f-strings may nest quotes inside {…} (Python 3.12): not followed, parse whole.
        if (prefix.includes('f')) return undefined;
        const raw = prefix.includes('r');
        const triple = text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c;
        i += triple ? 3 : 1;
        for (;;) {
          if (i >= n) return undefined; // unterminated
          const s = text.charCodeAt(i);
          if (s === 92 && !raw) {
            if (text.charCodeAt(i + 1) === 10) row++;
            i += 2;
            continue;
          }
          if (s === 92 && raw) {
            i += 2;
            if (text.charCodeAt(i - 1) === 10) row++;
            continue;
          }
          if (s === 10) {
            if (!triple) return undefined; // a newline in a one-line string: a syntax error
            row++;
          }
          if (s === c && (!triple || (text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c))) {
            i += triple ? 3 : 1;
            break;
          }
          i++;
        }
        continue;
      }
      i++;
    }
  }
  if (depth !== 0 || continued) return undefined;
  const out: Statement[] = [];
  for (let k = 0; k < starts.length; k++) {
    const next = starts[k + 1];
    out.push({ start: starts[k].offset, end: next ? next.offset : n, row: starts[k].row, endRow: next ? next.row : row, endColumn: next ? 0 : n - (text.lastIndexOf('\n', n - 1) + 1) });
  }
  return out;
}

const IMPORT = /(?:import|from)\b/y;
/** Compound statements (a short function is not a constant). */
const COMPOUND = /(?:def|class|async|if|for|while|with|try|match)\b|@/y;
const IMPORT_HEAD = /^(?:import|from)\b/;
const ASSIGNED = /^([A-Za-z_]\w*)\s*(?::[^=\n]*)?=[^=]/;

/**
 * The ranges to parse for a scan, or undefined to parse the whole text (small text, text the
 * lexer does not follow, or too much of it kept to be worth it). `force` skips the size and share
 * limits (tests use it to check that rules find the same with partial trees).
 */
export function partialRanges(text: string, force = false): IncludedRange[] | undefined {
  if (!force && text.length < PARTIAL_MIN_CHARS) return undefined;
  const statements = topLevelStatements(text);
  if (!statements?.length) return undefined;
  const keep = new Uint8Array(statements.length);
  const names = new Set<string>();
  const mark = (k: number, anchored: boolean) => {
    keep[k] = 1;
    const head = text.slice(statements[k].start, statements[k].start + 200);
    const m = ASSIGNED.exec(head);
    if (m) names.add(m[1]);
    // Names an anchored import binds (`from torch.cuda.amp import autocast`, `import apex as ax`):
    // their uses are evidence too.
    if (anchored && IMPORT_HEAD.test(head)) {
      const body = text.slice(statements[k].start, statements[k].end).replace(/#.*$/gm, '');
      for (const part of body.replace(/^\s*from\s+\S+\s+import\s+/, '').replace(/^\s*import\s+/, '').split(/[\s,()\\]+/)) {
        if (/^[A-Za-z_]\w*$/.test(part) && part !== 'as') names.add(part);
      }
    }
  };
  // Anchors: statements holding a trigger or evidence word.
  const anchor = anchorsFor(text);
  let k = 0;
  for (let m = anchor.exec(text); m; m = anchor.exec(text)) {
    while (k < statements.length && statements[k].end <= m.index) k++;
    if (k >= statements.length) break;
    mark(k, true);
    // Skip to the next statement: one match is enough to keep this one.
    anchor.lastIndex = Math.max(anchor.lastIndex, statements[k].end);
  }
  // Imports (rules resolve aliases through them), and short statements (constants: cheap, and
  // often evidence). Forced mode, for tests, keeps only what the anchors and names keep.
  statements.forEach((s, j) => {
    if (keep[j]) return;
    IMPORT.lastIndex = s.start;
    if (IMPORT.test(text)) mark(j, false);
    else if (!force && s.end - s.start <= SHORT_STATEMENT) {
      COMPOUND.lastIndex = s.start;
      if (!COMPOUND.test(text)) mark(j, false);
    }
  });
  // Statements that use a name a kept statement assigns.
  if (names.size) {
    const uses = new RegExp(`(?<![\\w.])(?:${[...names].map((x) => x.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')).join('|')})(?!\\w)`, 'g');
    let j = 0;
    for (let m = uses.exec(text); m; m = uses.exec(text)) {
      while (j < statements.length && statements[j].end <= m.index) j++;
      if (j >= statements.length) break;
      keep[j] = 1;
      uses.lastIndex = Math.max(uses.lastIndex, statements[j].end);
    }
  }
  let kept = 0;
  const ranges: IncludedRange[] = [];
  for (let j = 0; j < statements.length; j++) {
    if (!keep[j]) continue;
    const s = statements[j];
    kept += s.end - s.start;
    const last = ranges[ranges.length - 1];
    if (last && last.endIndex === s.start) {
      last.endIndex = s.end;
      last.endPosition = { row: s.endRow, column: s.endColumn };
    } else {
      ranges.push({ startIndex: s.start, endIndex: s.end, startPosition: { row: s.row, column: 0 }, endPosition: { row: s.endRow, column: s.endColumn } });
    }
  }
  if (!ranges.length) return undefined;
  if (!force && kept > text.length * MAX_KEPT_SHARE) return undefined;
  return ranges;
}

/** How scans parse Python: 'auto' (partially when it pays), 'off', or 'force' (tests). */
export type PartialMode = 'auto' | 'off' | 'force';
const fromEnv = process.env.ACCEL_ADVISOR_PARTIAL_PARSE;
let mode: PartialMode = fromEnv === 'off' || fromEnv === 'force' ? fromEnv : 'auto';

/** Sets the mode; returns the previous one. */
export function setPartialParsing(next: PartialMode): PartialMode {
  const previous = mode;
  mode = next;
  return previous;
}

/** The ranges to parse for a scanned module under the current mode. */
export function partialRangesFor(text: string): IncludedRange[] | undefined {
  return mode === 'off' ? undefined : partialRanges(text, mode === 'force');
}
