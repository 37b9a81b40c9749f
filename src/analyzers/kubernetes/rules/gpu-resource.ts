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
      // Limits and requests of the same resource in the same place (a container's `resources`, a
      // quota's `hard`) are one ask for GPUs: one finding, at the limits (Kubernetes requires them
      // for extended resources), whose fix renames both.
      const pairs = pairsOf(d);
      /** Each `limits:`/`requests:` map, to the map that holds it (a container's `resources`). */
      const holder = new Map<object, object>();
      for (const { pair, parent } of pairs) if ((pair.key === 'limits' || pair.key === 'requests') && pair.value) holder.set(pair.value, parent);
      /** Asks by the place both sides share, then by resource: each list is one finding. */
      const places = new Map<object, Map<string, Ask[]>>();
      for (const { pair, path, parent } of pairs) {
        const m = GPU_RESOURCE.exec(pair.key);
        const parentKey = path[path.length - 1] ?? '';
        if (!m || !RESOURCE_PARENTS.has(parentKey)) continue;
        const amount = str(pair.value);
        if (!isTScalar(pair.value) || amount === undefined || /^0+$/.test(amount.trim())) continue;
        const keyStart = pair.keyNode.start + (m[1]?.length ?? 0);
        const side = m[1] ? m[1].slice(0, -1) : parentKey;
        const ask: Ask = { start: pair.keyNode.start, end: pair.keyNode.end, keyStart, keyEnd: keyStart + m[2].length, resource: m[2], amount, limits: side === 'limits' };
        // The place both sides share: the quota's `hard` map, or the `resources` map above `limits`/`requests`.
        const place = side !== 'limits' && side !== 'requests' ? ask : m[1] ? parent : (holder.get(parent) ?? parent);
        let byResource = places.get(place);
        if (!byResource) places.set(place, (byResource = new Map()));
        byResource.set(ask.resource, [...(byResource.get(ask.resource) ?? []), ask]);
      }
      for (const group of [...places.values()].flatMap((byResource) => [...byResource.values()])) {
        const at = group.find((a) => a.limits) ?? group[0];
        const mig = at.resource.includes('mig-');
        const both = group.length > 1 ? ' (in limits and requests)' : '';
        ctx.report({
          start: at.start,
          end: at.end,
          message: `${d.kind || 'Helm values'}${d.name ? ` ${d.name}` : ''} requests ${at.amount} ${at.resource}${mig ? ' (an NVIDIA MIG slice)' : ''}${both}.`,
          advice: `Request Neuron devices instead: \`aws.amazon.com/neuron: ${at.amount}\` (whole Inferentia2/Trainium devices, 2 NeuronCores each on inf2/trn1) or \`aws.amazon.com/neuroncore\` for single NeuronCores; install the Neuron device plugin (and the Neuron scheduler extension for contiguous core allocation) on the Trn/Inf nodes.`,
          fixes: mig ? undefined : [{ title: `Rename ${at.resource} to aws.amazon.com/neuron`, edits: group.map((a) => ({ start: a.keyStart, end: a.keyEnd, newText: 'aws.amazon.com/neuron' })) }],
        });
      }
    }
  },
};

/** One `nvidia.com/gpu: N` (or MIG slice) entry. */
interface Ask {
  start: number;
  end: number;
  /** The resource name within the key (after a `requests.`/`limits.` prefix). */
  keyStart: number;
  keyEnd: number;
  resource: string;
  amount: string;
  /** Under `limits` (or `limits.` in a quota). */
  limits: boolean;
}
