import type { RuleModule } from '../../../core/rule';
import type { SyntaxNode } from '../../../core/treesitter';
import { callArguments, calleeName, span, stringValue, type ParsedPython } from '../syntax';

/** Whether an expression holds a CUDA source file name (".cu"/".cuh"), in a list or alone. */
function hasCudaSource(node: SyntaxNode | undefined): boolean {
  if (!node) return false;
  if (node.type === 'string') return /\.cuh?$/i.test(stringValue(node) ?? '');
  return node.descendantsOfType('string').some((s) => !!s && /\.cuh?$/i.test(stringValue(s) ?? ''));
}

/**
 * PyTorch C++/CUDA extensions built from CUDA sources: CUDAExtension(...) in setup.py, JIT
 * torch.utils.cpp_extension.load(sources=[... .cu]) and load_inline(cuda_sources=...).
 * CppExtension and BuildExtension alone are CPU-capable: not reported.
 */
export const cudaExtension: RuleModule<ParsedPython> = {
  precheck: /cpp_extension|CUDAExtension|BuildExtension|cuda_sources/,
  meta: {
    id: 'python/cuda-extension',
    category: 'cuda-source',
    severity: 'warning',
    effort: 'high',
    description: 'A PyTorch CUDA extension: CUDAExtension in setup.py, cpp_extension.load() with .cu sources, load_inline(cuda_sources=…).',
  },
  check(parsed, ctx) {
    for (const call of parsed.byType('call')) {
      const q = calleeName(parsed, call) ?? '';
      const { positional, keywords } = callArguments(call);
      let what: string | undefined;
      if (/(^|\.)CUDAExtension$/.test(q)) what = 'CUDAExtension builds CUDA sources with nvcc';
      else if (/^torch\.utils\.cpp_extension\.load$/.test(q) && hasCudaSource(keywords.get('sources') ?? positional[1])) what = 'cpp_extension.load() JIT-compiles .cu sources with nvcc';
      else if (/^torch\.utils\.cpp_extension\.load_inline$/.test(q) && keywords.has('cuda_sources')) what = 'load_inline() JIT-compiles CUDA sources with nvcc';
      if (!what) continue;
      const s = span(parsed, call.childForFieldName('function')!);
      ctx.report({
        start: s.start,
        end: s.end,
        message: `A PyTorch CUDA extension: ${what}.`,
        advice: 'Rewrite the CUDA kernels as NKI kernels (Neuron Kernel Interface) or express them with PyTorch operations the Neuron compiler fuses; keep a CppExtension for CPU-only parts.',
        cudaKind: 'build',
      });
    }
  },
};
