import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { parseTypeScript } from './estree';
import { collectSubtree, hasSharedParts, OTHER_LINE_BREAK, reparse, type CdkState } from './incremental';
import { OpenStates } from '../../core/open-documents';
import type { SourceDocument } from '../../core/document';
import type { ParserAdapter } from '../../core/rule';
import type { FileDependency } from '../../core/types';

export type Node = TSESTree.Node;

/** A parsed CDK app or stack file, with parent links and the string literals rules look at. */
export interface ParsedCdk {
  program: TSESTree.Program;
  /** Parent of every node. */
  parent(node: Node): Node | undefined;
  /** Every node, in document order. */
  nodes: Node[];
  /**
   * Each node's type, aligned with `nodes`. A rule looking for a few kinds of node reads these
   * (one array of strings) rather than every node (of dozens of shapes, a slow property read).
   */
  types: readonly string[];
  /** Plain string literals ('…', "…", `…` without substitutions), with their value. */
  strings: { node: Node; value: string }[];
  /** Local name → imported module ("ec2" → "aws-cdk-lib/aws-ec2", "InstanceType" → "aws-cdk-lib/aws-ec2"). */
  imports: Map<string, string>;
  /** The file's path on disk, when it is a file (its app's entry is found from it: app.ts). */
  absPath?: string;
  /** Other files read for facts (the app's cdk.json and entry), set once they are. */
  dependencies?: FileDependency[];
}

/** The nodes of one or two types, in document order (found through `types`, not by reading every node). */
export function* nodesOfType<T extends `${Node['type']}`>(parsed: ParsedCdk, first: T, second: T = first): Generator<Extract<Node, { type: T }>> {
  const { nodes, types } = parsed;
  for (let i = 0; i < types.length; i++) if (types[i] === first || types[i] === second) yield nodes[i] as Extract<Node, { type: T }>;
}

/** JSX only where the extension says so: `<T>x` casts are valid TypeScript elsewhere. */
function wantsJsx(relPath: string): boolean {
  return /\.(tsx|jsx)$/i.test(relPath);
}

function collectImports(program: TSESTree.Program, imports: Map<string, string>): void {
  for (const stmt of program.body) {
    if (stmt.type === 'ImportDeclaration') {
      for (const s of stmt.specifiers) imports.set(s.local.name, String(stmt.source.value));
    } else if (stmt.type === 'VariableDeclaration') {
      // const ec2 = require('aws-cdk-lib/aws-ec2'); const { aws_ec2: ec2 } = require('aws-cdk-lib')
      for (const d of stmt.declarations) {
        const init = d.init;
        if (init?.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require') continue;
        const src = init.arguments[0];
        if (src?.type !== 'Literal' || typeof src.value !== 'string') continue;
        if (d.id.type === 'Identifier') imports.set(d.id.name, src.value);
        else if (d.id.type === 'ObjectPattern') {
          for (const p of d.id.properties) {
            if (p.type === 'Property' && p.value.type === 'Identifier') imports.set(p.value.name, src.value);
          }
        }
      }
    }
  }
}

function parseProgram(text: string, relPath: string): TSESTree.Program {
  try {
    return parseTypeScript(text, { range: true, loc: true, jsx: wantsJsx(relPath), comment: false });
  } catch (err) {
    const e = err as { message?: string; lineNumber?: number; column?: number };
    const where = e.lineNumber ? ` (line ${e.lineNumber}${e.column !== undefined ? `, column ${e.column + 1}` : ''})` : '';
    throw new Error(`TypeScript/JavaScript syntax error${where}: ${e.message ?? String(err)}`);
  }
}

function wholeState(text: string, relPath: string): CdkState {
  const program = parseProgram(text, relPath);
  const state: CdkState = { text, program, nodes: [], types: [], parents: new Map(), strings: [], movable: false };
  collectSubtree(program, undefined, state.nodes, state.parents, state.strings);
  state.types = state.nodes.map((n) => n.type);
  return state;
}

function fromState(state: CdkState): ParsedCdk {
  const imports = new Map<string, string>();
  collectImports(state.program, imports);
  const parents = state.parents;
  return { program: state.program, parent: (n) => parents.get(n), nodes: state.nodes, types: state.types, strings: state.strings, imports };
}

/**
 * Open documents keep their tree between edits (incremental.ts): the statements around an edit
 * are re-parsed, the rest is moved. A failed re-parse forgets the state and parses whole.
 */
/** A tree costs ~70× its text in memory (10 MB for 5,000 lines): a few files, at most ~1 MB of text (~70 MB). */
const openStates = new OpenStates<CdkState>(8, 1024 * 1024);
let incrementalOn = true;

/** Turns incremental re-parsing off or on (tests compare both); returns the previous setting. */
export function setCdkIncremental(on: boolean): boolean {
  const previous = incrementalOn;
  incrementalOn = on;
  return previous;
}

export function parseCdk(text: string, relPath: string, cacheKey?: string): ParsedCdk {
  if (cacheKey === undefined || !incrementalOn) return fromState(wholeState(text, relPath));
  const kept = openStates.take(cacheKey);
  if (kept) {
    let ok = false;
    try {
      ok = reparse(kept, text, (code) => parseTypeScript(code, { range: true, loc: true, jsx: wantsJsx(relPath), comment: false }));
    } catch {
      ok = false; // the state may be half-changed: it is dropped
    }
    if (ok) {
      openStates.keep(cacheKey, kept);
      return fromState(kept);
    }
  }
  const state = wholeState(text, relPath);
  state.movable = !OTHER_LINE_BREAK.test(text) && !hasSharedParts([state.program]);
  openStates.keep(cacheKey, state);
  return fromState(state);
}

export const cdkParser: ParserAdapter<ParsedCdk> = {
  id: 'cdk-typescript',
  parse(doc: SourceDocument) {
    const parsed = parseCdk(doc.text, doc.relPath, doc.cacheKey);
    if (doc.absPath) parsed.absPath = doc.absPath;
    return parsed;
  },
  dependencies: (parsed) => parsed.dependencies ?? [],
};

/** "a.b.c" for identifiers and member chains (non-computed); undefined otherwise. */
export function memberName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'ThisExpression') return 'this';
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const obj = memberName(node.object);
    return obj ? `${obj}.${node.property.name}` : undefined;
  }
  if (node.type === 'TSNonNullExpression' || node.type === 'TSAsExpression') return memberName(node.expression);
  return undefined;
}

/**
 * `lastSegment(memberName(node))` without making the dotted name: rules ask it of every member
 * expression of a file, and only a few names are the ones they look for.
 */
export function lastMemberName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'ThisExpression') return 'this';
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') return hasMemberName(node.object) ? node.property.name : undefined;
  if (node.type === 'TSNonNullExpression' || node.type === 'TSAsExpression') return lastMemberName(node.expression);
  return undefined;
}

/** Whether memberName(node) is defined. */
function hasMemberName(node: Node): boolean {
  for (let n: Node = node; ; ) {
    if (n.type === 'Identifier' || n.type === 'ThisExpression') return true;
    if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') n = n.object;
    else if (n.type === 'TSNonNullExpression' || n.type === 'TSAsExpression') n = n.expression;
    else return false;
  }
}

/** The last segment of a dotted name. */
export function lastSegment(name: string | undefined): string | undefined {
  return name?.slice(name.lastIndexOf('.') + 1);
}

/** A property's key as text ("instanceType", "'InstanceType'"). */
export function propertyKey(p: Node): string | undefined {
  if (p.type !== 'Property' || p.computed) return undefined;
  if (p.key.type === 'Identifier') return p.key.name;
  if (p.key.type === 'Literal' && typeof p.key.value === 'string') return p.key.value;
  return undefined;
}

/** The value of property `name` in an object literal. */
export function objectProperty(obj: Node | undefined, name: string): Node | undefined {
  if (obj?.type !== 'ObjectExpression') return undefined;
  for (const p of obj.properties) if (propertyKey(p) === name && p.type === 'Property') return p.value;
  return undefined;
}

/** The string value of a plain string literal node. */
export function literalString(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0 && node.quasis.length === 1) return node.quasis[0].value.cooked ?? undefined;
  return undefined;
}

/** A literal whole number. */
export function literalInt(node: Node | undefined): number | undefined {
  if (node?.type === 'Literal' && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= 0) return node.value;
  return undefined;
}

/** Offsets of a string literal's content (inside the quotes or backticks). */
export function contentRange(node: Node): { start: number; end: number } {
  return { start: node.range[0] + 1, end: node.range[1] - 1 };
}

/** Whether a file is a CDK file: it imports aws-cdk-lib, @aws-cdk/* or constructs. */
export const CDK_IMPORT_RE = /(['"])(aws-cdk-lib|@aws-cdk\/[\w-]+|constructs)(\/[\w-]+)*\1/;
