import type { RuleContext, RuleModule } from '../../../core/rule';
import type { Workload } from '../../../core/types';
import { reportInstance } from '../../shared/instance';
import { get, getPath, isTMap, isTScalar, items, str, type TNode, type TScalar } from '../tree';
import { constraintsOf, workloadFromText, type K8sDoc, type ParsedK8s } from '../syntax';

const INSTANCE_TYPE_LABELS = new Set(['node.kubernetes.io/instance-type', 'beta.kubernetes.io/instance-type']);

function labelsText(n: TNode | undefined): string {
  return isTMap(n) ? n.pairs.map((p) => `${p.key}=${str(p.value) ?? ''}`).join(' ') : '';
}

function nodeGroupTypes(ng: TNode): TScalar[] {
  const out: TScalar[] = [];
  const one = get(ng, 'instanceType');
  if (isTScalar(one)) out.push(one);
  for (const v of items(get(ng, 'instanceTypes'))) if (isTScalar(v)) out.push(v);
  for (const v of items(getPath(ng, 'instancesDistribution', 'instanceTypes'))) if (isTScalar(v)) out.push(v);
  return out;
}

function eksctl(d: K8sDoc, ctx: RuleContext): void {
  const cluster = str(getPath(d.root, 'metadata', 'name')) ?? 'cluster';
  const region = str(getPath(d.root, 'metadata', 'region'));
  for (const group of ['nodeGroups', 'managedNodeGroups']) {
    for (const ng of items(get(d.root, group))) {
      const name = str(get(ng, 'name')) ?? '';
      const workload: Workload | undefined = workloadFromText(`${name} ${labelsText(get(ng, 'labels'))}`);
      const desired = Number(str(get(ng, 'desiredCapacity')) ?? str(get(ng, 'minSize')));
      for (const t of nodeGroupTypes(ng)) {
        const text = str(t);
        if (!text) continue;
        reportInstance(ctx, {
          start: t.start,
          end: t.end,
          text,
          workload,
          count: Number.isFinite(desired) && desired > 0 ? desired : undefined,
          region,
          resourceKey: `eksctl:${cluster}/${name}`,
          where: `eksctl node group ${name || '(unnamed)'}`,
        });
      }
    }
  }
}

/** Instance types in instance-type node labels, Karpenter requirements and eksctl node groups. */
export const instanceType: RuleModule<ParsedK8s> = {
  meta: {
    id: 'kubernetes/instance-type',
    category: 'gpu-instance',
    severity: 'warning',
    effort: 'medium',
    description: 'An EC2 instance type chosen in Kubernetes configuration: instance-type node selectors and affinities, Karpenter requirements, eksctl node groups; classified as GPU, x86 or already portable.',
    fixable: true,
  },
  check(parsed, ctx) {
    for (const d of parsed.docs) {
      if (d.kind === 'ClusterConfig' && /eksctl\.io/.test(d.apiVersion)) {
        eksctl(d, ctx);
        continue;
      }
      for (const c of constraintsOf(d)) {
        if (!INSTANCE_TYPE_LABELS.has(c.key) || c.operator !== 'In') continue;
        for (const v of c.values) {
          const text = str(v);
          if (!text) continue;
          reportInstance(ctx, {
            start: v.start,
            end: v.end,
            text,
            workload: d.workload,
            where: `${c.source}${d.name ? ` of ${d.kind} ${d.name}` : d.isValues ? ' (Helm values)' : ''}`,
          });
        }
      }
    }
  },
};
