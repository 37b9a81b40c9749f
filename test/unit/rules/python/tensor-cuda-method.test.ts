import { pythonAnalyzer } from '../../../../src/analyzers/python';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(pythonAnalyzer as Analyzer, 'python/tensor-cuda-method', {
  filename: 'train.py',
  valid: [
    { code: '# model.cuda() in a comment\nx = 1\n' },
    { code: 'def f():\n    """Call model.cuda() to move it."""\n    return 1\n' },
    { code: 's = "model.cuda()"\n' },
    { code: 'import torch\nok = torch.cuda.is_available()\n', name: 'torch.cuda is the module, not a method call' },
    { code: 'use_cuda = True\nargs.cuda = False\n' },
  ],
  invalid: [
    {
      code: 'model = Net().cuda()\n',
      errors: [{ line: 1, column: 15, endColumn: 21, message: /\.cuda\(\)/, output: 'model = Net().to(torch.accelerator.current_accelerator())\n' }],
    },
    {
      code: 'x = batch.cuda(non_blocking=True)\n',
      errors: [{ line: 1, column: 11, endColumn: 34 }],
    },
    {
      code: 'y = t.cuda()\n',
      config: { neuronTrack: 'xla' },
      errors: [{ line: 1, column: 7, endColumn: 13, output: 'y = t.to(xm.xla_device())\n' }],
    },
  ],
});
