import type { RuleModule } from '../../../core/rule';
import { reportInstance } from '../../shared/instance';
import { resourceKey, templateFacts } from '../facts';
import type { ParsedTemplate } from '../syntax';

/**
 * Instance types written into resources: EC2 instances, launch templates and configurations,
 * autoscaling overrides, EKS node groups, Batch, EMR, SageMaker endpoint configs and notebooks.
 * Values behind `!Ref` and `!FindInMap` are reported where they are written (parameters, mappings).
 */
export const cloudformationInstanceType: RuleModule<ParsedTemplate> = {
  meta: {
    id: 'cloudformation/instance-type',
    category: 'gpu-instance',
    severity: 'warning',
    effort: 'medium',
    description: 'An instance type literal in a CloudFormation/SAM resource property (InstanceType, InstanceTypes, overrides, production variants).',
    fixable: true,
  },
  check(parsed, ctx) {
    if (!parsed.root) return;
    for (const site of templateFacts(parsed.root).sites) {
      reportInstance(ctx, {
        start: site.scalar.start,
        end: site.scalar.end,
        text: String(site.scalar.value),
        count: site.count,
        workload: site.workload,
        resourceKey: resourceKey(ctx.document, site.key),
        where: site.where,
      });
    }
  },
};
