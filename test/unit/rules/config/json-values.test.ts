import assert from 'node:assert/strict';
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { jsonValues, type ConfigValue } from '../../../../src/analyzers/config/values';
import { random } from '../../helpers/random';

/**
 * JSON values are read from parser events, without a tree. They must be what a walk of the
 * jsonc-parser tree gives (the walk below is the one it replaced): paths, counts next to values,
 * sizes of lists, exact raw text, on valid and broken documents alike.
 */
const COUNT_KEYS = new Set(['instance_count', 'instanceCount', 'InstanceCount', 'initial_instance_count', 'initialInstanceCount', 'InitialInstanceCount', 'desired_size', 'desiredSize', 'DesiredSize', 'desired_capacity', 'desiredCapacity', 'DesiredCapacity', 'node_count', 'nodeCount', 'num_instances']);

function treeValues(text: string): ConfigValue[] {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const out: ConfigValue[] = [];
  const walk = (node: JsonNode, path: string) => {
    if (node.type === 'object') {
      let count: number | undefined;
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v && COUNT_KEYS.has(String(k.value)) && v.type === 'number' && Number.isInteger(v.value)) count = v.value as number;
      }
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v) continue;
        const p = path ? `${path}.${k.value}` : String(k.value);
        if (v.type === 'string') out.push({ start: v.offset + 1, end: v.offset + v.length - 1, value: String(v.value), path: p, count });
        else walk(v, p);
      }
    } else if (node.type === 'array') {
      const items = node.children ?? [];
      const strings = items.filter((i) => i.type === 'string').length;
      items.forEach((item, i) => {
        const p = `${path}[${i}]`;
        if (item.type === 'string') out.push({ start: item.offset + 1, end: item.offset + item.length - 1, value: String(item.value), path: p, listSize: strings });
        else walk(item, p);
      });
    }
  };
  if (root) walk(root, '');
  return out.filter((v) => text.slice(v.start, v.end) === v.value);
}

/** Only the fields a walk sets (the event reader leaves unset ones out the same way). */
const plain = (vs: ConfigValue[]) => vs.map((v) => ({ start: v.start, end: v.end, value: v.value, path: v.path, count: v.count, listSize: v.listSize }));

function randomJson(rnd: () => number, depth = 0): string {
  const r = rnd();
  if (depth > 3 || r < 0.35) {
    const leaves = ['"p4d.24xlarge"', '"g5.xlarge"', '"m5.large"', '"a\\"b"', '"none"', '3', '2.5', 'true', 'null', '"ml.g5.2xlarge"'];
    return leaves[Math.floor(rnd() * leaves.length)];
  }
  const n = Math.floor(rnd() * 5);
  if (r < 0.65) {
    const keys = ['instanceType', 'instance_count', 'desiredSize', 'name', 'train', 'nodes', 'x.y', 'instance_count'];
    return `{${Array.from({ length: n }, () => `"${keys[Math.floor(rnd() * keys.length)]}": ${randomJson(rnd, depth + 1)}`).join(', ')}}`;
  }
  return `[${Array.from({ length: n }, () => randomJson(rnd, depth + 1)).join(', ')}]`;
}

describe('config/json-values: values read from parser events, as a tree walk reads them', () => {
  it('paths, counts and list sizes of a deployment file', () => {
    const text = '{"nodeGroups": [{"instanceType": "p4d.24xlarge", "desiredSize": 4}, {"instanceTypes": ["g5.xlarge", "m5.large"]}], "endpoint": {"instance_type": "ml.g5.2xlarge"}}';
    assert.deepEqual(plain(jsonValues(text, () => true)), plain(treeValues(text)));
    const kept = jsonValues(text, (v) => v.includes('.'));
    assert.deepEqual(
      kept.map((v) => [v.path, v.value, v.count, v.listSize]),
      [
        ['nodeGroups[0].instanceType', 'p4d.24xlarge', 4, undefined],
        ['nodeGroups[1].instanceTypes[0]', 'g5.xlarge', undefined, 2],
        ['nodeGroups[1].instanceTypes[1]', 'm5.large', undefined, 2],
        ['endpoint.instance_type', 'ml.g5.2xlarge', undefined, undefined],
      ],
    );
  });

  it('random documents, valid and broken, give what the tree walk gives', () => {
    const rnd = random(11);
    for (let i = 0; i < 500; i++) {
      let text = randomJson(rnd);
      if (i % 3 === 1) {
        // Broken: a character cut out or thrown in somewhere.
        const at = Math.floor(rnd() * text.length);
        text = i % 2 ? text.slice(0, at) + text.slice(at + 1) : `${text.slice(0, at)}${[',', '{', ']', '"', '// c\n', '/*'][i % 6]}${text.slice(at)}`;
      }
      assert.deepEqual(plain(jsonValues(text, () => true)), plain(treeValues(text)), text);
    }
  });
});
