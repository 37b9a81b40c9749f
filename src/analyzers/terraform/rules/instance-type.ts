import type { RuleModule } from '../../../core/rule';
import type { Workload } from '../../../core/types';
import { reportInstance } from '../../shared/instance';
import {
  attr,
  bodyCount,
  fileRegions,
  literalStrings,
  mapWords,
  metaCount,
  multiply,
  regionFor,
  resourceKey,
  workloadFromNames,
} from '../facts';
import type { ParsedTerraform, TfBlock, TfBody, TfExpr } from '../syntax';

/** Arguments that hold the instance type(s) a resource runs; `allowed_`/`excluded_` lists are filters, not choices. */
export function isInstanceTypeArgument(name: string): boolean {
  return /instance_types?$/.test(name) && !/^(allowed|excluded)_/.test(name);
}

/** Nested blocks that are separately deployed groups of instances inside one resource. */
const GROUP_BLOCKS = new Set([
  'production_variants',
  'shadow_production_variants',
  'master_instance_group',
  'core_instance_group',
  'task_instance_group',
  'master_instance_fleet',
  'core_instance_fleet',
]);

function typeWorkload(type: string): { workload?: Workload; note?: string } {
  if (type === 'aws_sagemaker_notebook_instance') return { workload: 'inference', note: 'a SageMaker notebook instance: interactive development, counterpart sized as for inference' };
  if (/^aws_sagemaker_(endpoint|inference)/.test(type)) return { workload: 'inference' };
  if (type === 'aws_batch_compute_environment') return { workload: 'training', note: 'a Batch compute environment: assumed to run training jobs' };
  return {};
}

function collectRefs(body: TfBody, out: string[] = []): string[] {
  const visit = (e: TfExpr) => {
    if (e.kind === 'ref') out.push(e.path);
    else if (e.kind === 'tuple') e.items.forEach(visit);
    else if (e.kind === 'object') e.entries.forEach((en) => visit(en.value));
    else if (e.kind === 'other') e.parts.forEach(visit);
  };
  for (const a of body.attributes) visit(a.value);
  for (const b of body.blocks) collectRefs(b.body, out);
  return out;
}

interface Referrer {
  count?: number;
  names: string[];
}

/**
 * Launch templates and launch configurations run as many instances as the autoscaling groups
 * and node groups in the same file that use them.
 */
function launchReferrers(resources: TfBlock[]): Map<string, Referrer> {
  const out = new Map<string, Referrer>();
  for (const r of resources) {
    const [type, name] = r.labels;
    if (type === 'aws_launch_template' || type === 'aws_launch_configuration') continue;
    const targets = new Set(
      collectRefs(r.body)
        .filter((p) => /^aws_launch_(template|configuration)\.[^.]+/.test(p))
        .map((p) => p.split('.').slice(0, 2).join('.')),
    );
    for (const t of targets) {
      const prev = out.get(t) ?? { names: [] };
      const c = multiply(metaCount(r.body), bodyCount(r.body));
      prev.count = c === undefined && prev.count === undefined ? undefined : (prev.count ?? 0) + (c ?? 1);
      prev.names.push(name, ...nameWords(r.body));
      out.set(t, prev);
    }
  }
  return out;
}

function nameWords(body: TfBody): string[] {
  const words: string[] = [];
  for (const n of ['name', 'node_group_name', 'name_prefix', 'endpoint_config_name', 'notebook_instance_name', 'compute_environment_name']) {
    const v = attr(body, n)?.value;
    if (v?.kind === 'string') words.push(v.value);
  }
  words.push(...mapWords(attr(body, 'labels')?.value), ...mapWords(attr(body, 'tags')?.value));
  return words;
}

/** Instance types of Terraform resources: instances, launch templates, node groups, Batch, EMR, SageMaker. */
export const terraformInstanceType: RuleModule<ParsedTerraform> = {
  meta: {
    id: 'terraform/instance-type',
    category: 'gpu-instance',
    severity: 'warning',
    effort: 'medium',
    description: 'An instance type literal in a Terraform resource (instance_type, instance_types, overrides, node groups, SageMaker variants).',
    fixable: true,
  },
  check(parsed, ctx) {
    if (parsed.fileKind !== 'tf') return;
    const regions = fileRegions(parsed);
    const resources = parsed.body.blocks.filter((b) => b.type === 'resource' && b.labels.length >= 2);
    const referrers = launchReferrers(resources);
    for (const r of resources) {
      const [type, name] = r.labels;
      const address = `${type}.${name}`;
      const fromType = typeWorkload(type);
      const referrer = referrers.get(address);
      const resourceWorkload = fromType.workload ?? workloadFromNames([name, ...nameWords(r.body), ...(referrer?.names ?? [])]);
      const region = () => regionFor(regions, r.body);
      const copies = metaCount(r.body);

      const visit = (body: TfBody, chain: { type: string; index?: number; body: TfBody }[]) => {
        for (const a of body.attributes) {
          if (!isInstanceTypeArgument(a.name)) continue;
          // Innermost stated count wins (an EMR group's instance_count, a variant's initial_instance_count).
          let count: number | undefined;
          for (const link of [...chain].reverse()) {
            count = bodyCount(link.body);
            if (count !== undefined) break;
          }
          count ??= bodyCount(r.body) ?? referrer?.count;
          count = multiply(copies, count);
          const groups = chain.filter((l) => GROUP_BLOCKS.has(l.type));
          const suffix = groups.map((g) => `.${g.type}${g.index !== undefined ? `[${g.index}]` : ''}`).join('');
          const where = `${address}${chain.length ? ` (${chain.map((l) => l.type).join(' › ')})` : ''}${fromType.note ? `, ${fromType.note}` : ''}`;
          for (const str of literalStrings(a.value)) {
            reportInstance(ctx, {
              start: str.start,
              end: str.end,
              text: str.value,
              workload: resourceWorkload,
              count,
              region,
              resourceKey: resourceKey(ctx.document, address + suffix),
              where,
            });
          }
        }
        const seen = new Map<string, number>();
        for (const b of body.blocks) {
          const siblings = body.blocks.filter((x) => x.type === b.type).length;
          const index = seen.get(b.type) ?? 0;
          seen.set(b.type, index + 1);
          visit(b.body, [...chain, { type: b.type, index: siblings > 1 ? index : undefined, body: b.body }]);
        }
      };
      visit(r.body, []);
    }
  },
};
