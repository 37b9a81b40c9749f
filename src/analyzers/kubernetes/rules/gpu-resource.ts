import type { RuleModule } from '../../../core/rule';
import { isTScalar, str } from '../tree';
import { pairsOf, type ParsedK8s } from '../syntax';

const GPU_RESOURCE = /^((?:requests|limits)\.)?(nvidia\.com\/(?:gpu(?:\.shared)?|mig-[\w.-]+))$/;
const RESOURCE_PARENTS = new Set(['limits', 'requests', 'hard', 'default', 'defaultRequest', 'max', 'min', 'maxLimitRequestRatio', 'capacity', 'allocatable', 'resources']);

/** `nvidia.com/gpu` (and MIG slices) in container resources, quotas and limit ranges. */
export const gpuResource: RuleModule<ParsedK8s> = {
  meta: {
    id: 'kubernetes/gpu-resource',
    category: 'gpu-scheduling',
    severity: 'warning',
    effort: 'low',
    description: 'A Kubernetes resource request, limit or quota for NVIDIA GPUs (nvidia.com/gpu, nvidia.com/mig-*), in manifests and Helm values.',
    fixable: true,
  },
  check(parsed, ctx) {
    for (const d of parsed.docs) {
      for (const { pair, path } of pairsOf(d)) {
        const m = GPU_RESOURCE.exec(pair.key);
        if (!m || !RESOURCE_PARENTS.has(path[path.length - 1] ?? '')) continue;
        const amount = str(pair.value);
        if (!isTScalar(pair.value) || amount === undefined || /^0+$/.test(amount.trim())) continue;
        const mig = m[2].includes('mig-');
        const keyStart = pair.keyNode.start + (m[1]?.length ?? 0);
        const keyEnd = keyStart + m[2].length;
        ctx.report({
          start: pair.keyNode.start,
          end: pair.keyNode.end,
          message: `${d.kind || 'Helm values'}${d.name ? ` ${d.name}` : ''} requests ${amount} ${m[2]}${mig ? ' (an NVIDIA MIG slice)' : ''}.`,
          advice: `Request Neuron devices instead: \`aws.amazon.com/neuron: ${amount}\` (whole Inferentia2/Trainium devices, 2 NeuronCores each on inf2/trn1) or \`aws.amazon.com/neuroncore\` for single NeuronCores; install the Neuron device plugin (and the Neuron scheduler extension for contiguous core allocation) on the Trn/Inf nodes.`,
          fixes: mig ? undefined : [{ title: `Rename ${m[2]} to aws.amazon.com/neuron`, edits: [{ start: keyStart, end: keyEnd, newText: 'aws.amazon.com/neuron' }] }],
        });
      }
    }
  },
};
