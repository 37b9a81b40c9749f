import * as fs from 'node:fs';
import * as path from 'node:path';
import { Edit, Language, Parser, type Range, type Tree } from 'web-tree-sitter';
import { onDocumentReleased } from './open-documents';
import { advance, changedRange, type TextPoint } from './text-diff';

/** Grammars shipped with the product (WebAssembly), loaded lazily on first use. */
export type GrammarName = 'python' | 'cpp' | 'terraform' | 'bash' | 'typescript';

const GRAMMAR_FILES: Record<GrammarName, { file: string; pkg: string }> = {
  python: { file: 'tree-sitter-python.wasm', pkg: '@vscode/tree-sitter-wasm/wasm/' },
  cpp: { file: 'tree-sitter-cpp.wasm', pkg: '@vscode/tree-sitter-wasm/wasm/' },
  bash: { file: 'tree-sitter-bash.wasm', pkg: '@vscode/tree-sitter-wasm/wasm/' },
  typescript: { file: 'tree-sitter-typescript.wasm', pkg: '@vscode/tree-sitter-wasm/wasm/' },
  // Not shipped (a development dependency): the reference the HCL reader is tested against
  // (analyzers/terraform/hcl.ts, test/unit/rules/terraform/hcl.test.ts).
  terraform: { file: 'tree-sitter-terraform.wasm', pkg: '@tree-sitter-grammars/tree-sitter-hcl/' },
};

/** In the bundle, grammars sit in dist/grammars beside the script; from source, in node_modules. */
function locate(file: string, pkg: string): string {
  const bundled = path.join(__dirname, 'grammars', file);
  if (fs.existsSync(bundled)) return bundled;
  return require.resolve(pkg + file);
}

let runtime: Promise<void> | undefined;
const languages = new Map<GrammarName, Promise<Language>>();
/** Grammars whose loading has finished, for parseLoaded. */
const loaded = new Map<GrammarName, Language>();
const parsers = new Map<GrammarName, Parser>();

function initRuntime(): Promise<void> {
  runtime ??= Parser.init({
    locateFile: (name: string) => locate(name, 'web-tree-sitter/'),
  });
  return runtime;
}

export async function loadLanguage(name: GrammarName): Promise<Language> {
  let lang = languages.get(name);
  if (!lang) {
    const { file, pkg } = GRAMMAR_FILES[name];
    lang = initRuntime().then(() => Language.load(locate(file, pkg)));
    languages.set(name, lang);
    lang.then((l) => loaded.set(name, l), () => undefined);
    lang.catch(() => languages.delete(name));
  }
  return lang;
}

interface CachedTree {
  text: string;
  tree: Tree;
}

/**
 * Trees of open documents, so an edit reparses incrementally (tree-sitter reuses the unchanged
 * parts). Keyed by grammar and document key; a few entries only, the least recently used go first.
 */
const treeCache = new Map<string, CachedTree>();
const TREE_CACHE_SIZE = 16;

/** The single edit that turns `before` into `after`: common prefix and suffix kept. */
export function diffEdit(before: string, after: string) {
  const { start, oldEnd: oldEndIndex, newEnd: newEndIndex } = changedRange(before, after);
  // Rows are counted once up to the edit (the texts agree there), then through each side of it.
  const at = advance(before, { offset: 0, row: 0, lineStart: 0 }, start);
  const column = (p: TextPoint) => ({ row: p.row, column: p.offset - p.lineStart });
  return {
    startIndex: start,
    oldEndIndex,
    newEndIndex,
    startPosition: column(at),
    oldEndPosition: column(advance(before, at, oldEndIndex)),
    newEndPosition: column(advance(after, at, newEndIndex)),
  };
}

/** Forgets a document's trees (open-documents.ts calls this when the editor closes a document). */
export function releaseTrees(cacheKey: string): void {
  for (const [key, entry] of treeCache) {
    if (key.endsWith(`\0${cacheKey}`)) {
      entry.tree.delete();
      treeCache.delete(key);
    }
  }
}
onDocumentReleased(releaseTrees);

/**
 * Parses text with a grammar. The caller must `tree.delete()` when done (WebAssembly memory).
 * One parser per grammar is reused; parsing is synchronous once the grammar is loaded. With a
 * `cacheKey` (an open document), the previous tree of that document is reused incrementally.
 */
export async function parseWith(name: GrammarName, text: string, cacheKey?: string, includedRanges?: Range[]): Promise<Tree> {
  const language = await loadLanguage(name);
  let parser = parsers.get(name);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(language);
    parsers.set(name, parser);
  }
  // A partial parse reads only the included ranges. The parser asks for text at each range start:
  // hand it that range only (given the whole rest of the text, it copies 10 KB per range).
  let input: string | ((index: number) => string) = text;
  if (includedRanges) {
    const ends = includedRanges.map((r) => r.endIndex);
    input = (index: number) => {
      let lo = 0;
      let hi = ends.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ends[mid] <= index) lo = mid + 1;
        else hi = mid;
      }
      const end = index < ends[lo] ? ends[lo] : text.length;
      return text.slice(index, Math.min(end, index + 8192));
    };
  }
  // A partial tree is kept apart from a whole one. Edited, it carries its included ranges along;
  // given new ones, tree-sitter parses again what changed between them (and around the edit).
  const key = cacheKey === undefined ? undefined : `${name}${includedRanges ? '\0partial' : ''}\0${cacheKey}`;
  const cached = key ? treeCache.get(key) : undefined;
  let old: Tree | undefined;
  if (cached && key) {
    treeCache.delete(key);
    old = cached.tree;
    if (cached.text !== text) old.edit(new Edit(diffEdit(cached.text, text)));
  }
  const tree = parser.parse(input, old ?? null, includedRanges ? { includedRanges } : undefined);
  old?.delete();
  if (!tree) throw new Error(`the ${name} parser returned no tree`);
  if (key) {
    treeCache.set(key, { text, tree: tree.copy() });
    if (treeCache.size > TREE_CACHE_SIZE) {
      const [oldestKey, oldest] = treeCache.entries().next().value as [string, CachedTree];
      oldest.tree.delete();
      treeCache.delete(oldestKey);
    }
  }
  return tree;
}

/**
 * Parses text synchronously with a grammar that has already been loaded (a rule reading another
 * file of the same language as the document it runs on); undefined if it has not been. The caller
 * must `tree.delete()`.
 */
export function parseLoaded(name: GrammarName, text: string): Tree | undefined {
  const language = loaded.get(name);
  if (!language) return undefined;
  let parser = parsers.get(name);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(language);
    parsers.set(name, parser);
  }
  return parser.parse(text) ?? undefined;
}

/** A range of the text for a partial parse (tree-sitter's included ranges). */
export type { Node as SyntaxNode, Range as IncludedRange, Tree } from 'web-tree-sitter';
