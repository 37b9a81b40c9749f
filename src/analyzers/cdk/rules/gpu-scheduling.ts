import type { RuleModule } from '../../../core/rule';
import { contentRange, lastMemberName, literalInt, memberName, nodesOfType, propertyKey, type Node, type ParsedCdk } from '../syntax';

const NEURON_AMI = 'AL2023_X86_64_NEURON';
const GPU_AMI_RE = /(GPU|NVIDIA)/i;

function enclosingNewCallee(parsed: ParsedCdk, node: Node): string | undefined {
  for (let p = parsed.parent(node); p; p = parsed.parent(p)) {
    if (p.type === 'NewExpression' || p.type === 'CallExpression') return memberName(p.callee);
  }
  return undefined;
}

/**
 * GPU scheduling in CDK: NVIDIA node-group AMI types, ECS GPU-optimised AMIs, EKS GPU node types,
 * GPU counts in ECS/Batch container definitions and `type: 'GPU'` resource requirements.
 */
export const cdkGpuScheduling: RuleModule<ParsedCdk> = {
  meta: {
    id: 'cdk/gpu-scheduling',
    category: 'gpu-scheduling',
    severity: 'warning',
    effort: 'low',
    description: 'GPU scheduling in a CDK app: NVIDIA node-group AMI types, ECS GPU AMIs, EKS GPU node types and GPU counts in container definitions.',
    fixable: true,
  },
  check(parsed, ctx) {
    for (const n of nodesOfType(parsed, 'MemberExpression', 'Property')) {
      if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') {
        const enumName = lastMemberName(n.object);
        const member = n.property.name;
        const prop = n.property;
        if (enumName === 'NodegroupAmiType' && GPU_AMI_RE.test(member)) {
          ctx.report({
            start: n.range[0],
            end: n.range[1],
            message: `EKS node group uses the NVIDIA GPU AMI type ${member}.`,
            advice: `Trainium and Inferentia node groups use the Neuron AMI type (NodegroupAmiType.${NEURON_AMI}) with the Neuron device plugin; request aws.amazon.com/neuron instead of nvidia.com/gpu.`,
            fixes: [{ title: `Use NodegroupAmiType.${NEURON_AMI}`, edits: [{ start: prop.range[0], end: prop.range[1], newText: NEURON_AMI }] }],
          });
        } else if (enumName === 'AmiHardwareType' && member === 'GPU') {
          ctx.report({
            start: n.range[0],
            end: n.range[1],
            message: 'ECS-optimised GPU AMI (AmiHardwareType.GPU): NVIDIA drivers and container runtime.',
            advice: 'For Inferentia/Trainium container instances use AmiHardwareType.NEURON (the ECS-optimised Neuron AMI) and map the /dev/neuron devices into the task.',
            fixes: [{ title: 'Use AmiHardwareType.NEURON', edits: [{ start: prop.range[0], end: prop.range[1], newText: 'NEURON' }] }],
          });
        } else if (enumName === 'NodeType' && member === 'GPU') {
          ctx.report({
            start: n.range[0],
            end: n.range[1],
            message: 'EKS-optimised GPU image (NodeType.GPU).',
            advice: 'Use NodeType.TRAINIUM or NodeType.INFERENTIA images for Neuron instances, with the Neuron device plugin.',
          });
        }
      } else if (n.type === 'Property' && !n.computed) {
        const key = propertyKey(n);
        if (key === 'gpuCount' || key === 'gpu') {
          const count = literalInt(n.value as Node);
          if (!count) continue;
          if (key === 'gpu' && !/ContainerDefinition|JobDefinition/.test(enclosingNewCallee(parsed, n) ?? '')) continue;
          ctx.report({
            start: n.range[0],
            end: n.range[1],
            message: `Container requests ${count} NVIDIA GPU${count > 1 ? 's' : ''} (${key}: ${count}).`,
            advice: 'On Inferentia/Trainium, map the Neuron devices (linuxParameters devices /dev/neuron0 …) instead of requesting GPUs, and run on a Neuron AMI.',
          });
        }
      }
    }
    for (const { node, value } of parsed.strings) {
      // Both cases below need a value naming GPUs ('GPU' matches GPU_AMI_RE too): most strings go here.
      if (!GPU_AMI_RE.test(value)) continue;
      const p = parsed.parent(node);
      if (p?.type !== 'Property' || p.key === node) continue;
      const key = propertyKey(p);
      const r = contentRange(node);
      if (key === 'amiType' && GPU_AMI_RE.test(value)) {
        ctx.report({
          start: r.start,
          end: r.end,
          message: `EKS node group uses the NVIDIA GPU AMI type ${value}.`,
          advice: 'Trainium and Inferentia node groups use the Neuron AMI type (AL2023_x86_64_NEURON) with the Neuron device plugin.',
          fixes: [{ title: 'Use AL2023_x86_64_NEURON', edits: [{ start: r.start, end: r.end, newText: 'AL2023_x86_64_NEURON' }] }],
        });
      } else if (key === 'type' && value === 'GPU') {
        const arr = parsed.parent(parsed.parent(p)!);
        const holder = arr?.type === 'ArrayExpression' ? parsed.parent(arr) : undefined;
        if (holder?.type !== 'Property' || propertyKey(holder) !== 'resourceRequirements') continue;
        ctx.report({
          start: r.start,
          end: r.end,
          message: 'Container resource requirement of type GPU (NVIDIA).',
          advice: 'On Inferentia/Trainium, map the Neuron devices (/dev/neuron*) into the container instead of a GPU resource requirement.',
        });
      }
    }
  },
};
