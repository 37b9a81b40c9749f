import type { RuleModule } from '../../../core/rule';
import { get, isTMap, isTScalar, items, str } from '../tree';
import { pairsOf, type ParsedK8s } from '../syntax';

/** Tolerations of, and taints for, nvidia.com/gpu. */
export const gpuToleration: RuleModule<ParsedK8s> = {
  meta: {
    id: 'kubernetes/gpu-toleration',
    category: 'gpu-scheduling',
    severity: 'info',
    effort: 'low',
    description: 'A toleration for the nvidia.com/gpu taint, or a node group / NodePool that taints its nodes with nvidia.com/gpu.',
  },
  check(parsed, ctx) {
    for (const d of parsed.docs) {
      for (const { pair } of pairsOf(d)) {
        if (pair.key !== 'tolerations' && pair.key !== 'taints') continue;
        const what = pair.key === 'tolerations' ? 'tolerates the NVIDIA GPU taint' : 'taints its nodes for NVIDIA GPUs';
        const advice =
          pair.key === 'tolerations'
            ? 'Tolerate the taint your Neuron nodes carry instead (e.g. `aws.amazon.com/neuron` with effect NoSchedule), and taint the Trn/Inf node group accordingly.'
            : 'Taint the Trainium/Inferentia node group with `aws.amazon.com/neuron` (effect NoSchedule) instead, and tolerate that in the workloads.';
        for (const it of items(pair.value)) {
          const key = get(it, 'key');
          if (isTScalar(key) && /^nvidia\.com\//.test(str(key) ?? '')) {
            ctx.report({ start: key.start, end: key.end, message: `${d.kind || 'Helm values'}${d.name ? ` ${d.name}` : ''} ${what} (${str(key)}).`, advice });
          }
        }
        // eksctl's map form: taints: { nvidia.com/gpu: "true:NoSchedule" }.
        if (isTMap(pair.value)) {
          for (const p of pair.value.pairs) {
            if (/^nvidia\.com\//.test(p.key)) ctx.report({ start: p.keyNode.start, end: p.keyNode.end, message: `${d.kind}${d.name ? ` ${d.name}` : ''} ${what} (${p.key}).`, advice });
          }
        }
      }
    }
  },
};
