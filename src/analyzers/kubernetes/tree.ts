import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { detach } from '../../core/detach';
import { placeAt, TextMemo, type Placed } from '../../core/text-memo';
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, Scalar, type Document, type Node as YamlNode } from 'yaml';

/**
 * A small structured tree with exact source offsets, built from YAML (the `yaml` package) or JSON
 * (`jsonc-parser`), so the kubernetes, ecs and docker-compose rules read both the same way.
 * Scalar offsets exclude quotes: they cover exactly the value a user would edit.
 */
export interface TScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  start: number;
  end: number;
}
export interface TPair {
  key: string;
  keyNode: TScalar;
  value: TNode | undefined;
}
export interface TMap {
  kind: 'map';
  pairs: TPair[];
  start: number;
  end: number;
}
export interface TSeq {
  kind: 'seq';
  items: TNode[];
  start: number;
  end: number;
}
export type TNode = TScalar | TMap | TSeq;

export function isTMap(n: TNode | undefined): n is TMap {
  return n?.kind === 'map';
}
export function isTSeq(n: TNode | undefined): n is TSeq {
  return n?.kind === 'seq';
}
export function isTScalar(n: TNode | undefined): n is TScalar {
  return n?.kind === 'scalar';
}

/** The value under a key of a map (first match). */
export function get(n: TNode | undefined, key: string): TNode | undefined {
  if (!isTMap(n)) return undefined;
  return n.pairs.find((p) => p.key === key)?.value;
}

export function pairOf(n: TNode | undefined, key: string): TPair | undefined {
  return isTMap(n) ? n.pairs.find((p) => p.key === key) : undefined;
}

/** Follows keys through maps. */
export function getPath(n: TNode | undefined, ...keys: string[]): TNode | undefined {
  let cur = n;
  for (const k of keys) cur = get(cur, k);
  return cur;
}

/** A scalar's value as a string (numbers and booleans too); undefined for maps, sequences and null. */
export function str(n: TNode | undefined): string | undefined {
  if (!isTScalar(n) || n.value === null) return undefined;
  return String(n.value);
}

export function items(n: TNode | undefined): TNode[] {
  return isTSeq(n) ? n.items : [];
}

/** Visits every node below (and including) n, with the chain of keys that led to it. */
export function walk(n: TNode | undefined, visit: (node: TNode, path: readonly string[], parent: TNode | undefined) => void, path: string[] = [], parent?: TNode): void {
  if (!n) return;
  visit(n, path, parent);
  if (n.kind === 'map') for (const p of n.pairs) walk(p.value, visit, [...path, p.key], n);
  else if (n.kind === 'seq') for (const it of n.items) walk(it, visit, [...path, '[]'], n);
}

// ---------------------------------------------------------------- YAML

function scalarFromYaml(node: Scalar, text: string): TScalar {
  let [start, end] = node.range ?? [0, 0];
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) {
    if (text[start] === '"' || text[start] === "'") start++;
    if (end > start && (text[end - 1] === '"' || text[end - 1] === "'")) end--;
  }
  const v = node.value;
  const value = v === null || v === undefined ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
  return { kind: 'scalar', value, start, end };
}

function fromYaml(node: unknown, doc: Document, text: string, depth = 0): TNode | undefined {
  if (depth > 200 || node === null || node === undefined) return undefined;
  if (isAlias(node)) return depth > 50 ? undefined : fromYaml(node.resolve(doc), doc, text, depth + 10);
  if (isScalar(node)) return scalarFromYaml(node, text);
  const [start, , end] = (node as YamlNode).range ?? [0, 0, 0];
  if (isMap(node)) {
    const pairs: TPair[] = [];
    for (const p of node.items) {
      if (!isPair(p) || !isScalar(p.key)) continue;
      const keyNode = scalarFromYaml(p.key, text);
      if (keyNode.value === null) continue;
      pairs.push({ key: String(keyNode.value), keyNode, value: fromYaml(p.value, doc, text, depth + 1) });
    }
    return { kind: 'map', pairs, start, end };
  }
  if (isSeq(node)) {
    const list: TNode[] = [];
    for (const it of node.items) {
      const t = fromYaml(it, doc, text, depth + 1);
      if (t) list.push(t);
    }
    return { kind: 'seq', items: list, start, end };
  }
  return undefined;
}

export interface YamlDocs {
  /** One root per YAML document that parsed cleanly (undefined roots are left out). */
  docs: TNode[];
  /** The first error of each document that did not parse, with its 1-based line. */
  errors: string[];
}

/**
 * Terraform `templatefile()` / envsubst placeholders (`${azs}`, `${jsonencode(local.azs)}`) break YAML
 * flow syntax (`values: [${azs}b]`). Same-length masking keeps every offset: `${azs}` becomes `$_azs_`.
 */
function maskPlaceholders(text: string): string {
  return text.replace(/\$\{([^{}\n]*)\}/g, (_m, inner: string) => `$_${inner.replace(/[^\w.-]/g, '_')}_`);
}

/**
 * Parses every document of a (multi-document) YAML file. Never throws. `remember`: an open
 * document, which will be parsed again after an edit (scans parse each file once: nothing to gain).
 */
export function parseYamlDocs(text: string, remember = false): YamlDocs {
  const first = (remember && text.length >= CHUNKED_MIN_CHARS && parseYamlChunked(text)) || parseYamlDocsRaw(text);
  if (!first.errors.length || !text.includes('${')) return first;
  // Retry with template placeholders masked; keep it only when it recovers documents.
  const second = parseYamlDocsRaw(maskPlaceholders(text));
  return second.docs.length > first.docs.length ? second : first;
}

/**
 * Multi-document files over 4 KB are parsed document by document, and each document's tree is
 * remembered by its text: an edit re-parses the document it touched, the others are taken from
 * memory and moved to their new offsets (per-edit parse of a 5,000-line manifest 78 → ~10 ms; a
 * 1,000-line one, 16 KB, ~20 → ~2 ms: the yaml package reads about 1 MB/s). Files with
 * directives (`%YAML`), and any file where a document does not parse cleanly, are parsed whole, so
 * errors and their line numbers stay those of the whole file.
 */
const CHUNKED_MIN_CHARS = 4 * 1024;
const DOC_START = /^---(?=[ \t]|\r?$)/gm;
const chunkMemo = new TextMemo<Placed<TNode[]>>(4096, 16 * 1024 * 1024);
const shiftedAll = (roots: TNode[], d: number) => roots.map((r) => shifted(r, d));

function parseYamlChunked(text: string): YamlDocs | undefined {
  if (/^%/m.test(text)) return undefined;
  const starts = [0];
  DOC_START.lastIndex = 0;
  for (let m = DOC_START.exec(text); m; m = DOC_START.exec(text)) if (m.index > 0) starts.push(m.index);
  if (starts.length < 3) return undefined;
  const docs: TNode[] = [];
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k];
    const chunk = text.slice(start, k + 1 < starts.length ? starts[k + 1] : text.length);
    let trees = chunkMemo.lookup(chunk)?.value;
    if (!trees) {
      // Parsed from a detached copy: the remembered trees keep no document version alive.
      const own = detach(chunk);
      const parsed = parseYamlDocsRaw(own);
      if (parsed.errors.length) return undefined;
      trees = { part: parsed.docs };
      chunkMemo.remember(own, trees, true);
    }
    // Unmoved documents keep their trees, and so what syntax.ts worked out from them per tree.
    docs.push(...placeAt(trees, start, shiftedAll));
  }
  return { docs, errors: [] };
}

/** A copy of a tree with every offset moved by `d` (the remembered trees at offset 0 are never handed out). */
function shifted(n: TNode, d: number): TNode {
  if (n.kind === 'scalar') return { kind: 'scalar', value: n.value, start: n.start + d, end: n.end + d };
  if (n.kind === 'seq') return { kind: 'seq', items: n.items.map((x) => shifted(x, d)), start: n.start + d, end: n.end + d };
  return {
    kind: 'map',
    pairs: n.pairs.map((p) => ({ key: p.key, keyNode: shifted(p.keyNode, d) as TScalar, value: p.value && shifted(p.value, d) })),
    start: n.start + d,
    end: n.end + d,
  };
}

export function parseYamlDocsRaw(text: string): YamlDocs {
  const docs: TNode[] = [];
  const errors: string[] = [];
  let parsed: Document.Parsed[];
  try {
    parsed = parseAllDocuments(text, { uniqueKeys: false, strict: false }) as Document.Parsed[];
  } catch (err) {
    return { docs, errors: [(err as Error).message] };
  }
  if (!Array.isArray(parsed)) return { docs, errors };
  for (const d of parsed) {
    if (d.errors.length) {
      const e = d.errors[0];
      const line = e.linePos?.[0]?.line;
      errors.push(`${e.message.split('\n')[0]}${line && !/at line/.test(e.message) ? ` (line ${line})` : ''}`);
      continue;
    }
    const root = fromYaml(d.contents, d, text);
    if (root) docs.push(root);
  }
  return { docs, errors };
}

// ---------------------------------------------------------------- JSON

function fromJson(node: JsonNode | undefined, depth = 0): TNode | undefined {
  if (!node || depth > 200) return undefined;
  switch (node.type) {
    case 'object': {
      const pairs: TPair[] = [];
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || typeof k.value !== 'string') continue;
        pairs.push({ key: k.value, keyNode: fromJson(k) as TScalar, value: fromJson(v, depth + 1) });
      }
      return { kind: 'map', pairs, start: node.offset, end: node.offset + node.length };
    }
    case 'array':
      return { kind: 'seq', items: (node.children ?? []).map((c) => fromJson(c, depth + 1)).filter((c): c is TNode => !!c), start: node.offset, end: node.offset + node.length };
    case 'string':
      return { kind: 'scalar', value: node.value as string, start: node.offset + 1, end: node.offset + node.length - 1 };
    case 'number':
    case 'boolean':
    case 'null':
      return { kind: 'scalar', value: node.value ?? null, start: node.offset, end: node.offset + node.length };
    default:
      return undefined;
  }
}

/** Parses JSON (with comments and trailing commas tolerated); errors are returned, never thrown. */
export function parseJsonTree(text: string): { root?: TNode; error?: string } {
  const errors: ParseError[] = [];
  const node = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const e = errors[0];
    const line = text.slice(0, e.offset).split('\n').length;
    return { root: fromJson(node), error: `invalid JSON (error code ${e.error}) at line ${line}` };
  }
  return { root: fromJson(node) };
}
