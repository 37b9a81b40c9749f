import { pythonAnalyzer } from '../../../../src/analyzers/python';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(pythonAnalyzer as Analyzer, 'python/cuda-device-string', {
  filename: 'train.py',
  valid: [
    { code: 'print("cuda")\n', name: 'a cuda string that is not a device' },
    { code: '# torch.device("cuda")\n' },
    { code: 'parser.add_argument("--cuda", action="store_true")\n' },
    { code: 'import torch\ndevice = torch.device("cpu")\n' },
    { code: 'import torch\ndevice = torch.accelerator.current_accelerator()\nx.to(device)\n' },
  ],
  invalid: [
    {
      code: 'import torch\ndevice = torch.device("cuda")\n',
      errors: [{ line: 2, column: 23, endColumn: 29, output: 'import torch\ndevice = torch.accelerator.current_accelerator()\n' }],
    },
    {
      code: 'import torch as T\nd = T.device("cuda:0")\n',
      errors: [{ line: 2, column: 14, endColumn: 22 }],
    },
    {
      code: 'x = x.to("cuda")\n',
      errors: [{ line: 1, column: 10, endColumn: 16, output: 'x = x.to(torch.accelerator.current_accelerator())\n' }],
    },
    {
      code: 'z = torch.zeros(3, device="cuda:1")\n',
      errors: [{ line: 1, column: 27, endColumn: 35 }],
    },
  ],
});
