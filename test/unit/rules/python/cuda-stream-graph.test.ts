import { pythonAnalyzer } from '../../../../src/analyzers/python';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(pythonAnalyzer as Analyzer, 'python/cuda-stream-graph', {
  filename: 'bench.py',
  valid: [
    { code: 'import torch\nwith torch.cuda.device(0):\n    pass\n', name: 'not a stream' },
    { code: 'import io\ns = io.BytesIO()\nstream = open("f")\n' },
    { code: '# s = torch.cuda.Stream()\n' },
  ],
  invalid: [
    {
      code: 'import torch\ns = torch.cuda.Stream()\nwith torch.cuda.stream(s):\n    pass\n',
      errors: [
        { line: 2, column: 5, endColumn: 22, effort: 'high' },
        { line: 3, column: 6, endColumn: 23, effort: 'high' },
      ],
    },
    {
      code: 'import torch\ng = torch.cuda.CUDAGraph()\nwith torch.cuda.graph(g):\n    y = model(x)\nf = torch.cuda.make_graphed_callables(model, (x,))\n',
      errors: [
        { line: 2, column: 5, endColumn: 25 },
        { line: 3, column: 6, endColumn: 22 },
        { line: 5, column: 5, endColumn: 38 },
      ],
    },
    {
      name: 'events for timing are medium effort',
      code: 'import torch\nstart = torch.cuda.Event(enable_timing=True)\n',
      errors: [{ line: 2, column: 9, endColumn: 25, effort: 'medium' }],
    },
    {
      code: 'from torch import cuda\ncuda.current_stream().synchronize()\n',
      errors: [{ line: 2, column: 1, endColumn: 20 }],
    },
  ],
});
