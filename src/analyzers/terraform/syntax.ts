import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { SourceDocument } from '../../core/document';
import type { ParserAdapter } from '../../core/rule';
import { detach } from '../../core/detach';
import { placeAt, TextMemo, type Placed } from '../../core/text-memo';
import { parseWith, type SyntaxNode } from '../../core/treesitter';

/**
 * A Terraform file reduced to what the rules read, the same for HCL (`.tf`, `.tfvars`, via
 * tree-sitter) and JSON (`.tf.json`, `.tfvars.json`, via jsonc-parser). Comments never reach it;
 * strings are literal only when they have no `${…}` interpolation.
 */
export type TfExpr =
  /** A literal string; `start`/`end` cover its content, without the quotes. */
  | { kind: 'string'; value: string; start: number; end: number }
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'bool'; value: boolean; start: number; end: number }
  | { kind: 'null'; start: number; end: number }
  | { kind: 'tuple'; items: TfExpr[]; start: number; end: number }
  | { kind: 'object'; entries: TfEntry[]; start: number; end: number }
  /** A plain reference: `var.x`, `local.y`, `aws_launch_template.gpu.id`. */
  | { kind: 'ref'; path: string; start: number; end: number }
  /**
   * Anything else (conditionals, function calls, templates, indexing). `parts` are the
   * sub-expressions that can become the value: a conditional's branches, a function's arguments.
   */
  | { kind: 'other'; parts: TfExpr[]; start: number; end: number };

export interface TfEntry {
  key: string;
  value: TfExpr;
}

export interface TfAttribute {
  name: string;
  value: TfExpr;
  start: number;
  end: number;
}

export interface TfBlock {
  type: string;
  labels: string[];
  body: TfBody;
  start: number;
  end: number;
}

export interface TfBody {
  attributes: TfAttribute[];
  blocks: TfBlock[];
}

export interface ParsedTerraform {
  /** `tfvars` files hold variable values at top level; `tf` files hold blocks. */
  fileKind: 'tf' | 'tfvars';
  body: TfBody;
}

export function isTfvarsPath(relPath: string): boolean {
  return /\.tfvars(\.json)?$/i.test(relPath);
}

// ---------------------------------------------------------------- HCL (tree-sitter)

function named(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
}

/** A string_lit / quoted_template with no interpolation: its content and content range. */
function hclStringLiteral(node: SyntaxNode): TfExpr | undefined {
  const kids = named(node);
  if (kids.some((k) => k.type !== 'quoted_template_start' && k.type !== 'quoted_template_end' && k.type !== 'template_literal')) return undefined;
  const open = kids.find((k) => k.type === 'quoted_template_start');
  const close = kids.find((k) => k.type === 'quoted_template_end');
  if (!open || !close) return undefined;
  const lits = kids.filter((k) => k.type === 'template_literal');
  if (lits.length > 1) return undefined;
  if (!lits.length) return { kind: 'string', value: '', start: open.endIndex, end: open.endIndex };
  return { kind: 'string', value: lits[0].text, start: lits[0].startIndex, end: lits[0].endIndex };
}

function hclKey(node: SyntaxNode | null): string | undefined {
  if (!node) return undefined;
  const e = node.type === 'expression' ? node : node;
  const inner = named(e)[0];
  if (!inner) return undefined;
  if (inner.type === 'variable_expr' && named(e).length === 1) return inner.text;
  if (inner.type === 'identifier') return inner.text;
  const str = convertHcl(e);
  if (str.kind === 'string') return str.value;
  return undefined;
}

function convertPrimary(node: SyntaxNode): TfExpr {
  const start = node.startIndex;
  const end = node.endIndex;
  switch (node.type) {
    case 'expression':
      return convertHcl(node);
    case 'literal_value': {
      const v = named(node)[0];
      if (!v) return { kind: 'other', parts: [], start, end };
      if (v.type === 'string_lit') return hclStringLiteral(v) ?? { kind: 'other', parts: [], start, end };
      if (v.type === 'numeric_lit') return { kind: 'number', value: Number(v.text), start, end };
      if (v.type === 'bool_lit') return { kind: 'bool', value: v.text === 'true', start, end };
      if (v.type === 'null_lit') return { kind: 'null', start, end };
      return { kind: 'other', parts: [], start, end };
    }
    case 'collection_value': {
      const c = named(node)[0];
      if (c?.type === 'tuple') {
        return { kind: 'tuple', items: named(c).filter((x) => x.type === 'expression').map(convertHcl), start, end };
      }
      if (c?.type === 'object') {
        const entries: TfEntry[] = [];
        for (const elem of named(c)) {
          if (elem.type !== 'object_elem') continue;
          const key = hclKey(elem.childForFieldName('key'));
          const val = elem.childForFieldName('val');
          if (key !== undefined && val) entries.push({ key, value: convertHcl(val) });
        }
        return { kind: 'object', entries, start, end };
      }
      return { kind: 'other', parts: [], start, end };
    }
    case 'template_expr': {
      const t = named(node)[0];
      if (t?.type === 'quoted_template') {
        const lit = hclStringLiteral(t);
        if (lit) return lit;
      }
      return { kind: 'other', parts: [], start, end };
    }
    case 'conditional': {
      const [, whenTrue, whenFalse] = named(node);
      return { kind: 'other', parts: [whenTrue, whenFalse].filter(Boolean).map((n) => convertHcl(n!)), start, end };
    }
    case 'function_call': {
      const args = named(node).find((n) => n.type === 'function_arguments');
      const parts = args ? named(args).filter((x) => x.type === 'expression').map(convertHcl) : [];
      return { kind: 'other', parts, start, end };
    }
    default:
      return { kind: 'other', parts: [], start, end };
  }
}

/** Converts an HCL `expression` node (or a primary node) to a TfExpr. */
export function convertHcl(node: SyntaxNode): TfExpr {
  if (node.type !== 'expression') return convertPrimary(node);
  const kids = named(node);
  const [head, ...postfix] = kids;
  if (!head) return { kind: 'other', parts: [], start: node.startIndex, end: node.endIndex };
  if (head.type === 'variable_expr') {
    if (postfix.every((p) => p.type === 'get_attr')) {
      return { kind: 'ref', path: [head.text, ...postfix.map((p) => named(p)[0]?.text ?? '')].join('.'), start: node.startIndex, end: node.endIndex };
    }
    return { kind: 'other', parts: [], start: node.startIndex, end: node.endIndex };
  }
  const primary = convertPrimary(head);
  if (!postfix.length) return primary;
  // `{ a = "x" }[var.k]`, `["a", "b"][0]`: any element may be chosen.
  const parts = primary.kind === 'object' ? primary.entries.map((e) => e.value) : primary.kind === 'tuple' ? primary.items : [];
  return { kind: 'other', parts, start: node.startIndex, end: node.endIndex };
}

/**
 * Top-level blocks converted before, by their text, with offsets relative to the block: a long
 * file's blocks are read once, and an edit converts only the block it touched (the conversion
 * crosses into WebAssembly for every node; per-edit 57 of 90 ms on a 5,000-line file).
 */
const blockMemo = new TextMemo<Placed<TfBlock>>(8192, 16 * 1024 * 1024);
let useBlockMemo = true;

/** Turns the memo off or on (tests compare both); returns the previous setting. */
export function setHclBlockMemo(on: boolean): boolean {
  const previous = useBlockMemo;
  useBlockMemo = on;
  return previous;
}

type Str = (s: string) => string;
const same: Str = (s) => s;

/** A copy with every offset moved by `d` and every string passed through `str`. */
function shiftExpr(e: TfExpr, d: number, str: Str = same): TfExpr {
  switch (e.kind) {
    case 'tuple':
      return { kind: 'tuple', items: e.items.map((x) => shiftExpr(x, d, str)), start: e.start + d, end: e.end + d };
    case 'object':
      return { kind: 'object', entries: e.entries.map((x) => ({ key: str(x.key), value: shiftExpr(x.value, d, str) })), start: e.start + d, end: e.end + d };
    case 'other':
      return { kind: 'other', parts: e.parts.map((x) => shiftExpr(x, d, str)), start: e.start + d, end: e.end + d };
    case 'string':
      return { kind: 'string', value: str(e.value), start: e.start + d, end: e.end + d };
    case 'ref':
      return { kind: 'ref', path: str(e.path), start: e.start + d, end: e.end + d };
    default:
      return { ...e, start: e.start + d, end: e.end + d };
  }
}

function shiftBody(b: TfBody, d: number, str: Str = same): TfBody {
  return {
    attributes: b.attributes.map((a) => ({ name: str(a.name), value: shiftExpr(a.value, d, str), start: a.start + d, end: a.end + d })),
    blocks: b.blocks.map((x) => shiftBlock(x, d, str)),
  };
}

function shiftBlock(b: TfBlock, d: number, str: Str = same): TfBlock {
  return { type: str(b.type), labels: b.labels.map(str), body: shiftBody(b.body, d, str), start: b.start + d, end: b.end + d };
}

function convertHclBody(body: SyntaxNode | undefined, text?: string): TfBody {
  const out: TfBody = { attributes: [], blocks: [] };
  if (!body) return out;
  for (const child of named(body)) {
    if (text !== undefined && useBlockMemo && child.type === 'block') {
      const start = child.startIndex;
      const key = text.slice(start, child.endIndex);
      const known = blockMemo.lookup(key)?.value;
      if (known) {
        out.blocks.push(placeAt(known, start, shiftBlock));
        continue;
      }
      const before = out.blocks.length;
      convertChild(child, out);
      const made = out.blocks[before];
      if (made && !child.hasError) {
        // Detached strings: the memo keeps no version of the document alive.
        blockMemo.remember(key, { part: shiftBlock(made, -start, detach) });
      }
      continue;
    }
    convertChild(child, out);
  }
  return out;
}

function convertChild(child: SyntaxNode, out: TfBody): void {
  if (child.type === 'attribute') {
    const kids = named(child);
    const name = kids.find((k) => k.type === 'identifier')?.text;
    const value = kids.find((k) => k.type === 'expression');
    if (name && value) out.attributes.push({ name, value: convertHcl(value), start: child.startIndex, end: child.endIndex });
  } else if (child.type === 'block') {
    const kids = named(child);
    const type = kids[0]?.type === 'identifier' ? kids[0].text : undefined;
    if (!type) return;
    const labels: string[] = [];
    for (const k of kids.slice(1)) {
      if (k.type === 'string_lit') {
        const lit = hclStringLiteral(k);
        if (lit?.kind === 'string') labels.push(lit.value);
      } else if (k.type === 'identifier') labels.push(k.text);
    }
    out.blocks.push({ type, labels, body: convertHclBody(kids.find((k) => k.type === 'body')), start: child.startIndex, end: child.endIndex });
  }
}

async function parseHcl(doc: SourceDocument): Promise<TfBody> {
  const tree = await parseWith('terraform', doc.text, doc.cacheKey);
  try {
    const root = tree.rootNode;
    const body = named(root).find((n) => n.type === 'body');
    // Blocks are remembered for open documents only (a scan converts each file once).
    const converted = convertHclBody(body, doc.cacheKey !== undefined ? doc.text : undefined);
    // tree-sitter recovers around errors; only a file where nothing could be read is an error.
    if (root.hasError && !converted.attributes.length && !converted.blocks.length && doc.text.trim().length) {
      const bad = root.descendantsOfType('ERROR')[0] ?? root;
      throw new Error(`invalid HCL near line ${(bad?.startPosition.row ?? 0) + 1}`);
    }
    return converted;
  } finally {
    tree.delete();
  }
}

// ---------------------------------------------------------------- JSON (.tf.json, .tfvars.json)

function jsonExpr(node: JsonNode, text: string): TfExpr {
  const start = node.offset;
  const end = node.offset + node.length;
  switch (node.type) {
    case 'string': {
      const value = String(node.value);
      const raw = text.slice(start + 1, end - 1);
      // JSON strings in Terraform are templates: "${var.x}" is not a literal.
      if (raw !== value || value.includes('${')) return { kind: 'other', parts: [], start, end };
      return { kind: 'string', value, start: start + 1, end: end - 1 };
    }
    case 'number':
      return { kind: 'number', value: Number(node.value), start, end };
    case 'boolean':
      return { kind: 'bool', value: Boolean(node.value), start, end };
    case 'null':
      return { kind: 'null', start, end };
    case 'array':
      return { kind: 'tuple', items: (node.children ?? []).map((c) => jsonExpr(c, text)), start, end };
    case 'object': {
      const entries: TfEntry[] = [];
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v && k.value !== '//') entries.push({ key: String(k.value), value: jsonExpr(v, text) });
      }
      return { kind: 'object', entries, start, end };
    }
    default:
      return { kind: 'other', parts: [], start, end };
  }
}

/** Arguments of resources that are maps, not nested blocks, when written as JSON objects. */
const JSON_MAP_ARGUMENTS = new Set(['tags', 'tags_all', 'labels', 'variables', 'triggers', 'parameters', 'environment_variables']);

function props(node: JsonNode | undefined): { key: string; value: JsonNode }[] {
  if (!node || node.type !== 'object') return [];
  const out: { key: string; value: JsonNode }[] = [];
  for (const p of node.children ?? []) {
    const [k, v] = p.children ?? [];
    if (k && v && k.value !== '//') out.push({ key: String(k.value), value: v });
  }
  return out;
}

/**
 * A JSON block body. `allAttributes` for bodies whose object values are maps (locals, module
 * inputs, variables); otherwise objects and arrays of objects are nested blocks.
 */
function jsonBody(node: JsonNode, text: string, allAttributes: boolean): TfBody {
  const body: TfBody = { attributes: [], blocks: [] };
  for (const { key, value } of props(node)) {
    const asBlocks = !allAttributes && !JSON_MAP_ARGUMENTS.has(key);
    if (asBlocks && value.type === 'object') {
      body.blocks.push({ type: key, labels: [], body: jsonBody(value, text, false), start: value.offset, end: value.offset + value.length });
    } else if (asBlocks && value.type === 'array' && value.children?.length && value.children.every((c) => c.type === 'object')) {
      for (const c of value.children) body.blocks.push({ type: key, labels: [], body: jsonBody(c, text, false), start: c.offset, end: c.offset + c.length });
    } else {
      body.attributes.push({ name: key, value: jsonExpr(value, text), start: value.offset, end: value.offset + value.length });
    }
  }
  return body;
}

/** `{ "name": {…} }` or `{ "name": [{…}, {…}] }` → one body per object. */
function eachObject(node: JsonNode): JsonNode[] {
  if (node.type === 'object') return [node];
  if (node.type === 'array') return (node.children ?? []).filter((c) => c.type === 'object');
  return [];
}

function parseTfJson(doc: SourceDocument, tfvars: boolean): TfBody {
  const errors: ParseError[] = [];
  const root = parseTree(doc.text, errors, { allowTrailingComma: true, disallowComments: false });
  if (!doc.text.trim()) return { attributes: [], blocks: [] };
  if (!root || root.type !== 'object' || errors.length) {
    const at = errors[0] ? doc.positionAt(errors[0].offset).line + 1 : 1;
    throw new Error(`invalid JSON near line ${at}`);
  }
  if (tfvars) return jsonBody(root, doc.text, true);
  const body: TfBody = { attributes: [], blocks: [] };
  const push = (type: string, labels: string[], node: JsonNode, allAttributes: boolean) => {
    for (const obj of eachObject(node)) {
      body.blocks.push({ type, labels, body: jsonBody(obj, doc.text, allAttributes), start: obj.offset, end: obj.offset + obj.length });
    }
  };
  for (const { key, value } of props(root)) {
    if (key === 'resource' || key === 'data') {
      for (const t of props(value)) for (const n of props(t.value)) push(key, [t.key, n.key], n.value, false);
    } else if (key === 'module' || key === 'variable' || key === 'output') {
      for (const n of props(value)) push(key, [n.key], n.value, true);
    } else if (key === 'provider') {
      for (const n of props(value)) push(key, [n.key], n.value, false);
    } else if (key === 'locals') {
      push(key, [], value, true);
    } else if (value.type === 'object') {
      push(key, [], value, false);
    }
  }
  return body;
}

export const terraformParser: ParserAdapter<ParsedTerraform> = {
  id: 'terraform',
  async parse(doc: SourceDocument) {
    const tfvars = isTfvarsPath(doc.relPath);
    const json = /\.json$/i.test(doc.relPath);
    const body = json ? parseTfJson(doc, tfvars) : await parseHcl(doc);
    return { fileKind: tfvars ? 'tfvars' : 'tf', body };
  },
};
