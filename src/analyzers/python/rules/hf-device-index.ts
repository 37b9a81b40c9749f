import type { RuleModule } from '../../../core/rule';
import type { SyntaxNode } from '../../../core/treesitter';
import { callArguments, calleeName, span, type ParsedPython } from '../syntax';
import { HF_MODULES } from '../triggers';

/**
 * Integer device indexes in Hugging Face APIs: `pipeline(..., device=0)` and `device_map={"": 0}`
 * mean "CUDA device 0" (-1 is the CPU). Reported at info: the integer is not CUDA by itself, but
 * transformers and accelerate resolve it to a CUDA device.
 */
export const hfDeviceIndex: RuleModule<ParsedPython> = {
  precheck: HF_MODULES,
  meta: {
    id: 'python/hf-device-index',
    category: 'framework-cuda',
    severity: 'info',
    effort: 'low',
    description: 'Hugging Face integer device indexes that resolve to CUDA devices: pipeline(device=0), device_map={"": 0}, device_map=0.',
  },
  check(parsed, ctx) {
    const hf = [...parsed.aliases.values()].some((m) => /^(transformers|diffusers|accelerate|peft|trl|sentence_transformers)(\.|$)/.test(m));
    if (!hf) return;
    const report = (node: SyntaxNode, what: string) => {
      const s = span(parsed, node);
      ctx.report({
        start: s.start,
        end: s.end,
        message: `${what}: transformers/accelerate read an integer device as a CUDA device index.`,
        advice:
          ctx.neuronTrack === 'xla'
            ? 'On Neuron, compile the model with optimum-neuron (NeuronModelFor…, pipeline(..., export=True)) instead of placing it on a CUDA index.'
            : 'Pass the device explicitly (device=torch.accelerator.current_accelerator()) or use optimum-neuron\'s pipeline / NeuronModelFor… classes for inference on Inferentia/Trainium.',
        cudaKind: 'device',
      });
    };
    const isIndex = (n: SyntaxNode | undefined) => n?.type === 'integer' && Number(n.text) >= 0;
    for (const call of parsed.byType('call')) {
      const q = calleeName(parsed, call) ?? '';
      const { keywords } = callArguments(call);
      const device = keywords.get('device');
      if (/(^|\.)pipeline$/.test(q) && q.startsWith('transformers') && device && isIndex(device)) report(device, `pipeline(device=${device.text})`);
      const map = keywords.get('device_map');
      if (map && isIndex(map)) report(map, `device_map=${map.text}`);
      if (map?.type === 'dictionary') {
        for (const pair of map.namedChildren) {
          if (pair?.type !== 'pair') continue;
          const v = pair.childForFieldName('value');
          if (v && isIndex(v)) report(v, `device_map {${pair.childForFieldName('key')?.text}: ${v.text}}`);
        }
      }
    }
  },
};
