import { manifestsAnalyzer } from '../../../../src/analyzers/manifests';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(manifestsAnalyzer as Analyzer, 'manifests/cuda-wheel-index', {
  filename: 'requirements.txt',
  valid: [
    { code: '--extra-index-url https://download.pytorch.org/whl/cpu\ntorch\n', name: 'the CPU wheel index' },
    { code: '# --extra-index-url https://download.pytorch.org/whl/cu121\ntorch\n', name: 'comment' },
    { code: 'name: x\nchannels:\n  - pytorch\n  - conda-forge\ndependencies:\n  - numpy\n', filename: 'environment.yml' },
  ],
  invalid: [
    {
      name: 'a wheel URL ends at the marker; the same wheel for another platform is reported once',
      code: 'https://example.org/d/kern-0.4+cu117-cp310-cp310-win_amd64.whl; platform_system == "Windows"\nhttps://example.org/d/kern-0.4+cu117-cp310-cp310-linux_x86_64.whl; platform_system == "Linux"\n',
      errors: [{ line: 1, column: 1, endColumn: 63, message: /kern-0\.4\+cu117-cp310-cp310-win_amd64\.whl is a CUDA build/ }],
    },
    {
      code: '--extra-index-url https://download.pytorch.org/whl/cu121\n-i https://pypi.nvidia.com\n-f https://data.pyg.org/whl/torch-2.3.0+cu121.html\n',
      errors: [
        { line: 1, column: 19, endColumn: 57 },
        { line: 2, column: 4, endColumn: 27 },
        { line: 3, column: 4, endColumn: 51 },
      ],
    },
    {
      name: 'uv index and Poetry source in pyproject.toml',
      filename: 'pyproject.toml',
      code: '[[tool.uv.index]]\nname = "pytorch-cu121"\nurl = "https://download.pytorch.org/whl/cu121"\n\n[[tool.poetry.source]]\nname = "pt"\nurl = "https://download.pytorch.org/whl/nightly/cu124"\n',
      errors: [
        { line: 3, column: 8, endColumn: 46 },
        { line: 7, column: 8, endColumn: 54 },
      ],
    },
    {
      name: 'Pipfile source',
      filename: 'Pipfile',
      code: '[[source]]\nurl = "https://download.pytorch.org/whl/cu118"\nname = "pytorch"\n',
      errors: [{ line: 2, column: 8, endColumn: 46 }],
    },
    {
      name: 'conda nvidia channel, channel prefix, pip index in the pip sub-list',
      filename: 'environment.yaml',
      code: 'channels:\n  - nvidia\ndependencies:\n  - nvidia::cuda-toolkit\n  - pip:\n      - --extra-index-url https://pypi.nvidia.com\n',
      errors: [
        { line: 2, column: 5, endColumn: 11 },
        { line: 4, column: 5, endColumn: 11 },
        { line: 6, column: 27, endColumn: 50 },
      ],
    },
    {
      name: 'a CUDA wheel of a package not in the library table',
      code: 'https://example.com/wheels/fused_ops-0.3.1+cu121-cp310-cp310-linux_x86_64.whl\n',
      errors: [{ line: 1, column: 1, endColumn: 78 }],
    },
  ],
});
