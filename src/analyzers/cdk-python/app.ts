import { parseLoaded, type SyntaxNode } from '../../core/treesitter';
import { appRegionOfClass, classRegions, type EntryReader } from '../cdk/app';
import { dottedName, stringValue, type ParsedPython } from '../python/syntax';
import { isRegion } from '../shared/region';

/**
 * CDK for Python: the app's entry (`python3 app.py` in cdk.json) creates each stack with its
 * `env` (`GpuStack(app, "Gpu", env=cdk.Environment(region="us-west-2"))`); a stack class written
 * in another module takes that region (see ../cdk/app.ts for the TypeScript side and the rules).
 */

function keywordValue(call: SyntaxNode, name: string): SyntaxNode | undefined {
  const args = call.childForFieldName('arguments');
  for (const a of args?.namedChildren ?? []) {
    if (a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === name) return a.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/** The literal region of an `env=` value: `Environment(region=…)`, `{"region": …}`, or a module-level name bound to either. */
function envRegion(env: SyntaxNode | undefined, bindings: Map<string, SyntaxNode>, depth = 0): string | undefined {
  if (!env || depth > 4) return undefined;
  if (env.type === 'identifier') return envRegion(bindings.get(env.text), bindings, depth + 1);
  let r: string | undefined;
  if (env.type === 'call' && /(^|\.)Environment$/.test(dottedName(env.childForFieldName('function')) ?? '')) r = stringValue(keywordValue(env, 'region'));
  else if (env.type === 'dictionary') {
    for (const pair of env.namedChildren) {
      if (pair?.type === 'pair' && stringValue(pair.childForFieldName('key')) === 'region') r = stringValue(pair.childForFieldName('value'));
    }
  }
  return isRegion(r) ? r : undefined;
}

/** Stack class → region, for each class the entry creates with one literal region (as on the TypeScript side). */
function regionsOfPyEntry(root: SyntaxNode): Map<string, string> {
  const bindings = new Map<string, SyntaxNode>();
  for (const a of root.descendantsOfType('assignment')) {
    const left = a?.childForFieldName('left');
    const right = a?.childForFieldName('right');
    if (left?.type === 'identifier' && right) bindings.set(left.text, right);
  }
  const created: { cls: string; region: string | undefined }[] = [];
  for (const call of root.descendantsOfType('call')) {
    if (!call) continue;
    const cls = dottedName(call.childForFieldName('function'))?.split('.').pop();
    // Classes only (CapWords): calls of functions are not stacks being created.
    if (!cls || !/^[A-Z]/.test(cls) || cls === 'Environment' || cls === 'App') continue;
    created.push({ cls, region: envRegion(keywordValue(call, 'env'), bindings) });
  }
  return classRegions(created);
}

const pythonEntry: EntryReader = (entry, text) => {
  if (!/\.py$/i.test(entry)) return undefined;
  const tree = parseLoaded('python', text);
  if (!tree) return undefined;
  try {
    return regionsOfPyEntry(tree.rootNode);
  } finally {
    tree.delete();
  }
};

/** The name of the class a node is written in, if any. */
function enclosingClass(node: SyntaxNode): string | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'class_definition') return n.childForFieldName('name')?.text;
  return undefined;
}

/** The region the app's entry creates the enclosing stack class in; records the files read on `parsed`. */
export function pyAppRegionOf(parsed: ParsedPython, node: SyntaxNode): string | undefined {
  return appRegionOfClass(parsed, () => enclosingClass(node), pythonEntry);
}
