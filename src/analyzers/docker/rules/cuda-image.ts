import type { RuleContext, RuleModule } from '../../../core/rule';
import { get, str, type TScalar } from '../../kubernetes/tree';
import { classifyImage, cudaImageAdvice } from '../../shared/cuda-images';
import { expandVars } from '../dockerfile';
import type { ParsedDocker } from '../syntax';

function reportImage(ctx: RuleContext, image: string, start: number, end: number, where: string, context: string): void {
  const c = classifyImage(image);
  if (!c || c.kind !== 'cuda') return;
  ctx.report({
    start,
    end,
    message: `${where} ${image} is ${c.reason}: it needs an NVIDIA GPU and the CUDA stack.`,
    advice: cudaImageAdvice(c, context),
  });
}

/** CUDA base images in Dockerfiles (FROM, ARG defaults used in FROM) and CUDA images of compose services. */
export const cudaImage: RuleModule<ParsedDocker> = {
  meta: {
    id: 'docker/cuda-image',
    category: 'cuda-image',
    severity: 'warning',
    effort: 'medium',
    description: 'A container image bound to CUDA (nvidia/cuda, nvcr.io/nvidia/*, PyTorch CUDA, TensorFlow GPU, AWS GPU DLCs, vLLM) used as a base image or by a compose service.',
  },
  check(parsed, ctx) {
    const fileName = ctx.document.baseName;
    if (parsed.kind === 'dockerfile') {
      const stages = new Set<string>();
      for (const f of parsed.froms) {
        const context = `${fileName} ${f.stageName ?? ''}`;
        const isStageRef = stages.has(f.image.value.toLowerCase());
        if (f.stageName) stages.add(f.stageName.toLowerCase());
        if (isStageRef || !f.resolved) continue;
        if (f.viaArg) reportImage(ctx, f.resolved, f.viaArg.valueStart, f.viaArg.valueEnd, `Base image (ARG ${f.viaArg.name} default)`, context);
        else reportImage(ctx, f.resolved, f.image.valueStart, f.image.valueEnd, 'Base image', context);
      }
      return;
    }
    for (const svc of parsed.services) {
      const image = get(svc.node, 'image') as TScalar | undefined;
      const text = str(image);
      if (!text || !image) continue;
      const resolved = text.includes('$') ? expandVars(text, new Map()) : text;
      if (resolved) reportImage(ctx, resolved, image.start, image.end, `Service ${svc.name} image`, `${fileName} ${svc.name}`);
    }
  },
};
