import type { RuleModule } from '../../../core/rule';
import type { SyntaxNode } from '../../../core/treesitter';
import { callArguments, calleeName, cudaDeviceLiteral, dottedName, qualifiedName, span, type ParsedPython } from '../syntax';

const CUDA_AMP = /^torch\.cuda\.amp\.(autocast|GradScaler|custom_fwd|custom_bwd)$/;
const DEVICE_AMP = /^torch\.(amp\.)?(autocast|GradScaler)$|^torch\.amp\.(custom_fwd|custom_bwd)$/;

function adviceFor(what: string, track: 'native' | 'xla'): string {
  const dev = track === 'xla' ? 'xla' : 'neuron';
  if (/GradScaler/.test(what)) {
    return `Trainium trains in bf16, which needs no loss scaling: drop the GradScaler (or construct torch.amp.GradScaler("${dev}") if you keep fp16).`;
  }
  return `Use torch.autocast(device_type="${dev}", dtype=torch.bfloat16) (torch.amp.custom_fwd/custom_bwd take device_type too); bf16 is the native mixed-precision type on Trainium.`;
}

/** CUDA mixed precision: torch.cuda.amp.*, or autocast / GradScaler bound to "cuda". */
export const cudaAutocast: RuleModule<ParsedPython> = {
  precheck: /autocast|GradScaler|custom_fwd|custom_bwd/,
  meta: {
    id: 'python/cuda-autocast',
    category: 'framework-cuda',
    severity: 'warning',
    effort: 'low',
    description: 'CUDA mixed precision: torch.cuda.amp.autocast/GradScaler, or torch.autocast / torch.amp.GradScaler with device "cuda".',
    fixable: true,
  },
  check(parsed, ctx) {
    const dev = ctx.neuronTrack === 'xla' ? 'xla' : 'neuron';
    const seen = new Set<number>();
    const reportLegacy = (fnNode: SyntaxNode, q: string, call: SyntaxNode | undefined) => {
      if (seen.has(fnNode.id)) return;
      seen.add(fnNode.id);
      const s = span(parsed, fnNode);
      const name = q.slice('torch.cuda.amp.'.length);
      const dotted = dottedName(fnNode) ?? '';
      const head = dotted.split('.')[0];
      let fixes;
      // Mechanical only when written out from the torch module (t.cuda.amp.autocast(...)).
      if (call && parsed.aliases.get(head) === 'torch' && dotted.split('.').length === 4) {
        const args = call.childForFieldName('arguments')!;
        const empty = callArguments(call).positional.length === 0 && callArguments(call).keywords.size === 0;
        const newFn = name === 'autocast' ? `${head}.autocast` : `${head}.amp.${name}`;
        const arg = name === 'custom_fwd' || name === 'custom_bwd' ? `device_type="${dev}"` : `"${dev}"`;
        const open = parsed.mapOffset(args.startIndex + 1);
        fixes = [
          {
            title: `Use ${newFn}(${arg})`,
            edits: [
              { start: s.start, end: s.end, newText: parsed.fixText(newFn) },
              { start: open, end: open, newText: parsed.fixText(empty ? arg : `${arg}, `) },
            ],
          },
        ];
      }
      ctx.report({
        start: s.start,
        end: s.end,
        message: `\`${q}\` is CUDA-only mixed precision.`,
        advice: adviceFor(name, ctx.neuronTrack),
        cudaKind: 'other',
        fixes,
      });
    };

    for (const call of parsed.byType('call')) {
      const fn = call.childForFieldName('function');
      const q = calleeName(parsed, call) ?? '';
      if (CUDA_AMP.test(q)) {
        reportLegacy(fn!, q, call);
        continue;
      }
      if (!DEVICE_AMP.test(q)) continue;
      const { positional, keywords } = callArguments(call);
      const arg = keywords.get('device_type') ?? keywords.get('device') ?? positional[0];
      const value = cudaDeviceLiteral(arg);
      if (!arg || !value) continue;
      const s = span(parsed, arg);
      const quote = arg.text.startsWith("'") ? "'" : '"';
      ctx.report({
        start: s.start,
        end: s.end,
        message: `\`${q}\` with device "${value}" is CUDA mixed precision.`,
        advice: adviceFor(q, ctx.neuronTrack),
        cudaKind: 'other',
        fixes: value === 'cuda' ? [{ title: `Use "${dev}"`, edits: [{ start: s.start, end: s.end, newText: parsed.fixText(`${quote}${dev}${quote}`) }] }] : undefined,
      });
    }
    // @torch.cuda.amp.custom_fwd without a call.
    for (const dec of parsed.byType('decorator')) {
      const expr = dec.namedChildren[0];
      if (!expr || expr.type === 'call') continue;
      const q = qualifiedName(parsed, dottedName(expr)) ?? '';
      if (CUDA_AMP.test(q)) reportLegacy(expr, q, undefined);
    }
  },
};
