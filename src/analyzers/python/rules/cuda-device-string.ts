import type { RuleModule } from '../../../core/rule';
import type { SyntaxNode } from '../../../core/treesitter';
import { DEVICE_EXPR, deviceAdvice } from '../advice';
import { callArguments, dottedName, isCudaDeviceString, qualifiedName, span, stringValue, type ParsedPython } from '../syntax';

/** Where a string is used as a device: torch.device("cuda"), .to("cuda"), device="cuda". */
function deviceUse(parsed: ParsedPython, str: SyntaxNode): 'torch.device' | 'to' | 'device-kwarg' | undefined {
  const parent = str.parent;
  if (!parent) return undefined;
  if (parent.type === 'keyword_argument') {
    const name = parent.childForFieldName('name')?.text;
    if (name === 'device' || name === 'map_location' || name === 'device_type') return 'device-kwarg';
    return undefined;
  }
  if (parent.type !== 'argument_list') return undefined;
  const call = parent.parent;
  if (!call || call.type !== 'call') return undefined;
  const { positional } = callArguments(call);
  if (positional[0]?.id !== str.id) return undefined;
  const fn = call.childForFieldName('function');
  const q = qualifiedName(parsed, dottedName(fn));
  if (q === 'torch.device') return 'torch.device';
  if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'to') return 'to';
  return undefined;
}

/** A CUDA device string used as a device. */
export const cudaDeviceString: RuleModule<ParsedPython> = {
  meta: {
    id: 'python/cuda-device-string',
    category: 'framework-cuda',
    severity: 'warning',
    effort: 'low',
    description: 'A "cuda" / "cuda:N" device string passed as a device (torch.device, .to(), device=).',
    fixable: true,
  },
  check(parsed, ctx) {
    for (const str of parsed.byType('string')) {
      const value = stringValue(str);
      if (!isCudaDeviceString(value)) continue;
      const use = deviceUse(parsed, str);
      if (!use) continue;
      const target = use === 'torch.device' ? str.parent!.parent! : str;
      const s = span(parsed, target);
      const replacement = DEVICE_EXPR[ctx.neuronTrack];
      ctx.report({
        start: span(parsed, str).start,
        end: span(parsed, str).end,
        message: `Device "${value}" binds this code to an NVIDIA GPU.`,
        advice: deviceAdvice(ctx.neuronTrack),
        cudaKind: 'device',
        fixes: [{ title: `Replace with ${replacement}`, edits: [{ start: s.start, end: s.end, newText: replacement }] }],
      });
    }
  },
};
