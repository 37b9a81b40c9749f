import type { RuleModule } from '../../../core/rule';
import { kernelAdvice } from '../advice';
import { looksLikePtx } from '../names';
import { stringContent, type ParsedCpp } from '../syntax';
import { asmStatements } from '../asm-statements';

/** Inline PTX: `asm("…")` / `asm volatile("…")` whose template is PTX (mma.sync, ld.global, cp.async, %laneid …). */
export const inlinePtx: RuleModule<ParsedCpp> = {
  meta: {
    id: 'cuda/inline-ptx',
    category: 'cuda-source',
    severity: 'warning',
    effort: 'high',
    description: 'Inline PTX assembly (asm volatile("mma.sync…")): NVIDIA GPU instructions with no Neuron counterpart.',
  },
  check(parsed, ctx) {
    for (const stmt of asmStatements(parsed)) {
      const body = stmt.strings.map(stringContent).join('');
      if (!looksLikePtx(body)) continue;
      const first = /[a-z][\w.]*/.exec(body.replace(/\{\s*\.reg[^;]*;/, ''))?.[0] ?? '';
      ctx.report({
        start: stmt.keyword.start,
        end: stmt.keyword.end,
        message: `Inline PTX assembly${first ? ` (\`${first}\`…)` : ''}.`,
        advice: `Hand-written PTX targets NVIDIA tensor cores and memory instructions directly. ${kernelAdvice(ctx.neuronTrack)}`,
        cudaKind: 'kernel',
      });
    }
  },
};
