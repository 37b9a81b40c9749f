import type { RuleModule } from '../../../core/rule';
import { attr, fileRegions } from '../facts';
import type { ParsedTerraform } from '../syntax';
import { reportValueInstances } from '../values';

/** Instance types in variable defaults and locals: the values resources read through var.* and local.*. */
export const terraformVariableInstanceType: RuleModule<ParsedTerraform> = {
  meta: {
    id: 'terraform/variable-instance-type',
    category: 'gpu-instance',
    severity: 'warning',
    effort: 'medium',
    description: 'An instance type literal in a Terraform variable default or a local value (strings, lists and maps).',
    fixable: true,
  },
  check(parsed, ctx) {
    if (parsed.fileKind !== 'tf') return;
    const region = () => fileRegions(parsed).default;
    for (const b of parsed.body.blocks) {
      if (b.type === 'variable' && b.labels[0]) {
        const name = b.labels[0];
        const def = attr(b.body, 'default');
        if (!def) continue;
        const description = attr(b.body, 'description')?.value;
        reportValueInstances(ctx, def.value, {
          address: `var.${name}`,
          where: `variable "${name}" default`,
          names: [name, description?.kind === 'string' ? description.value : undefined],
          region,
        });
      } else if (b.type === 'locals') {
        for (const a of b.body.attributes) {
          reportValueInstances(ctx, a.value, { address: `local.${a.name}`, where: `local.${a.name}`, names: [a.name], region });
        }
      }
    }
  },
};
