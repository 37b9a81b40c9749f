import type { RuleModule } from '../../../core/rule';
import { apiAdvice } from '../advice';
import { driverApiKind } from '../names';
import { isFreeCall, tokensWhere, type ParsedCpp } from '../syntax';

const EFFORT = { memory: 'medium', stream: 'high', kernel: 'high', device: 'medium', other: 'low', library: 'medium', build: 'low' } as const;

/** Calls into the CUDA driver API (cuInit, cuCtxCreate, cuModuleLoad, cuLaunchKernel, cuMemAlloc …). */
export const driverApi: RuleModule<ParsedCpp> = {
  meta: {
    id: 'cuda/driver-api',
    category: 'cuda-source',
    severity: 'warning',
    effort: 'high',
    description: 'A call into the CUDA driver API (cuInit, cuCtxCreate, cuModuleLoad, cuLaunchKernel, cuMemAlloc …).',
  },
  check(parsed, ctx) {
    const { tokens } = parsed;
    for (const i of tokensWhere(parsed, 'c', (x) => x.startsWith('cu') && !!driverApiKind(x))) {
      const t = tokens[i];
      const kind = driverApiKind(t.text);
      if (t.kind !== 'ident' || !kind || !isFreeCall(tokens, i)) continue;
      ctx.report({
        start: t.start,
        end: t.end,
        message: `CUDA driver call \`${t.text}\` (${kind}).`,
        advice: apiAdvice(kind, ctx.neuronTrack),
        effort: EFFORT[kind],
        cudaKind: kind,
      });
    }
  },
};
