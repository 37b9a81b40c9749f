import * as fs from 'node:fs';
import * as path from 'node:path';
import { Language, Parser, type Tree } from 'web-tree-sitter';

/** Grammars shipped with the product (WebAssembly), loaded lazily on first use. */
export type GrammarName = 'python' | 'cpp' | 'hcl' | 'terraform' | 'bash' | 'typescript';

const GRAMMAR_FILES: Record<GrammarName, { file: string; pkg: string }> = {
  python: { file: 'tree-sitter-python.wasm', pkg: '@vscode/tree-sitter-wasm/wasm/' },
  cpp: { file: 'tree-sitter-cpp.wasm', pkg: '@vscode/tree-sitter-wasm/wasm/' },
  bash: { file: 'tree-sitter-bash.wasm', pkg: '@vscode/tree-sitter-wasm/wasm/' },
  typescript: { file: 'tree-sitter-typescript.wasm', pkg: '@vscode/tree-sitter-wasm/wasm/' },
  hcl: { file: 'tree-sitter-hcl.wasm', pkg: '@tree-sitter-grammars/tree-sitter-hcl/' },
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
    lang.catch(() => languages.delete(name));
  }
  return lang;
}

/**
 * Parses text with a grammar. The caller must `tree.delete()` when done (WebAssembly memory).
 * One parser per grammar is reused; parsing is synchronous once the grammar is loaded.
 */
export async function parseWith(name: GrammarName, text: string): Promise<Tree> {
  const language = await loadLanguage(name);
  let parser = parsers.get(name);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(language);
    parsers.set(name, parser);
  }
  const tree = parser.parse(text);
  if (!tree) throw new Error(`the ${name} parser returned no tree`);
  return tree;
}

export type { Node as SyntaxNode, Tree } from 'web-tree-sitter';
