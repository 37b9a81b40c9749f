import { INSTANCE_TYPE_SCAN_RE } from '../../../core/catalog';
import type { RuleModule } from '../../../core/rule';
import { reportInstance } from '../../shared/instance';
import { get, getPath, isTScalar, items, str } from '../../kubernetes/tree';
import type { ParsedEcs } from '../syntax';

const GPU_FAMILY = /^(p[2-6][a-z0-9-]*|g[3-6](?!ad)[a-z0-9-]*|gr6)$/;

/** Batch compute environment instanceTypes and ECS placement constraints on instance types. */
export const instanceType: RuleModule<ParsedEcs> = {
  meta: {
    id: 'ecs/instance-type',
    category: 'gpu-instance',
    severity: 'warning',
    effort: 'medium',
    description: 'EC2 instance types (and GPU families) in AWS Batch compute environments and in ECS placement constraints on ecs.instance-type.',
    fixable: true,
  },
  check(parsed, ctx) {
    for (const d of parsed.docs) {
      if (d.kind === 'batch-compute-environment') {
        for (const v of items(getPath(d.root, 'computeResources', 'instanceTypes'))) {
          const text = str(v);
          if (!text || !isTScalar(v)) continue;
          const where = `Batch compute environment${d.name ? ` ${d.name}` : ''}`;
          if (reportInstance(ctx, { start: v.start, end: v.end, text, workload: d.workload, where, resourceKey: `batch:${d.name ?? ''}` })) continue;
          if (GPU_FAMILY.test(text)) {
            ctx.report({
              start: v.start,
              end: v.end,
              category: 'gpu-instance',
              message: `GPU instance family ${text} in ${where}.`,
              advice: 'Allow Trainium (trn1, trn1n, trn2) or Inferentia2 (inf2) families instead, with the ECS-optimized Neuron AMI, once the job code runs on Neuron.',
            });
          }
        }
      }
      for (const pc of [...items(get(d.root, 'placementConstraints')), ...d.containers.flatMap((c) => items(get(c, 'placementConstraints')))]) {
        const expr = get(pc, 'expression');
        const text = str(expr);
        if (!isTScalar(expr) || !text || !/ecs\.instance-type/.test(text)) continue;
        INSTANCE_TYPE_SCAN_RE.lastIndex = 0;
        for (let m = INSTANCE_TYPE_SCAN_RE.exec(text); m; m = INSTANCE_TYPE_SCAN_RE.exec(text)) {
          reportInstance(ctx, { start: expr.start + m.index, end: expr.start + m.index + m[0].length, text: m[0], workload: d.workload, where: `placement constraint of ${d.name ?? 'a task definition'}` });
        }
      }
    }
  },
};
