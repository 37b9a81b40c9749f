import type { RuleModule } from '../../../core/rule';
import { reportInstance } from '../../shared/instance';
import { isRegion } from '../../shared/region';
import { resourceKey, templateFacts, workloadFromNames } from '../facts';
import { get, type CfnNode, type ParsedTemplate } from '../syntax';


function literals(n: CfnNode): Extract<CfnNode, { kind: 'scalar' }>[] {
  if (n.kind === 'scalar') return n.literal && !n.tag && typeof n.value === 'string' ? [n] : [];
  if (n.kind === 'seq') return n.items.flatMap(literals);
  return [];
}

/**
 * Instance types in `Mappings` (`RegionMap: { us-east-1: { GpuType: p4d.24xlarge } }`). Values
 * under different top-level keys are alternatives for one resource (one per region or
 * environment), so they share a resource key; a top-level key that is a region becomes the region.
 */
export const cloudformationMappingInstanceType: RuleModule<ParsedTemplate> = {
  meta: {
    id: 'cloudformation/mapping-instance-type',
    category: 'gpu-instance',
    severity: 'warning',
    effort: 'medium',
    description: 'An instance type as a value in a CloudFormation Mappings table (per region or per environment).',
    fixable: true,
  },
  check(parsed, ctx) {
    if (!parsed.root) return;
    const mappings = get(parsed.root, 'Mappings');
    if (mappings?.kind !== 'map') return;
    const usage = templateFacts(parsed.root).mappings;
    for (const { key: mapName, value: table } of mappings.entries) {
      if (table.kind !== 'map') continue;
      const used = usage.get(mapName);
      for (const { key: top, value: row } of table.entries) {
        if (row.kind !== 'map') continue;
        for (const { key: second, value } of row.entries) {
          for (const s of literals(value)) {
            reportInstance(ctx, {
              start: s.start,
              end: s.end,
              text: String(s.value),
              count: used?.count,
              workload: used?.workload ?? workloadFromNames([mapName, top, second]),
              region: isRegion(top) ? top : undefined,
              resourceKey: resourceKey(ctx.document, `Mappings.${mapName}.*.${second}`),
              where: `mapping ${mapName} › ${top} › ${second}${used ? `, used by ${used.users.join(', ')}` : ''}`,
            });
          }
        }
      }
    }
  },
};
