import { cudaAnalyzer } from '../../../../src/analyzers/cuda';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(cudaAnalyzer as Analyzer, 'cuda/kernel-definition', {
  filename: 'kernels/add.cu',
  valid: [
    { name: 'kernel in a line comment', code: '// __global__ void add(float *a) { }\nint x;\n' },
    { name: 'kernel in a block comment', code: '/* __global__ void add(float *a) { a[0] = 1; } */\n' },
    { name: 'kernel in a string', code: 'const char *src = "__global__ void add(float *a) { }";\n' },
    { name: 'declaration only (prototype)', code: '__global__ void add(float *a, int n);\n' },
    { name: '__host__ __device__ functions are host-callable', code: '__host__ __device__ inline float sq(float x) { return x * x; }\n' },
    { name: '__device__ __host__ order', code: '__device__ __host__ float sq(float x) { return x * x; }\n' },
    { name: 'host-device macro', code: '#define HD __host__ __device__\nHD float sq(float x) { return x * x; }\n' },
    { name: '__device__ variable', code: '__device__ int counter = 0;\n__device__ float table[16];\n' },
    { name: 'macro that defines the qualifier is not a kernel', code: '#define KERNEL __global__\n' },
    { name: 'disabled #if 0 block', code: '#if 0\n__global__ void add(float *a) { }\n#endif\n' },
  ],
  invalid: [
    {
      code: '__global__ void add(float *a, const float *b, int n) {\n  int i = blockIdx.x * blockDim.x + threadIdx.x;\n  if (i < n) a[i] += b[i];\n}\n',
      errors: [{ line: 1, column: 17, endColumn: 20, message: /kernel `add`/, severity: 'warning', effort: 'high' }],
    },
    {
      name: 'template kernel with __launch_bounds__ in a namespace',
      code: 'namespace k {\ntemplate <int N>\nstatic __global__ void __launch_bounds__(128, 2) reduce(const float *__restrict__ x) { }\n}\n',
      errors: [{ line: 3, column: 50, endColumn: 56, message: /`reduce`/ }],
    },
    {
      name: 'extern "C" kernel',
      code: 'extern "C" __global__ void saxpy(float a, float *x) { x[0] *= a; }\n',
      errors: [{ line: 1, column: 28, endColumn: 33 }],
    },
    {
      name: 'device-only helper is info',
      code: 'static __device__ __forceinline__ float warp_sum(float v) { return v; }\n',
      errors: [{ line: 1, column: 41, endColumn: 49, message: /device function `warp_sum`/, severity: 'info' }],
    },
    {
      name: 'kernel qualifier through a macro',
      code: '#define KERNEL __global__\nKERNEL void fill(int *p) { *p = 1; }\n',
      errors: [{ line: 2, column: 13, endColumn: 17 }],
    },
    {
      name: 'kernel in a .cuh header after a UTF-16 comment',
      filename: 'include/ops.cuh',
      code: '// Größe 🚀\n__global__ void k2(int *p) { }\n',
      errors: [{ line: 2, column: 17, endColumn: 19 }],
    },
  ],
});
