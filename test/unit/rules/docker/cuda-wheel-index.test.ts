import { dockerAnalyzer } from '../../../../src/analyzers/docker';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(dockerAnalyzer as Analyzer, 'docker/cuda-wheel-index', {
  filename: 'Dockerfile',
  valid: [
    { code: 'FROM python:3.11\nRUN pip install torch --index-url https://download.pytorch.org/whl/cpu\n' },
    { code: 'FROM python:3.11\n# RUN pip install torch --index-url https://download.pytorch.org/whl/cu121\nRUN pip install torch\n', name: 'in a comment' },
  ],
  invalid: [
    {
      code: 'FROM python:3.11\nRUN pip install torch==2.3.0 \\\n    --index-url https://download.pytorch.org/whl/cu121\n',
      errors: [
        {
          line: 3,
          column: 17,
          endColumn: 55,
          message: /CUDA cu121 index/,
          output: 'FROM python:3.11\nRUN pip install torch==2.3.0 \\\n    --index-url https://download.pytorch.org/whl/cpu\n',
        },
      ],
    },
    {
      code: 'FROM python:3.11\nRUN pip install torch==2.1.2+cu118 -f https://download.pytorch.org/whl/torch_stable.html\n',
      errors: [{ line: 2, column: 17, endColumn: 35, message: /CUDA cu118 build/ }],
    },
    {
      name: 'one RUN installing several CUDA builds is one finding, naming the rest; its fix moves every index',
      code: 'FROM python:3.11\nRUN pip install torch==1.10.1+cu113 torchvision==0.11.2+cu113 -f https://download.pytorch.org/whl/cu113 && \\\n    pip install xformers --index-url https://download.pytorch.org/whl/cu113\n',
      errors: [
        {
          line: 2,
          column: 17,
          endColumn: 36,
          message: /^RUN installs a CUDA cu113 build of PyTorch \(torch==1\.10\.1\+cu113\); also torchvision==0\.11\.2\+cu113, https:\/\/download\.pytorch\.org\/whl\/cu113, https:\/\/download\.pytorch\.org\/whl\/cu113\.$/,
          output:
            'FROM python:3.11\nRUN pip install torch==1.10.1+cu113 torchvision==0.11.2+cu113 -f https://download.pytorch.org/whl/cpu && \\\n    pip install xformers --index-url https://download.pytorch.org/whl/cpu\n',
        },
      ],
    },
    {
      code: 'FROM python:3.11\nRUN <<EOF\npip install --extra-index-url https://download.pytorch.org/whl/cu124 torch\nEOF\n',
      errors: [{ line: 3, column: 31, endColumn: 69 }],
    },
  ],
});
