import type { RuleModule } from '../../../core/rule';
import type { Effort, Severity, CudaRefKind, NeuronTrack } from '../../../core/types';
import { dottedName, qualifiedName, span, type ParsedPython } from '../syntax';

interface ApiAdvice {
  kind: CudaRefKind;
  effort: Effort;
  severity: Severity;
  advice: Record<NeuronTrack, string>;
}

const GUARD: ApiAdvice = {
  kind: 'device',
  effort: 'low',
  severity: 'info',
  advice: {
    native: 'A portable guard: prefer torch.accelerator.is_available() / torch.accelerator.device_count(), which also see Neuron devices.',
    xla: 'On the torch-xla track, use xm.get_xla_supported_devices() to find devices.',
  },
};

const ADVICE: Record<string, ApiAdvice> = {
  is_available: GUARD,
  device_count: GUARD,
  current_device: GUARD,
  synchronize: {
    kind: 'device',
    effort: 'low',
    severity: 'warning',
    advice: { native: 'Not needed on the native Neuron backend, or use torch.accelerator.synchronize().', xla: 'On the torch-xla track, use xm.mark_step() where a step boundary is meant.' },
  },
  set_device: {
    kind: 'device',
    effort: 'low',
    severity: 'warning',
    advice: { native: 'Use torch.accelerator.set_device_index().', xla: 'Let torch-xla assign devices per process (xm.xla_device()).' },
  },
  empty_cache: { kind: 'memory', effort: 'low', severity: 'warning', advice: { native: 'Use torch.accelerator.empty_cache() where available, or drop it.', xla: 'Drop it: torch-xla manages device memory.' } },
  memory_allocated: { kind: 'memory', effort: 'low', severity: 'warning', advice: { native: 'Use torch.accelerator.memory_allocated() or Neuron tools (neuron-top) for memory.', xla: 'Use Neuron tools (neuron-top, neuron-monitor) for device memory.' } },
  max_memory_allocated: { kind: 'memory', effort: 'low', severity: 'warning', advice: { native: 'Use torch.accelerator memory statistics or neuron-monitor.', xla: 'Use neuron-monitor for device memory.' } },
  manual_seed: { kind: 'device', effort: 'low', severity: 'warning', advice: { native: 'torch.manual_seed() already seeds every device.', xla: 'Use xm.set_rng_state() or torch.manual_seed().' } },
  manual_seed_all: { kind: 'device', effort: 'low', severity: 'warning', advice: { native: 'torch.manual_seed() already seeds every device.', xla: 'Use xm.set_rng_state() or torch.manual_seed().' } },
  get_device_name: GUARD,
  is_bf16_supported: GUARD,
  get_device_capability: { kind: 'device', effort: 'medium', severity: 'warning', advice: { native: 'Neuron devices have no compute capability: remove branches on GPU generation (Trainium supports bf16/fp8 natively).', xla: 'Neuron devices have no compute capability: remove branches on GPU generation.' } },
  mem_get_info: { kind: 'memory', effort: 'low', severity: 'warning', advice: { native: 'Use neuron-monitor / neuron-top for device memory.', xla: 'Use neuron-monitor / neuron-top for device memory.' } },
  memory_reserved: { kind: 'memory', effort: 'low', severity: 'warning', advice: { native: 'Use torch.accelerator memory statistics or neuron-monitor.', xla: 'Use neuron-monitor for device memory.' } },
  reset_peak_memory_stats: { kind: 'memory', effort: 'low', severity: 'warning', advice: { native: 'Use torch.accelerator memory statistics or neuron-monitor.', xla: 'Use neuron-monitor for device memory.' } },
  ipc_collect: { kind: 'memory', effort: 'low', severity: 'warning', advice: { native: 'Drop it: there is no CUDA IPC on Neuron.', xla: 'Drop it: there is no CUDA IPC on Neuron.' } },
  get_device_properties: { kind: 'device', effort: 'medium', severity: 'warning', advice: { native: 'Neuron devices have no CUDA properties: remove logic that depends on GPU model or compute capability.', xla: 'Neuron devices have no CUDA properties: remove logic that depends on GPU model or compute capability.' } },
};

const DEFAULT: ApiAdvice = {
  kind: 'other',
  effort: 'medium',
  severity: 'warning',
  advice: {
    native: 'Replace the torch.cuda call with its torch.accelerator equivalent, or remove it; check the Neuron native backend docs for support.',
    xla: 'Replace the torch.cuda call with the torch_xla equivalent (torch_xla.core.xla_model), or remove it.',
  },
};

/** Calls into torch.cuda.*: the CUDA runtime as seen from PyTorch. */
export const torchCudaApi: RuleModule<ParsedPython> = {
  precheck: /cuda/,
  meta: {
    id: 'python/torch-cuda-api',
    category: 'framework-cuda',
    severity: 'warning',
    effort: 'low',
    description: 'A call to the torch.cuda API (device queries, synchronisation, memory, seeding).',
  },
  check(parsed, ctx) {
    for (const call of parsed.byType('call')) {
      const fn = call.childForFieldName('function');
      const q = qualifiedName(parsed, dottedName(fn));
      if (!q?.startsWith('torch.cuda.')) continue;
      const rest = q.slice('torch.cuda.'.length);
      // autocast, GradScaler, streams and graphs have rules of their own.
      if (/^(amp\b|autocast|GradScaler|Stream|stream|Event|CUDAGraph|graph|graph_pool_handle|make_graphed_callables|current_stream|default_stream|set_stream|ExternalStream|nccl\b)$|^(amp|nccl)\./.test(rest)) continue;
      const name = rest.split('.')[0];
      const a = ADVICE[name] ?? DEFAULT;
      const s = span(parsed, fn!);
      ctx.report({
        start: s.start,
        end: s.end,
        message: a === GUARD ? `\`${q}()\` only sees NVIDIA GPUs; used as a guard it silently falls back to CPU elsewhere.` : `\`${q}()\` calls the CUDA runtime.`,
        advice: a.advice[ctx.neuronTrack],
        severity: a.severity,
        effort: a.effort,
        cudaKind: a.kind,
      });
    }
  },
};
