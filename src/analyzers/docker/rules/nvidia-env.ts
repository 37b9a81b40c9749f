import type { RuleContext, RuleModule } from '../../../core/rule';
import { get, isTMap, isTScalar, items, str } from '../../kubernetes/tree';
import type { ParsedDocker } from '../syntax';

const NVIDIA_VARS = /^(NVIDIA_VISIBLE_DEVICES|NVIDIA_DRIVER_CAPABILITIES|NVIDIA_REQUIRE_CUDA|NVIDIA_MIG_CONFIG_DEVICES|CUDA_VISIBLE_DEVICES)$/;

function report(ctx: RuleContext, name: string, start: number, end: number): void {
  ctx.report({
    start,
    end,
    message: `${name} configures NVIDIA GPU visibility for the NVIDIA container runtime.`,
    advice:
      name === 'CUDA_VISIBLE_DEVICES'
        ? 'On Neuron, select NeuronCores with NEURON_RT_VISIBLE_CORES (or NEURON_RT_NUM_CORES) instead of CUDA_VISIBLE_DEVICES.'
        : 'Remove the NVIDIA_* variables on Neuron hosts; select NeuronCores with NEURON_RT_VISIBLE_CORES and expose /dev/neuron* devices to the container.',
  });
}

/** NVIDIA_VISIBLE_DEVICES and friends in Dockerfile ENV and compose environment. */
export const nvidiaEnv: RuleModule<ParsedDocker> = {
  meta: {
    id: 'docker/nvidia-env',
    category: 'cuda-image',
    severity: 'info',
    effort: 'low',
    description: 'NVIDIA runtime variables (NVIDIA_VISIBLE_DEVICES, NVIDIA_DRIVER_CAPABILITIES, CUDA_VISIBLE_DEVICES …) set in a Dockerfile ENV or a compose environment.',
  },
  check(parsed, ctx) {
    if (parsed.kind === 'dockerfile') {
      for (const ins of parsed.instructions) {
        if (ins.keyword !== 'ENV') continue;
        const words = ins.words;
        // ENV KEY=value ... or the legacy ENV KEY value.
        if (words.length >= 1 && !words[0].raw.includes('=')) {
          if (NVIDIA_VARS.test(words[0].raw)) report(ctx, words[0].raw, words[0].start, words[0].end);
          continue;
        }
        for (const w of words) {
          const name = w.raw.slice(0, Math.max(0, w.raw.indexOf('=')));
          if (NVIDIA_VARS.test(name)) report(ctx, name, w.start, w.start + name.length);
        }
      }
      return;
    }
    for (const svc of parsed.services) {
      const env = get(svc.node, 'environment');
      if (isTMap(env)) {
        for (const p of env.pairs) if (NVIDIA_VARS.test(p.key)) report(ctx, p.key, p.keyNode.start, p.keyNode.end);
      } else {
        for (const item of items(env)) {
          const v = str(item);
          const name = v?.split('=')[0] ?? '';
          if (isTScalar(item) && NVIDIA_VARS.test(name)) report(ctx, name, item.start, item.start + name.length);
        }
      }
    }
  },
};
