import type { RuleModule } from '../../../core/rule';
import type { Effort, Severity } from '../../../core/types';
import { callArguments, calleeName, span, stringValue, type ParsedPython } from '../syntax';
import type { SyntaxNode } from '../../../core/treesitter';

const MODES: Record<string, { severity: Severity; why: string }> = {
  'reduce-overhead': { severity: 'warning', why: 'captures CUDA graphs' },
  'max-autotune': { severity: 'warning', why: 'autotunes Triton GPU kernels and captures CUDA graphs' },
  'max-autotune-no-cudagraphs': { severity: 'info', why: 'autotunes Triton GPU kernels' },
};
const BACKENDS: Record<string, Effort> = { cudagraphs: 'medium', tensorrt: 'high', torch_tensorrt: 'high' };

/** torch.compile options that only mean something on CUDA. backend="inductor" (the default) also runs on CPU: not flagged. */
export const torchCompileCudaMode: RuleModule<ParsedPython> = {
  precheck: /compile/,
  meta: {
    id: 'python/torch-compile-cuda-mode',
    category: 'framework-cuda',
    severity: 'warning',
    effort: 'low',
    description: 'torch.compile with CUDA-only modes or options: mode="reduce-overhead"/"max-autotune", triton.* / cudagraphs options, backend="cudagraphs"/"tensorrt".',
    fixable: true,
  },
  check(parsed, ctx) {
    const compiles: SyntaxNode[] = [];
    for (const call of parsed.byType('call')) if (calleeName(parsed, call) === 'torch.compile') compiles.push(call);
    for (const call of compiles) {
      const { keywords } = callArguments(call);
      const mode = keywords.get('mode');
      const modeValue = stringValue(mode);
      const backend = keywords.get('backend');
      const backendValue = stringValue(backend);
      if (mode && modeValue && MODES[modeValue]) {
        const s = span(parsed, mode);
        const kw = span(parsed, mode.parent!);
        const fix = ctx.neuronTrack === 'native' && !backend ? [{ title: 'Compile for Neuron (backend="neuron")', edits: [{ start: kw.start, end: kw.end, newText: parsed.fixText('backend="neuron"') }] }] : undefined;
        ctx.report({
          start: s.start,
          end: s.end,
          message: `torch.compile mode "${modeValue}" ${MODES[modeValue].why}.`,
          advice:
            ctx.neuronTrack === 'xla'
              ? 'Drop the CUDA-only mode; on the torch-xla track the graph is compiled by neuronx-cc (xm.mark_step / torch_neuronx.trace).'
              : 'Use torch.compile(backend="neuron") and drop the CUDA-only mode.',
          severity: MODES[modeValue].severity,
          cudaKind: 'other',
          fixes: fix,
        });
      }
      if (backend && backendValue && BACKENDS[backendValue]) {
        const s = span(parsed, backend);
        ctx.report({
          start: s.start,
          end: s.end,
          message: `torch.compile backend "${backendValue}" only runs on NVIDIA GPUs.`,
          advice: ctx.neuronTrack === 'xla' ? 'Compile with the Neuron compiler (torch_neuronx.trace or the xla track\'s lazy tensors).' : 'Use torch.compile(backend="neuron").',
          effort: BACKENDS[backendValue],
          cudaKind: 'other',
        });
      }
      const options = keywords.get('options');
      if (options?.type === 'dictionary') {
        for (const pair of options.namedChildren) {
          if (pair?.type !== 'pair') continue;
          const key = pair.childForFieldName('key');
          const k = stringValue(key);
          if (!k || !/^(triton\.|cuda\.)|cudagraph/i.test(k)) continue;
          const s = span(parsed, key!);
          ctx.report({
            start: s.start,
            end: s.end,
            message: `torch.compile option "${k}" configures CUDA/Triton code generation.`,
            advice: 'Drop the Triton/CUDA-graph options; compile for Neuron with backend="neuron" (native track).',
            cudaKind: 'other',
          });
        }
      }
    }
  },
};
