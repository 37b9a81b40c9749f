import { kubernetesAnalyzer } from '../../../../src/analyzers/kubernetes';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(kubernetesAnalyzer as Analyzer, 'kubernetes/instance-type', {
  filename: 'k8s/job.yaml',
  valid: [
    { code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  nodeSelector:\n    node.kubernetes.io/instance-type: not-a-type\n' },
    { code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  note: "runs on p4d.24xlarge"\n', name: 'a string in a ConfigMap is the generic analyzer\'s' },
    { code: 'instanceType: p4d.24xlarge\n', filename: 'random.yaml', name: 'not an eksctl config' },
    { code: 'apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n      requirements:\n        - key: node.kubernetes.io/instance-type\n          operator: NotIn\n          values: [p3.2xlarge]\n' },
  ],
  invalid: [
    {
      code: 'apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata:\n  name: bert\nspec:\n  pytorchReplicaSpecs:\n    Worker:\n      template:\n        spec:\n          nodeSelector:\n            node.kubernetes.io/instance-type: p4d.24xlarge\n',
      errors: [{ line: 11, column: 47, endColumn: 59, category: 'gpu-instance', instanceType: 'p4d.24xlarge', output: 'apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata:\n  name: bert\nspec:\n  pytorchReplicaSpecs:\n    Worker:\n      template:\n        spec:\n          nodeSelector:\n            node.kubernetes.io/instance-type: trn1.32xlarge\n' }],
    },
    {
      code: 'apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata: {name: mixed}\nspec:\n  template:\n    spec:\n      requirements:\n        - key: node.kubernetes.io/instance-type\n          operator: In\n          values: ["g5.xlarge", "m5.large", "inf2.xlarge"]\n',
      errors: [
        { line: 10, column: 21, endColumn: 30, category: 'gpu-instance' },
        { line: 10, column: 34, endColumn: 42, category: 'x86-instance' },
        { line: 10, column: 46, endColumn: 57, category: 'portable-instance', severity: 'info' },
      ],
    },
    {
      code: [
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'metadata:',
        '  name: ml',
        '  region: us-west-2',
        'managedNodeGroups:',
        '  - name: inference-gpu',
        '    instanceType: g5.2xlarge',
        '    desiredCapacity: 3',
        '  - name: system',
        '    instanceTypes: [m5.xlarge, m6i.xlarge]',
        '',
      ].join('\n'),
      filename: 'eksctl/cluster.yaml',
      errors: [
        { line: 8, column: 19, endColumn: 29, category: 'gpu-instance', message: /eksctl node group inference-gpu/ },
        { line: 11, column: 21, endColumn: 30, category: 'x86-instance' },
        { line: 11, column: 32, endColumn: 42, category: 'x86-instance' },
      ],
    },
  ],
});
