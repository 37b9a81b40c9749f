import type { RuleModule } from '../../../core/rule';
import type { SyntaxNode } from '../../../core/treesitter';
import { callArguments, calleeName, span, stringValue, type ParsedPython } from '../syntax';

/** A JAX platform value that selects NVIDIA GPUs: "gpu", "cuda", "cuda,cpu". */
function isGpuPlatform(v: string | undefined): boolean {
  return !!v && v.split(',').some((p) => /^(gpu|cuda)$/i.test(p.trim()));
}

const DEVICE_QUERIES = new Set(['jax.devices', 'jax.local_devices', 'jax.device_count', 'jax.local_device_count']);
const ENV_KEYS = /^(JAX_PLATFORMS|JAX_PLATFORM_NAME)$/;

/** JAX bound to GPUs: jax.devices("gpu"), backend="gpu", jax_platform_name / JAX_PLATFORMS = gpu|cuda. */
export const jaxGpuDevice: RuleModule<ParsedPython> = {
  precheck: /jax|JAX/,
  meta: {
    id: 'python/jax-gpu-device',
    category: 'framework-cuda',
    severity: 'warning',
    effort: 'low',
    description: 'JAX pinned to GPUs: jax.devices("gpu"), backend="gpu", jax.config.update("jax_platform_name", "gpu"), JAX_PLATFORMS=cuda.',
  },
  check(parsed, ctx) {
    const report = (node: SyntaxNode, what: string) => {
      const s = span(parsed, node);
      ctx.report({
        start: s.start,
        end: s.end,
        message: `${what} selects NVIDIA GPUs for JAX.`,
        advice:
          'On Trainium/Inferentia, JAX runs through the Neuron PJRT plugin (jax-neuronx): let JAX pick the default backend (jax.devices() without a platform) or select the "neuron" platform.',
        cudaKind: 'device',
      });
    };
    for (const call of parsed.byType('call')) {
      const q = calleeName(parsed, call) ?? '';
      const { positional, keywords } = callArguments(call);
      if (DEVICE_QUERIES.has(q)) {
        const arg = keywords.get('backend') ?? positional[0];
        if (isGpuPlatform(stringValue(arg))) report(arg!, `\`${q}(${arg!.text})\``);
        continue;
      }
      if (q === 'jax.config.update') {
        const key = stringValue(positional[0]);
        if ((key === 'jax_platform_name' || key === 'jax_platforms') && isGpuPlatform(stringValue(positional[1]))) report(positional[1], `${key} = ${positional[1].text}`);
        continue;
      }
      if (q.startsWith('jax.')) {
        const backend = keywords.get('backend');
        if (backend && isGpuPlatform(stringValue(backend))) report(backend, `backend=${backend.text}`);
        continue;
      }
      // os.environ.setdefault("JAX_PLATFORMS", "cuda") / os.putenv(...)
      if (/^os\.(environ\.setdefault|putenv)$/.test(q) && ENV_KEYS.test(stringValue(positional[0]) ?? '') && isGpuPlatform(stringValue(positional[1]))) {
        report(positional[1], `${stringValue(positional[0])}=${positional[1].text}`);
      }
    }
    // os.environ["JAX_PLATFORMS"] = "cuda"
    for (const asg of parsed.byType('assignment')) {
      const left = asg.childForFieldName('left');
      const right = asg.childForFieldName('right');
      if (left?.type !== 'subscript' || !right) continue;
      if (left.childForFieldName('value')?.text !== 'os.environ') continue;
      const key = stringValue(left.childForFieldName('subscript'));
      if (key && ENV_KEYS.test(key) && isGpuPlatform(stringValue(right))) report(right, `${key}=${right.text}`);
    }
  },
};
