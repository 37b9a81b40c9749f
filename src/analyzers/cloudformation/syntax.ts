import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { detach } from '../../core/detach';
import { placeAt, TextMemo, type Placed } from '../../core/text-memo';
import { isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode, type Tags } from 'yaml';
import type { SourceDocument } from '../../core/document';
import type { ParserAdapter } from '../../core/rule';

/**
 * A CloudFormation or SAM template reduced to plain maps, lists and scalars with source ranges,
 * the same for YAML and JSON. Short-form intrinsics (`!Ref X`) keep their tag; long forms
 * (`{"Ref": "X"}`) stay maps. `intrinsic()` reads both.
 */
export type CfnNode = CfnScalar | CfnSeq | CfnMap;

export interface CfnScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** Range of the value's content (inside quotes); `literal` is false when it differs from `value` (escapes, block scalars). */
  start: number;
  end: number;
  literal: boolean;
  tag?: string;
}

export interface CfnSeq {
  kind: 'seq';
  items: CfnNode[];
  start: number;
  end: number;
  tag?: string;
}

export interface CfnEntry {
  key: string;
  value: CfnNode;
}

export interface CfnMap {
  kind: 'map';
  entries: CfnEntry[];
  start: number;
  end: number;
  tag?: string;
}

export interface ParsedTemplate {
  /** undefined when the file is not a CloudFormation/SAM template (most YAML and JSON files). */
  root?: CfnMap;
}

export function get(node: CfnNode | undefined, key: string): CfnNode | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key)?.value : undefined;
}

export function getPath(node: CfnNode | undefined, ...keys: string[]): CfnNode | undefined {
  let n = node;
  for (const k of keys) n = get(n, k);
  return n;
}

/** The string value of an untagged scalar. */
export function str(node: CfnNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.tag || node.value === null) return undefined;
  return String(node.value);
}

/** `!Ref X` / `{"Ref": "X"}` → { fn: "Ref", arg }; `!If [...]` / `{"Fn::If": [...]}` → { fn: "If", arg }. */
export function intrinsic(node: CfnNode | undefined): { fn: string; arg: CfnNode } | undefined {
  if (!node) return undefined;
  if (node.tag?.startsWith('!')) {
    const { tag, ...rest } = node;
    void tag;
    return { fn: node.tag.slice(1), arg: rest as CfnNode };
  }
  if (node.kind === 'map' && node.entries.length === 1) {
    const k = node.entries[0].key;
    if (k === 'Ref' || k === 'Condition') return { fn: k, arg: node.entries[0].value };
    if (k.startsWith('Fn::')) return { fn: k.slice(4), arg: node.entries[0].value };
  }
  return undefined;
}

// ---------------------------------------------------------------- YAML

const SHORT_FORMS = ['Ref', 'Sub', 'GetAtt', 'If', 'Join', 'Select', 'FindInMap', 'Equals', 'Not', 'And', 'Or', 'Base64', 'Cidr', 'GetAZs', 'ImportValue', 'Split', 'Transform', 'Condition', 'Length', 'ToJsonString'];

/** CloudFormation's short-form tags on scalars, sequences and maps, kept as tags on the nodes. */
export const CFN_TAGS: Tags = SHORT_FORMS.flatMap((n) => [
  { tag: `!${n}`, resolve: (s: string) => s },
  { tag: `!${n}`, collection: 'seq' as const, nodeClass: YAMLSeq },
  { tag: `!${n}`, collection: 'map' as const, nodeClass: YAMLMap },
]);

function fromYaml(node: unknown, text: string): CfnNode | undefined {
  if (!node) return undefined;
  const n = node as YamlNode;
  const range = n.range ?? [0, 0, 0];
  const tag = n.tag && n.tag.startsWith('!') && !n.tag.startsWith('!!') ? n.tag : undefined;
  if (isScalar(n)) {
    const s = n as Scalar;
    let start = range[0];
    let end = range[1];
    let literal = false;
    const v = s.value;
    if (s.type === 'PLAIN') literal = true;
    else if (s.type === 'QUOTE_DOUBLE' || s.type === 'QUOTE_SINGLE') {
      start += 1;
      end -= 1;
      literal = true;
    }
    const value = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
    if (literal && typeof value === 'string' && text.slice(start, end) !== value) literal = false;
    return { kind: 'scalar', value, start, end, literal, tag };
  }
  if (isSeq(n)) {
    const items = (n as YAMLSeq).items.map((i) => fromYaml(i, text)).filter((i): i is CfnNode => !!i);
    return { kind: 'seq', items, start: range[0], end: range[1], tag };
  }
  if (isMap(n)) {
    const entries: CfnEntry[] = [];
    for (const pair of (n as YAMLMap).items) {
      const key = isScalar(pair.key) ? String((pair.key as Scalar).value) : undefined;
      const value = fromYaml(pair.value, text);
      if (key !== undefined && value) entries.push({ key, value });
    }
    return { kind: 'map', entries, start: range[0], end: range[1], tag };
  }
  return undefined;
}

// ---------------------------------------------------------------- JSON

function fromJson(node: JsonNode, text: string): CfnNode {
  const start = node.offset;
  const end = node.offset + node.length;
  switch (node.type) {
    case 'object': {
      const entries: CfnEntry[] = [];
      for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k && v) entries.push({ key: String(k.value), value: fromJson(v, text) });
      }
      return { kind: 'map', entries, start, end };
    }
    case 'array':
      return { kind: 'seq', items: (node.children ?? []).map((c) => fromJson(c, text)), start, end };
    case 'string': {
      const value = String(node.value);
      return { kind: 'scalar', value, start: start + 1, end: end - 1, literal: text.slice(start + 1, end - 1) === value };
    }
    default:
      return { kind: 'scalar', value: (node.value ?? null) as CfnScalar['value'], start, end, literal: true };
  }
}

// ---------------------------------------------------------------- template detection

/** Text that suggests a template; a file without it is not parsed at all. */
export const TEMPLATE_HINT = /AWSTemplateFormatVersion|AWS::[A-Za-z0-9]+::[A-Za-z0-9]+|AWS::Serverless-2016-10-31/;

/** A template has a format version, the SAM transform, or Resources whose entries have `Type: AWS::…`. */
export function isTemplate(root: CfnNode | undefined): root is CfnMap {
  if (root?.kind !== 'map') return false;
  if (get(root, 'AWSTemplateFormatVersion')) return true;
  const transform = get(root, 'Transform');
  const transforms = transform?.kind === 'seq' ? transform.items : [transform];
  if (transforms.some((t) => str(t) === 'AWS::Serverless-2016-10-31')) return true;
  const resources = get(root, 'Resources');
  if (resources?.kind !== 'map' || !resources.entries.length) return false;
  return resources.entries.some((e) => /^(AWS|Custom|Alexa)::/.test(str(get(e.value, 'Type')) ?? ''));
}

function looksLikeTemplateText(text: string): boolean {
  return /^\s*["']?AWSTemplateFormatVersion|^\s*["']?Resources["']?\s*:/m.test(text) && TEMPLATE_HINT.test(text);
}

const YAML_OPTIONS = { customTags: CFN_TAGS, prettyErrors: false, uniqueKeys: false, strict: false } as const;

/**
 * A long YAML template is read resource by resource: the `Resources` entries are parsed one by
 * one and remembered by their text, and so is the rest of the template (its head, the text with
 * the entries cut out, moved back around them). An edit then re-parses one resource (the `yaml` package reads ~1 MB/s: a
 * 5,000-line template took 125 ms per edit). Anything unusual — anchors or aliases, directives,
 * several documents, flow style around Resources, an error anywhere — parses the whole text.
 */
const CHUNKED_MIN_CHARS = 16 * 1024;
/** Resources by their text, at offset 0; null for one that does not parse on its own. */
const resourceMemo = new TextMemo<Placed<CfnEntry> | null>(8192, 16 * 1024 * 1024);
const shiftEntry = (e: CfnEntry, d: number): CfnEntry => ({ key: e.key, value: shiftFrom(e.value, 0, d) });
let useResourceMemo = true;

/** Turns chunked reading off or on (tests compare both); returns the previous setting. */
export function setTemplateChunking(on: boolean): boolean {
  const previous = useResourceMemo;
  useResourceMemo = on;
  return previous;
}

function parseResourcesChunked(text: string): CfnNode | undefined {
  if (!useResourceMemo) return undefined;
  if (/^(?:%|---|\.\.\.)/m.test(text) || /(?:^|[\s,[{])[&*][\w-]/m.test(text) || text.includes('\t')) return undefined;
  const head = /^Resources:[ ]*(?:#.*)?\r?\n/m.exec(text);
  if (!head) return undefined;
  const bodyStart = head.index + head[0].length;
  // The body: every line up to the next line that starts in column 0 with a key (not a comment).
  const rest = text.slice(bodyStart);
  const stop = rest.search(/^[^\s#]/m);
  const bodyEnd = stop < 0 ? text.length : bodyStart + stop;
  const body = text.slice(bodyStart, bodyEnd);
  const first = /^( +)[^\s#-]/m.exec(body);
  if (!first) return undefined;
  const indent = first[1];
  const entryRe = new RegExp(`^${indent}[^\\s#-]`, 'gm');
  const starts: number[] = [];
  for (let m = entryRe.exec(body); m; m = entryRe.exec(body)) starts.push(bodyStart + m.index);
  if (starts.length < 8) return undefined;
  // The head: the template without its Resources entries (lines before the first entry, comments
  // or blank, stay with it), parsed once per distinct text and moved back around the entries.
  const cut = starts[0];
  const root = headAround(text.slice(0, cut) + text.slice(bodyEnd), cut, bodyEnd - cut);
  if (!root) return undefined;
  const slot = root.entries.find((e) => e.key === 'Resources');
  if (!slot || slot.value.kind !== 'scalar' || slot.value.value !== null) return undefined;
  const entries: CfnEntry[] = [];
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k];
    const fragment = text.slice(start, k + 1 < starts.length ? starts[k + 1] : bodyEnd);
    let known = resourceMemo.lookup(fragment)?.value;
    if (known === undefined) {
      // Parsed from a detached copy: the remembered tree keeps no document version alive.
      const own = detach(fragment);
      const doc = parseDocument(own, YAML_OPTIONS);
      const node = doc.errors.length || doc.warnings.length ? undefined : fromYaml(doc.contents, own);
      known = node?.kind === 'map' && node.entries.length === 1 && !node.tag ? { part: node.entries[0] } : null;
      resourceMemo.remember(own, known, true);
    }
    if (!known) return undefined;
    entries.push(placeAt(known, start, shiftEntry));
  }
  const last = entries[entries.length - 1].value;
  slot.value = { kind: 'map', entries, start: starts[0] + indent.length, end: last.end, tag: undefined };
  root.end = Math.max(root.end, last.end);
  return root;
}

const headMemo = new TextMemo<CfnMap | null>(256, 8 * 1024 * 1024);

/**
 * The root of a template's head (its text with the Resources entries cut out at `cut`), with every
 * offset at or after the cut moved by `gap` (the entries' length); undefined when the head does not
 * parse cleanly. Always a fresh copy: the caller fills in Resources.
 */
function headAround(head: string, cut: number, gap: number): CfnMap | undefined {
  let root = headMemo.lookup(head)?.value;
  if (root === undefined) {
    const own = detach(head);
    const headDoc = parseDocument(own, YAML_OPTIONS);
    const parsed = headDoc.errors.some((e) => e.code !== 'DUPLICATE_KEY') || headDoc.warnings.length ? undefined : fromYaml(headDoc.contents, own);
    root = parsed?.kind === 'map' ? parsed : null;
    headMemo.remember(own, root, true);
  }
  return root ? (shiftFrom(root, cut, gap) as CfnMap) : undefined;
}

/** A copy of a tree with every offset at or after `cut` moved by `d` (all of them, with a cut of 0). */
function shiftFrom(n: CfnNode, cut: number, d: number): CfnNode {
  const start = n.start >= cut ? n.start + d : n.start;
  const end = n.end >= cut ? n.end + d : n.end;
  if (n.kind === 'scalar') return { kind: 'scalar', value: n.value, start, end, literal: n.literal, tag: n.tag };
  if (n.kind === 'seq') return { kind: 'seq', items: n.items.map((x) => shiftFrom(x, cut, d)), start, end, tag: n.tag };
  return { kind: 'map', entries: n.entries.map((e) => ({ key: e.key, value: shiftFrom(e.value, cut, d) })), start, end, tag: n.tag };
}

function parseTemplate(doc: SourceDocument): ParsedTemplate {
  const text = doc.text;
  const json = /\.json$/i.test(doc.relPath) || (/\.template$/i.test(doc.relPath) && text.trimStart().startsWith('{'));
  if (json) {
    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, { allowTrailingComma: true });
    const root = tree ? fromJson(tree, text) : undefined;
    if (isTemplate(root)) return { root };
    if (errors.length && looksLikeTemplateText(text)) {
      throw new Error(`invalid JSON in template near line ${doc.positionAt(errors[0].offset).line + 1}`);
    }
    return {};
  }
  // Open documents only (a scan parses each file once: nothing to remember).
  if (doc.cacheKey !== undefined && text.length >= CHUNKED_MIN_CHARS) {
    const root = parseResourcesChunked(text);
    if (root) return isTemplate(root) ? { root } : {};
  }
  const yaml = parseDocument(text, YAML_OPTIONS);
  const fatal = yaml.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  if (fatal.length) {
    if (!looksLikeTemplateText(text)) return {};
    const at = fatal[0].pos?.[0];
    throw new Error(`invalid YAML in template${at !== undefined ? ` near line ${doc.positionAt(at).line + 1}` : ''}: ${fatal[0].message.split('\n')[0]}`);
  }
  const root = fromYaml(yaml.contents, text);
  return isTemplate(root) ? { root } : {};
}

export const cloudformationParser: ParserAdapter<ParsedTemplate> = {
  id: 'cloudformation',
  parse: parseTemplate,
};

/** Resources of a template as [logicalId, type, properties]. */
export function resources(root: CfnMap): { id: string; type: string; resource: CfnNode; props: CfnNode | undefined }[] {
  const res = get(root, 'Resources');
  if (res?.kind !== 'map') return [];
  return res.entries.map((e) => ({ id: e.key, type: str(get(e.value, 'Type')) ?? '', resource: e.value, props: get(e.value, 'Properties') }));
}
