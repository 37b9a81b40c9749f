import type { RuleModule } from '../../../core/rule';
import { DEVICE_EXPR } from '../advice';
import { callArguments, span, type ParsedPython } from '../syntax';

/** `.cuda()` on a tensor or module: a hard binding to the CUDA device. */
export const tensorCudaMethod: RuleModule<ParsedPython> = {
  precheck: /cuda/,
  meta: {
    id: 'python/tensor-cuda-method',
    category: 'framework-cuda',
    severity: 'warning',
    effort: 'low',
    description: 'A tensor or module moved with .cuda(), which binds the code to an NVIDIA GPU.',
    fixable: true,
  },
  check(parsed, ctx) {
    for (const call of parsed.byType('call')) {
      const fn = call.childForFieldName('function');
      if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'cuda') continue;
      const obj = fn.childForFieldName('object');
      // torch.cuda(...) is not a method call on a tensor; `torch.cuda` is the module.
      if (obj?.type === 'identifier' && parsed.aliases.get(obj.text) === 'torch') continue;
      const { positional, keywords } = callArguments(call);
      if (positional.length > 1 || [...keywords.keys()].some((k) => k !== 'non_blocking' && k !== 'device')) continue;
      const attr = fn.childForFieldName('attribute')!;
      const argsNode = call.childForFieldName('arguments')!;
      const s = span(parsed, attr);
      const end = parsed.mapOffset(argsNode.endIndex);
      const replacement = `to(${DEVICE_EXPR[ctx.neuronTrack]})`;
      ctx.report({
        start: s.start,
        end,
        message: '`.cuda()` moves this object to an NVIDIA GPU.',
        advice: `Use \`.${replacement}\` (or a \`device\` chosen once at start-up) so the code runs on Trainium/Inferentia as well.`,
        cudaKind: 'memory',
        fixes:
          positional.length === 0 && keywords.size === 0
            ? [{ title: `Replace .cuda() with .${replacement}`, edits: [{ start: s.start, end, newText: parsed.fixText(replacement) }] }]
            : undefined,
      });
    }
  },
};
