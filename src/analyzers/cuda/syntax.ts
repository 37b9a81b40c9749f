import type { SourceDocument } from '../../core/document';
import { OpenStates } from '../../core/open-documents';
import type { ParserAdapter } from '../../core/rule';
import { parseWith, type SyntaxNode, type Tree } from '../../core/treesitter';
import { maskAll, remask, type MaskPass } from './mask';
import { changedRange, type ChangedRange } from '../../core/text-diff';
import { lexAll, relex, type CToken, type Lexed, type SkippedRange, type TreeRef } from './tokens';

export type { CToken } from './tokens';

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

type Collected = Omit<ParsedCpp, 'tree' | 'root' | 'text' | 'qualifierMacros' | 'tokens'> & { skipped: SkippedRange[] };

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

/**
 * Includes, preprocessor calls and the ranges never compiled (`#if 0`), from the tree's
 * preprocessor nodes. Tokens come from a lexer pass over the text (tokens.ts; a cursor walk of the
 * tree, which it replaced, crossed into WebAssembly several times per node: 4–5× slower); the tree
 * decides what a lexer cannot: these, and each token's node when a rule asks (lazily).
 */
function collect(nodes: SyntaxNode[]): Collected {
  const includes: IncludeDirective[] = [];
  const preprocCalls: PreprocCall[] = [];
  /** Ranges never compiled (`#if 0` up to its `#else`, and the `#endif` after it): no tokens. */
  const skipped: SkippedRange[] = [];
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
  return { includes, preprocCalls, skipped };
}

/** Index of the first of `tokens` (sorted by start) that starts at or after `offset` (tokens.length when none does). */
function firstTokenFrom(tokens: readonly CToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The identifiers among `tokens` (sorted by start) that lie in [start, end). */
function identsIn(tokens: readonly CToken[], start: number, end: number): Set<string> {
  const out = new Set<string>();
  for (let k = firstTokenFrom(tokens, start); k < tokens.length && tokens[k].start < end; k++) if (tokens[k].kind === 'ident') out.add(tokens[k].text);
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

/**
 * What an open document keeps between edits: its text, mask and tokens, each passed over again
 * only around an edit (resume.ts), and the tree reference its tokens read.
 */
interface OpenState {
  text: string;
  mask: MaskPass;
  lexed: Lexed;
  skipped: SkippedRange[];
  tree: TreeRef;
}
/** Tokens cost ~17× their text (a 20k-line file: ~600 KB of text, ~10 MB kept): 8 files, at most ~4 MB of text. */
const openStates = new OpenStates<OpenState>(8, 4 * 1024 * 1024);
let incrementalOn = true;

/** Turns passing over only the edited part off or on (tests compare both); returns the previous setting. */
export function setCudaIncremental(on: boolean): boolean {
  const previous = incrementalOn;
  incrementalOn = on;
  return previous;
}

/** Whether `now` are the ranges `before` moved by the edit (none touches it). */
function sameSkipped(before: readonly SkippedRange[], now: readonly SkippedRange[], edit: ChangedRange): boolean {
  if (before.length !== now.length) return false;
  const delta = edit.newEnd - edit.oldEnd;
  const moved = (p: number) => (p <= edit.start ? p : p >= edit.oldEnd ? p + delta : -1);
  return before.every((r, i) => moved(r.start) === now[i].start && moved(r.end) === now[i].end);
}

export const cppParser: ParserAdapter<ParsedCpp> = {
  id: 'cpp',
  async parse(doc: SourceDocument) {
    const text = doc.text;
    const key = incrementalOn ? doc.cacheKey : undefined;
    const kept = key === undefined ? undefined : openStates.take(key);
    const edit = kept && changedRange(kept.text, text);
    // The parser reads the text with CUDA's own syntax hidden (mask.ts); tokens are lexed from the
    // original text, so they include the hidden qualifiers and chevrons.
    const mask = kept && edit ? remask(kept.mask, text, edit) : maskAll(text);
    const tree = await parseWith('cpp', mask.masked, doc.cacheKey);
    try {
      const root = tree.rootNode;
      const preproc = preprocNodes(root, text);
      const { includes, preprocCalls, skipped } = collect(preproc);
      const ref: TreeRef = kept ? kept.tree : { root, generation: 0 };
      ref.root = root;
      ref.generation++;
      const lexed = kept && edit && sameSkipped(kept.skipped, skipped, edit) ? relex(kept.lexed, text, edit, ref, skipped) : lexAll(text, ref, skipped);
      if (key !== undefined) openStates.keep(key, { text, mask, lexed, skipped, tree: ref });
      const tokens = lexed.tokens;
      return { tree, root, text, tokens, includes, preprocCalls, qualifierMacros: qualifierMacros(preproc, tokens) };
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

/**
 * Where each identifier and string literal of a parse is: token indices by text, in document
 * order, and the distinct texts by first character. Built once per parse, when a rule first asks;
 * rules look up the names they know instead of each stepping through every token.
 */
interface TokenIndex {
  byText: Map<string, number[]>;
  byFirst: Map<number, string[]>;
}
const tokenIndexes = new WeakMap<ParsedCpp, TokenIndex>();

function tokenIndex(parsed: ParsedCpp): TokenIndex {
  let index = tokenIndexes.get(parsed);
  if (!index) {
    const byText = new Map<string, number[]>();
    const byFirst = new Map<number, string[]>();
    const { tokens } = parsed;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind !== 'ident' && t.kind !== 'string') continue;
      const at = byText.get(t.text);
      if (at) {
        at.push(i);
        continue;
      }
      byText.set(t.text, [i]);
      const first = t.text.charCodeAt(0);
      const names = byFirst.get(first);
      if (names) names.push(t.text);
      else byFirst.set(first, [t.text]);
    }
    tokenIndexes.set(parsed, (index = { byText, byFirst }));
  }
  return index;
}

/** Token indices (in document order) of several lists, each in document order. */
function merged(lists: readonly (readonly number[])[]): Iterable<number> {
  if (lists.length === 1) return lists[0];
  const all = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
  let k = 0;
  for (const l of lists) for (const i of l) all[k++] = i;
  return all.sort();
}

/** The indices of the identifiers and string literals with these texts, in document order. */
export function tokensNamed(parsed: ParsedCpp, names: Iterable<string>): Iterable<number> {
  const { byText } = tokenIndex(parsed);
  const lists: number[][] = [];
  for (const name of names) {
    const at = byText.get(name);
    if (at) lists.push(at);
  }
  return merged(lists);
}

/**
 * The indices of the identifiers and string literals whose text starts with one of `firstChars`
 * and passes `test`, in document order (the test runs once per distinct text).
 */
export function tokensWhere(parsed: ParsedCpp, firstChars: string, test: (text: string) => boolean): Iterable<number> {
  const { byText, byFirst } = tokenIndex(parsed);
  const lists: number[][] = [];
  for (let c = 0; c < firstChars.length; c++) for (const name of byFirst.get(firstChars.charCodeAt(c)) ?? []) if (test(name)) lists.push(byText.get(name)!);
  return merged(lists);
}

/** The index of the token that starts at `offset`, or -1. */
export function tokenAt(tokens: readonly CToken[], offset: number): number {
  const k = firstTokenFrom(tokens, offset);
  return tokens[k]?.start === offset ? k : -1;
}

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
