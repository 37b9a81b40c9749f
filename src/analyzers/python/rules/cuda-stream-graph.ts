import type { RuleModule } from '../../../core/rule';
import type { Effort } from '../../../core/types';
import { calleeName, span, type ParsedPython } from '../syntax';

/** torch.cuda stream, event and graph APIs, with the effort of replacing each. */
const APIS: Record<string, { effort: Effort; what: string }> = {
  Stream: { effort: 'high', what: 'a CUDA stream' },
  stream: { effort: 'high', what: 'a CUDA stream context' },
  current_stream: { effort: 'high', what: 'the current CUDA stream' },
  default_stream: { effort: 'high', what: 'the default CUDA stream' },
  set_stream: { effort: 'high', what: 'a CUDA stream switch' },
  ExternalStream: { effort: 'high', what: 'an external CUDA stream' },
  Event: { effort: 'medium', what: 'a CUDA event' },
  CUDAGraph: { effort: 'high', what: 'a CUDA graph' },
  graph: { effort: 'high', what: 'CUDA graph capture' },
  graph_pool_handle: { effort: 'high', what: 'a CUDA graph memory pool' },
  make_graphed_callables: { effort: 'high', what: 'CUDA-graphed callables' },
};

/** CUDA streams, events and graphs: explicit GPU scheduling with no announced Neuron equivalent. */
export const cudaStreamGraph: RuleModule<ParsedPython> = {
  precheck: /cuda|Stream|Graph|graph/,
  meta: {
    id: 'python/cuda-stream-graph',
    category: 'framework-cuda',
    severity: 'warning',
    effort: 'high',
    description: 'CUDA streams, events and graphs (torch.cuda.Stream/stream/Event/CUDAGraph/graph/make_graphed_callables).',
  },
  check(parsed, ctx) {
    for (const call of parsed.byType('call')) {
      const q = calleeName(parsed, call) ?? '';
      const m = /^torch\.cuda\.(\w+)$/.exec(q);
      const api = m ? APIS[m[1]] : undefined;
      if (!api) continue;
      const s = span(parsed, call.childForFieldName('function')!);
      const isEvent = m![1] === 'Event';
      ctx.report({
        start: s.start,
        end: s.end,
        message: `\`${q}\` uses ${api.what}.`,
        advice: isEvent
          ? 'For timing, use time.perf_counter() around a device synchronisation (torch.accelerator.synchronize()) or the Neuron profiler; for cross-stream ordering there is no announced Neuron equivalent.'
          : ctx.neuronTrack === 'xla'
            ? 'No equivalent announced: torch-xla builds and schedules graphs itself (xm.mark_step()); remove the explicit stream/graph code and let the compiler overlap work.'
            : 'No equivalent announced for the Neuron native backend: remove explicit stream/graph management and rely on torch.compile(backend="neuron") to schedule work; plan a redesign of overlap logic.',
        effort: api.effort,
        cudaKind: 'stream',
      });
    }
  },
};
