/**
 * CUDA syntax that tree-sitter's C++ grammar does not know, hidden from the parser only.
 *
 * `__global__ void k(…)` and `k<<<grid, block>>>(…)` are not C++: the grammar recovers with ERROR
 * nodes, and error recovery is the costly path of the parser (a 5,000-line .cu file: 190 ms
 * instead of 67 ms), and a subtree with an error is never reused after an edit (an edit re-parses
 * in 120–220 ms instead of 3–6 ms). So the parser reads a copy of the text of the same length in
 * which, in code only (never in comments, strings or preprocessor lines), each function-space
 * qualifier is blanked and each `<<<…>>>` becomes `(((…)))`, a plain call. Tokens are lexed from
 * the original text (syntax.ts), so rules see the file as written.
 */
import { commentEnd, continuationAt, isBlank, isIdPart, isIdStart, skipLiteral, skipPrefixedLiteral } from './lexer';
import type { ChangedRange } from '../../core/text-diff';
import { appendMoved, resumeAt } from './resume';

const QUALIFIERS = new Set(['__global__', '__device__', '__host__', '__forceinline__', '__noinline__', '__shared__', '__constant__', '__managed__', '__grid_constant__']);

/** The text to parse: same length as `text`, with CUDA's own syntax hidden in code. */
export function maskCudaSyntax(text: string): string {
  return maskAll(text).masked;
}

/** A mask pass: the masked text, and the line starts the pass can resume from (resume.ts). */
export interface MaskPass {
  masked: string;
  checkpoints: number[];
}

export function maskAll(text: string): MaskPass {
  const checkpoints = [0];
  const edits: MaskEdit[] = [];
  maskFrom(text, 0, checkpoints, edits);
  return { masked: applyEdits(text, 0, text.length, edits), checkpoints };
}

/** The mask of `text`, an edit of the text `prev` masked: masked again only around the edit. */
export function remask(prev: MaskPass, text: string, edit: ChangedRange): MaskPass {
  const r = resumeAt(prev.checkpoints, edit);
  const checkpoints = prev.checkpoints.slice(0, r.fromIndex + 1);
  const edits: MaskEdit[] = [];
  const stop = maskFrom(text, r.from, checkpoints, edits, r.stopAt);
  if (!stop) return { masked: prev.masked.slice(0, r.from) + applyEdits(text, r.from, text.length, edits), checkpoints };
  appendMoved(checkpoints, prev.checkpoints, stop.k, r.delta);
  return { masked: prev.masked.slice(0, r.from) + applyEdits(text, r.from, stop.at, edits) + prev.masked.slice(stop.at - r.delta), checkpoints };
}

interface MaskEdit {
  start: number;
  text: string;
}

/** text[from, to) with the edits (all within it) applied. */
function applyEdits(text: string, from: number, to: number, edits: MaskEdit[]): string {
  if (!edits.length) return text.slice(from, to);
  edits.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = from;
  for (const e of edits) {
    parts.push(text.slice(at, e.start), e.text);
    at = e.start + e.text.length;
  }
  parts.push(text.slice(at, to));
  return parts.join('');
}

/**
 * Masks from `from` (a clean line start), recording clean line starts in `checkpoints`. With
 * `stopAt`, stops at the first clean line start where it says so: returns that place and the
 * old checkpoint's index. A line start is clean when no launch's lookahead reached it: every
 * edit made before it lies before it.
 */
function maskFrom(text: string, from: number, checkpoints: number[], edits: MaskEdit[], stopAt?: (p: number) => number): { at: number; k: number } | undefined {
  const n = text.length;
  let lineStart = true; // only whitespace so far on this (logical) line
  let i = from;
  /** How far lookahead has read. */
  let reach = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      i++;
      if (reach <= i) {
        const k = stopAt ? stopAt(i) : -1;
        if (k >= 0) return { at: i, k };
        checkpoints.push(i);
      }
      continue;
    }
    if (isBlank(c)) {
      i++;
      continue;
    }
    if (c === 35 /* # */ && lineStart) {
      // A preprocessor line, with its continuations: never masked (its text is read from nodes).
      for (let d = text.charCodeAt(i); i < n && d !== 10; d = text.charCodeAt(i)) {
        const skipTo = d === 47 ? commentEnd(text, i) : d === 92 ? i + continuationAt(text, i) : -1;
        i = skipTo > i ? skipTo : i + 1;
      }
      continue;
    }
    // Comments count as whitespace (the compiler replaces them by a space before directives).
    if (c === 47) {
      const afterComment = commentEnd(text, i);
      if (afterComment >= 0) {
        i = afterComment;
        continue;
      }
    }
    lineStart = false;
    if (c === 34 || c === 39) {
      i = skipLiteral(text, i);
      continue;
    }
    if (isIdStart(c)) {
      const start = i;
      while (i < n && isIdPart(text.charCodeAt(i))) i++;
      const literalEnd = skipPrefixedLiteral(text, start, i);
      if (literalEnd >= 0) i = literalEnd;
      // Every qualifier starts with two underscores: only those words are sliced.
      else if (c === 95 && text.charCodeAt(start + 1) === 95 && QUALIFIERS.has(text.slice(start, i))) edits.push({ start, text: ' '.repeat(i - start) });
      continue;
    }
    if (c === 60 && text.charCodeAt(i + 1) === 60 && text.charCodeAt(i + 2) === 60 && text.charCodeAt(i + 3) !== 60) {
      // `<<<` … `>>>` within one statement: a launch configuration.
      const close = findLaunchClose(text, i + 3);
      reach = Math.max(reach, close.read);
      if (close.at > 0) {
        edits.push({ start: i, text: '(((' }, { start: close.at, text: ')))' });
        i += 3;
        continue;
      }
    }
    i++;
  }
  return undefined;
}

/**
 * Where the `>>>` closing a launch configuration opened before `from` is (`at`, or -1), and how
 * far the search read (`read`: past every character it looked at; it looks up to two ahead).
 */
function findLaunchClose(text: string, from: number): { at: number; read: number } {
  const n = Math.min(text.length, from + 2000);
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 59 || c === 123 || c === 125 || c === 35) return { at: -1, read: i + 3 }; // ; { } #
    if (c === 34 || c === 39) {
      i = skipLiteral(text, i) - 1;
      continue;
    }
    if (c === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42)) return { at: -1, read: i + 3 };
    if (c === 62 && text.charCodeAt(i + 1) === 62 && text.charCodeAt(i + 2) === 62) return { at: i, read: i + 3 };
  }
  return { at: -1, read: n + 3 };
}
