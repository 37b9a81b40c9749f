import type { RuleModule } from '../../../core/rule';
import { classifyImage, cudaImageAdvice } from '../../shared/cuda-images';
import { imagesOf, type ParsedK8s } from '../syntax';

/** Container images bound to CUDA in pod templates (any workload kind or CRD) and Helm values. */
export const cudaImage: RuleModule<ParsedK8s> = {
  meta: {
    id: 'kubernetes/cuda-image',
    category: 'cuda-image',
    severity: 'warning',
    effort: 'medium',
    description: 'A container image bound to CUDA (nvidia/cuda, nvcr.io/nvidia/*, PyTorch CUDA, vLLM, AWS GPU DLCs …) in a Kubernetes manifest or Helm values.',
  },
  check(parsed, ctx) {
    for (const d of parsed.docs) {
      for (const img of imagesOf(d)) {
        const c = classifyImage(img.ref);
        if (c?.kind !== 'cuda') continue;
        ctx.report({
          start: img.node.start,
          end: img.node.end,
          message: `${d.kind || 'Helm values'}${d.name ? ` ${d.name}` : ''} runs ${img.ref}, ${c.reason}.`,
          advice: cudaImageAdvice(c, `${d.kind} ${d.name ?? ''} ${d.workload ?? ''}`),
        });
      }
    }
  },
};
