import { kubernetesAnalyzer } from '../../../../src/analyzers/kubernetes';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(kubernetesAnalyzer as Analyzer, 'kubernetes/gpu-toleration', {
  filename: 'k8s/pod.yaml',
  valid: [
    { code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  tolerations:\n    - key: aws.amazon.com/neuron\n      operator: Exists\n' },
    { code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  tolerations:\n    # - key: nvidia.com/gpu\n    - key: dedicated\n' },
  ],
  invalid: [
    {
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  tolerations:\n    - key: nvidia.com/gpu\n      operator: Exists\n      effect: NoSchedule\n',
      errors: [{ line: 6, column: 12, endColumn: 26, severity: 'info', message: /tolerates/ }],
    },
    {
      code: 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: us-east-1}\nnodeGroups:\n  - name: gpu\n    taints:\n      - key: nvidia.com/gpu\n        value: "true"\n        effect: NoSchedule\n',
      filename: 'cluster.yaml',
      errors: [{ line: 7, column: 14, endColumn: 28, message: /taints/ }],
    },
  ],
});
