import { kubernetesAnalyzer } from '../../../../src/analyzers/kubernetes';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(kubernetesAnalyzer as Analyzer, 'kubernetes/gpu-node-selector', {
  filename: 'k8s/deploy.yaml',
  valid: [
    { code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  nodeSelector:\n    kubernetes.io/os: linux\n' },
    { code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  nodeSelector:\n    nvidia.com/gpu.present: "false"\n', name: 'selecting non-GPU nodes' },
    { code: 'apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata: {name: cpu}\nspec:\n  template:\n    spec:\n      requirements:\n        - key: karpenter.k8s.aws/instance-family\n          operator: NotIn\n          values: [p4d, g5]\n', name: 'NotIn excludes GPUs' },
    { code: 'apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata: {name: neuron}\nspec:\n  template:\n    spec:\n      requirements:\n        - key: karpenter.k8s.aws/instance-family\n          operator: In\n          values: [trn1, inf2]\n', name: 'Neuron families' },
    { code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  selector:\n    matchExpressions:\n      - key: nvidia.com/gpu.present\n        operator: Exists\n', name: 'a pod label selector is not a node selector' },
  ],
  invalid: [
    {
      name: 'Terraform templatefile placeholders in a flow sequence (Karpenter v1alpha5 Provisioner)',
      code: 'apiVersion: karpenter.sh/v1alpha5\nkind: Provisioner\nmetadata: {name: gpu}\nspec:\n  requirements:\n    - key: topology.kubernetes.io/zone\n      operator: In\n      values: [${zone}a]\n    - key: karpenter.k8s.aws/instance-family\n      operator: In\n      values: ["g5"]\n',
      errors: [{ line: 11, column: 17, endColumn: 19, message: /GPU instance family g5/ }],
    },
    {
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  nodeSelector:\n    nvidia.com/gpu.product: NVIDIA-A100-SXM4-80GB\n    k8s.amazonaws.com/accelerator: nvidia-tesla-v100\n',
      errors: [
        { line: 7, column: 5, endColumn: 27, message: /nodeSelector in Pod a/ },
        { line: 8, column: 36, endColumn: 53 },
      ],
    },
    {
      code: [
        'apiVersion: batch/v1',
        'kind: Job',
        'metadata: {name: train}',
        'spec:',
        '  template:',
        '    spec:',
        '      affinity:',
        '        nodeAffinity:',
        '          requiredDuringSchedulingIgnoredDuringExecution:',
        '            nodeSelectorTerms:',
        '              - matchExpressions:',
        '                  - key: nvidia.com/gpu.present',
        '                    operator: In',
        '                    values: ["true"]',
        '',
      ].join('\n'),
      errors: [{ line: 12, column: 26, endColumn: 48, message: /node affinity/ }],
    },
    {
      code: [
        'apiVersion: karpenter.sh/v1',
        'kind: NodePool',
        'metadata:',
        '  name: gpu',
        'spec:',
        '  template:',
        '    spec:',
        '      requirements:',
        '        - key: karpenter.k8s.aws/instance-category',
        '          operator: In',
        '          values: ["g", "p"]',
        '        - key: karpenter.k8s.aws/instance-family',
        '          operator: In',
        '          values: [p4d, g5, c6i]',
        '        - key: karpenter.k8s.aws/instance-gpu-manufacturer',
        '          operator: In',
        '          values: [nvidia]',
        '        - key: karpenter.k8s.aws/instance-gpu-count',
        '          operator: Gt',
        '          values: ["0"]',
        '',
      ].join('\n'),
      errors: [
        { line: 11, column: 21, endColumn: 22, message: /category g/ },
        { line: 11, column: 26, endColumn: 27 },
        { line: 14, column: 20, endColumn: 23, message: /family p4d/ },
        { line: 14, column: 25, endColumn: 27 },
        { line: 17, column: 20, endColumn: 26 },
        { line: 18, column: 16, endColumn: 52 },
      ],
    },
    {
      code: 'nodeSelector:\n  cloud.google.com/gke-accelerator: nvidia-l4\n',
      filename: 'values-gpu.yaml',
      errors: [{ line: 2, column: 37, endColumn: 46 }],
    },
  ],
});
