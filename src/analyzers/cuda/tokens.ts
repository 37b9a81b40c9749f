import { detach } from '../../core/detach';
import type { SyntaxNode } from '../../core/treesitter';
import { commentEnd, continuationAt, isBlank, isDigit, isIdPart, isIdStart, punctLength, skipLiteral, skipPrefixedLiteral, type CTokenKind } from './lexer';
import type { ChangedRange } from '../../core/text-diff';
import { resumeAt } from './resume';

/**
 * One code token of a C/C++/CUDA file. Comments never become tokens; a string or character
 * literal is one token of kind 'string'. Tokens come from a lexer pass over the text; their tree
 * node is found when a rule asks for it.
 */
export interface CToken {
  readonly kind: CTokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The tree node this token is, or the raw node (macro body, ERROR) it was lexed from. */
  readonly host: SyntaxNode;
  /** Inside a #define body. */
  readonly inMacro: boolean;
}

/**
 * The tree tokens find their nodes in. An open document's tokens outlive a parse (they are moved,
 * not lexed again, after an edit): they all read the document's one TreeRef, whose `generation`
 * tells a token its remembered node is from an older tree.
 */
export interface TreeRef {
  root: SyntaxNode;
  generation: number;
}

/** A token whose tree node is looked up only when a rule asks for it (most never do). */
class LazyToken implements CToken {
  private node: SyntaxNode | undefined;
  private generation = -1;
  constructor(
    private readonly tree: TreeRef,
    readonly kind: CTokenKind,
    readonly text: string,
    public start: number,
    public end: number,
    readonly inMacro: boolean,
  ) {}

  get host(): SyntaxNode {
    if (this.generation !== this.tree.generation) {
      this.node = this.tree.root.descendantForIndex(this.start, this.end) ?? this.tree.root;
      this.generation = this.tree.generation;
    }
    return this.node!;
  }
}

/** A range of text that is never compiled (`#if 0`): it yields no tokens. */
export interface SkippedRange {
  start: number;
  end: number;
}

/** The tokens of a text, and the line starts the lexer can resume from with their token counts. */
export interface Lexed {
  tokens: CToken[];
  checkpoints: number[];
  /** tokens.length when the lexer stood at each checkpoint. */
  counts: number[];
}

/** Directives whose line yields tokens (the rest are `preproc_call`s or includes: none). */
const TOKEN_DIRECTIVES = new Set(['if', 'ifdef', 'ifndef', 'elif', 'elifdef', 'elifndef', 'else', 'endif', 'define']);

/**
 * Lexes a whole text. Operators are one token where the grammar's are (`+=`, `<<=`); a launch's
 * `<<<` reads `<<`, `<`. `skipped` (sorted) comes from the tree.
 */
export function lexAll(text: string, tree: TreeRef, skipped: readonly SkippedRange[]): Lexed {
  const out: Lexed = { tokens: [], checkpoints: [0], counts: [0] };
  lexFrom(text, tree, skipped, 0, out, false);
  return out;
}

/**
 * The tokens of `text`, an edit of the text `prev` was lexed from, lexed again only around the
 * edit (resume.ts); the tokens after it are the old ones, moved. `prev`'s token list is changed
 * in place (an open document's tokens are not copied on each edit). `skipped` must be the old
 * ranges, moved (the caller checks: otherwise it lexes all).
 */
export function relex(prev: Lexed, text: string, edit: ChangedRange, tree: TreeRef, skipped: readonly SkippedRange[]): Lexed {
  const r = resumeAt(prev.checkpoints, edit);
  const kept = prev.counts[r.fromIndex];
  const window: Lexed = { tokens: [], checkpoints: [], counts: [] };
  const stop = lexFrom(text, tree, skipped, r.from, window, true, r.stopAt, kept);
  // The old tokens from where the pass stopped on are moved; those between, replaced.
  const tokenEnd = stop ? prev.counts[stop.k] : prev.tokens.length;
  for (let j = tokenEnd; j < prev.tokens.length; j++) {
    const t = prev.tokens[j] as LazyToken;
    t.start += r.delta;
    t.end += r.delta;
  }
  const added = window.tokens.length - (tokenEnd - kept);
  // Resume points are rebuilt (numbers; the old one the pass stopped at may be the one it started
  // from, when a whole line was typed at a line start: it is then kept where it was and moved).
  const checkpoints = prev.checkpoints.slice(0, r.fromIndex + 1).concat(window.checkpoints);
  const counts = prev.counts.slice(0, r.fromIndex + 1).concat(window.counts);
  if (stop) {
    for (let j = stop.k; j < prev.checkpoints.length; j++) {
      checkpoints.push(prev.checkpoints[j] + r.delta);
      counts.push(prev.counts[j] + added);
    }
  }
  replace(prev.tokens, kept, tokenEnd, window.tokens);
  return { tokens: prev.tokens, checkpoints, counts };
}

/** Replaces items [from, to) of `list` by `items`, in place. */
function replace<T>(list: T[], from: number, to: number, items: readonly T[]): void {
  if (items.length <= 4096) {
    list.splice(from, to - from, ...items);
    return;
  }
  // Too many to pass as arguments.
  const tail = list.slice(to);
  list.length = from;
  for (const x of items) list.push(x);
  for (const x of tail) list.push(x);
}

/**
 * The token pass, from `from` (a clean line start: no directive's line running on). Records each
 * clean line start it reaches, with the token count there (plus `countBase`, the tokens before
 * `from`); with `stopAt`, stops at the first one it says so (resume.ts). With
 * `detachTexts`, token texts are copies: tokens of an open document outlive many versions of its
 * text, and a slice would keep its version alive.
 */
function lexFrom(
  text: string,
  tree: TreeRef,
  skipped: readonly SkippedRange[],
  from: number,
  out: Lexed,
  detachTexts: boolean,
  stopAt?: (p: number) => number,
  countBase = 0,
): { at: number; k: number } | undefined {
  const { tokens, checkpoints, counts } = out;
  const n = text.length;
  let i = from;
  let lineStart = true;
  /** End of the current #define (its logical line), or -1. */
  let macroEnd = -1;
  /** End of a directive line that yields no tokens. */
  let silentEnd = -1;
  let skip = 0;
  while (skip < skipped.length && skipped[skip].end <= i) skip++;
  const push = (kind: CTokenKind, start: number, end: number) => {
    if (silentEnd > start) return;
    const word = text.slice(start, end);
    tokens.push(new LazyToken(tree, kind, detachTexts ? detach(word) : word, start, end, macroEnd > start));
  };
  /** End of the logical line from `from` (backslash-newline continues it). */
  const lineEnd = (from: number) => {
    let j = from;
    for (;;) {
      const nl = text.indexOf('\n', j);
      if (nl < 0) return n;
      let k = nl - 1;
      if (text.charCodeAt(k) === 13) k--;
      if (text.charCodeAt(k) === 92) {
        j = nl + 1;
        continue;
      }
      return nl;
    }
  };
  while (i < n) {
    while (skip < skipped.length && skipped[skip].end <= i) skip++;
    if (skip < skipped.length && i >= skipped[skip].start) {
      i = skipped[skip].end;
      lineStart = true;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      i++;
      // Clean: no directive's logical line runs on past here (a line comment ending in a backslash
      // continues one, though the comment itself stops at this newline).
      if (macroEnd < i && silentEnd < i) {
        const k = stopAt ? stopAt(i) : -1;
        if (k >= 0) return { at: i, k };
        checkpoints.push(i);
        counts.push(countBase + tokens.length);
      }
      continue;
    }
    if (isBlank(c)) {
      i++;
      continue;
    }
    // A continued line is the same logical line; comments are skipped (the helpers only on their
    // first character: this loop runs for every token).
    const skipTo = c === 92 ? i + continuationAt(text, i) : c === 47 ? commentEnd(text, i) : -1;
    if (skipTo > i) {
      i = skipTo;
      continue;
    }
    if (c === 35 && lineStart) {
      // A directive: `#`, spaces, a word. Its token is the whole `#  word`, as the grammar's.
      let j = i + 1;
      while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
      const w = j;
      while (j < n && isIdPart(text.charCodeAt(j))) j++;
      const word = text.slice(w, j);
      lineStart = false;
      if (word === 'define') macroEnd = lineEnd(j);
      if (TOKEN_DIRECTIVES.has(word)) push('punct', i, j);
      else silentEnd = lineEnd(j);
      i = j;
      continue;
    }
    lineStart = false;
    const start = i;
    if (c === 34 || c === 39) {
      i = skipLiteral(text, i);
      push('string', start, i);
      continue;
    }
    if (isIdStart(c)) {
      while (i < n && isIdPart(text.charCodeAt(i))) i++;
      const literalEnd = skipPrefixedLiteral(text, start, i);
      if (literalEnd >= 0) {
        i = literalEnd;
        push('string', start, i);
      } else push('ident', start, i);
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      i++;
      for (;;) {
        const d = text.charCodeAt(i);
        if (isIdPart(d) || d === 46 || d === 39) i++;
        else if ((d === 43 || d === 45) && /[eEpP]/.test(text[i - 1])) i++;
        else break;
      }
      push('number', start, i);
      continue;
    }
    i += punctLength(text, i);
    push('punct', start, i);
  }
  return undefined;
}
