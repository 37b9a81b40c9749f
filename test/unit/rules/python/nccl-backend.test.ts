import { pythonAnalyzer } from '../../../../src/analyzers/python';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(pythonAnalyzer as Analyzer, 'python/nccl-backend', {
  filename: 'dist.py',
  valid: [
    { code: 'import torch.distributed as dist\ndist.init_process_group("gloo")\n' },
    { code: 'print("nccl")\n' },
    { code: '# dist.init_process_group("nccl")\n' },
    { code: 'import argparse\np = argparse.ArgumentParser()\np.add_argument("--comm", default="nccl")\n', name: 'a default of an unrelated flag' },
  ],
  invalid: [
    {
      name: 'argparse default of a backend flag',
      code: 'import argparse\np = argparse.ArgumentParser()\np.add_argument("--dist-backend", default="nccl", type=str)\n',
      errors: [{ line: 3, column: 42, endColumn: 48 }],
    },
    {
      code: 'import torch.distributed as dist\ndist.init_process_group("nccl")\n',
      errors: [{ line: 2, column: 25, endColumn: 31 }],
    },
    {
      code: 'import torch.distributed as dist\ndist.init_process_group(backend="nccl", world_size=2)\n',
      config: { neuronTrack: 'xla' },
      errors: [{ line: 2, column: 33, endColumn: 39, output: 'import torch.distributed as dist\ndist.init_process_group(backend="xla", world_size=2)\n' }],
    },
  ],
});
