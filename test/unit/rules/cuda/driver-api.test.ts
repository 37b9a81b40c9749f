import { cudaAnalyzer } from '../../../../src/analyzers/cuda';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(cudaAnalyzer as Analyzer, 'cuda/driver-api', {
  filename: 'src/loader.cpp',
  valid: [
    { name: 'in a comment', code: '// cuInit(0); cuCtxCreate(&ctx, 0, dev);\nint x;\n' },
    { name: 'cuComplex helpers are not driver calls', code: 'cuFloatComplex f(cuFloatComplex a, cuFloatComplex b) { return cuCaddf(a, b); }\n' },
    { name: 'types only', code: 'CUcontext ctx; CUdeviceptr p; CUresult r = CUDA_SUCCESS;\n' },
    { name: 'runtime calls belong to runtime-api', code: 'void f() { cudaMalloc(&p, 4); }\n' },
  ],
  invalid: [
    {
      code: 'void init() {\n  cuInit(0);\n  cuCtxCreate(&ctx, 0, dev);\n  cuModuleLoadData(&mod, ptx);\n  cuLaunchKernel(fn, 1, 1, 1, 32, 1, 1, 0, 0, args, 0);\n  cuMemAlloc(&p, 64);\n}\n',
      errors: [
        { line: 2, column: 3, endColumn: 9, message: /\(device\)/ },
        { line: 3, column: 3, endColumn: 14, message: /\(device\)/ },
        { line: 4, column: 3, endColumn: 19, message: /\(kernel\)/, effort: 'high' },
        { line: 5, column: 3, endColumn: 17, message: /\(kernel\)/ },
        { line: 6, column: 3, endColumn: 13, message: /\(memory\)/ },
      ],
    },
  ],
});
