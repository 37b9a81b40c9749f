import type { Workload } from '../../core/types';
import { NON_EC2_SERVICE_RE } from './instance-enums';
import { isRegion } from '../shared/region';
import { lastSegment, literalInt, literalString, memberName, nodesOfType, objectProperty, propertyKey, type Node, type ParsedCdk } from './syntax';

/**
 * Facts around an instance type in a CDK file: the construct it configures, how many, where, for
 * what. Only literals in the same file are read.
 */
export interface CdkSite {
  /** Construct id ('GpuNodes') or method call id (addNodegroupCapacity('gpu', …)). */
  constructId?: string;
  /** Construct class or method, e.g. "eks.Nodegroup", "cluster.addNodegroupCapacity". */
  constructName?: string;
  count?: number;
  workload?: Workload;
  /** Why the workload was assumed, for the advice. */
  workloadReason?: string;
  /** A non-EC2 service (RDS, ElastiCache …): not reported. */
  nonEc2?: boolean;
  /** Extra part of the resource key (an endpoint variant name). */
  variant?: string;
}

/** Names that hold an instance count, desired first; minimums only when ≥ 1. */
const COUNT_KEYS = ['desiredSize', 'desiredCapacity', 'initialInstanceCount', 'instanceCount'];
const MIN_COUNT_KEYS = ['minSize', 'minCapacity'];
const CAPACITY_METHOD_RE = /^add(\w*Capacity|Nodegroup\w*|AutoScalingGroup\w*)$/;

function countIn(obj: Node): number | undefined {
  for (const k of COUNT_KEYS) {
    const n = literalInt(objectProperty(obj, k));
    if (n !== undefined) return n;
  }
  const scaling = objectProperty(obj, 'scalingConfig');
  if (scaling) {
    const n = literalInt(objectProperty(scaling, 'desiredSize')) ?? literalInt(objectProperty(scaling, 'minSize'));
    if (n !== undefined) return n;
  }
  for (const k of MIN_COUNT_KEYS) {
    const n = literalInt(objectProperty(obj, k));
    if (n !== undefined && n > 0) return n;
  }
  return undefined;
}

const INFERENCE_RE = /EndpointConfig|Endpoint\b|productionVariants|Inference|Serving|Predict/i;
const TRAINING_RE = /Training|TrainingJob|HyperPod|CfnCluster/;

/** Words in ids and labels that tell a node group's purpose. */
function workloadFromWords(text: string): Workload | undefined {
  const t = /train/i.test(text);
  const i = /infer|serving|endpoint|predict/i.test(text);
  if (t && !i) return 'training';
  if (i && !t) return 'inference';
  return undefined;
}

/**
 * Sites worked out before, by the node they start from. An open document keeps the nodes an edit
 * did not touch (incremental.ts re-parses the statements around it, in the innermost function or
 * class body): a kept node's climb reads only kept nodes (object literals, properties, `new` and
 * calls outside any re-parsed body, and what they hold is unchanged), so its site is the same.
 */
const knownSites = new WeakMap<Node, Readonly<CdkSite>>();

/** Climbs from a node (an instance type expression) to the construct it configures. */
export function cdkSiteOf(parsed: ParsedCdk, start: Node): Readonly<CdkSite> {
  let site = knownSites.get(start);
  if (!site) knownSites.set(start, (site = climb(parsed, start)));
  return site;
}

function climb(parsed: ParsedCdk, start: Node): CdkSite {
  const site: CdkSite = {};
  let node: Node | undefined = start;
  let child: Node = start;
  const words: string[] = [];
  while ((node = parsed.parent(child))) {
    if (node.type === 'ObjectExpression') {
      if (site.count === undefined) site.count = countIn(node);
      const variant = literalString(objectProperty(node, 'variantName'));
      if (variant && !site.variant) site.variant = variant;
      const labels = objectProperty(node, 'labels');
      if (labels?.type === 'ObjectExpression') {
        for (const p of labels.properties) if (p.type === 'Property') words.push(`${propertyKey(p) ?? ''}=${literalString(p.value) ?? ''}`);
      }
    } else if (node.type === 'Property') {
      const key = propertyKey(node);
      if (key === 'productionVariants' && !site.workload) {
        site.workload = 'inference';
        site.workloadReason = 'a SageMaker endpoint configuration serves inference';
      }
    } else if (node.type === 'NewExpression' || node.type === 'CallExpression') {
      const callee = memberName(node.callee);
      if (callee && NON_EC2_SERVICE_RE.test(callee)) site.nonEc2 = true;
      const args = node.arguments;
      if (node.type === 'NewExpression' && args.length >= 2 && callee) {
        const id = literalString(args[1] as Node);
        if (id !== undefined && lastSegment(callee) !== 'InstanceType') {
          site.constructId = id;
          site.constructName = callee;
          break;
        }
      }
      if (node.type === 'CallExpression' && callee && CAPACITY_METHOD_RE.test(lastSegment(callee) ?? '')) {
        const id = literalString(args[0] as Node);
        if (id !== undefined) {
          site.constructId = id;
          site.constructName = callee;
          break;
        }
      }
    }
    child = node;
  }
  if (!site.workload && site.constructName) {
    const cls = lastSegment(site.constructName) ?? '';
    if (INFERENCE_RE.test(cls)) {
      site.workload = 'inference';
      site.workloadReason = `${cls} serves inference`;
    } else if (TRAINING_RE.test(cls)) {
      site.workload = 'training';
      site.workloadReason = `${cls} runs training`;
    }
  }
  if (!site.workload) {
    const w = workloadFromWords([site.constructId ?? '', ...words].join(' '));
    if (w) {
      site.workload = w;
      site.workloadReason = `the construct id or node labels say ${w}`;
    }
  }
  return site;
}

/** The single literal region of the stacks in this file (`env: { region: 'us-west-2' }`), if there is exactly one. */
export function fileRegion(parsed: ParsedCdk): string | undefined {
  const regions = new Set<string>();
  for (const n of nodesOfType(parsed, 'Property')) {
    if (propertyKey(n) !== 'env') continue;
    const region = literalString(objectProperty(n.value as Node, 'region'));
    if (isRegion(region)) regions.add(region);
  }
  return regions.size === 1 ? [...regions][0] : undefined;
}

/** Resource key for pricing: one deployed resource, however many literals configure it. */
export function cdkResourceKey(relPath: string, site: CdkSite, line: number): string {
  if (site.constructId === undefined) return `cdk:${relPath}:L${line}`;
  return `cdk:${relPath}:${site.constructId}${site.variant ? `/${site.variant}` : ''}`;
}
