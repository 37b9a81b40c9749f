import { cudaAnalyzer } from '../../../../src/analyzers/cuda';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(cudaAnalyzer as Analyzer, 'cuda/runtime-api', {
  filename: 'src/buffer.cu',
  valid: [
    { name: 'in comments', code: '// cudaMalloc(&p, n);\n/* cudaMemcpy(a, b, n, cudaMemcpyHostToDevice); */\nint x;\n' },
    { name: 'in a string', code: 'void f() { log("cudaMalloc(&p, n) failed"); }\n' },
    { name: 'look-alike names', code: 'void f() { my_cudaMalloc(&p, n); cudaCheck(err); gpu.cudaMalloc(&p); cuda_free(p); }\n' },
    { name: 'types and enums are not calls', code: 'cudaStream_t s; cudaError_t e = cudaSuccess; int k = cudaMemcpyHostToDevice;\n' },
    { name: 'a wrapper declaration is not a call', code: 'cudaError_t cudaMallocTracked(void **p, size_t n);\n' },
    { name: 'macro #error text', code: '#error cudaMalloc(ptr) is required\n' },
  ],
  invalid: [
    {
      code: 'void f(float *d, float *h, size_t n) {\n  cudaMalloc(&d, n);\n  CUDA_CHECK(cudaMemcpy(d, h, n, cudaMemcpyHostToDevice));\n  cudaFree(d);\n}\n',
      errors: [
        { line: 2, column: 3, endColumn: 13, message: /`cudaMalloc` \(memory\)/ },
        { line: 3, column: 14, endColumn: 24, message: /memory/ },
        { line: 4, column: 3, endColumn: 11, message: /memory/ },
      ],
    },
    {
      name: 'device, stream and other kinds',
      code: 'void g() { cudaSetDevice(0); cudaStreamCreate(&s); cudaEventRecord(e, s); cudaDeviceSynchronize(); cudaGetLastError(); }\n',
      errors: [
        { line: 1, column: 12, endColumn: 25, message: /\(device\)/, effort: 'low' },
        { line: 1, column: 30, endColumn: 46, message: /\(stream\)/, effort: 'high' },
        { line: 1, column: 52, endColumn: 67, message: /\(stream\)/ },
        { line: 1, column: 75, endColumn: 96, message: /\(device\)/ },
        { line: 1, column: 100, endColumn: 116, message: /\(other\)/ },
      ],
    },
    {
      name: 'inside a macro body, string in the same macro ignored',
      code: '#define CHECK(x) do { cudaError_t e = (x); if (e) printf("cudaMalloc %s", cudaGetErrorString(e)); } while (0)\n',
      errors: [{ line: 1, column: 75, endColumn: 93 }],
    },
    {
      name: 'global-qualified call in a C++ file',
      filename: 'src/alloc.cpp',
      code: 'void *p; void h() { ::cudaMallocManaged(&p, 64); }\n',
      errors: [{ line: 1, column: 23, endColumn: 40 }],
    },
  ],
});
