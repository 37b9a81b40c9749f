import type { SourceDocument } from '../../core/document';
import type { Workload } from '../../core/types';
import { get, intrinsic, resources, str, type CfnMap, type CfnNode, type CfnScalar } from './syntax';
import { workloadFromNames } from '../shared/workload';

export { workloadFromNames };

/**
 * What the template says around instance types: where they are literal, how many instances run,
 * for which workload, and which parameters and mappings feed instance-type properties.
 */

/** Property names that hold the instance type(s) a resource runs; Allowed/Excluded lists are filters. */
export function isInstanceTypeKey(key: string): boolean {
  return /InstanceTypes?$/.test(key) && !/^(Allowed|Excluded)/.test(key);
}

/** Keys whose list items (or whose value) are separately deployed groups of instances. */
const GROUP_KEYS = new Set(['ProductionVariants', 'ShadowProductionVariants', 'MasterInstanceGroup', 'CoreInstanceGroup', 'TaskInstanceGroups', 'MasterInstanceFleet', 'CoreInstanceFleet', 'TaskInstanceFleets']);

const COUNT_KEYS = ['InitialInstanceCount', 'InstanceCount', 'DesiredSize', 'DesiredCapacity'];
const MIN_KEYS = ['MinSize'];

export function resourceKey(doc: SourceDocument, id: string): string {
  return `cloudformation:${doc.relPath}:${id}`;
}

function parameterDefault(root: CfnMap, name: string): CfnNode | undefined {
  return get(get(get(root, 'Parameters'), name), 'Default');
}

/** A literal whole number, a numeric string, or a `!Ref` to a parameter whose Default is one. */
export function countOf(root: CfnMap, node: CfnNode | undefined): number | undefined {
  if (!node) return undefined;
  const ref = intrinsic(node);
  if (ref?.fn === 'Ref') {
    const name = str(ref.arg);
    return name ? countOf(root, parameterDefault(root, name)) : undefined;
  }
  if (node.kind !== 'scalar' || node.tag) return undefined;
  const n = typeof node.value === 'number' ? node.value : typeof node.value === 'string' && /^\d+$/.test(node.value) ? Number(node.value) : undefined;
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** Desired count a map states (directly or in ScalingConfig), else a minimum of at least 1. */
export function mapCount(root: CfnMap, node: CfnNode | undefined): number | undefined {
  for (const k of COUNT_KEYS) {
    const n = countOf(root, get(node, k));
    if (n !== undefined) return n;
  }
  const sc = get(node, 'ScalingConfig');
  if (sc) {
    const n = mapCount(root, sc);
    if (n !== undefined) return n;
  }
  for (const k of MIN_KEYS) {
    const n = countOf(root, get(node, k));
    if (n !== undefined && n > 0) return n;
  }
  return undefined;
}


export function typeWorkload(type: string): { workload?: Workload; note?: string } {
  if (type === 'AWS::SageMaker::NotebookInstance') return { workload: 'inference', note: 'a SageMaker notebook instance: interactive development, counterpart sized as for inference' };
  if (type === 'AWS::SageMaker::EndpointConfig' || type === 'AWS::SageMaker::InferenceComponent') return { workload: 'inference' };
  if (type === 'AWS::Batch::ComputeEnvironment') return { workload: 'training', note: 'a Batch compute environment: assumed to run training jobs' };
  return {};
}

/** Names, labels and tags of a resource, for the workload heuristic. */
function resourceWords(id: string, props: CfnNode | undefined): string[] {
  const words = [id];
  for (const k of ['NodegroupName', 'Name', 'EndpointConfigName', 'NotebookInstanceName', 'ComputeEnvironmentName', 'LaunchTemplateName']) {
    const v = str(get(props, k));
    if (v) words.push(v);
  }
  const labels = get(props, 'Labels');
  if (labels?.kind === 'map') for (const e of labels.entries) words.push(e.key, str(e.value) ?? '');
  const tags = get(props, 'Tags');
  if (tags?.kind === 'seq') for (const t of tags.items) words.push(str(get(t, 'Value')) ?? '');
  if (tags?.kind === 'map') for (const e of tags.entries) words.push(e.key, str(e.value) ?? '');
  return words;
}

/** Literal instance-type scalars a value can take: itself, list items, !If branches, !Select options. */
export interface ValueRefs {
  literals: CfnScalar[];
  params: string[];
  mappings: string[];
}

export function valueRefs(node: CfnNode | undefined, out: ValueRefs = { literals: [], params: [], mappings: [] }): ValueRefs {
  if (!node) return out;
  const fn = intrinsic(node);
  if (fn) {
    const args = fn.arg.kind === 'seq' ? fn.arg.items : [];
    if (fn.fn === 'Ref') {
      const name = str(fn.arg);
      if (name && !name.startsWith('AWS::')) out.params.push(name);
    } else if (fn.fn === 'If') {
      valueRefs(args[1], out);
      valueRefs(args[2], out);
    } else if (fn.fn === 'Select') {
      valueRefs(args[1], out);
    } else if (fn.fn === 'FindInMap') {
      const map = str(args[0]);
      if (map) out.mappings.push(map);
    }
    return out;
  }
  if (node.kind === 'scalar') {
    if (node.literal && typeof node.value === 'string') out.literals.push(node);
  } else if (node.kind === 'seq') {
    for (const i of node.items) valueRefs(i, out);
  }
  return out;
}

export interface ResourceSite {
  scalar: CfnScalar;
  resourceId: string;
  resourceType: string;
  count?: number;
  workload?: Workload;
  /** Resource id plus group path, e.g. "Endpoint.ProductionVariants[1]". */
  key: string;
  where: string;
}

export interface Usage {
  count?: number;
  workload?: Workload;
  users: string[];
}

export interface TemplateFacts {
  sites: ResourceSite[];
  /** Parameters read (via !Ref) by instance-type properties. */
  params: Map<string, Usage>;
  /** Mappings read (via !FindInMap) by instance-type properties. */
  mappings: Map<string, Usage>;
}

function addUsage(m: Map<string, Usage>, name: string, count: number | undefined, workload: Workload | undefined, user: string) {
  const u = m.get(name) ?? { users: [] };
  u.count = (u.count ?? 0) + (count ?? 1);
  u.workload ??= workload;
  u.users.push(user);
  m.set(name, u);
}

/** How many instances launch templates and launch configurations run, from the groups that use them. */
function launchCounts(root: CfnMap): Map<string, { count?: number; words: string[] }> {
  const out = new Map<string, { count?: number; words: string[] }>();
  for (const r of resources(root)) {
    if (r.type !== 'AWS::AutoScaling::AutoScalingGroup' && r.type !== 'AWS::EKS::Nodegroup') continue;
    const targets = new Set<string>();
    const visit = (n: CfnNode | undefined, key?: string) => {
      if (!n) return;
      const fn = intrinsic(n);
      if (fn?.fn === 'Ref' && key && /^(LaunchTemplateId|LaunchTemplateName|LaunchConfigurationName|Id|Name)$/.test(key)) {
        const name = str(fn.arg);
        if (name) targets.add(name);
        return;
      }
      if (n.kind === 'map') n.entries.forEach((e) => visit(e.value, e.key));
      else if (n.kind === 'seq') n.items.forEach((i) => visit(i, key));
    };
    visit(get(r.props, 'LaunchTemplate'), 'LaunchTemplate');
    visit(get(r.props, 'MixedInstancesPolicy'), 'MixedInstancesPolicy');
    visit(get(r.props, 'LaunchConfigurationName'), 'LaunchConfigurationName');
    for (const t of targets) {
      const prev = out.get(t) ?? { words: [] };
      const c = mapCount(root, r.props);
      prev.count = (prev.count ?? 0) + (c ?? 1);
      prev.words.push(...resourceWords(r.id, r.props));
      out.set(t, prev);
    }
  }
  return out;
}

const cache = new WeakMap<CfnMap, TemplateFacts>();

/** Instance-type sites of every resource, and which parameters and mappings feed them. */
export function templateFacts(root: CfnMap): TemplateFacts {
  const cached = cache.get(root);
  if (cached) return cached;
  const facts: TemplateFacts = { sites: [], params: new Map(), mappings: new Map() };
  const launch = launchCounts(root);
  for (const r of resources(root)) {
    if (!r.props) continue;
    const fromType = typeWorkload(r.type);
    const launched = launch.get(r.id);
    const workload = fromType.workload ?? workloadFromNames([...resourceWords(r.id, r.props), ...(launched?.words ?? [])]);
    type Link = { key: string; index?: number; node: CfnNode };
    const visit = (node: CfnNode, chain: Link[]) => {
      if (node.kind === 'seq') {
        node.items.forEach((item, i) => visit(item, [...chain.slice(0, -1), { ...chain[chain.length - 1], index: node.items.length > 1 ? i : undefined, node: item }]));
        return;
      }
      if (node.kind !== 'map' || intrinsic(node)) return;
      for (const e of node.entries) {
        if (isInstanceTypeKey(e.key)) {
          let count: number | undefined;
          for (const link of [...chain].reverse()) {
            count = mapCount(root, link.node);
            if (count !== undefined) break;
          }
          count ??= mapCount(root, r.props) ?? launched?.count;
          const groups = chain.filter((l) => GROUP_KEYS.has(l.key));
          const key = r.id + groups.map((g) => `.${g.key}${g.index !== undefined ? `[${g.index}]` : ''}`).join('');
          const where = `${r.id} (${r.type}${chain.length ? `, ${chain.map((l) => l.key).join(' › ')}` : ''})${fromType.note ? `, ${fromType.note}` : ''}`;
          const refs = valueRefs(e.value);
          for (const scalar of refs.literals) facts.sites.push({ scalar, resourceId: r.id, resourceType: r.type, count, workload, key, where });
          for (const p of refs.params) addUsage(facts.params, p, count, workload, r.id);
          for (const m of refs.mappings) addUsage(facts.mappings, m, count, workload, r.id);
        } else {
          visit(e.value, [...chain, { key: e.key, node: e.value }]);
        }
      }
    };
    visit(r.props, []);
  }
  cache.set(root, facts);
  return facts;
}
