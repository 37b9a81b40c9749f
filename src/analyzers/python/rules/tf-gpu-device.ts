import type { RuleModule } from '../../../core/rule';
import type { SyntaxNode } from '../../../core/treesitter';
import { callArguments, calleeName, isDocstring, span, stringValue, type ParsedPython } from '../syntax';

/** "/GPU:0", "/device:GPU:1", "/job:worker/replica:0/task:0/device:GPU:0", "gpu:0". */
const TF_GPU_DEVICE = /^\/?(job:[\w-]+\/(replica:\d+\/)?(task:\d+\/)?)?(device:)?gpu:(\d+|\*)$/i;
const GUARDS = /^tensorflow\.(config\.(experimental\.)?(list_physical_devices|list_logical_devices|get_visible_devices)|test\.(is_gpu_available|is_built_with_cuda|gpu_device_name)|config\.experimental\.set_memory_growth|config\.set_logical_device_configuration)$/;
const QUIET = /^(print|logging\.\w+|logger\.\w+|log\.\w+)$/;

const ADVICE =
  'TensorFlow training is not supported on Trainium; for Inferentia2 inference compile the model with tensorflow-neuronx (tfnx.trace). Otherwise plan a port to PyTorch or JAX, which the Neuron SDK supports for training.';

/** TensorFlow bound to GPUs: tf.device("/GPU:0") and other /GPU: device strings; GPU queries as guards. */
export const tfGpuDevice: RuleModule<ParsedPython> = {
  precheck: /gpu/i,
  meta: {
    id: 'python/tf-gpu-device',
    category: 'framework-cuda',
    severity: 'warning',
    effort: 'medium',
    description: 'TensorFlow GPU devices: tf.device("/GPU:0") and "/device:GPU:N" strings; tf.config.list_physical_devices("GPU") and similar queries as guards (info).',
  },
  check(parsed, ctx) {
    const report = (node: SyntaxNode, message: string, guard: boolean) => {
      const s = span(parsed, node);
      ctx.report({
        start: s.start,
        end: s.end,
        message,
        advice: guard ? `A GPU query used as a guard: it never sees Neuron devices. ${ADVICE}` : ADVICE,
        severity: guard ? 'info' : undefined,
        effort: guard ? 'low' : undefined,
        cudaKind: 'device',
      });
    };
    for (const str of parsed.byType('string')) {
      const v = stringValue(str);
      if (!v || !TF_GPU_DEVICE.test(v) || isDocstring(str)) continue;
      // In code: an argument (possibly inside a list), an assignment or a dict value; never printed text.
      let n: SyntaxNode = str;
      while (n.parent && (n.parent.type === 'list' || n.parent.type === 'tuple')) n = n.parent;
      const p = n.parent;
      if (!p) continue;
      let call: SyntaxNode | undefined;
      if (p.type === 'argument_list') call = p.parent ?? undefined;
      else if (p.type === 'keyword_argument') call = p.parent?.parent ?? undefined;
      else if (!['assignment', 'pair', 'default_parameter', 'typed_default_parameter'].includes(p.type)) continue;
      if (call && QUIET.test(calleeName(parsed, call) ?? '')) continue;
      report(str, `TensorFlow device "${v}" is an NVIDIA GPU.`, false);
    }
    for (const call of parsed.byType('call')) {
      const q = calleeName(parsed, call) ?? '';
      if (!GUARDS.test(q)) continue;
      const first = callArguments(call).positional[0];
      const arg = callArguments(call).keywords.get('device_type') ?? first;
      if (/list_|get_visible/.test(q) && !/^gpu$/i.test(stringValue(arg) ?? '')) continue;
      const fn = call.childForFieldName('function')!;
      report(fn, `\`${q}\` looks for NVIDIA GPUs.`, true);
    }
  },
};
