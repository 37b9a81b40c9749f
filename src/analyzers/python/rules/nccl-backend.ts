import type { RuleModule } from '../../../core/rule';
import { callArguments, dottedName, qualifiedName, span, stringValue, type ParsedPython } from '../syntax';

/** The "nccl" process-group backend: NVIDIA's collective library. */
export const ncclBackend: RuleModule<ParsedPython> = {
  precheck: /nccl/,
  meta: {
    id: 'python/nccl-backend',
    category: 'framework-cuda',
    severity: 'warning',
    effort: 'low',
    description: 'torch.distributed initialised with the NCCL backend, which only runs on NVIDIA GPUs.',
    fixable: true,
  },
  check(parsed, ctx) {
    for (const str of parsed.byType('string')) {
      const value = stringValue(str);
      if (!value || !/^(cpu:gloo,cuda:)?nccl$/.test(value)) continue;
      const parent = str.parent;
      let ok = false;
      if (parent?.type === 'keyword_argument') {
        const key = parent.childForFieldName('name')?.text;
        ok = key === 'backend';
        if (!ok && key === 'default' && parent.parent?.parent?.type === 'call') {
          // parser.add_argument('--dist-backend', default='nccl'): the default is the backend the script runs.
          const call = parent.parent.parent;
          const flag = stringValue(callArguments(call).positional[0]) ?? '';
          ok = /add_argument$/.test(dottedName(call.childForFieldName('function')) ?? '') && /backend/i.test(flag);
        }
      } else if (parent?.type === 'argument_list' && parent.parent?.type === 'call') {
        const call = parent.parent;
        const q = qualifiedName(parsed, dottedName(call.childForFieldName('function'))) ?? '';
        ok = /(^|\.)(init_process_group|new_group)$/.test(q) && callArguments(call).positional[0]?.id === str.id;
      } else if (parent?.type === 'assignment' || parent?.type === 'comparison_operator') {
        // backend = "nccl" or backend == "nccl": the name says what the string is for.
        const left = parent.childForFieldName('left') ?? parent.namedChildren[0];
        ok = !!left && /backend/i.test(left.text);
      }
      if (!ok) continue;
      const s = span(parsed, str);
      const quote = str.text.startsWith("'") ? "'" : '"';
      const replacement = ctx.neuronTrack === 'xla' ? 'xla' : 'gloo';
      ctx.report({
        start: s.start,
        end: s.end,
        message: 'The "nccl" backend runs collectives only on NVIDIA GPUs.',
        advice:
          ctx.neuronTrack === 'xla'
            ? 'On the torch-xla track, use the "xla" process-group backend (import torch_xla.distributed.xla_backend).'
            : 'Let PyTorch pick the backend for the device (init_process_group() without backend, or the backend the Neuron native backend registers); collectives on Trainium run over the Neuron collective library.',
        cudaKind: 'library',
        fixes: ctx.neuronTrack === 'xla' ? [{ title: `Use the "${replacement}" backend`, edits: [{ start: s.start, end: s.end, newText: parsed.fixText(`${quote}${replacement}${quote}`) }] }] : undefined,
      });
    }
  },
};
