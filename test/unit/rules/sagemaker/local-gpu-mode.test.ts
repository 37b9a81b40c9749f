import { sagemakerAnalyzer } from '../../../../src/analyzers/sagemaker';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(sagemakerAnalyzer as Analyzer, 'sagemaker/local-gpu-mode', {
  filename: 'local_train.py',
  valid: [
    { name: 'CPU local mode', code: 'est = PyTorch(entry_point="t.py", instance_type="local")\n' },
    { name: 'a comment', code: '# instance_type="local_gpu"\n' },
    { name: 'a docstring', code: 'def f():\n    """Use local_gpu for GPU tests."""\n' },
    { name: 'prose', code: 'print("set local_gpu to test")\n' },
  ],
  invalid: [
    {
      name: 'keyword argument',
      code: 'est = PyTorch(entry_point="t.py", instance_type="local_gpu")\n',
      errors: [{ line: 1, column: 50, endColumn: 59, category: 'gpu-scheduling' }],
    },
    {
      name: 'chosen by a conditional',
      code: 'instance_type = "local_gpu" if has_gpu else "local"\n',
      errors: [{ line: 1, column: 18, endColumn: 27 }],
    },
  ],
});
