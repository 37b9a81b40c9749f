import type { RuleModule } from '../../../core/rule';
import { get, resources, str, type CfnNode, type ParsedTemplate } from '../syntax';

/**
 * GPU requests in ECS task definitions and Batch job definitions: a `ResourceRequirements` entry
 * with `Type: GPU` (any depth: ContainerDefinitions, ContainerProperties, NodeRangeProperties),
 * and `nvidia.com/gpu` limits or requests in Batch EKS properties.
 */
export const cloudformationGpuResourceRequirement: RuleModule<ParsedTemplate> = {
  meta: {
    id: 'cloudformation/gpu-resource-requirement',
    category: 'gpu-scheduling',
    severity: 'warning',
    effort: 'medium',
    description: 'A GPU resource requirement in an ECS task definition or Batch job definition (ResourceRequirements Type: GPU, nvidia.com/gpu).',
  },
  check(parsed, ctx) {
    if (!parsed.root) return;
    for (const r of resources(parsed.root)) {
      if (r.type !== 'AWS::ECS::TaskDefinition' && r.type !== 'AWS::Batch::JobDefinition') continue;
      const visit = (n: CfnNode | undefined, key?: string) => {
        if (!n) return;
        if (n.kind === 'seq') {
          for (const item of n.items) {
            const type = get(item, 'Type');
            if (key === 'ResourceRequirements' && type?.kind === 'scalar' && type.literal && !type.tag && str(type)?.toUpperCase() === 'GPU') {
              ctx.report({
                start: type.start,
                end: type.end,
                message: `${r.id} (${r.type}) requests NVIDIA GPUs (ResourceRequirements Type: GPU${str(get(item, 'Value')) ? `, ${str(get(item, 'Value'))}` : ''}).`,
                advice: 'On Trainium/Inferentia capacity, expose Neuron devices to the container instead (ECS: linuxParameters devices /dev/neuron*; Batch on EKS: aws.amazon.com/neuron resources) and run on trn/inf instances.',
              });
            } else visit(item, key);
          }
          return;
        }
        if (n.kind !== 'map') return;
        for (const e of n.entries) {
          if (e.key === 'nvidia.com/gpu' && e.value.kind === 'scalar') {
            ctx.report({
              start: e.value.start,
              end: e.value.end,
              message: `${r.id} (${r.type}) requests nvidia.com/gpu.`,
              advice: 'Request aws.amazon.com/neuron (or aws.amazon.com/neuroncore) on Trainium/Inferentia nodes with the Neuron device plugin.',
            });
          } else visit(e.value, e.key);
        }
      };
      visit(r.props);
    }
  },
};
