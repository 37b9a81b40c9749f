import type { SyntaxNode } from '../../core/treesitter';
import type { Workload } from '../../core/types';
import { NON_EC2_SERVICE_RE } from '../cdk/instance-enums';
import { callArguments, calleeName, dottedName, stringValue, type ParsedPython } from '../python/syntax';
import { intValue } from '../sagemaker/context';
import { isRegion } from '../shared/region';

/** Facts around an instance type in a CDK for Python file (same shape as the TypeScript side). */
export interface CdkPySite {
  constructId?: string;
  constructName?: string;
  count?: number;
  workload?: Workload;
  workloadReason?: string;
  nonEc2?: boolean;
  variant?: string;
}

const COUNT_KEYS = ['desired_size', 'desired_capacity', 'initial_instance_count', 'instance_count'];
const MIN_KEYS = ['min_size', 'min_capacity'];
const CAPACITY_METHOD_RE = /^add_(\w*capacity|nodegroup\w*|auto_scaling_group\w*)$/;

function countFrom(parsed: ParsedPython, kw: Map<string, SyntaxNode>, bindings: Map<string, SyntaxNode>): number | undefined {
  for (const k of COUNT_KEYS) {
    const n = intValue(parsed, kw.get(k), bindings);
    if (n !== undefined) return n;
  }
  for (const k of MIN_KEYS) {
    const n = intValue(parsed, kw.get(k), bindings);
    if (n !== undefined && n > 0) return n;
  }
  return undefined;
}

function dictEntries(dict: SyntaxNode): Map<string, SyntaxNode> {
  const m = new Map<string, SyntaxNode>();
  for (const pair of dict.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const k = stringValue(pair.childForFieldName('key'));
    const v = pair.childForFieldName('value');
    if (k && v) m.set(k, v);
  }
  return m;
}

export function cdkPySiteOf(parsed: ParsedPython, start: SyntaxNode, bindings: Map<string, SyntaxNode>): CdkPySite {
  const site: CdkPySite = {};
  const words: string[] = [];
  for (let node = start.parent; node; node = node.parent) {
    if (node.type === 'dictionary' && site.count === undefined) {
      const e = dictEntries(node);
      site.count = countFrom(parsed, e, bindings);
      site.variant ??= stringValue(e.get('variant_name') ?? e.get('variantName'));
    }
    if (node.type === 'keyword_argument' && node.childForFieldName('name')?.text === 'production_variants' && !site.workload) {
      site.workload = 'inference';
      site.workloadReason = 'a SageMaker endpoint configuration serves inference';
    }
    if (node.type !== 'call') continue;
    const callee = calleeName(parsed, node) ?? dottedName(node.childForFieldName('function')) ?? '';
    const last = callee.slice(callee.lastIndexOf('.') + 1);
    if (NON_EC2_SERVICE_RE.test(callee) || /^aws_cdk\.aws_(rds|docdb|neptune|elasticache|opensearchservice|redshift|msk)\./.test(callee)) site.nonEc2 = true;
    const { positional, keywords } = callArguments(node);
    if (site.count === undefined) site.count = countFrom(parsed, keywords, bindings);
    site.variant ??= stringValue(keywords.get('variant_name'));
    const labels = keywords.get('labels');
    if (labels?.type === 'dictionary') for (const [k, v] of dictEntries(labels)) words.push(`${k}=${stringValue(v) ?? ''}`);
    if (/ProductionVariant/.test(last) && !site.workload) {
      site.workload = 'inference';
      site.workloadReason = 'a SageMaker endpoint configuration serves inference';
    }
    if (last === 'InstanceType' || last === 'of') continue;
    const id = stringValue(positional[1]);
    if (id !== undefined && positional.length >= 2) {
      site.constructId = id;
      site.constructName = callee;
      break;
    }
    if (CAPACITY_METHOD_RE.test(last) && stringValue(positional[0]) !== undefined) {
      site.constructId = stringValue(positional[0]);
      site.constructName = callee;
      break;
    }
  }
  if (!site.workload && site.constructName) {
    const cls = site.constructName.slice(site.constructName.lastIndexOf('.') + 1);
    if (/EndpointConfig|Endpoint$|Inference/.test(cls)) {
      site.workload = 'inference';
      site.workloadReason = `${cls} serves inference`;
    }
  }
  if (!site.workload) {
    const text = [site.constructId ?? '', ...words].join(' ');
    const t = /train/i.test(text);
    const i = /infer|serving|endpoint|predict/i.test(text);
    if (t !== i) {
      site.workload = t ? 'training' : 'inference';
      site.workloadReason = `the construct id or node labels say ${site.workload}`;
    }
  }
  return site;
}

/** The one literal stack region in the file: `env=cdk.Environment(region="…")` or `env={"region": "…"}`. */
export function pyFileRegion(parsed: ParsedPython): string | undefined {
  const regions = new Set<string>();
  for (const kw of parsed.byType('keyword_argument')) {
    const name = kw.childForFieldName('name')?.text;
    const value = kw.childForFieldName('value');
    if (name === 'region' && kw.parent?.parent?.type === 'call') {
      const callee = dottedName(kw.parent.parent.childForFieldName('function')) ?? '';
      if (/(^|\.)Environment$/.test(callee)) {
        const r = stringValue(value);
        if (r) regions.add(r);
      }
    } else if (name === 'env' && value?.type === 'dictionary') {
      const r = stringValue(dictEntries(value).get('region'));
      if (r) regions.add(r);
    }
  }
  const valid = [...regions].filter(isRegion);
  return valid.length === 1 ? valid[0] : undefined;
}
