import { cudaAnalyzer } from '../../../../src/analyzers/cuda';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(cudaAnalyzer as Analyzer, 'cuda/library-call', {
  filename: 'src/blas.cu',
  valid: [
    { name: 'mentions in comments and strings', code: '// cublasSgemm(h, ...);\nconst char *m = "cudnnCreate failed";\nint x;\n' },
    { name: 'handle types and enums', code: 'cublasHandle_t h; cudnnHandle_t d; ncclComm_t c; int op = CUBLAS_OP_N;\n' },
    { name: 'lowercase helpers', code: 'void f() { cublas_handle(); nccl_init(); thrust_like::sort(v); }\n' },
    { name: 'namespace declarations', code: 'namespace cub = ::cub;\nusing namespace thrust;\n' },
    { name: 'member called like a library', code: 'void f() { ctx.cublasSgemm(a); }\n' },
  ],
  invalid: [
    {
      code: 'void g() {\n  cublasCreate(&h);\n  cublasSgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &a, A, m, B, k, &b, C, m);\n  ncclAllReduce(s, r, n, ncclFloat, ncclSum, comm, stream);\n  curand_init(seed, id, 0, &st);\n}\n',
      errors: [
        { line: 2, column: 3, endColumn: 15, message: /cuBLAS call/ },
        { line: 3, column: 3, endColumn: 14 },
        { line: 4, column: 3, endColumn: 16, message: /NCCL/ },
        { line: 5, column: 3, endColumn: 14, message: /cuRAND/ },
      ],
    },
    {
      name: 'Thrust and CUB once per distinct name, with a use count',
      code: 'void h(int *p, int n) {\n  thrust::device_vector<int> v(n);\n  thrust::sort(v.begin(), v.end());\n  thrust::sort(v.begin(), v.end());\n  cub::DeviceReduce::Sum(tmp, bytes, p, p, n);\n}\n',
      errors: [
        { line: 2, column: 3, endColumn: 24, message: /Thrust: `thrust::device_vector`/ },
        { line: 3, column: 3, endColumn: 15, message: /2 uses/ },
        { line: 5, column: 3, endColumn: 25, message: /CUB: `cub::DeviceReduce::Sum`/ },
      ],
    },
  ],
});
