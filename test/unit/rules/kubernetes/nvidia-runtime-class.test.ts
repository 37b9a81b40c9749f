import { kubernetesAnalyzer } from '../../../../src/analyzers/kubernetes';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

const pod = (extra: string) => 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n' + extra + '  containers:\n    - name: a\n      image: x\n';

ruleTester(kubernetesAnalyzer as Analyzer, 'kubernetes/nvidia-runtime-class', {
  filename: 'k8s/pod.yaml',
  valid: [
    { code: pod('  runtimeClassName: gvisor\n') },
    { code: pod('  # runtimeClassName: nvidia\n') },
  ],
  invalid: [
    {
      code: pod('  runtimeClassName: nvidia\n'),
      errors: [{ line: 6, column: 21, endColumn: 27, output: pod('') }],
    },
    {
      code: 'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: nvidia\nhandler: nvidia\n',
      errors: [{ line: 5, column: 10, endColumn: 16 }],
    },
  ],
});
