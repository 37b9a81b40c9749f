import { pythonAnalyzer } from '../../../../src/analyzers/python';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(pythonAnalyzer as Analyzer, 'python/torch-compile-cuda-mode', {
  filename: 'train.py',
  valid: [
    { code: 'import torch\nmodel = torch.compile(model)\n', name: 'default inductor runs on CPU too' },
    { code: 'import torch\nmodel = torch.compile(model, backend="inductor", mode="default")\n' },
    { code: 'import torch\nmodel = torch.compile(model, backend="neuron")\n' },
    { code: 'cfg = {"mode": "max-autotune"}\n', name: 'not a torch.compile call' },
  ],
  invalid: [
    {
      code: 'import torch\nmodel = torch.compile(model, mode="max-autotune")\n',
      errors: [{ line: 2, column: 35, endColumn: 49, output: 'import torch\nmodel = torch.compile(model, backend="neuron")\n' }],
    },
    {
      code: 'import torch\nmodel = torch.compile(model, mode="reduce-overhead", fullgraph=True)\n',
      errors: [{ line: 2, column: 35, endColumn: 52, message: /CUDA graphs/ }],
    },
    {
      code: 'import torch\nm = torch.compile(m, mode="max-autotune-no-cudagraphs")\n',
      errors: [{ line: 2, column: 27, endColumn: 55, severity: 'info' }],
    },
    {
      code: 'import torch\nm = torch.compile(m, options={"triton.cudagraphs": True, "epilogue_fusion": True})\n',
      errors: [{ line: 2, column: 31, endColumn: 50 }],
    },
    {
      code: 'import torch\nm = torch.compile(m, backend="cudagraphs")\n',
      errors: [{ line: 2, column: 30, endColumn: 42, effort: 'medium' }],
    },
  ],
});
