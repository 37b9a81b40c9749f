import { dockerAnalyzer } from '../../../../src/analyzers/docker';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(dockerAnalyzer as Analyzer, 'docker/nvidia-env', {
  filename: 'Dockerfile',
  valid: [
    { code: '# ENV NVIDIA_VISIBLE_DEVICES=all\nFROM python:3.11\n' },
    { code: 'FROM python:3.11\nENV NEURON_RT_VISIBLE_CORES=0-1\n' },
    { code: 'FROM python:3.11\nRUN echo NVIDIA_VISIBLE_DEVICES=all\n', name: 'RUN text is not ENV' },
  ],
  invalid: [
    {
      code: 'FROM ubuntu:22.04\nENV NVIDIA_VISIBLE_DEVICES=all \\\n    NVIDIA_DRIVER_CAPABILITIES=compute,utility\n',
      errors: [
        { line: 2, column: 5, endColumn: 27, severity: 'info' },
        { line: 3, column: 5, endColumn: 31 },
      ],
    },
    {
      code: 'FROM ubuntu:22.04\nENV CUDA_VISIBLE_DEVICES 0\n',
      errors: [{ line: 2, column: 5, endColumn: 25, message: /CUDA_VISIBLE_DEVICES/ }],
    },
    {
      code: 'services:\n  a:\n    environment:\n      - NVIDIA_VISIBLE_DEVICES=all\n  b:\n    environment:\n      NVIDIA_DRIVER_CAPABILITIES: all\n',
      filename: 'compose.yaml',
      errors: [
        { line: 4, column: 9, endColumn: 31 },
        { line: 7, column: 7, endColumn: 33 },
      ],
    },
  ],
});
