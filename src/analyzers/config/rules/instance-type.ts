import { INSTANCE_TYPE_RE } from '../../../core/catalog';
import type { RuleModule } from '../../../core/rule';
import type { Workload } from '../../../core/types';
import { reportInstanceSite } from '../../cdk/report-instance';
import type { ParsedConfig } from '../values';

/** More types than this in one list is a data table (a catalog, a price list), not a deployment. */
const TABLE_SIZE = 12;

function workloadFromPath(path: string): { workload?: Workload; reason?: string } {
  const t = /train/i.test(path);
  const i = /infer|endpoint|serving|predict|deploy/i.test(path);
  if (t === i) return {};
  const workload: Workload = t ? 'training' : 'inference';
  return { workload, reason: `the key "${path}" says ${workload}` };
}

/** An instance type as a whole string value in JSON, YAML, TOML, .env/.ini files or a shell flag. */
export const configInstanceType: RuleModule<ParsedConfig> = {
  meta: {
    id: 'config/instance-type',
    category: 'gpu-instance',
    severity: 'warning',
    effort: 'medium',
    description: 'An instance type as a value in structured config (JSON, YAML, TOML, .env/.ini) or a shell --instance-type flag, classified as GPU, x86 or already portable.',
    fixable: true,
  },
  check(parsed, ctx) {
    for (const v of parsed.values) {
      if (!INSTANCE_TYPE_RE.test(v.value)) continue;
      if (v.listSize !== undefined && v.listSize > TABLE_SIZE) continue;
      const { workload, reason } = workloadFromPath(v.path);
      reportInstanceSite(
        ctx,
        {
          start: v.start,
          end: v.end,
          text: v.value,
          workload,
          count: v.count,
          resourceKey: `config:${ctx.document.relPath}:${v.path || `L${ctx.document.positionAt(v.start).line + 1}`}`,
          where: v.path ? `${v.path}` : undefined,
        },
        { workloadReason: reason },
      );
    }
  },
};
