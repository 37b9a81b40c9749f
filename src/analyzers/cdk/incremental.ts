import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { changedRange, pointAt } from '../../core/text-diff';
import type { TSESTree } from '@typescript-eslint/typescript-estree';

type Node = TSESTree.Node;
type Program = TSESTree.Program;

/**
 * Incremental re-parsing of an open CDK file. The TypeScript parser and the ESTree conversion read
 * the whole file on every edit (~70 ms at 5,000 lines); here an edit re-parses only the statements
 * or class members around it, in the innermost function body, class body or the program that holds
 * it, and moves every later offset. The result must equal a whole parse: the re-parsed text is
 * wrapped in the same kind of context (a class, a method with the function's async/generator
 * flags), and it must give back the unchanged statement on each side of the edit exactly where it
 * was, which pins how the new statements join their neighbours. Anything else (no such statements,
 * a syntax error, a different shape) returns false and the caller parses the whole file.
 */
export interface CdkState {
  text: string;
  program: Program;
  /** Every node in document order (a node reached twice, as a shorthand property's key and value, is listed twice). */
  nodes: Node[];
  /** Each node's type, aligned with `nodes`: rules read these instead of nodes of dozens of shapes. */
  types: string[];
  parents: Map<Node, Node>;
  strings: { node: Node; value: string }[];
  /**
   * False when the text has line breaks other than \n and \r\n (OTHER_LINE_BREAK), or the tree
   * shares a node, range or location between two places (typescript-estree has not been seen to,
   * but moving offsets would then move one twice): such a file is always parsed whole.
   */
  movable: boolean;
  /**
   * Every node's range and location objects, aligned with `nodes`: moving offsets through these
   * (all of one shape) is several times faster than through the nodes (of dozens of shapes).
   */
  flat?: Flat;
}

interface Flat {
  ranges: [number, number][];
  starts: TSESTree.Position[];
  ends: TSESTree.Position[];
}

function flatten(nodes: readonly Node[]): Flat {
  const flat: Flat = { ranges: new Array(nodes.length), starts: new Array(nodes.length), ends: new Array(nodes.length) };
  for (let k = 0; k < nodes.length; k++) {
    flat.ranges[k] = nodes[k].range;
    flat.starts[k] = nodes[k].loc.start;
    flat.ends[k] = nodes[k].loc.end;
  }
  return flat;
}

/** Whether any node, range or location object is reachable twice from `roots`. */
export function hasSharedParts(roots: readonly Node[]): boolean {
  const seen = new Set<object>();
  const stack = [...roots];
  while (stack.length) {
    const n = stack.pop()!;
    for (const o of [n, n.range, n.loc.start, n.loc.end]) {
      if (seen.has(o)) return true;
      seen.add(o);
    }
    for (const c of childrenOf(n)) stack.push(c);
  }
  return false;
}

export type ParseProgram = (code: string) => Program;

function isNode(v: unknown): v is Node {
  return !!v && typeof v === 'object' && typeof (v as { type?: unknown }).type === 'string';
}

/** A node's children by the node type's child keys (typescript-eslint's table), not every own key. */
function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  for (const key of visitorKeys[node.type] ?? Object.keys(node)) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const c of child) if (isNode(c)) out.push(c);
    } else if (isNode(child)) out.push(child);
  }
  return out;
}

/** What the whole-parse walk records for a subtree: its nodes in order, parents and plain strings. */
export function collectSubtree(node: Node, parent: Node | undefined, nodes: Node[], parents: Map<Node, Node>, strings: { node: Node; value: string }[]): void {
  if (parent) parents.set(node, parent);
  nodes.push(node);
  if (node.type === 'Literal' && typeof node.value === 'string') strings.push({ node, value: node.value });
  else if (node.type === 'TemplateLiteral' && node.expressions.length === 0 && node.quasis.length === 1) {
    strings.push({ node, value: node.quasis[0].value.cooked ?? node.quasis[0].value.raw });
  }
  for (const c of childrenOf(node)) collectSubtree(c, node, nodes, parents, strings);
}

type Context = { kind: 'program' } | { kind: 'class' } | { kind: 'function'; constructor: boolean; async: boolean; generator: boolean };

interface Container {
  owner: Node;
  list: Node[];
  context: Context;
  /** Where its items may start and end (inside the braces). */
  innerStart: number;
  innerEnd: number;
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** The innermost function body, class body (or the program) whose braces strictly hold [start, end). */
function innermostContainer(program: Program, start: number, end: number, textLength: number): Container {
  let best: Container = { owner: program, list: program.body, context: { kind: 'program' }, innerStart: 0, innerEnd: textLength };
  let node: Node = program;
  let ctor = false;
  for (;;) {
    const next: Node | undefined = childrenOf(node).find((c) => c.range[0] < start && end < c.range[1]);
    if (!next) return best;
    if (next.type === 'ClassBody') {
      best = { owner: next, list: next.body, context: { kind: 'class' }, innerStart: next.range[0] + 1, innerEnd: next.range[1] - 1 };
    } else if (next.type === 'BlockStatement' && FUNCTIONS.has(node.type)) {
      const fn = node as TSESTree.FunctionLike;
      best = {
        owner: next,
        list: next.body,
        context: { kind: 'function', constructor: ctor && node.type === 'FunctionExpression', async: !!fn.async, generator: !!fn.generator },
        innerStart: next.range[0] + 1,
        innerEnd: next.range[1] - 1,
      };
    }
    ctor = next.type === 'MethodDefinition' && next.kind === 'constructor';
    node = next;
  }
}

function wrapperFor(context: Context): { before: string; after: string; items(p: Program): Node[] | undefined } {
  if (context.kind === 'program') return { before: '', after: '', items: (p) => p.body };
  const classBody = (p: Program) => (p.body.length === 1 && p.body[0].type === 'ClassDeclaration' ? p.body[0].body : undefined);
  if (context.kind === 'class') return { before: 'class __Accel extends Object {\n', after: '\n}', items: (p) => classBody(p)?.body };
  const head = context.constructor ? 'constructor' : `${context.async ? 'async ' : ''}${context.generator ? '*' : ''}__accel`;
  return {
    before: `class __Accel extends Object {\n${head}() {\n`,
    after: '\n}\n}',
    items: (p) => {
      const members = classBody(p)?.body;
      const m = members?.length === 1 ? members[0] : undefined;
      return m?.type === 'MethodDefinition' && m.value.body ? m.value.body.body : undefined;
    },
  };
}

/** typescript-estree's location of an offset: 1-based line, 0-based column. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const p = pointAt(text, offset);
  return { line: p.row + 1, column: p.column };
}

/**
 * Line breaks other than \n and \r\n, which the TypeScript parser counts as line ends too: a file
 * with them is parsed whole (lineColumn counts \n only).
 */
export const OTHER_LINE_BREAK = /\r(?!\n)|[\u2028\u2029]/;

type Position = TSESTree.Position;

/** Applies `move` to every range and location in a subtree (which shares none: hasSharedParts). */
function moveSubtree(root: Node, moveRange: (r: [number, number]) => void, movePos: (p: Position) => void): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    moveRange(n.range);
    movePos(n.loc.start);
    movePos(n.loc.end);
    for (const c of childrenOf(n)) stack.push(c);
  }
}

/** `arr.splice(at, count, ...items)` without spreading a long list into arguments (V8 caps their number). */
function replaceRange<T>(arr: T[], at: number, count: number, items: readonly T[]): void {
  arr.splice(at, count);
  for (let k = 0; k < items.length; k += 4096) arr.splice(at + k, 0, ...items.slice(k, k + 4096));
}

/** How many entries a subtree has in the node list (collectSubtree's count). */
function subtreeSize(root: Node): number {
  let count = 0;
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    count++;
    for (const c of childrenOf(n)) stack.push(c);
  }
  return count;
}

/** Where new items go in the node list when none are replaced (an empty body): after what precedes them. */
function insertionIndex(state: CdkState, owner: Node, list: Node[], at: number, regionStart: number): number {
  let k = state.nodes.indexOf(at > 0 ? list[at - 1] : owner);
  while (k + 1 < state.nodes.length && state.nodes[k + 1].range[0] < regionStart) k++;
  return k + 1;
}

/**
 * Re-parses `text`, the next version of `state.text`, in place; false when it cannot be done
 * incrementally (the state is then untouched).
 */
export function reparse(state: CdkState, text: string, parse: ParseProgram): boolean {
  const old = state.text;
  if (old === text) return true;
  if (!state.movable) return false;
  const { start, oldEnd, newEnd } = changedRange(old, text);
  const delta = newEnd - oldEnd;
  if (OTHER_LINE_BREAK.test(text.slice(Math.max(0, start - 1), newEnd + 1))) return false;

  const program = state.program;
  const c = innermostContainer(program, start, oldEnd, old.length);
  const list = c.list;
  // The items the edit touches, and one unchanged item on each side when there is one.
  let before = -1;
  while (before + 1 < list.length && list[before + 1].range[1] < start) before++;
  let after = list.length;
  while (after - 1 > before && list[after - 1].range[0] > oldEnd) after--;
  if (c.context.kind === 'program' && before < 0 && after >= list.length) return false;
  const regionStart = before >= 0 ? list[before].range[0] : c.innerStart;
  const regionOldEnd = after < list.length ? list[after].range[1] : c.innerEnd;
  if (regionStart > start || regionOldEnd < oldEnd) return false;

  const wrap = wrapperFor(c.context);
  const snippet = text.slice(regionStart, regionOldEnd + delta);
  // Imports and exports (and import.meta) decide whether the file is a module: parse it whole.
  if (/\b(?:import|export)\b/.test(snippet) || /\b(?:import|export)\b/.test(old.slice(regionStart, regionOldEnd))) return false;
  let parsed: Program;
  try {
    parsed = parse(wrap.before + snippet + wrap.after);
  } catch {
    return false;
  }
  const items = wrap.items(parsed);
  if (!items || hasSharedParts(items)) return false;

  // Wrapper coordinates → document coordinates.
  const shift = regionStart - wrap.before.length;
  const beforeLines = wrap.before.split('\n').length - 1;
  const at = lineColumn(text, regionStart);
  for (const item of items) {
    moveSubtree(
      item,
      (r) => {
        r[0] += shift;
        r[1] += shift;
      },
      (p) => {
        if (p.line === beforeLines + 1) p.column += at.column;
        p.line += at.line - 1 - beforeLines;
      },
    );
  }
  // The unchanged neighbours must come back where they were: that pins how the region joins the rest.
  if (before >= 0 && (items[0]?.type !== list[before].type || items[0].range[0] !== list[before].range[0] || items[0].range[1] !== list[before].range[1])) return false;
  const last = items[items.length - 1];
  if (after < list.length && (last?.type !== list[after].type || last.range[0] !== list[after].range[0] + delta || last.range[1] !== list[after].range[1] + delta)) return false;
  // A string statement opening the snippet reads as a directive ('use strict') there, which it is
  // not in the middle of a body.
  if (before >= 0 && items.some((i) => i.type === 'ExpressionStatement' && i.directive !== undefined)) return false;
  // Nothing of the snippet may fall outside the items (an unbalanced brace would end the wrapper early).
  if (c.context.kind !== 'program' && items.length && (items[0].range[0] < regionStart || last.range[1] > regionOldEnd + delta)) return false;

  // From here the state changes. Later offsets move by delta; lines and the columns on the edit's
  // last line move with them.
  const oldEndAt = lineColumn(old, oldEnd);
  const newEndAt = lineColumn(text, newEnd);
  const lineDelta = newEndAt.line - oldEndAt.line;
  const columnDelta = newEndAt.column - oldEndAt.column;
  const replacedFrom = Math.max(0, before);
  const replacedTo = Math.min(list.length, after + 1);
  const movePosition = (p: Position) => {
    if (p.line === oldEndAt.line) p.column += columnDelta;
    p.line += lineDelta;
  };
  // The node list is in document order: before the replaced items come the nodes wholly before the
  // edit and the ones holding it (whose ends move); after them, nodes wholly after it (all moves).
  const nodes = state.nodes;
  const flat = (state.flat ??= flatten(nodes));
  const firstReplaced = replacedFrom < replacedTo ? nodes.indexOf(list[replacedFrom]) : -1;
  if (replacedFrom < replacedTo && firstReplaced < 0) throw new Error('incremental CDK state out of step');
  let removedCount = 0;
  for (let k = replacedFrom; k < replacedTo; k++) removedCount += subtreeSize(list[k]);
  const afterReplaced = firstReplaced < 0 ? insertionIndex(state, c.owner, list, replacedFrom, regionStart) : firstReplaced + removedCount;
  const { ranges, starts, ends } = flat;
  for (let k = 0; k < (firstReplaced < 0 ? afterReplaced : firstReplaced); k++) {
    if (ranges[k][1] < oldEnd) continue;
    ranges[k][1] += delta;
    movePosition(ends[k]);
  }
  for (let k = afterReplaced; k < ranges.length; k++) {
    ranges[k][0] += delta;
    ranges[k][1] += delta;
    movePosition(starts[k]);
    movePosition(ends[k]);
  }

  // The derived lists: the replaced items' nodes out, the new ones in, in document order.
  const removedNodes = firstReplaced < 0 ? [] : nodes.slice(firstReplaced, afterReplaced);
  const addedNodes: Node[] = [];
  const addedStrings: { node: Node; value: string }[] = [];
  for (const item of items) collectSubtree(item, c.owner, addedNodes, state.parents, addedStrings);
  const spliceAt = firstReplaced < 0 ? afterReplaced : firstReplaced;
  replaceRange(nodes, spliceAt, removedNodes.length, addedNodes);
  replaceRange(state.types, spliceAt, removedNodes.length, addedNodes.map((n) => n.type));
  const added = flatten(addedNodes);
  replaceRange(ranges, spliceAt, removedNodes.length, added.ranges);
  replaceRange(starts, spliceAt, removedNodes.length, added.starts);
  replaceRange(ends, spliceAt, removedNodes.length, added.ends);
  for (const n of removedNodes) state.parents.delete(n); // the new nodes are all new objects
  const gone = new Set<Node>();
  for (const n of removedNodes) if (n.type === 'Literal' || n.type === 'TemplateLiteral') gone.add(n);
  const kept = gone.size ? state.strings.filter((s) => !gone.has(s.node)) : state.strings;
  let insertAt = 0;
  while (insertAt < kept.length && kept[insertAt].node.range[0] < regionStart) insertAt++;
  replaceRange(kept, insertAt, 0, addedStrings);
  state.strings = kept;
  replaceRange(list, replacedFrom, replacedTo - replacedFrom, items);

  if (c.context.kind === 'program') {
    // typescript-estree's Program spans the first token to the end of the text.
    // In place: the flat lists hold these very objects.
    if (before < 0) {
      program.range[0] = parsed.range[0] + shift;
      program.loc.start.line = parsed.loc.start.line;
      program.loc.start.column = parsed.loc.start.column;
    }
    const end = lineColumn(text, text.length);
    program.range[1] = text.length;
    program.loc.end.line = end.line;
    program.loc.end.column = end.column;
  }
  state.text = text;
  return true;
}
