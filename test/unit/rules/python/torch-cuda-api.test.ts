import { pythonAnalyzer } from '../../../../src/analyzers/python';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(pythonAnalyzer as Analyzer, 'python/torch-cuda-api', {
  filename: 'train.py',
  valid: [
    { code: 'import torch\nif torch.accelerator.is_available():\n    pass\n', name: 'torch.accelerator code is portable' },
    { code: '"""torch.cuda.synchronize() is slow"""\n' },
    { code: 'import mylib\nmylib.cuda.synchronize()\n', name: 'another module named cuda' },
  ],
  invalid: [
    {
      code: 'import torch\ntorch.cuda.synchronize()\n',
      errors: [{ line: 2, column: 1, endColumn: 23, severity: 'warning', message: /CUDA runtime/ }],
    },
    {
      code: 'import torch\ndevice = "cuda" if torch.cuda.is_available() else "cpu"\n',
      errors: [{ line: 2, column: 20, endColumn: 43, severity: 'info', effort: 'low', message: /guard/ }],
    },
    {
      code: 'from torch import cuda\ncuda.empty_cache()\n',
      errors: [{ line: 2, column: 1, endColumn: 17 }],
    },
  ],
});
