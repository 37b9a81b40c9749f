import type { RuleModule } from '../../../core/rule';
import type { SyntaxNode } from '../../../core/treesitter';
import type { NeuronTrack } from '../../../core/types';
import { DEVICE_EXPR, deviceAdvice } from '../advice';
import {
  callArguments,
  calleeName,
  climbValue,
  cudaDeviceLiteral,
  dottedName,
  enclosingCall,
  methodName,
  span,
  stringValue,
  type ParsedPython,
} from '../syntax';

/** Keyword arguments whose value is a device. */
const DEVICE_KEYWORDS = new Set(['device', 'map_location', 'device_type', 'device_map', 'output_device', 'default_device']);
/** Calls whose first positional argument is a device. */
const DEVICE_CALLS = new Set(['torch.device', 'torch.set_default_device', 'torch.get_device_module']);
/** Autocast and GradScaler have their own rule (python/cuda-autocast). */
export const AUTOCAST_CALL = /^torch\.(amp\.)?(autocast|GradScaler)$|^torch\.(cpu|cuda)\.amp\./;

/** A name that says it holds a device: device, dev, DEVICE, self.device, device_type, train_device. */
export function isDeviceName(name: string | undefined): boolean {
  if (!name) return false;
  const last = name.slice(name.lastIndexOf('.') + 1);
  return /(^|_)(dev|device)(_type|_name)?$/i.test(last) || /^device_/i.test(last);
}

type Place = 'torch.device' | 'arg' | 'device_type' | 'device_map' | 'accelerator' | 'assignment' | 'default';

/** Names (identifiers or attribute chains) that some call uses as a device. */
function namesUsedAsDevice(parsed: ParsedPython): Set<string> {
  const used = new Set<string>();
  for (const call of parsed.byType('call')) {
    const q = calleeName(parsed, call) ?? '';
    if (AUTOCAST_CALL.test(q)) continue;
    const { positional, keywords } = callArguments(call);
    const first = positional[0];
    if (first && (DEVICE_CALLS.has(q) || methodName(call) === 'to')) {
      const n = dottedName(first);
      if (n) used.add(n);
    }
    for (const [k, v] of keywords) {
      if (!DEVICE_KEYWORDS.has(k)) continue;
      const n = dottedName(v);
      if (n) used.add(n);
    }
  }
  return used;
}

/** A condition that tests for CUDA: torch.cuda.is_available(), use_cuda, args.cuda, has_gpu … */
const CUDA_GUARD = /cuda\.is_available\s*\(|\b(use|has|with|enable|enabled|is)_?(cuda|gpu)\b|\bargs\.(cuda|gpu)\b/i;

/** True when the node sits in the body of an if/elif whose condition tests for CUDA: the device is chosen, not hard-wired. */
function insideCudaGuard(node: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = node; n; n = n.parent) {
    const p = n.parent;
    if (n.type === 'block' && (p?.type === 'if_statement' || p?.type === 'elif_clause') && p.childForFieldName('consequence')?.id === n.id) {
      if (CUDA_GUARD.test(p.childForFieldName('condition')?.text ?? '')) return true;
    }
    if (n.type === 'function_definition' || n.type === 'class_definition') return false;
  }
  return false;
}

/** Where a CUDA value (after climbValue) is used as a device, or undefined. */
function placeOf(parsed: ParsedPython, top: SyntaxNode, usedAsDevice: () => Set<string>): Place | undefined {
  const p = top.parent;
  if (!p) return undefined;
  const inCall = enclosingCall(top);
  if (inCall) {
    const q = calleeName(parsed, inCall.call) ?? '';
    if (AUTOCAST_CALL.test(q)) return undefined;
    if (inCall.keyword) {
      if (inCall.keyword === 'device_type') return 'device_type';
      if (inCall.keyword === 'device_map') return 'device_map';
      if (DEVICE_KEYWORDS.has(inCall.keyword)) return 'arg';
      if (inCall.keyword === 'default' && /add_argument$/.test(q)) {
        const flag = stringValue(callArguments(inCall.call).positional[0]) ?? '';
        if (/^--?(device|dev|device[-_]type|accelerator)$/i.test(flag)) return 'default';
      }
      return undefined;
    }
    if (inCall.index !== 0) return undefined;
    if (DEVICE_CALLS.has(q)) return q === 'torch.device' ? 'torch.device' : 'arg';
    if (methodName(inCall.call) === 'to') return 'arg';
    return undefined;
  }
  if (p.type === 'assignment' && p.childForFieldName('right')?.id === top.id) {
    const name = dottedName(p.childForFieldName('left'));
    if (!name) return undefined;
    if (isDeviceName(name) || usedAsDevice().has(name)) return /type$/i.test(name) ? 'device_type' : 'assignment';
    return undefined;
  }
  if ((p.type === 'default_parameter' || p.type === 'typed_default_parameter') && p.childForFieldName('value')?.id === top.id) {
    return isDeviceName(p.childForFieldName('name')?.text) ? 'assignment' : undefined;
  }
  if (p.type === 'pair' && p.childForFieldName('value')?.id === top.id) {
    // {"": "cuda:0"} as a device_map, or a config dict {"device": "cuda"}.
    const dict = p.parent;
    const holder = dict?.parent;
    if (holder?.type === 'keyword_argument' && holder.childForFieldName('name')?.text === 'device_map') return 'device_map';
    if (holder?.type === 'assignment' && /device_map$/i.test(holder.childForFieldName('left')?.text ?? '')) return 'device_map';
    return isDeviceName(stringValue(p.childForFieldName('key'))) ? 'assignment' : undefined;
  }
  return undefined;
}

function replacementFor(place: Place, track: NeuronTrack, quote: string): string | undefined {
  switch (place) {
    case 'torch.device':
    case 'arg':
    case 'assignment':
      return DEVICE_EXPR[track];
    case 'device_type':
    case 'default':
      return `${quote}${track === 'xla' ? 'xla' : 'neuron'}${quote}`;
    default:
      return undefined;
  }
}

/** A CUDA device string used as a device, directly or through a variable. */
export const cudaDeviceString: RuleModule<ParsedPython> = {
  precheck: /cuda|gpu/i,
  meta: {
    id: 'python/cuda-device-string',
    category: 'framework-cuda',
    severity: 'warning',
    effort: 'low',
    description:
      'A "cuda" / "cuda:N" device string used as a device: torch.device, .to(), device=, map_location=, device_map=, a device variable, Lightning accelerator="gpu".',
    fixable: true,
  },
  check(parsed, ctx) {
    let used: Set<string> | undefined;
    const usedAsDevice = () => (used ??= namesUsedAsDevice(parsed));
    for (const str of parsed.byType('string')) {
      let value = cudaDeviceLiteral(str);
      let accelerator = false;
      if (!value) {
        // Lightning: Trainer(accelerator="gpu") / Fabric(accelerator="cuda").
        const v = stringValue(str);
        const parent = str.parent;
        if ((v === 'gpu' || v === 'cuda') && parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.text === 'accelerator') {
          value = v;
          accelerator = true;
        } else continue;
      }
      const climbed = climbValue(str);
      const { top, formatted } = climbed;
      const guarded = climbed.guarded || insideCudaGuard(top);
      const place: Place | undefined = accelerator ? 'accelerator' : placeOf(parsed, top, usedAsDevice);
      if (!place) continue;
      const s = span(parsed, str);
      const quote = str.text.startsWith("'") ? "'" : '"';
      const exact = !guarded && !formatted && !value.includes('{') && !value.includes('%');
      const replacement = exact ? replacementFor(place, ctx.neuronTrack, quote) : undefined;
      const target = place === 'torch.device' && !guarded && !formatted ? enclosingCall(top)!.call : str;
      const t = span(parsed, target);
      let message = `Device "${value}" binds this code to an NVIDIA GPU.`;
      let advice = deviceAdvice(ctx.neuronTrack);
      if (place === 'device_map') {
        message = `device_map places the model on "${value}", an NVIDIA GPU.`;
        advice =
          ctx.neuronTrack === 'xla'
            ? 'On Neuron, load the model on CPU and compile it (optimum-neuron NeuronModelFor…, NxD Inference); device_map does not target Neuron devices.'
            : 'Drop the CUDA device_map (use device_map="auto" or load on CPU and move to torch.accelerator.current_accelerator()); for inference, optimum-neuron NeuronModelFor… classes compile the model for Neuron.';
      } else if (place === 'accelerator') {
        message = `Lightning accelerator="${value}" runs this trainer on NVIDIA GPUs.`;
        advice =
          ctx.neuronTrack === 'xla'
            ? 'On the torch-xla track, use NeuronX Distributed\'s Lightning integration (NeuronXLAStrategy) instead of the GPU accelerator.'
            : 'Use accelerator="auto" and check Lightning support for the Neuron native backend; otherwise use a plain PyTorch loop on torch.accelerator.';
      } else if (place === 'device_type') {
        advice = `Use device_type "${ctx.neuronTrack === 'xla' ? 'xla' : 'neuron'}" (or torch.accelerator.current_accelerator().type) so autocast and device checks follow the device in use.`;
      }
      if (guarded) message = `Device "${value}" is chosen by a condition: a portable guard, but it never selects a Neuron device.`;
      ctx.report({
        start: s.start,
        end: s.end,
        message,
        advice,
        severity: guarded ? 'info' : undefined,
        effort: 'low',
        cudaKind: 'device',
        fixes: replacement ? [{ title: `Replace with ${replacement}`, edits: [{ start: t.start, end: t.end, newText: parsed.fixText(replacement) }] }] : undefined,
      });
    }
  },
};
