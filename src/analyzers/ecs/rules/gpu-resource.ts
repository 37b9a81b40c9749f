import type { RuleModule } from '../../../core/rule';
import { get, isTScalar, items, str } from '../../kubernetes/tree';
import type { ParsedEcs } from '../syntax';

/** resourceRequirements of type GPU in ECS container definitions and Batch container properties. */
export const gpuResource: RuleModule<ParsedEcs> = {
  meta: {
    id: 'ecs/gpu-resource',
    category: 'gpu-scheduling',
    severity: 'warning',
    effort: 'low',
    description: 'A GPU resource requirement (resourceRequirements type GPU) in an ECS task definition or an AWS Batch job definition.',
  },
  check(parsed, ctx) {
    for (const d of parsed.docs) {
      for (const c of d.containers) {
        for (const r of items(get(c, 'resourceRequirements'))) {
          const type = get(r, 'type');
          const value = str(get(r, 'value'));
          if (!isTScalar(type) || !/^gpu$/i.test(str(type) ?? '') || (value !== undefined && /^0*$/.test(value))) continue;
          const container = str(get(c, 'name'));
          ctx.report({
            start: type.start,
            end: type.end,
            message: `${d.kind === 'batch-job' ? 'Batch job definition' : 'Task definition'}${d.name ? ` ${d.name}` : ''}${container ? ` (container ${container})` : ''} requires ${value ?? 'a'} NVIDIA GPU${value === '1' ? '' : 's'}.`,
            advice:
              'ECS and Batch have no Neuron resource type: run on Inf2/Trn1 instances with the ECS-optimized Neuron AMI and expose the devices with `linuxParameters.devices` (`/dev/neuron0` …, read/write), then drop the GPU requirement.',
          });
        }
      }
    }
  },
};
