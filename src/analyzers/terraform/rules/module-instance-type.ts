import type { RuleModule } from '../../../core/rule';
import { attr, bodyCount, fileRegions, metaCount } from '../facts';
import type { ParsedTerraform, TfExpr } from '../syntax';
import { reportValueInstances } from '../values';

/** Module arguments that are not inputs to the module's resources. */
const META_ARGUMENTS = new Set(['source', 'version', 'providers', 'depends_on', 'count', 'for_each']);

function providerRegion(providers: TfExpr | undefined, regions: ReturnType<typeof fileRegions>): string | undefined {
  if (providers?.kind !== 'object') return regions.default;
  const aws = providers.entries.find((e) => e.key === 'aws')?.value;
  if (aws?.kind === 'ref' && aws.path.startsWith('aws.')) return regions.alias(aws.path.slice(4));
  return regions.default;
}

/**
 * Instance types passed to modules: `instance_type = "g5.2xlarge"`, and inside map inputs such as
 * terraform-aws-modules/eks's `eks_managed_node_groups = { gpu = { instance_types = [...] } }`.
 */
export const terraformModuleInstanceType: RuleModule<ParsedTerraform> = {
  meta: {
    id: 'terraform/module-instance-type',
    category: 'gpu-instance',
    severity: 'warning',
    effort: 'medium',
    description: 'An instance type literal passed to a Terraform module, directly or inside a map input such as EKS node groups.',
    fixable: true,
  },
  check(parsed, ctx) {
    if (parsed.fileKind !== 'tf') return;
    const regions = fileRegions(parsed);
    for (const b of parsed.body.blocks) {
      if (b.type !== 'module' || !b.labels[0]) continue;
      const name = b.labels[0];
      const region = () => providerRegion(attr(b.body, 'providers')?.value, regions);
      const copies = metaCount(b.body);
      const count = bodyCount(b.body);
      for (const a of b.body.attributes) {
        if (META_ARGUMENTS.has(a.name)) continue;
        reportValueInstances(ctx, a.value, {
          address: `module.${name}`,
          where: `module "${name}"`,
          rootPath: [a.name],
          names: [name],
          copies,
          count,
          region,
        });
      }
    }
  },
};
