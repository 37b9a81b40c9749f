import type { RuleModule } from '../../../core/rule';
import { describeInstance } from '../../shared/instance';
import { resourceKey, templateFacts, workloadFromNames } from '../facts';
import { get, str, type CfnNode, type CfnScalar, type ParsedTemplate } from '../syntax';

function literal(n: CfnNode | undefined): CfnScalar | undefined {
  return n?.kind === 'scalar' && n.literal && !n.tag && typeof n.value === 'string' ? n : undefined;
}

/**
 * Instance types in template parameters. The `Default` is what a stack runs unless told otherwise,
 * so it is reported like a resource's type (with the count and workload of the resources that
 * `!Ref` it). `AllowedValues` are options: reported, at info, only when there is no instance-type
 * Default, so a template that only lists choices still shows up without doubling the totals (all
 * options share the parameter's resource key).
 */
export const cloudformationParameterInstanceType: RuleModule<ParsedTemplate> = {
  meta: {
    id: 'cloudformation/parameter-instance-type',
    category: 'gpu-instance',
    severity: 'warning',
    effort: 'medium',
    description: 'An instance type as a CloudFormation parameter Default (or, without a Default, among its AllowedValues).',
    fixable: true,
  },
  check(parsed, ctx) {
    if (!parsed.root) return;
    const params = get(parsed.root, 'Parameters');
    if (params?.kind !== 'map') return;
    const usage = templateFacts(parsed.root).params;
    for (const { key: name, value: param } of params.entries) {
      const used = usage.get(name);
      const description = str(get(param, 'Description'));
      const workload = used?.workload ?? workloadFromNames([name, description]);
      const where = `parameter ${name}${used ? `, used by ${used.users.join(', ')}` : ''}`;
      const site = { workload, count: used?.count, resourceKey: resourceKey(ctx.document, name) };
      const def = literal(get(param, 'Default'));
      const d = def && describeInstance({ ...site, start: def.start, end: def.end, text: String(def.value), where: `${where} (Default)` });
      if (d) {
        ctx.report(d);
        continue;
      }
      const allowed = get(param, 'AllowedValues');
      if (allowed?.kind !== 'seq') continue;
      for (const item of allowed.items) {
        const v = literal(item);
        const a = v && describeInstance({ ...site, start: v.start, end: v.end, text: String(v.value), where: `${where} (one of its AllowedValues; no Default)` });
        if (!a) continue;
        a.severity = 'info';
        ctx.report(a);
      }
    }
  },
};
