import { pythonAnalyzer } from '../../../../src/analyzers/python';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(pythonAnalyzer as Analyzer, 'python/cuda-extension', {
  filename: 'setup.py',
  valid: [
    { code: 'from torch.utils.cpp_extension import CppExtension, BuildExtension\nsetup(ext_modules=[CppExtension("ops", ["ops.cpp"])], cmdclass={"build_ext": BuildExtension})\n', name: 'a CPU C++ extension' },
    { code: 'from torch.utils.cpp_extension import load\nops = load(name="ops", sources=["ops.cpp"])\n', name: 'JIT C++ without .cu' },
    { code: '# CUDAExtension("x", ["x.cu"])\n' },
  ],
  invalid: [
    {
      code: 'from torch.utils.cpp_extension import BuildExtension, CUDAExtension\nsetup(\n    ext_modules=[CUDAExtension("fused", ["fused.cpp", "fused_kernel.cu"])],\n    cmdclass={"build_ext": BuildExtension},\n)\n',
      errors: [{ line: 3, column: 18, endColumn: 31, category: 'cuda-source', effort: 'high' }],
    },
    {
      code: 'from torch.utils import cpp_extension\nops = cpp_extension.load(name="upfirdn2d", sources=["upfirdn2d.cpp", "upfirdn2d_kernel.cu"])\n',
      filename: 'op/upfirdn2d.py',
      errors: [{ line: 2, column: 7, endColumn: 25 }],
    },
    {
      code: 'import torch.utils.cpp_extension as ce\nm = ce.load_inline(name="k", cpp_sources=cpp, cuda_sources=cu, functions=["f"])\n',
      errors: [{ line: 2, column: 5, endColumn: 19 }],
    },
  ],
});
