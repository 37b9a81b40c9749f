import type { SourceDocument } from '../../core/document';
import type { ParserAdapter } from '../../core/rule';
import type { FileDependency } from '../../core/types';
import { parseWith, type SyntaxNode, type Tree } from '../../core/treesitter';
import { partialRangesFor } from './partial';

/** A parsed Python module (or the code cells of a notebook) and what rules need to read it. */
export interface ParsedPython {
  tree: Tree;
  root: SyntaxNode;
  /** Local name → fully qualified module path, from the imports ("t" → "torch", "amp" → "torch.cuda.amp"). */
  aliases: Map<string, string>;
  /** Maps an offset in the parsed text to an offset in the document (identity for .py files). */
  mapOffset: (offset: number) => number;
  /** Text for a fix's edit as it must appear in the document (JSON-escaped inside notebooks). */
  fixText(text: string): string;
  /** Every node, in document order, grouped by type (filled lazily). */
  byType(type: string): SyntaxNode[];
  /** The file's path on disk, when it is a file (a CDK app's entry is found from it: cdk-python/app.ts). */
  absPath?: string;
  /** Other files read for facts (a CDK app's cdk.json and entry), set once they are. */
  dependencies?: FileDependency[];
}

function collectImports(byType: (type: string) => SyntaxNode[]): Map<string, string> {
  const aliases = new Map<string, string>();
  const statements = [...byType('import_statement'), ...byType('import_from_statement')].sort((a, b) => a.startIndex - b.startIndex);
  for (const stmt of statements) {
    if (!stmt) continue;
    if (stmt.type === 'import_statement') {
      for (const child of stmt.namedChildren) {
        if (!child) continue;
        if (child.type === 'dotted_name') {
          const full = child.text;
          aliases.set(full.split('.')[0], full.split('.')[0]);
        } else if (child.type === 'aliased_import') {
          const name = child.childForFieldName('name')?.text;
          const alias = child.childForFieldName('alias')?.text;
          if (name && alias) aliases.set(alias, name);
        }
      }
    } else {
      const moduleName = stmt.childForFieldName('module_name')?.text;
      if (!moduleName || moduleName.startsWith('.')) continue;
      for (const child of stmt.childrenForFieldName('name')) {
        if (!child) continue;
        if (child.type === 'dotted_name') aliases.set(child.text, `${moduleName}.${child.text}`);
        else if (child.type === 'aliased_import') {
          const name = child.childForFieldName('name')?.text;
          const alias = child.childForFieldName('alias')?.text;
          if (name && alias) aliases.set(alias, `${moduleName}.${name}`);
        }
      }
    }
  }
  return aliases;
}

/**
 * Node types the rules ask for, collected in one walk of the tree: each walk crosses into
 * WebAssembly and visits every node, so one walk for all of them is about 4× cheaper than one
 * per type. Types not listed here (identifiers: many, rarely needed) get a walk of their own.
 */
const BULK_TYPES = ['call', 'attribute', 'string', 'keyword_argument', 'assignment', 'decorator', 'import_statement', 'import_from_statement'];

export function makeParsedPython(tree: Tree, mapOffset: (o: number) => number, fixText: (text: string) => string = (t) => t): ParsedPython {
  const root = tree.rootNode;
  let cache: Map<string, SyntaxNode[]> | undefined;
  const bulk = () => {
    if (!cache) {
      cache = new Map(BULK_TYPES.map((t) => [t, []]));
      for (const node of root.descendantsOfType(BULK_TYPES)) if (node) cache.get(node.type)!.push(node);
    }
    return cache;
  };
  const byType = (type: string): SyntaxNode[] => {
    const c = bulk();
    let list = c.get(type);
    if (!list) {
      list = root.descendantsOfType(type).filter((n): n is SyntaxNode => !!n);
      c.set(type, list);
    }
    return list;
  };
  return {
    tree,
    root,
    aliases: collectImports(byType),
    mapOffset,
    fixText,
    byType,
  };
}

export const pythonParser: ParserAdapter<ParsedPython> = {
  id: 'python',
  async parse(doc: SourceDocument) {
    const parsed = await parsePythonDocument(doc);
    if (doc.absPath) parsed.absPath = doc.absPath;
    return parsed;
  },
  dispose(parsed) {
    parsed.tree.delete();
  },
  dependencies: (parsed) => parsed.dependencies ?? [],
};

async function parsePythonDocument(doc: SourceDocument): Promise<ParsedPython> {
  // Long modules are parsed partially (see partial.ts): only the statements that can matter.
  // That beats even an incremental re-parse of an open document, whose rules would still walk
  // every statement; documents where most statements matter are parsed whole. Both kinds of
  // tree of an open document are kept and parsed again incrementally after an edit.
  const ranges = partialRangesFor(doc.text);
  if (ranges) {
    const partial = await parseWith('python', doc.text, doc.cacheKey, ranges);
    if (!partial.rootNode.hasError) return makeParsedPython(partial, (o) => o);
    partial.delete(); // the split went wrong somewhere (or the module is broken): parse it whole
  }
  const tree = await parseWith('python', doc.text, doc.cacheKey);
  return makeParsedPython(tree, (o) => o);
}

/** The document range of a node. */
export function span(parsed: ParsedPython, node: SyntaxNode): { start: number; end: number } {
  return { start: parsed.mapOffset(node.startIndex), end: parsed.mapOffset(node.endIndex) };
}

/** The value of a plain string literal ('…', "…", r'…'); undefined for f-strings with fields and concatenations. */
export function stringValue(node: SyntaxNode | null | undefined): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  let value = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'string_content') value += child.text;
    else if (child.type === 'escape_sequence') value += child.text;
    else if (child.type === 'interpolation') return undefined;
  }
  return value;
}

/** "a.b.c" for identifiers and attribute chains; undefined for anything else. */
export function dottedName(node: SyntaxNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const obj = dottedName(node.childForFieldName('object'));
    const attr = node.childForFieldName('attribute')?.text;
    return obj && attr ? `${obj}.${attr}` : undefined;
  }
  return undefined;
}

/** Resolves the first segment of a dotted name through the imports ("t.cuda.x" → "torch.cuda.x"). */
export function qualifiedName(parsed: ParsedPython, dotted: string | undefined): string | undefined {
  if (!dotted) return undefined;
  const dot = dotted.indexOf('.');
  const head = dot < 0 ? dotted : dotted.slice(0, dot);
  const target = parsed.aliases.get(head);
  if (!target) return dotted;
  return dot < 0 ? target : target + dotted.slice(dot);
}

/** Positional arguments and keyword arguments of a call node. */
export function callArguments(call: SyntaxNode): { positional: SyntaxNode[]; keywords: Map<string, SyntaxNode> } {
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  const args = call.childForFieldName('arguments');
  if (args && args.type === 'argument_list') {
    for (const a of args.namedChildren) {
      if (!a) continue;
      if (a.type === 'keyword_argument') {
        const name = a.childForFieldName('name')?.text;
        const value = a.childForFieldName('value');
        if (name && value) keywords.set(name, value);
      } else if (a.type !== 'comment') positional.push(a);
    }
  }
  return { positional, keywords };
}

/** A device string that binds to CUDA: "cuda", "cuda:0", "cuda:1" … */
export function isCudaDeviceString(value: string | undefined): boolean {
  return !!value && /^cuda(:\d+)?$/.test(value.trim());
}

/**
 * The device a string literal names when it is a CUDA device: "cuda", "cuda:0", f"cuda:{rank}",
 * "cuda:%d" (for %), "cuda:{}" (for .format). Undefined otherwise.
 */
export function cudaDeviceLiteral(node: SyntaxNode | null | undefined): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  let value = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'string_content' || child.type === 'escape_sequence') value += child.text;
    else if (child.type === 'interpolation') value += '{…}';
  }
  const v = value.trim();
  return /^cuda(:(\d+|\{[^}]*\}|%[ds]))?$/.test(v) ? v : undefined;
}

/**
 * Climbs from an expression to the value it forms: through parentheses, the branches (not the
 * condition) of `a if c else b`, `"cuda:%d" % i` and `"cuda:{}".format(i)`. `guarded` says a
 * conditional chose it.
 */
export function climbValue(node: SyntaxNode): { top: SyntaxNode; guarded: boolean; formatted: boolean } {
  let top = node;
  let guarded = false;
  let formatted = false;
  for (;;) {
    const p = top.parent;
    if (!p) break;
    if (p.type === 'parenthesized_expression') top = p;
    else if (p.type === 'conditional_expression') {
      if (p.namedChildren[1]?.id === top.id) break;
      guarded = true;
      top = p;
    } else if (p.type === 'binary_operator' && p.childForFieldName('left')?.id === top.id && p.childForFieldName('operator')?.text === '%') {
      formatted = true;
      top = p;
    } else if (
      p.type === 'attribute' &&
      p.childForFieldName('attribute')?.text === 'format' &&
      p.parent?.type === 'call' &&
      p.parent.childForFieldName('function')?.id === p.id
    ) {
      formatted = true;
      top = p.parent;
    } else break;
  }
  return { top, guarded, formatted };
}

/** The call whose argument list holds `node` (positionally or as a keyword value), with how. */
export function enclosingCall(node: SyntaxNode): { call: SyntaxNode; keyword?: string; index?: number } | undefined {
  const p = node.parent;
  if (!p) return undefined;
  if (p.type === 'keyword_argument' && p.childForFieldName('value')?.id === node.id) {
    const call = p.parent?.parent;
    if (p.parent?.type === 'argument_list' && call?.type === 'call') return { call, keyword: p.childForFieldName('name')?.text };
    return undefined;
  }
  if (p.type === 'argument_list' && p.parent?.type === 'call') {
    const index = callArguments(p.parent).positional.findIndex((a) => a.id === node.id);
    return index < 0 ? undefined : { call: p.parent, index };
  }
  return undefined;
}

/** Callee names per parse, by call node id: every rule asks for the callee of every call. */
const calleeMemo = new WeakMap<ParsedPython, Map<number, string | undefined>>();

/** The qualified name of a call's function ("torch.device", "x.to" stays "x.to"). */
export function calleeName(parsed: ParsedPython, call: SyntaxNode): string | undefined {
  let memo = calleeMemo.get(parsed);
  if (!memo) calleeMemo.set(parsed, (memo = new Map()));
  if (memo.has(call.id)) return memo.get(call.id);
  const name = qualifiedName(parsed, dottedName(call.childForFieldName('function')));
  memo.set(call.id, name);
  return name;
}

/** The method name of `obj.method(...)`, or undefined. */
export function methodName(call: SyntaxNode): string | undefined {
  const fn = call.childForFieldName('function');
  return fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
}

/** A string that sits alone as a statement: a docstring or a bare string, never code. */
export function isDocstring(node: SyntaxNode): boolean {
  return node.parent?.type === 'expression_statement' && node.parent.namedChildren.length === 1;
}
