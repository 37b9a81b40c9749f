import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { SourceDocument } from '../../core/document';
import type { ParserAdapter } from '../../core/rule';
import type { FileDependency } from '../../core/types';
import { parseHclBody } from './hcl';

/**
 * A Terraform file reduced to what the rules read, the same for HCL (`.tf`, `.tfvars`, read by
 * hcl.ts) and JSON (`.tf.json`, `.tfvars.json`, via jsonc-parser). Comments never reach it;
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
  /** Where an HCL file stopped being readable, when the rest of it was still read. */
  problem?: string;
  /** The file's name, and its path when it is a file on disk (its folder is its module: module.ts). */
  fileName?: string;
  absPath?: string;
  /** Other files of the module that were read for facts (regions), set once they are. */
  dependencies?: FileDependency[];
}

export function isTfvarsPath(relPath: string): boolean {
  return /\.tfvars(\.json)?$/i.test(relPath);
}

// ---------------------------------------------------------------- HCL (.tf, .tfvars)

function parseHcl(doc: SourceDocument): { body: TfBody; problem?: string } {
  const { body, errorAt } = parseHclBody(doc.text);
  if (errorAt === undefined) return { body };
  // An error at the very end (an unclosed block, a missing value) is on the last line written.
  const line = doc.positionAt(Math.min(errorAt, doc.text.trimEnd().length)).line + 1;
  // Only a file where nothing could be read is a parse error; otherwise the rules read the rest.
  if (!body.attributes.length && !body.blocks.length && doc.text.trim().length) throw new Error(`invalid HCL near line ${line}`);
  return { body, problem: `syntax error near line ${line}; the rest of the file was read around it` };
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
  parse(doc: SourceDocument): ParsedTerraform {
    const tfvars = isTfvarsPath(doc.relPath);
    const json = /\.json$/i.test(doc.relPath);
    const { body, problem } = json ? { body: parseTfJson(doc, tfvars), problem: undefined } : parseHcl(doc);
    const parsed: ParsedTerraform = { fileKind: tfvars ? 'tfvars' : 'tf', body, fileName: doc.relPath.slice(doc.relPath.lastIndexOf('/') + 1) };
    if (problem !== undefined) parsed.problem = problem;
    if (doc.absPath) parsed.absPath = doc.absPath;
    return parsed;
  },
  problems: (parsed) => (parsed.problem === undefined ? [] : [parsed.problem]),
  dependencies: (parsed) => parsed.dependencies ?? [],
};
