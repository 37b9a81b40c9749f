import type { RuleModule } from '../../../core/rule';
import { blocks } from '../facts';
import type { ParsedTerraform } from '../syntax';

/** `runtime_platform { cpu_architecture = "X86_64" }` on an ECS task definition. */
export const terraformEcsX86Architecture: RuleModule<ParsedTerraform> = {
  meta: {
    id: 'terraform/ecs-x86-architecture',
    category: 'x86-code',
    severity: 'warning',
    effort: 'low',
    description: 'An ECS task definition pinned to X86_64 by runtime_platform.cpu_architecture in Terraform.',
    fixable: true,
  },
  check(parsed, ctx) {
    if (parsed.fileKind !== 'tf') return;
    for (const b of parsed.body.blocks) {
      if (b.type !== 'resource' || b.labels[0] !== 'aws_ecs_task_definition') continue;
      for (const rp of blocks(b.body, 'runtime_platform')) {
        const v = rp.body.attributes.find((a) => a.name === 'cpu_architecture')?.value;
        if (v?.kind !== 'string' || v.value.toUpperCase() !== 'X86_64') continue;
        ctx.report({
          start: v.start,
          end: v.end,
          message: `ECS task definition ${b.labels[1]} runs on X86_64.`,
          advice: 'Build the task\'s images for linux/arm64 (or multi-arch) and set cpu_architecture = "ARM64" to run on Graviton (Fargate or Graviton EC2 capacity).',
          fixes: [{ title: 'Use ARM64 (Graviton)', edits: [{ start: v.start, end: v.end, newText: 'ARM64' }] }],
        });
      }
    }
  },
};
