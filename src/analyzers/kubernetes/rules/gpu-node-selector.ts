import type { RuleContext, RuleModule } from '../../../core/rule';
import { constraintsOf, type Constraint, type ParsedK8s } from '../syntax';

const ADVICE =
  'Schedule onto Neuron nodes instead: select them by instance type (`node.kubernetes.io/instance-type: trn1.32xlarge` or `inf2.xlarge`) or, with Karpenter, `karpenter.k8s.aws/instance-family: In [trn1, inf2]`, and request `aws.amazon.com/neuron` resources.';

/** GPU families on EC2 (NVIDIA): p2–p6, g3–g6 (g4ad is AMD), gr6. */
const GPU_FAMILY = /^(p[2-6][a-z0-9-]*|g[3-6](?!ad)[a-z0-9-]*|gr6)$/;
const POSITIVE_OPS = new Set(['In', 'Exists', 'Gt']);

function isTruthyLabel(c: Constraint): boolean {
  if (c.operator === 'Exists' || c.operator === 'Gt') return true;
  return c.values.some((v) => !/^(false|0|)$/i.test(String(v.value ?? '')));
}

function report(ctx: RuleContext, start: number, end: number, message: string): void {
  ctx.report({ start, end, message, advice: ADVICE });
}

/** nodeSelector, node affinity and Karpenter requirements on GPU node labels. */
export const gpuNodeSelector: RuleModule<ParsedK8s> = {
  meta: {
    id: 'kubernetes/gpu-node-selector',
    category: 'gpu-scheduling',
    severity: 'warning',
    effort: 'low',
    description: 'A nodeSelector, node affinity or Karpenter requirement that selects NVIDIA GPU nodes (nvidia.com/gpu.* labels, accelerator labels, instance-gpu-* requirements, GPU instance families and categories).',
  },
  check(parsed, ctx) {
    for (const d of parsed.docs) {
      for (const c of constraintsOf(d)) {
        if (!POSITIVE_OPS.has(c.operator)) continue;
        const where = `${c.source}${d.name ? ` in ${d.kind} ${d.name}` : ''}`;
        const k = c.key;
        if (/^nvidia\.com\//.test(k) || k === 'feature.node.kubernetes.io/pci-10de.present') {
          if (isTruthyLabel(c)) report(ctx, c.keyNode.start, c.keyNode.end, `The ${where} selects NVIDIA GPU nodes by the label ${k}.`);
        } else if (k === 'k8s.amazonaws.com/accelerator' || k === 'cloud.google.com/gke-accelerator' || k === 'accelerator') {
          const gpuValues = c.values.filter((v) => /nvidia|tesla|gpu|a100|h100|h200|a10g?|l4|l40|t4|v100|k80/i.test(String(v.value ?? '')));
          if (c.operator === 'Exists' && k !== 'accelerator') report(ctx, c.keyNode.start, c.keyNode.end, `The ${where} selects GPU nodes by the label ${k}.`);
          for (const v of gpuValues) report(ctx, v.start, v.end, `The ${where} selects GPU nodes (${k}: ${v.value}).`);
        } else if (k === 'karpenter.k8s.aws/instance-gpu-count' || k === 'karpenter.k8s.aws/instance-gpu-name' || k === 'karpenter.k8s.aws/instance-gpu-memory') {
          const positive = c.operator !== 'In' || c.values.some((v) => !/^0*$/.test(String(v.value ?? '')));
          if (positive) report(ctx, c.keyNode.start, c.keyNode.end, `The ${where} asks Karpenter for GPU instances (${k}).`);
        } else if (k === 'karpenter.k8s.aws/instance-gpu-manufacturer') {
          for (const v of c.values) if (/nvidia/i.test(String(v.value))) report(ctx, v.start, v.end, `The ${where} asks Karpenter for NVIDIA GPU instances.`);
          if (c.operator === 'Exists') report(ctx, c.keyNode.start, c.keyNode.end, `The ${where} asks Karpenter for GPU instances (${k}).`);
        } else if (k === 'karpenter.k8s.aws/instance-family' && c.operator === 'In') {
          for (const v of c.values) if (GPU_FAMILY.test(String(v.value))) report(ctx, v.start, v.end, `The ${where} allows the GPU instance family ${v.value}.`);
        } else if (k === 'karpenter.k8s.aws/instance-category' && c.operator === 'In') {
          for (const v of c.values) if (/^(p|g)$/.test(String(v.value))) report(ctx, v.start, v.end, `The ${where} allows the GPU instance category ${v.value}.`);
        }
      }
    }
  },
};
