import type { RuleModule } from '../../../core/rule';
import type { SyntaxNode } from '../../../core/treesitter';
import { GPU_LIBRARIES } from '../../shared/gpu-libraries';
import { calleeName, dottedName, isDocstring, qualifiedName, span, stringValue, type ParsedPython } from '../syntax';

const lib = (name: string) => GPU_LIBRARIES.find((l) => l.name === name)!;
const PROVIDERS = /^(CUDAExecutionProvider|TensorrtExecutionProvider|NvTensorRtRtxExecutionProvider)$/;
const FAISS_GPU = /^faiss\.(StandardGpuResources|index_cpu_to_gpu|index_cpu_to_all_gpus|index_cpu_to_gpus_list|index_cpu_to_gpu_multiple|GpuIndex\w+|GpuCloner\w*|GpuMultipleClonerOptions|get_num_gpus)$/;
const QUIET = /^(print|logging\.\w+|logger\.\w+|log\.\w+|warnings\.warn)$/;

/**
 * Uses of NVIDIA-only library APIs that an import alone does not show: ONNX Runtime CUDA/TensorRT
 * execution providers (the import is plain `onnxruntime`), FAISS GPU indexes (the import is plain
 * `faiss`), and GPU kernels defined with @triton.jit or numba @cuda.jit (one finding per kernel).
 */
export const gpuLibraryUsage: RuleModule<ParsedPython> = {
  meta: {
    id: 'python/gpu-library-usage',
    category: 'gpu-library',
    severity: 'warning',
    effort: 'high',
    description: 'NVIDIA-only library APIs: ONNX Runtime CUDAExecutionProvider/TensorrtExecutionProvider, FAISS GPU indexes, @triton.jit and numba @cuda.jit kernels.',
  },
  check(parsed, ctx) {
    const report = (node: SyntaxNode, message: string, advice: string, extra: { severity?: 'info'; kind?: 'kernel' | 'library'; effort?: 'low' } = {}) => {
      const s = span(parsed, node);
      ctx.report({ start: s.start, end: s.end, message, advice, severity: extra.severity, effort: extra.effort, cudaKind: extra.kind ?? 'library' });
    };
    for (const str of parsed.byType('string')) {
      const v = stringValue(str);
      if (!v || !PROVIDERS.test(v) || isDocstring(str)) continue;
      let n: SyntaxNode = str;
      while (n.parent && ['list', 'tuple', 'parenthesized_expression'].includes(n.parent.type)) n = n.parent;
      const call = n.parent?.type === 'argument_list' ? n.parent.parent : undefined;
      if (call && QUIET.test(calleeName(parsed, call) ?? '')) continue;
      const guard = n.parent?.type === 'comparison_operator';
      report(str, `ONNX Runtime "${v}" needs onnxruntime-gpu and an NVIDIA GPU${guard ? ' (checked as a guard)' : ''}.`, lib('onnxruntime-gpu').advice[ctx.neuronTrack], guard ? { severity: 'info', effort: 'low' } : {});
    }
    for (const call of parsed.byType('call')) {
      const q = calleeName(parsed, call) ?? '';
      if (!FAISS_GPU.test(q)) continue;
      const guard = q === 'faiss.get_num_gpus';
      report(call.childForFieldName('function')!, `\`${q}\` uses FAISS GPU indexes (faiss-gpu).`, lib('faiss-gpu').advice[ctx.neuronTrack], guard ? { severity: 'info', effort: 'low' } : {});
    }
    for (const dec of parsed.byType('decorator')) {
      let expr: SyntaxNode | null | undefined = dec.namedChildren[0];
      if (expr?.type === 'call') expr = expr.childForFieldName('function');
      const q = qualifiedName(parsed, dottedName(expr)) ?? '';
      if (q === 'triton.jit') {
        report(expr!, 'A Triton GPU kernel (@triton.jit).', lib('triton').advice[ctx.neuronTrack], { kind: 'kernel' });
      } else if (q === 'numba.cuda.jit') {
        report(expr!, 'A Numba CUDA kernel (@cuda.jit).', lib('numba.cuda').advice[ctx.neuronTrack], { kind: 'kernel' });
      }
    }
  },
};
