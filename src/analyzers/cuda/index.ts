import { defineAnalyzer } from '../../core/rule';
import { cudaInclude } from './rules/cuda-include';
import { driverApi } from './rules/driver-api';
import { inlinePtx } from './rules/inline-ptx';
import { kernelDefinition } from './rules/kernel-definition';
import { kernelLaunch } from './rules/kernel-launch';
import { libraryCall } from './rules/library-call';
import { libtorchCudaDevice } from './rules/libtorch-cuda-device';
import { runtimeApi } from './rules/runtime-api';
import { x86InlineAsm } from './rules/x86-inline-asm';
import { x86Intrinsic } from './rules/x86-intrinsic';
import { x86Preprocessor } from './rules/x86-preprocessor';
import { cppParser, type ParsedCpp } from './syntax';

/**
 * C, C++ and CUDA sources and headers: CUDA kernels, launches, runtime/driver/library calls,
 * inline PTX, libtorch CUDA devices, and x86-only code (intrinsics, inline asm, directives).
 */
export const cudaAnalyzer = defineAnalyzer<ParsedCpp>({
  id: 'cuda',
  matches: (rel) => /\.(cu|cuh|c|cc|cpp|cxx|c\+\+|h|hh|hpp|hxx|inl|ipp|tpp)$/i.test(rel),
  // Superset of every rule's trigger: CUDA words, kernels, launches, libraries, intrinsics, asm, directives.
  precheck:
    /cuda|__global__|__device__|<<<|\bcu[A-Z]|cublas|cudnn|cufft|curand|nccl|cusparse|cusolver|cutensor|nvrtc|thrust|\bcub\b|cutlass|cute|nvcuda|kCUDA|\b_mm|_m_|__builtin_ia32|cpuid|rdtsc|_xgetbv|_(pdep|pext|bzhi|bextr|blsr|blsi|blsmsk|tzcnt|lzcnt|andn)_u|_cvtsh_ss|_cvtss_sh|_rdrand|_rdseed|_xbegin|_xend|_xabort|_xtest|_tile_|intrin\.h|cpuid\.h|\basm\b|__asm|#\s*pragma\s+simd|#\s*error/,
  parser: cppParser,
  rules: [kernelDefinition, kernelLaunch, runtimeApi, driverApi, cudaInclude, libraryCall, inlinePtx, libtorchCudaDevice, x86Intrinsic, x86InlineAsm, x86Preprocessor],
});
