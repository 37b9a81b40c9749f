import type { RuleModule } from '../../../core/rule';
import { fileRegions } from '../facts';
import type { ParsedTerraform } from '../syntax';
import { reportValueInstances } from '../values';

/**
 * Instance types set in .tfvars files. A value keeps the key of its variable
 * ("terraform:var.gpu_type"), so the variable's default and this value are one resource.
 */
export const terraformTfvarsInstanceType: RuleModule<ParsedTerraform> = {
  meta: {
    id: 'terraform/tfvars-instance-type',
    category: 'gpu-instance',
    severity: 'warning',
    effort: 'medium',
    description: 'An instance type literal set as a variable value in a .tfvars or .tfvars.json file.',
    fixable: true,
  },
  check(parsed, ctx) {
    if (parsed.fileKind !== 'tfvars') return;
    const region = () => fileRegions(parsed).default;
    for (const a of parsed.body.attributes) {
      reportValueInstances(ctx, a.value, { address: `var.${a.name}`, where: `${ctx.document.baseName} value of var.${a.name}`, names: [a.name], region });
    }
  },
};
