import type { RuleModule } from '../../../core/rule';
import { walkValue } from '../facts';
import { nvidiaImageAdvice, nvidiaImageType } from '../ami-types';
import type { ParsedTerraform, TfBody, TfExpr } from '../syntax';

function* bodyValues(body: TfBody): Generator<TfExpr> {
  for (const a of body.attributes) yield a.value;
  for (const b of body.blocks) yield* bodyValues(b.body);
}

/**
 * NVIDIA AMI types of EKS node groups (`ami_type = "AL2023_x86_64_NVIDIA"`) and Batch image types
 * (`image_type = "ECS_AL2_NVIDIA"`), wherever they are literal: resources, module inputs, locals,
 * variable defaults and .tfvars values. The values are exact enum names, so any literal equal to
 * one is one; prose that mentions them is not a literal equal to one.
 */
export const terraformNvidiaAmiType: RuleModule<ParsedTerraform> = {
  meta: {
    id: 'terraform/nvidia-ami-type',
    category: 'gpu-scheduling',
    severity: 'warning',
    effort: 'low',
    description: 'An EKS node group AMI type or Batch image type with the NVIDIA driver stack (AL2_x86_64_GPU, AL2023_x86_64_NVIDIA, BOTTLEROCKET_*_NVIDIA, ECS_AL2_NVIDIA).',
    fixable: true,
  },
  check(parsed, ctx) {
    for (const value of bodyValues(parsed.body)) {
      for (const { str } of walkValue(value)) {
        const t = nvidiaImageType(str.value);
        if (!t) continue;
        ctx.report({
          start: str.start,
          end: str.end,
          message: `${t.kind === 'eks' ? 'EKS AMI type' : 'Batch image type'} ${str.value} installs the NVIDIA driver stack: these nodes are meant for NVIDIA GPUs.`,
          advice: nvidiaImageAdvice(t),
          fixes: t.replacement ? [{ title: `Replace with ${t.replacement}`, edits: [{ start: str.start, end: str.end, newText: t.replacement }] }] : undefined,
        });
      }
    }
  },
};
