import type { RuleModule } from '../../../core/rule';
import { classifyImage } from '../../shared/cuda-images';
import { get, isTScalar, str } from '../tree';
import { imagesOf, pairsOf, type ParsedK8s } from '../syntax';

const ADVICE =
  'On Trainium/Inferentia nodes deploy the Neuron device plugin (and the Neuron scheduler extension, Neuron monitor) instead — the EKS Neuron Helm chart `oci://public.ecr.aws/neuron/neuron-helm-chart` installs them — and use an EKS AMI with the Neuron driver (AL2023_x86_64_NEURON).';
const NVIDIA_CHARTS = /^(nvidia-device-plugin|gpu-operator|gpu-feature-discovery|dcgm-exporter|k8s-device-plugin|nvidia\/.+)$/;

/** The NVIDIA device plugin, GPU operator and their operands; GPU operator ClusterPolicy; Helm references to them. */
export const nvidiaDevicePlugin: RuleModule<ParsedK8s> = {
  meta: {
    id: 'kubernetes/nvidia-device-plugin',
    category: 'gpu-scheduling',
    severity: 'warning',
    effort: 'low',
    description: 'The NVIDIA Kubernetes device plugin or GPU operator: their images (nvcr.io/nvidia/k8s-device-plugin …), a GPU operator ClusterPolicy, or a Helm release / Argo CD application of their charts.',
  },
  check(parsed, ctx) {
    for (const d of parsed.docs) {
      if (d.kind === 'ClusterPolicy' && /^nvidia\.com\//.test(d.apiVersion)) {
        const kind = get(d.root, 'kind');
        if (isTScalar(kind)) ctx.report({ start: kind.start, end: kind.end, message: `NVIDIA GPU operator ClusterPolicy${d.name ? ` ${d.name}` : ''}.`, advice: ADVICE });
      }
      for (const img of imagesOf(d)) {
        const c = classifyImage(img.ref);
        if (c?.kind !== 'nvidia-k8s') continue;
        ctx.report({ start: img.node.start, end: img.node.end, message: `${d.kind || 'Helm values'}${d.name ? ` ${d.name}` : ''} deploys ${c.reason} (${img.ref}).`, advice: ADVICE });
      }
      for (const { pair, parent } of pairsOf(d)) {
        if (pair.key !== 'chart' || !isTScalar(pair.value)) continue;
        const chart = str(pair.value) ?? '';
        const repo = str(get(parent, 'repoURL')) ?? str(get(parent, 'repo')) ?? '';
        if (NVIDIA_CHARTS.test(chart) && (/nvidia|ngc/i.test(repo) || /^(nvidia-device-plugin|gpu-operator)$/.test(chart) || chart.startsWith('nvidia/'))) {
          ctx.report({ start: pair.value.start, end: pair.value.end, message: `${d.kind}${d.name ? ` ${d.name}` : ''} installs the NVIDIA Helm chart ${chart}.`, advice: ADVICE });
        }
      }
    }
  },
};
