import type { RuleModule } from '../../../core/rule';
import { get, isTScalar, str } from '../tree';
import { pairsOf, type ParsedK8s } from '../syntax';

/** runtimeClassName: nvidia on pods, and RuntimeClass objects with the nvidia handler. */
export const nvidiaRuntimeClass: RuleModule<ParsedK8s> = {
  meta: {
    id: 'kubernetes/nvidia-runtime-class',
    category: 'gpu-scheduling',
    severity: 'warning',
    effort: 'low',
    description: 'A pod that runs with the NVIDIA container runtime (runtimeClassName: nvidia), or a RuntimeClass with the nvidia handler.',
    fixable: true,
  },
  check(parsed, ctx) {
    const text = ctx.document.text;
    for (const d of parsed.docs) {
      if (d.kind === 'RuntimeClass') {
        const handler = get(d.root, 'handler');
        if (isTScalar(handler) && /nvidia/i.test(str(handler) ?? '')) {
          ctx.report({
            start: handler.start,
            end: handler.end,
            message: `RuntimeClass ${d.name ?? ''} uses the NVIDIA container runtime handler (${str(handler)}).`.replace('  ', ' '),
            advice: 'Neuron devices need no special runtime class: the Neuron device plugin exposes /dev/neuron* to pods under the default runtime. Remove this RuntimeClass once no GPU pods use it.',
          });
        }
        continue;
      }
      for (const { pair } of pairsOf(d)) {
        if (pair.key !== 'runtimeClassName' || !isTScalar(pair.value) || !/nvidia/i.test(str(pair.value) ?? '')) continue;
        const v = pair.value;
        // Quick fix: delete the whole line when the entry stands on its own line.
        const lineStart = text.lastIndexOf('\n', pair.keyNode.start - 1) + 1;
        const nl = text.indexOf('\n', v.end);
        const lineEnd = nl < 0 ? text.length : nl + 1;
        const ownLine = /^\s*$/.test(text.slice(lineStart, pair.keyNode.start)) && /^["']?\s*(#.*)?\r?\n?$/.test(text.slice(v.end, lineEnd));
        ctx.report({
          start: v.start,
          end: v.end,
          message: `${d.kind || 'Helm values'}${d.name ? ` ${d.name}` : ''} runs with the NVIDIA runtime class (runtimeClassName: ${str(v)}).`,
          advice: 'Remove runtimeClassName: Neuron devices are exposed by the Neuron device plugin under the default container runtime.',
          fixes: ownLine ? [{ title: 'Remove runtimeClassName', edits: [{ start: lineStart, end: lineEnd, newText: '' }] }] : undefined,
        });
      }
    }
  },
};
