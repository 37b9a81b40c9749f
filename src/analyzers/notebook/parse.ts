import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { SourceDocument } from '../../core/document';
import type { ParserAdapter } from '../../core/rule';
import { parseWith } from '../../core/treesitter';
import { makeParsedPython, type ParsedPython } from '../python/syntax';

/** The Python code of a notebook's code cells, and where each of its characters sits in the .ipynb text. */
export interface NotebookPython {
  code: string;
  /** map[i] = offset in the .ipynb text of code[i]; map[code.length] = end of the last cell. */
  map: Int32Array;
  /** Offset in `code` where each code cell starts, in cell order (0-based cell index in the notebook). */
  cells: { start: number; index: number }[];
}

function property(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.type !== 'object') return undefined;
  for (const p of node.children ?? []) {
    if (p.children?.[0]?.value === key) return p.children[1];
  }
  return undefined;
}

/** The notebook's language: kernelspec.language, then language_info.name; undefined when unstated. */
function notebookLanguage(root: JsonNode): string | undefined {
  const meta = property(root, 'metadata');
  const v = property(property(meta, 'kernelspec'), 'language')?.value ?? property(property(meta, 'language_info'), 'name')?.value;
  return typeof v === 'string' ? v.toLowerCase() : undefined;
}

/**
 * Decodes one JSON string literal (the raw text between offset and offset+length, quotes
 * included), appending code units to `out` and their source offsets to `map`.
 */
function decodeLiteral(text: string, node: JsonNode, out: string[], map: number[]): void {
  const end = node.offset + node.length - 1; // closing quote
  let i = node.offset + 1;
  while (i < end) {
    const c = text[i];
    if (c !== '\\') {
      out.push(c);
      map.push(i);
      i++;
      continue;
    }
    const e = text[i + 1];
    map.push(i);
    if (e === 'u') {
      out.push(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16) || 0));
      i += 6;
    } else {
      out.push(e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === 'b' ? '\b' : e === 'f' ? '\f' : e);
      i += 2;
    }
  }
}

/** Cell magics whose body is still Python. */
const PYTHON_CELL_MAGICS = /^%%(time|timeit|capture|prun|debug|writefile\s+\S+\.py)\b/;

/** Blanks IPython magics and shell escapes with spaces of the same length, so offsets keep. */
function blankMagics(cell: string): string {
  const first = cell.trimStart();
  if (first.startsWith('%%')) {
    const nl = cell.indexOf('\n');
    const head = nl < 0 ? cell : cell.slice(0, nl);
    const body = nl < 0 ? '' : cell.slice(nl);
    if (!PYTHON_CELL_MAGICS.test(first)) return cell.replace(/[^\n]/g, ' ');
    return head.replace(/[^\n]/g, ' ') + blankMagics(body);
  }
  return cell.replace(/^([ \t]*)([%!][^\n]*)$/gm, (_m, ws: string, rest: string) => ws + ' '.repeat(rest.length));
}

/** Extracts the Python code cells of a notebook; throws a clear Error for a file that is not notebook JSON. */
export function extractNotebookPython(text: string): NotebookPython {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: true });
  if (errors.length || !root) {
    const e = errors[0];
    throw new Error(e ? `invalid notebook JSON: ${printParseErrorCode(e.error)} at offset ${e.offset}` : 'empty notebook');
  }
  const cellsNode = property(root, 'cells');
  if (root.type !== 'object' || cellsNode?.type !== 'array') throw new Error('not a Jupyter notebook: no "cells" array');
  const language = notebookLanguage(root);
  const out: string[] = [];
  const map: number[] = [];
  const cells: { start: number; index: number }[] = [];
  if (language && language !== 'python') return { code: '', map: Int32Array.from([0]), cells };
  let lastEnd = 0;
  (cellsNode.children ?? []).forEach((cell, index) => {
    if (property(cell, 'cell_type')?.value !== 'code') return;
    const source = property(cell, 'source');
    const parts = source?.type === 'array' ? (source.children ?? []) : source ? [source] : [];
    const cellOut: string[] = [];
    const cellMap: number[] = [];
    for (const part of parts) {
      if (part.type !== 'string') continue;
      decodeLiteral(text, part, cellOut, cellMap);
      lastEnd = part.offset + part.length - 1;
    }
    if (!cellOut.length) return;
    cells.push({ start: out.length, index });
    const code = blankMagics(cellOut.join(''));
    for (let i = 0; i < code.length; i++) {
      out.push(code[i]);
      map.push(cellMap[i]);
    }
    // Cells are separate blocks: a synthetic newline that maps to the end of the cell's last literal.
    out.push('\n');
    map.push(lastEnd);
  });
  map.push(lastEnd);
  return { code: out.join(''), map: Int32Array.from(map), cells };
}

/** Parses a notebook's Python code cells; offsets map back into the .ipynb JSON string literals. */
export const notebookPythonParser: ParserAdapter<ParsedPython> = {
  id: 'notebook-python',
  async parse(doc: SourceDocument) {
    const nb = extractNotebookPython(doc.text);
    const tree = await parseWith('python', nb.code);
    const last = nb.map.length - 1;
    return makeParsedPython(tree, (o) => nb.map[Math.max(0, Math.min(o, last))], (t) => JSON.stringify(t).slice(1, -1));
  },
  dispose(parsed) {
    parsed.tree.delete();
  },
};
