import type { RuleModule } from '../../../core/rule';
import { getPath, isTScalar, str } from '../../kubernetes/tree';
import type { ParsedEcs } from '../syntax';

/** runtimePlatform.cpuArchitecture: X86_64 in ECS task definitions and Batch container properties. */
export const x86Architecture: RuleModule<ParsedEcs> = {
  meta: {
    id: 'ecs/x86-architecture',
    category: 'x86-code',
    severity: 'warning',
    effort: 'low',
    description: 'An ECS task definition or Batch job definition that pins runtimePlatform.cpuArchitecture to X86_64.',
    fixable: true,
  },
  check(parsed, ctx) {
    for (const d of parsed.docs) {
      for (const p of d.platforms) {
        const arch = getPath(p, 'runtimePlatform', 'cpuArchitecture');
        if (!isTScalar(arch) || str(arch) !== 'X86_64') continue;
        ctx.report({
          start: arch.start,
          end: arch.end,
          message: `${d.kind === 'batch-job' ? 'Batch job definition' : 'Task definition'}${d.name ? ` ${d.name}` : ''} pins cpuArchitecture X86_64.`,
          advice: 'Use ARM64 (Graviton; on Fargate about 20% cheaper per vCPU-hour) once the images are multi-arch or arm64.',
          fixes: [{ title: 'Use ARM64', edits: [{ start: arch.start, end: arch.end, newText: 'ARM64' }] }],
        });
      }
    }
  },
};
