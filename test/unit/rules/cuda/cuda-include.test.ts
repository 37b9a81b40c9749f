import { cudaAnalyzer } from '../../../../src/analyzers/cuda';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(cudaAnalyzer as Analyzer, 'cuda/cuda-include', {
  filename: 'src/gemm.cu',
  valid: [
    { name: 'commented include', code: '// #include <cuda_runtime.h>\n/* #include "cudnn.h" */\nint x;\n' },
    { name: 'include in a string', code: 'const char *h = "#include <cuda.h>";\n' },
    { name: 'HIP headers', code: '#include <hip/hip_runtime.h>\n#include <hipblas/hipblas.h>\n' },
    { name: 'look-alike header names', code: '#include "my_cuda_utils.h"\n#include <cudaconfig.h>\n' },
    { name: 'disabled block', code: '#if 0\n#include <cublas_v2.h>\n#endif\n' },
  ],
  invalid: [
    {
      code: '#include <cuda_runtime.h>\n#include "cublas_v2.h"\n#include <cudnn.h>\n#include <thrust/device_vector.h>\n#include <cutlass/gemm/device/gemm.h>\n#include <nccl.h>\n',
      errors: [
        { line: 1, column: 10, endColumn: 26, severity: 'info', message: /CUDA header `cuda_runtime.h`/ },
        { line: 2, column: 10, endColumn: 23, message: /cuBLAS/, severity: 'warning' },
        { line: 3, column: 10, endColumn: 19, message: /cuDNN/ },
        { line: 4, column: 10, endColumn: 34, message: /Thrust/ },
        { line: 5, column: 10, endColumn: 38, message: /CUTLASS/ },
        { line: 6, column: 10, endColumn: 18, message: /NCCL/ },
      ],
    },
    {
      name: 'conditional include in a header',
      filename: 'include/backend.h',
      code: '#ifdef USE_CUDA\n#include <cuda_fp16.h>\n#include <curand_kernel.h>\n#endif\n',
      errors: [
        { line: 2, column: 10, endColumn: 23 },
        { line: 3, column: 10, endColumn: 27, message: /cuRAND/ },
      ],
    },
  ],
});
