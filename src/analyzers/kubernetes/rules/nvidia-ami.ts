import type { RuleModule } from '../../../core/rule';
import { isTScalar, items, str } from '../tree';
import { pairsOf, type ParsedK8s } from '../syntax';

const AMI_TYPE = /^(AL2_x86_64_GPU|AL2023_(x86_64|ARM_64)_NVIDIA|BOTTLEROCKET_(x86_64|ARM_64)_NVIDIA(_FIPS)?)$/;
const AMI_SSM = /^\/aws\/service\/(eks\/optimized-ami\/[^/]+\/(amazon-linux-2-gpu|amazon-linux-2023\/[^/]+\/nvidia)|bottlerocket\/aws-k8s-[^/]+-nvidia)\//;
const AMI_NAME = /amazon-eks-gpu-node|eks-node-al2023-[^*]*nvidia|bottlerocket-aws-k8s-[\d.]+-nvidia/i;

/** EKS AMI types and AMI selectors that pick the NVIDIA-accelerated AMIs. */
export const nvidiaAmi: RuleModule<ParsedK8s> = {
  meta: {
    id: 'kubernetes/nvidia-ami',
    category: 'gpu-scheduling',
    severity: 'warning',
    effort: 'low',
    description: 'An EKS node AMI bound to NVIDIA: AMI types AL2_x86_64_GPU, AL2023_x86_64_NVIDIA, BOTTLEROCKET_x86_64_NVIDIA, the GPU AMI SSM parameters, or Karpenter AMI selectors naming the GPU AMIs.',
  },
  check(parsed, ctx) {
    for (const d of parsed.docs) {
      for (const { pair } of pairsOf(d)) {
        const values = isTScalar(pair.value) ? [pair.value] : items(pair.value).filter(isTScalar);
        for (const v of values) {
          const text = str(v) ?? '';
          const isType = AMI_TYPE.test(text);
          const isSsm = AMI_SSM.test(text);
          const isName = !isType && !isSsm && (pair.key === 'name' || pair.key === 'ami' || pair.key === 'alias') && AMI_NAME.test(text);
          if (!isType && !isSsm && !isName) continue;
          ctx.report({
            start: v.start,
            end: v.end,
            message: `${d.kind || 'Helm values'}${d.name ? ` ${d.name}` : ''} uses the NVIDIA-accelerated EKS AMI (${text}).`,
            advice: 'For Trainium/Inferentia node groups use the Neuron-accelerated AMI: AMI type AL2023_x86_64_NEURON (SSM /aws/service/eks/optimized-ami/<k8s version>/amazon-linux-2023/x86_64/neuron/recommended/image_id), or Bottlerocket with the Neuron variant.',
          });
        }
      }
    }
  },
};
