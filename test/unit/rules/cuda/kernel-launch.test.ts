import { cudaAnalyzer } from '../../../../src/analyzers/cuda';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(cudaAnalyzer as Analyzer, 'cuda/kernel-launch', {
  filename: 'src/main.cu',
  valid: [
    { name: 'launch in a comment', code: 'void f() {\n  // add<<<1, 32>>>(d);\n}\n' },
    { name: 'launch in a string', code: 'const char *s = "add<<<1, 32>>>(d)";\n' },
    { name: 'shift operators and nested templates', code: 'int f(int a) { std::vector<std::vector<std::vector<int>>> v; return a << 2 >> 1; }\n' },
    { name: 'cudaLaunchKernel is not a chevron launch', code: 'void f() { cudaLaunchKernel((void*)k, g, b, args, 0, s); }\n' },
  ],
  invalid: [
    {
      code: 'void f(float *d) {\n  add<<<grid, block, 0, stream>>>(d, d, 100);\n}\n',
      errors: [{ line: 2, column: 3, endColumn: 6, message: /launch of `add`/, effort: 'high' }],
    },
    {
      name: 'template kernel, qualified, spaces before <<<',
      code: 'void f(float *d) { k::scale<float, 4> <<<dim3(1), 256>>>(d, 2.0f); }\n',
      errors: [{ line: 1, column: 20, endColumn: 28, message: /`k::scale`/ }],
    },
    {
      name: 'nested template argument closes with >>',
      code: 'void f() { gemm<Tile<64>><<<1, 1>>>(); }\n',
      errors: [{ line: 1, column: 12, endColumn: 16 }],
    },
    {
      name: 'two launches, one in a macro body',
      code: '#define LAUNCH(k, n) k<<<(n + 255) / 256, 256>>>()\nvoid f() { fill<<<1, 1>>>(); }\n',
      errors: [
        { line: 1, column: 22, endColumn: 23 },
        { line: 2, column: 12, endColumn: 16 },
      ],
    },
    {
      name: 'launch through a function pointer reports the chevrons',
      code: 'void f() { (*fn)<<<1, 1>>>(); }\n',
      errors: [{ line: 1, column: 17, endColumn: 20 }],
    },
  ],
});
