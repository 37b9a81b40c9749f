import { pythonAnalyzer } from '../../../../src/analyzers/python';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(pythonAnalyzer as Analyzer, 'python/cudnn-settings', {
  filename: 'train.py',
  valid: [
    { code: '# torch.backends.cudnn.benchmark = True\n' },
    { code: 'import torch\ntorch.backends.mps.is_available()\ntorch.backends.opt_einsum.enabled = True\n', name: 'other backends' },
    { code: 'import torch.backends.cudnn as cudnn\n', name: 'the import alone' },
  ],
  invalid: [
    {
      name: 'assignments are settings too',
      code: 'import torch\ntorch.backends.cudnn.benchmark = True\ntorch.backends.cuda.matmul.allow_tf32 = True\n',
      errors: [
        { line: 2, column: 1, endColumn: 31, severity: 'info', effort: 'low' },
        { line: 3, column: 1, endColumn: 38, severity: 'info' },
      ],
    },
    {
      code: 'import torch.backends.cudnn as cudnn\ncudnn.deterministic = True\n',
      errors: [{ line: 2, column: 1, endColumn: 20 }],
    },
    {
      code: 'from torch.backends import cudnn\nif cudnn.is_available():\n    pass\n',
      errors: [{ line: 2, column: 4, endColumn: 22 }],
    },
    {
      name: 'attention kernel selection is a warning',
      code: 'import torch\nwith torch.backends.cuda.sdp_kernel(enable_flash=True):\n    pass\n',
      errors: [{ line: 2, column: 6, endColumn: 36, severity: 'warning', message: /attention/ }],
    },
  ],
});
