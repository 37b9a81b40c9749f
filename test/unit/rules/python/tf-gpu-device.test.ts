import { pythonAnalyzer } from '../../../../src/analyzers/python';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(pythonAnalyzer as Analyzer, 'python/tf-gpu-device', {
  filename: 'train_tf.py',
  valid: [
    { code: 'import tensorflow as tf\nwith tf.device("/CPU:0"):\n    pass\n' },
    { code: 'print("running on /GPU:0")\n', name: 'prose in a string' },
    { code: 'print("/GPU:0")\n', name: 'printed device name' },
    { code: '"""Use tf.device("/GPU:0") to pin."""\n', name: 'docstring' },
    { code: 'import tensorflow as tf\ncpus = tf.config.list_physical_devices("CPU")\n' },
  ],
  invalid: [
    {
      code: 'import tensorflow as tf\nwith tf.device("/GPU:0"):\n    pass\n',
      errors: [{ line: 2, column: 16, endColumn: 24, severity: 'warning', effort: 'medium' }],
    },
    {
      code: 'import tensorflow as tf\nstrategy = tf.distribute.MirroredStrategy(devices=["/gpu:0", "/device:GPU:1"])\n',
      errors: [
        { line: 2, column: 52, endColumn: 60 },
        { line: 2, column: 62, endColumn: 77 },
      ],
    },
    {
      name: 'GPU queries are guards',
      code: "import tensorflow as tf\ngpus = tf.config.list_physical_devices('GPU')\nfor g in gpus:\n    tf.config.experimental.set_memory_growth(g, True)\n",
      errors: [
        { line: 2, column: 8, endColumn: 39, severity: 'info', effort: 'low' },
        { line: 4, column: 5, endColumn: 45, severity: 'info' },
      ],
    },
  ],
});
