import type { RuleModule } from '../../../core/rule';
import { libraryAdvice, neuronDevice } from '../advice';
import { cudaHeader } from '../names';
import type { ParsedCpp } from '../syntax';

/** `#include` of CUDA runtime/driver headers and of NVIDIA library headers (cuBLAS, cuDNN, NCCL, Thrust, CUTLASS …). */
export const cudaInclude: RuleModule<ParsedCpp> = {
  meta: {
    id: 'cuda/cuda-include',
    category: 'cuda-source',
    severity: 'warning',
    effort: 'medium',
    description: 'An #include of a CUDA header (cuda_runtime.h, cuda.h …) or an NVIDIA library header (cuBLAS, cuDNN, cuFFT, cuRAND, NCCL, Thrust, CUB, CUTLASS).',
  },
  check(parsed, ctx) {
    for (const inc of parsed.includes) {
      const header = cudaHeader(inc.path);
      if (!header) continue;
      if (header.library) {
        ctx.report({
          start: inc.start,
          end: inc.end,
          message: `Includes ${header.library} header \`${inc.path}\`.`,
          advice: libraryAdvice(header.library, ctx.neuronTrack),
          cudaKind: 'library',
        });
      } else {
        ctx.report({
          start: inc.start,
          end: inc.end,
          message: `Includes CUDA header \`${inc.path}\`.`,
          advice: `This file is compiled against the CUDA toolkit. Move its device work to PyTorch ops on ${neuronDevice(ctx.neuronTrack)} or to NKI kernels, and drop the include once no CUDA API is used.`,
          severity: 'info',
          effort: 'low',
          cudaKind: 'other',
        });
      }
    }
  },
};
