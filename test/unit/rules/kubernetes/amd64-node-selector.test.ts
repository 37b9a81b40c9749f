import { kubernetesAnalyzer } from '../../../../src/analyzers/kubernetes';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(kubernetesAnalyzer as Analyzer, 'kubernetes/amd64-node-selector', {
  filename: 'k8s/deploy.yaml',
  valid: [
    { code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  nodeSelector:\n    kubernetes.io/arch: arm64\n' },
    { code: 'apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n      requirements:\n        - key: kubernetes.io/arch\n          operator: In\n          values: [amd64, arm64]\n', name: 'multi-arch' },
  ],
  invalid: [
    {
      name: 'envsubst placeholder elsewhere in the document does not hide the requirement',
      code: 'apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n      requirements:\n        - key: topology.kubernetes.io/zone\n          operator: In\n          values: [${AZ}]\n        - key: kubernetes.io/arch\n          operator: In\n          values: ["amd64"]\n',
      errors: [{ line: 13, column: 21, endColumn: 26 }],
    },
    {
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  nodeSelector:\n    kubernetes.io/arch: amd64\n',
      errors: [{ line: 6, column: 25, endColumn: 30, output: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  nodeSelector:\n    kubernetes.io/arch: arm64\n' }],
    },
    {
      code: 'apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n      requirements:\n        - key: kubernetes.io/arch\n          operator: In\n          values: ["amd64"]\n',
      errors: [{ line: 10, column: 21, endColumn: 26, message: /Karpenter/ }],
    },
  ],
});
