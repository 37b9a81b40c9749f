import type { RuleModule } from '../../../core/rule';
import { classifyImage, cudaImageAdvice } from '../../shared/cuda-images';
import { get, isTScalar, str } from '../../kubernetes/tree';
import type { ParsedEcs } from '../syntax';

/** CUDA images in ECS container definitions and Batch container properties. */
export const cudaImage: RuleModule<ParsedEcs> = {
  meta: {
    id: 'ecs/cuda-image',
    category: 'cuda-image',
    severity: 'warning',
    effort: 'medium',
    description: 'A container image bound to CUDA (nvidia/cuda, nvcr.io/nvidia/*, AWS GPU DLCs …) in an ECS task definition or an AWS Batch job definition.',
  },
  check(parsed, ctx) {
    for (const d of parsed.docs) {
      for (const c of d.containers) {
        const image = get(c, 'image');
        const ref = str(image);
        if (!ref || !isTScalar(image)) continue;
        const cls = classifyImage(ref);
        if (cls?.kind !== 'cuda') continue;
        ctx.report({ start: image.start, end: image.end, message: `${d.kind === 'batch-job' ? 'Batch job definition' : 'Task definition'}${d.name ? ` ${d.name}` : ''} runs ${ref}, ${cls.reason}.`, advice: cudaImageAdvice(cls, `${d.name ?? ''} ${d.workload ?? ''}`) });
      }
    }
  },
};
