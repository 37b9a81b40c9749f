import type { RuleModule } from '../../../core/rule';
import { kernelAdvice } from '../advice';
import { tokenAt, type CToken, type ParsedCpp } from '../syntax';

/** Start index of the callee before a `<<<` at tokens[at]: `ns::kernel<T, 4>` → the `ns` token. */
function calleeBefore(tokens: readonly CToken[], at: number): { first: number; last: number } | undefined {
  let j = at - 1;
  if (j < 0) return undefined;
  // Template arguments: walk back to the matching '<', counting angle brackets in tokens like '>>'.
  if (tokens[j].text.endsWith('>') && tokens[j].kind === 'punct') {
    let depth = 0;
    for (; j >= 0 && j > at - 200; j--) {
      const x = tokens[j].text;
      if (tokens[j].kind !== 'punct') continue;
      if (/^>+$/.test(x)) depth += x.length;
      else if (/^<+$/.test(x)) {
        depth -= x.length;
        if (depth <= 0) break;
      } else if (x === ';' || x === '{' || x === '}') return undefined;
    }
    j--;
  }
  if (j < 0 || tokens[j].kind !== 'ident') return undefined;
  const last = j;
  while (j >= 2 && tokens[j - 1].text === '::' && tokens[j - 2].kind === 'ident') j -= 2;
  return { first: j, last };
}

/** Kernel launches with the triple-chevron syntax: `kernel<<<grid, block, smem, stream>>>(args)`. */
export const kernelLaunch: RuleModule<ParsedCpp> = {
  meta: {
    id: 'cuda/kernel-launch',
    category: 'cuda-source',
    severity: 'warning',
    effort: 'high',
    description: 'A CUDA kernel launch (kernel<<<grid, block>>>(…)): the launch and the kernel it runs have no Neuron counterpart.',
  },
  check(parsed, ctx) {
    const { tokens, text } = parsed;
    // Each `<<<` of the text (not after another `<`) where a token starts: in code, not in a comment or string.
    for (let at = text.indexOf('<<<'); at >= 0; at = text.indexOf('<<<', at + 1)) {
      if (text[at - 1] === '<') continue;
      const i = tokenAt(tokens, at);
      if (i < 0 || tokens[i].kind !== 'punct') continue;
      const t = tokens[i];
      const callee = calleeBefore(tokens, i);
      const start = callee ? tokens[callee.first].start : t.start;
      const end = callee ? tokens[callee.last].end : t.start + 3;
      const name = callee ? text.slice(start, end) : undefined;
      ctx.report({
        start,
        end,
        message: name ? `CUDA kernel launch of \`${name}\` (<<<…>>>).` : 'CUDA kernel launch (<<<…>>>).',
        advice: kernelAdvice(ctx.neuronTrack),
        cudaKind: 'kernel',
      });
    }
  },
};
