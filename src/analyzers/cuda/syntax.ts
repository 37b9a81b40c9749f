import type { SourceDocument } from '../../core/document';
import type { ParserAdapter } from '../../core/rule';
import { parseWith, type SyntaxNode, type Tree } from '../../core/treesitter';
import { commentEnd, continuationAt, isBlank, isDigit, isIdPart, isIdStart, punctLength, skipLiteral, skipPrefixedLiteral, type CTokenKind } from './lexer';
import { maskCudaSyntax } from './mask';

/**
 * One code token of a C/C++/CUDA file. Comments never become tokens; a string or character
 * literal is one token of kind 'string'. Tokens come from a lexer pass over the text (`collect`);
 * their tree node is found when a rule asks for it.
 */
export interface CToken {
  kind: CTokenKind;
  text: string;
  start: number;
  end: number;
  /** The tree node this token is, or the raw node (macro body, ERROR) it was lexed from. */
  host: SyntaxNode;
  /** Inside a #define body. */
  inMacro: boolean;
}

export interface IncludeDirective {
  /** The path without delimiters, e.g. "cuda_runtime.h". */
  path: string;
  /** Range of the path token with its delimiters (`<cuda_runtime.h>` or `"cublas_v2.h"`). */
  start: number;
  end: number;
  host: SyntaxNode;
}

/** `#pragma`, `#error`, `#warning` … with their raw argument. */
export interface PreprocCall {
  directive: string;
  arg: string;
  start: number;
  end: number;
  argStart: number;
  argEnd: number;
  host: SyntaxNode;
}

export type MacroAlias = 'global' | 'device' | 'host-device';

export interface ParsedCpp {
  tree: Tree;
  root: SyntaxNode;
  text: string;
  tokens: CToken[];
  includes: IncludeDirective[];
  preprocCalls: PreprocCall[];
  /** Object-like macros that stand for CUDA function qualifiers (`#define KERNEL __global__`). */
  qualifierMacros: Map<string, MacroAlias>;
}


/** `#if 0` … `#endif`: code that is never compiled. */
function isDisabledIf(node: SyntaxNode): boolean {
  return node.type.startsWith('preproc_if') && node.type !== 'preproc_ifdef' && node.childForFieldName('condition')?.text.trim() === '0';
}

/** A token whose tree node is looked up only when a rule asks for it (most never do). */
class LazyToken implements CToken {
  private node: SyntaxNode | undefined;
  constructor(
    private readonly root: SyntaxNode,
    readonly kind: CTokenKind,
    readonly text: string,
    readonly start: number,
    readonly end: number,
    public inMacro: boolean,
  ) {}

  get host(): SyntaxNode {
    this.node ??= this.root.descendantForIndex(this.start, this.end) ?? this.root;
    return this.node;
  }
}

function lazyToken(root: SyntaxNode, t: Omit<CToken, 'host'>): CToken {
  return new LazyToken(root, t.kind, t.text, t.start, t.end, t.inMacro);
}

type Collected = Omit<ParsedCpp, 'tree' | 'root' | 'text' | 'qualifierMacros'>;

/** Preprocessor nodes the token pass needs from the tree. */
const PREPROC_TYPES = new Set(['preproc_include', 'preproc_call', 'preproc_if', 'preproc_def']);
const DIRECTIVE_LINE = /^[ \t]*(?:\/\*.*?\*\/[ \t]*)*#/gm;

/**
 * The preprocessor nodes of the tree, in document order, found from the text's directive lines
 * (each looked up where it starts) rather than by a walk of every node: a file has few directives
 * and tens of thousands of nodes. A `#` that is not a directive (in a comment) finds no such node.
 */
function preprocNodes(root: SyntaxNode, text: string): SyntaxNode[] {
  const found = new Map<number, SyntaxNode>();
  DIRECTIVE_LINE.lastIndex = 0;
  for (let m = DIRECTIVE_LINE.exec(text); m; m = DIRECTIVE_LINE.exec(text)) {
    const at = m.index + m[0].length - 1;
    for (let n: SyntaxNode | null = root.descendantForIndex(at, at + 1); n && n.id !== root.id; n = n.parent) {
      if (PREPROC_TYPES.has(n.type)) {
        found.set(n.id, n);
        break;
      }
    }
  }
  return [...found.values()].sort((a, b) => a.startIndex - b.startIndex);
}

/** Directives whose line yields tokens (the rest are `preproc_call`s or includes: none). */
const TOKEN_DIRECTIVES = new Set(['if', 'ifdef', 'ifndef', 'elif', 'elifdef', 'elifndef', 'else', 'endif', 'define']);

/**
 * Code tokens, includes and preprocessor calls. Tokens come from one pass of a lexer over the
 * text (a cursor walk of the tree, which it replaced, crossed into WebAssembly several times per
 * node: 4–5× slower). The tree decides what a lexer cannot: `#if 0` regions, includes and
 * preprocessor calls (one `descendantsOfType`), and each token's node when a rule asks (lazily).
 * Operators are one token where the grammar's are (`+=`, `<<=`); a launch's `<<<` reads `<<`, `<`.
 */
function collect(root: SyntaxNode, text: string, nodes: SyntaxNode[]): Collected {
  const includes: IncludeDirective[] = [];
  const preprocCalls: PreprocCall[] = [];
  /** Ranges never compiled (`#if 0` up to its `#else`, and the `#endif` after it): no tokens. */
  const skipped: { start: number; end: number }[] = [];
  for (const node of nodes) {
    if (node.type === 'preproc_if' && isDisabledIf(node)) {
      // Never compiled: the `#if 0` branch and the `#endif` after its alternative.
      const alt = node.childForFieldName('alternative');
      if (alt) skipped.push({ start: node.startIndex, end: alt.startIndex }, { start: alt.endIndex, end: node.endIndex });
      else skipped.push({ start: node.startIndex, end: node.endIndex });
    }
  }
  skipped.sort((a, b) => a.start - b.start);
  const isSkipped = (offset: number) => skipped.some((r) => offset >= r.start && offset < r.end);
  for (const node of nodes) {
    if (isSkipped(node.startIndex)) continue;
    if (node.type === 'preproc_include') {
      const p = node.childForFieldName('path');
      if (p && (p.type === 'system_lib_string' || p.type === 'string_literal')) includes.push({ path: p.text.slice(1, -1).trim(), start: p.startIndex, end: p.endIndex, host: node });
    } else if (node.type === 'preproc_call') {
      const d = node.childForFieldName('directive');
      const a = node.childForFieldName('argument');
      if (d) {
        preprocCalls.push({
          directive: d.text.replace(/^#\s+/, '#'),
          arg: a?.text ?? '',
          start: d.startIndex,
          end: d.endIndex,
          argStart: a?.startIndex ?? d.endIndex,
          argEnd: a?.endIndex ?? d.endIndex,
          host: node,
        });
      }
    }
  }

  const tokens: CToken[] = [];
  const n = text.length;
  let i = 0;
  let lineStart = true;
  /** End of the current #define (its logical line), or -1. */
  let macroEnd = -1;
  /** End of a directive line that yields no tokens. */
  let silentEnd = -1;
  let skip = 0;
  const push = (kind: CTokenKind, start: number, end: number) => {
    if (silentEnd > start) return;
    tokens.push(lazyToken(root, { kind, text: text.slice(start, end), start, end, inMacro: macroEnd > start }));
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
      const end = lineEnd(j);
      if (word === 'define') macroEnd = end;
      if (TOKEN_DIRECTIVES.has(word)) push('punct', i, j);
      else silentEnd = end;
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
  return { tokens, includes, preprocCalls };
}

/** The identifiers among `tokens` (sorted by start) that lie in [start, end). */
function identsIn(tokens: readonly CToken[], start: number, end: number): Set<string> {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out = new Set<string>();
  for (let k = lo; k < tokens.length && tokens[k].start < end; k++) if (tokens[k].kind === 'ident') out.add(tokens[k].text);
  return out;
}

/** From the macro bodies' tokens (already lexed), not a second lexing of each body. */
function qualifierMacros(nodes: SyntaxNode[], tokens: readonly CToken[]): Map<string, MacroAlias> {
  const out = new Map<string, MacroAlias>();
  for (const def of nodes) {
    if (def.type !== 'preproc_def') continue;
    const name = def.childForFieldName('name')?.text;
    const value = def.childForFieldName('value');
    if (!name) continue;
    const words = value ? identsIn(tokens, value.startIndex, value.endIndex) : new Set<string>();
    if (words.has('__global__')) out.set(name, 'global');
    else if (words.has('__device__')) out.set(name, words.has('__host__') ? 'host-device' : 'device');
  }
  return out;
}

export const cppParser: ParserAdapter<ParsedCpp> = {
  id: 'cpp',
  async parse(doc: SourceDocument) {
    // The parser reads the text with CUDA's own syntax hidden (mask.ts); tokens are lexed from the
    // original text, so they include the hidden qualifiers and chevrons.
    const tree = await parseWith('cpp', maskCudaSyntax(doc.text), doc.cacheKey);
    try {
      const root = tree.rootNode;
      const preproc = preprocNodes(root, doc.text);
      const { tokens, includes, preprocCalls } = collect(root, doc.text, preproc);
      return { tree, root, text: doc.text, tokens, includes, preprocCalls, qualifierMacros: qualifierMacros(preproc, tokens) };
    } catch (err) {
      tree.delete();
      throw new Error(`C/C++ syntax walk failed: ${(err as Error).message}`);
    }
  },
  dispose(parsed) {
    parsed.tree.delete();
  },
};

// ---------------------------------------------------------------------------------------------
// Token helpers

/** Whether tokens[i] is an identifier called as a free function: `name(` not after `.`/`->`. */
export function isFreeCall(tokens: readonly CToken[], i: number): boolean {
  const t = tokens[i];
  if (t.kind !== 'ident' || tokens[i + 1]?.text !== '(') return false;
  const prev = tokens[i - 1]?.text;
  if (prev === '.' || prev === '->') return false;
  // A declaration or definition of a function with this name is not a call.
  const parent = t.host.parent;
  if (t.host.type === 'identifier' && parent?.type === 'function_declarator' && parent.childForFieldName('declarator')?.id === t.host.id) return false;
  return true;
}

/** The literal contents of a string token (quotes and prefixes removed, escapes left as written). */
export function stringContent(token: CToken): string {
  const m = /^(?:u8|u|U|L)?R"([^(]*)\(([\s\S]*)\)\1"$/.exec(token.text);
  if (m) return m[2];
  const q = token.text.indexOf('"') >= 0 ? '"' : "'";
  const a = token.text.indexOf(q);
  const b = token.text.lastIndexOf(q);
  return b > a ? token.text.slice(a + 1, b) : token.text.slice(a + 1);
}

/** Index of the token that closes the bracket opened at tokens[open] ('(' / '[' / '{'), or -1. */
export function matchClose(tokens: readonly CToken[], open: number): number {
  const o = tokens[open].text;
  const c = o === '(' ? ')' : o === '[' ? ']' : '}';
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    if (tokens[j].text === o) depth++;
    else if (tokens[j].text === c && --depth === 0) return j;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Preprocessor guards (which architecture a piece of code is compiled for)

const X86_MACRO = /\b(__x86_64__|__x86_64|__amd64__|__amd64|__i386__|__i386|__i686__|_M_X64|_M_AMD64|_M_IX86|_M_IX86_FP|__x86__|__MMX__|__SSE\d?(_\d)?__|__SSSE3__|__SSE4_[12]__|__AVX\w*__|__FMA__|__F16C__|__BMI2?__|__POPCNT__|__LZCNT__)\b/;
const ARM_MACRO = /\b(__aarch64__|__arm__|__arm64__|__arm64|__ARM_NEON__|__ARM_NEON|__ARM_FEATURE_\w+|__ARM_ARCH\w*|_M_ARM64|_M_ARM|__ARM_64BIT_STATE)\b/;

const BRANCH = /^preproc_(if|ifdef|elif|elifdef)(_in_\w+)?$/;
const ELSE = /^preproc_else(_in_\w+)?$/;

interface Branch {
  condition: string;
  negated: boolean;
  isElse: boolean;
  chain: string[];
}

function conditionOf(node: SyntaxNode): { condition: string; negated: boolean } {
  if (node.type.startsWith('preproc_ifdef') || node.type.startsWith('preproc_elifdef')) {
    const name = node.childForFieldName('name')?.text ?? '';
    const negated = /ndef/.test(node.child(0)?.text ?? '');
    return { condition: name, negated };
  }
  const c = (node.childForFieldName('condition')?.text ?? '').trim();
  return { condition: c, negated: c.startsWith('!') };
}

function chainConditions(branchNode: SyntaxNode): string[] {
  let head = branchNode;
  while (head.parent && BRANCH.test(head.parent.type) && head.parent.childForFieldName('alternative')?.id === head.id) head = head.parent;
  const out: string[] = [];
  let cur: SyntaxNode | null = head;
  while (cur && BRANCH.test(cur.type)) {
    out.push(conditionOf(cur).condition);
    cur = cur.childForFieldName('alternative');
  }
  return out;
}

/** The preprocessor branches around a node, innermost first. */
export function enclosingBranches(node: SyntaxNode): Branch[] {
  const out: Branch[] = [];
  let child = node;
  let parent = node.parent;
  while (parent) {
    if (BRANCH.test(parent.type)) {
      const alt = parent.childForFieldName('alternative');
      const condNode = parent.childForFieldName('condition') ?? parent.childForFieldName('name');
      if (alt?.id !== child.id && condNode?.id !== child.id) {
        out.push({ ...conditionOf(parent), isElse: false, chain: chainConditions(parent) });
      }
    } else if (ELSE.test(parent.type)) {
      const owner = parent.parent;
      out.push({ condition: '', negated: false, isElse: true, chain: owner ? chainConditions(owner) : [] });
    }
    child = parent;
    parent = parent.parent;
  }
  return out;
}

/**
 * How x86-specific code at this node is guarded:
 * - 'arm-path': the code sits in a branch chain that also has an Arm path (or is itself Arm code);
 * - 'x86-guarded': only compiled when an x86 macro is set (the build has some other path);
 * - 'unguarded': always compiled.
 */
export function x86Guard(node: SyntaxNode): 'arm-path' | 'x86-guarded' | 'unguarded' {
  let guarded = false;
  for (const b of enclosingBranches(node)) {
    const chainHasArm = b.chain.some((c) => ARM_MACRO.test(c));
    if (b.isElse) {
      if (chainHasArm) return 'arm-path';
      if (b.chain.some((c) => X86_MACRO.test(c))) guarded = true;
      continue;
    }
    if (ARM_MACRO.test(b.condition)) {
      if (!b.negated) return 'arm-path';
      if (b.chain.length > 1) return 'arm-path';
      guarded = true;
      continue;
    }
    if (X86_MACRO.test(b.condition) && !b.negated) {
      if (chainHasArm) return 'arm-path';
      guarded = true;
    }
  }
  return guarded ? 'x86-guarded' : 'unguarded';
}

/** Whether a node only compiles when the target is *not* x86 (`#ifndef __x86_64__`, or the `#else` of an x86 check). */
export function inNonX86Branch(node: SyntaxNode): boolean {
  for (const b of enclosingBranches(node)) {
    if (b.isElse) {
      if (b.chain.some((c) => ARM_MACRO.test(c))) return false;
      if (b.chain.length && b.chain.every((c) => X86_MACRO.test(c) && !c.trim().startsWith('!'))) return true;
      continue;
    }
    if (ARM_MACRO.test(b.condition)) return false;
    if (b.negated && X86_MACRO.test(b.condition)) return true;
  }
  return false;
}
