import type { RuleModule } from '../../../core/rule';
import { nvidiaImageAdvice, nvidiaImageType } from '../../terraform/ami-types';
import { valueRefs } from '../facts';
import { get, getPath, resources, type CfnNode, type ParsedTemplate } from '../syntax';

/**
 * NVIDIA AMI types of EKS node groups (`AmiType: AL2023_x86_64_NVIDIA`) and AWS Batch image types
 * (`Ec2Configuration: [{ ImageType: ECS_AL2_NVIDIA }]`), in resources and in the parameter
 * defaults those properties `!Ref`.
 */
export const cloudformationNvidiaAmiType: RuleModule<ParsedTemplate> = {
  meta: {
    id: 'cloudformation/nvidia-ami-type',
    category: 'gpu-scheduling',
    severity: 'warning',
    effort: 'low',
    description: 'An EKS node group AmiType or Batch ImageType with the NVIDIA driver stack (AL2_x86_64_GPU, AL2023_x86_64_NVIDIA, BOTTLEROCKET_*_NVIDIA, ECS_AL2_NVIDIA).',
    fixable: true,
  },
  check(parsed, ctx) {
    const root = parsed.root;
    if (!root) return;
    const values: CfnNode[] = [];
    for (const r of resources(root)) {
      if (r.type === 'AWS::EKS::Nodegroup') {
        const v = get(r.props, 'AmiType');
        if (v) values.push(v);
      } else if (r.type === 'AWS::Batch::ComputeEnvironment') {
        const ec2 = getPath(r.props, 'ComputeResources', 'Ec2Configuration');
        for (const c of ec2?.kind === 'seq' ? ec2.items : []) {
          const v = get(c, 'ImageType');
          if (v) values.push(v);
        }
      }
    }
    const seen = new Set<number>();
    for (const v of values) {
      const refs = valueRefs(v);
      const scalars = [...refs.literals];
      for (const p of refs.params) {
        const d = getPath(root, 'Parameters', p, 'Default');
        if (d) scalars.push(...valueRefs(d).literals);
      }
      for (const s of scalars) {
        const t = nvidiaImageType(String(s.value));
        if (!t || seen.has(s.start)) continue;
        seen.add(s.start);
        ctx.report({
          start: s.start,
          end: s.end,
          message: `${t.kind === 'eks' ? 'EKS AMI type' : 'Batch image type'} ${t.value} installs the NVIDIA driver stack: these nodes are meant for NVIDIA GPUs.`,
          advice: nvidiaImageAdvice(t),
          fixes: t.replacement ? [{ title: `Replace with ${t.replacement}`, edits: [{ start: s.start, end: s.end, newText: t.replacement }] }] : undefined,
        });
      }
    }
    // Self-managed node groups resolve the GPU-optimized AMI from its public SSM parameter.
    const params = get(root, 'Parameters');
    for (const e of params?.kind === 'map' ? params.entries : []) {
      const type = get(e.value, 'Type');
      const d = get(e.value, 'Default');
      if (type?.kind !== 'scalar' || !/AWS::EC2::Image::Id/.test(String(type.value)) || d?.kind !== 'scalar') continue;
      const path = String(d.value ?? '');
      if (!GPU_AMI_SSM.test(path)) continue;
      ctx.report({
        start: d.start,
        end: d.end,
        message: `Parameter ${e.key} resolves the NVIDIA GPU-optimized AMI (${path}): these nodes are meant for NVIDIA GPUs.`,
        advice: 'On Trainium/Inferentia nodes resolve the Neuron-enabled EKS AMI instead (AL2023 `/aws/service/eks/optimized-ami/<version>/amazon-linux-2023/x86_64/neuron/recommended/image_id`), or let a managed node group use AmiType AL2023_x86_64_NEURON.',
      });
    }
  },
};

/** Public SSM parameters of the EKS/ECS/Bottlerocket GPU (NVIDIA) AMIs. */
const GPU_AMI_SSM = /^\/aws\/service\/(eks\/optimized-ami\/[^/]+\/(amazon-linux-2-gpu|amazon-linux-2023\/x86_64\/nvidia)\/|ecs\/optimized-ami\/amazon-linux-2(023)?\/gpu\/|bottlerocket\/aws-(k8s|ecs)-[^/]*-nvidia\/)/;
