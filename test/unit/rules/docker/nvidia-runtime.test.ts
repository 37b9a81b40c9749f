import { dockerAnalyzer } from '../../../../src/analyzers/docker';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(dockerAnalyzer as Analyzer, 'docker/nvidia-runtime', {
  filename: 'docker-compose.yml',
  valid: [
    { code: 'services:\n  web:\n    image: nginx\n    # runtime: nvidia\n', name: 'in a comment' },
    { code: 'services:\n  web:\n    image: nginx\n    runtime: runc\n' },
    { code: 'services:\n  app:\n    deploy:\n      resources:\n        limits:\n          cpus: "2"\n' },
    { code: 'x-notes: "runtime: nvidia"\nservices: {}\n' },
  ],
  invalid: [
    {
      code: 'services:\n  trainer:\n    image: my/trainer\n    runtime: nvidia\n',
      errors: [{ line: 4, column: 14, endColumn: 20, message: /NVIDIA container runtime/ }],
    },
    {
      code: [
        'services:',
        '  ollama:',
        '    image: ollama/ollama',
        '    deploy:',
        '      resources:',
        '        reservations:',
        '          devices:',
        '            - driver: nvidia',
        '              count: all',
        '              capabilities: [gpu]',
        '',
      ].join('\n'),
      errors: [{ line: 8, column: 23, endColumn: 29 }],
    },
    {
      code: 'services:\n  app:\n    deploy:\n      resources:\n        reservations:\n          devices:\n            - capabilities: ["gpu"]\n              device_ids: ["0"]\n',
      errors: [{ line: 7, column: 31, endColumn: 34 }],
    },
    {
      code: 'services:\n  app:\n    image: x\n    gpus: all\n',
      errors: [{ line: 4, column: 5, endColumn: 9 }],
    },
  ],
});
