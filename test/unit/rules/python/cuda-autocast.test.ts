import { pythonAnalyzer } from '../../../../src/analyzers/python';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(pythonAnalyzer as Analyzer, 'python/cuda-autocast', {
  filename: 'train.py',
  valid: [
    { code: 'import torch\nwith torch.autocast(device_type="cpu", dtype=torch.bfloat16):\n    pass\n' },
    { code: 'import torch\nwith torch.autocast(device_type=device.type):\n    pass\n', name: 'device type taken from the device in use' },
    { code: '# with torch.cuda.amp.autocast():\nx = 1\n', name: 'comment' },
    { code: 'import torch\nwith torch.autocast(device_type=torch.accelerator.current_accelerator().type):\n    pass\n', name: 'torch.accelerator' },
  ],
  invalid: [
    {
      code: 'import torch\nwith torch.cuda.amp.autocast():\n    pass\n',
      errors: [{ line: 2, column: 6, endColumn: 29, output: 'import torch\nwith torch.autocast("neuron"):\n    pass\n' }],
    },
    {
      code: 'import torch\nscaler = torch.cuda.amp.GradScaler(enabled=True)\n',
      errors: [{ line: 2, column: 10, endColumn: 35, message: /GradScaler/, output: 'import torch\nscaler = torch.amp.GradScaler("neuron", enabled=True)\n' }],
    },
    {
      code: 'import torch\nwith torch.autocast("cuda", dtype=torch.float16):\n    pass\n',
      errors: [{ line: 2, column: 21, endColumn: 27, output: 'import torch\nwith torch.autocast("neuron", dtype=torch.float16):\n    pass\n' }],
    },
    {
      code: "import torch\nwith torch.amp.autocast(device_type='cuda'):\n    pass\ns = torch.amp.GradScaler('cuda')\n",
      config: { neuronTrack: 'xla' },
      errors: [
        { line: 2, column: 37, endColumn: 43, output: "import torch\nwith torch.amp.autocast(device_type='xla'):\n    pass\ns = torch.amp.GradScaler('cuda')\n" },
        { line: 4, column: 26, endColumn: 32 },
      ],
    },
    {
      name: 'names imported from torch.cuda.amp',
      code: 'from torch.cuda.amp import autocast, GradScaler\nscaler = GradScaler()\nwith autocast():\n    pass\n',
      errors: [
        { line: 2, column: 10, endColumn: 20 },
        { line: 3, column: 6, endColumn: 14 },
      ],
    },
  ],
});
