import type { RuleModule } from '../../../core/rule';
import { isDocstring, span, stringValue, type ParsedPython } from '../../python/syntax';

/** SageMaker local mode on the host's NVIDIA GPU: `instance_type="local_gpu"`. */
export const sagemakerLocalGpuMode: RuleModule<ParsedPython> = {
  meta: {
    id: 'sagemaker/local-gpu-mode',
    category: 'gpu-scheduling',
    severity: 'warning',
    effort: 'low',
    description: 'SageMaker local mode on an NVIDIA GPU (instance_type="local_gpu"), which runs the container with the NVIDIA runtime.',
  },
  check(parsed, ctx) {
    for (const str of parsed.byType('string')) {
      if (stringValue(str) !== 'local_gpu' || isDocstring(str)) continue;
      const p = str.parent;
      // a value: a keyword argument, a dict value, an assignment, a comparison or default
      const ok =
        (p?.type === 'keyword_argument' && p.childForFieldName('value')?.id === str.id) ||
        (p?.type === 'pair' && p.childForFieldName('value')?.id === str.id) ||
        (p?.type === 'assignment' && p.childForFieldName('right')?.id === str.id) ||
        p?.type === 'conditional_expression' ||
        p?.type === 'comparison_operator';
      if (!ok) continue;
      const s = span(parsed, str);
      const q = str.text.search(/['"]/) + 1;
      ctx.report({
        start: s.start + q,
        end: s.start + q + 'local_gpu'.length,
        message: 'SageMaker local mode on the host\'s NVIDIA GPU (instance_type="local_gpu").',
        advice:
          'Local GPU mode runs the training or serving container with the NVIDIA container runtime. Use instance_type="local" for CPU smoke tests and run Neuron jobs on managed ml.trn1/ml.inf2 instances (or in a Neuron DLC on a trn1/inf2 host with /dev/neuron* mapped).',
      });
    }
  },
};
