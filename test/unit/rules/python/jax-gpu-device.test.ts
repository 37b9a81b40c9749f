import { pythonAnalyzer } from '../../../../src/analyzers/python';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(pythonAnalyzer as Analyzer, 'python/jax-gpu-device', {
  filename: 'train_jax.py',
  valid: [
    { code: 'import jax\ndevs = jax.devices()\n', name: 'default backend is portable' },
    { code: 'import jax\ncpus = jax.devices("cpu")\n' },
    { code: '# jax.devices("gpu")\n' },
    { code: 'import os\nos.environ["CUDA_VISIBLE_DEVICES"] = "0"\n', name: 'not a JAX platform' },
  ],
  invalid: [
    {
      code: 'import jax\ngpu = jax.devices("gpu")[0]\nx = jax.device_put(x, gpu)\n',
      errors: [{ line: 2, column: 19, endColumn: 24 }],
    },
    {
      code: 'import jax\nlocal = jax.local_devices(backend="gpu")\n',
      errors: [{ line: 2, column: 35, endColumn: 40 }],
    },
    {
      code: 'import jax\njax.config.update("jax_platform_name", "gpu")\n',
      errors: [{ line: 2, column: 40, endColumn: 45 }],
    },
    {
      code: 'from jax import config\nconfig.update("jax_platforms", "cuda,cpu")\n',
      errors: [{ line: 2, column: 32, endColumn: 42 }],
    },
    {
      code: 'import os\nos.environ["JAX_PLATFORMS"] = "cuda"\nos.environ.setdefault("JAX_PLATFORM_NAME", "gpu")\n',
      errors: [
        { line: 2, column: 31, endColumn: 37 },
        { line: 3, column: 44, endColumn: 49 },
      ],
    },
    {
      code: 'import jax\nf = jax.jit(g, backend="gpu")\n',
      errors: [{ line: 2, column: 24, endColumn: 29 }],
    },
  ],
});
