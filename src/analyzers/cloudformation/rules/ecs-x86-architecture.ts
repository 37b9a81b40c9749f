import type { RuleModule } from '../../../core/rule';
import { getPath, resources, type ParsedTemplate } from '../syntax';

/** `RuntimePlatform: { CpuArchitecture: X86_64 }` on an AWS::ECS::TaskDefinition. */
export const cloudformationEcsX86Architecture: RuleModule<ParsedTemplate> = {
  meta: {
    id: 'cloudformation/ecs-x86-architecture',
    category: 'x86-code',
    severity: 'warning',
    effort: 'low',
    description: 'An ECS task definition pinned to X86_64 by RuntimePlatform.CpuArchitecture in CloudFormation.',
    fixable: true,
  },
  check(parsed, ctx) {
    if (!parsed.root) return;
    for (const r of resources(parsed.root)) {
      if (r.type !== 'AWS::ECS::TaskDefinition') continue;
      const v = getPath(r.props, 'RuntimePlatform', 'CpuArchitecture');
      if (v?.kind !== 'scalar' || v.tag || !v.literal || String(v.value).toUpperCase() !== 'X86_64') continue;
      ctx.report({
        start: v.start,
        end: v.end,
        message: `ECS task definition ${r.id} runs on X86_64.`,
        advice: 'Build the task\'s images for linux/arm64 (or multi-arch) and set CpuArchitecture: ARM64 to run on Graviton (Fargate or Graviton EC2 capacity).',
        fixes: [{ title: 'Use ARM64 (Graviton)', edits: [{ start: v.start, end: v.end, newText: 'ARM64' }] }],
      });
    }
  },
};
