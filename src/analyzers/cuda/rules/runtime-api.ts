import type { RuleModule } from '../../../core/rule';
import { apiAdvice } from '../advice';
import { runtimeApiKind } from '../names';
import { isFreeCall, tokensWhere, type ParsedCpp } from '../syntax';

const EFFORT = { memory: 'medium', stream: 'high', kernel: 'high', device: 'low', other: 'low', library: 'medium', build: 'low' } as const;

/** Calls into the CUDA runtime API (cudaMalloc, cudaMemcpy, cudaStreamCreate, cudaSetDevice …). */
export const runtimeApi: RuleModule<ParsedCpp> = {
  meta: {
    id: 'cuda/runtime-api',
    category: 'cuda-source',
    severity: 'warning',
    effort: 'medium',
    description: 'A call into the CUDA runtime API (cudaMalloc, cudaMemcpy, cudaStreamCreate, cudaSetDevice …), counted by kind like HIPIFY.',
  },
  check(parsed, ctx) {
    const { tokens } = parsed;
    for (const i of tokensWhere(parsed, 'c', (x) => x.startsWith('cuda') && !!runtimeApiKind(x))) {
      const t = tokens[i];
      const kind = runtimeApiKind(t.text);
      if (t.kind !== 'ident' || !kind || !isFreeCall(tokens, i)) continue;
      ctx.report({
        start: t.start,
        end: t.end,
        message: `CUDA runtime call \`${t.text}\` (${kind}).`,
        advice: apiAdvice(kind, ctx.neuronTrack),
        effort: EFFORT[kind],
        cudaKind: kind,
      });
    }
  },
};
