import { kubernetesAnalyzer } from '../../../../src/analyzers/kubernetes';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(kubernetesAnalyzer as Analyzer, 'kubernetes/nvidia-ami', {
  filename: 'eksctl/cluster.yaml',
  valid: [
    { code: 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: us-east-1}\nmanagedNodeGroups:\n  - name: ng\n    amiFamily: AmazonLinux2023\n' },
  ],
  invalid: [
    {
      code: 'apiVersion: eks.services.k8s.aws/v1alpha1\nkind: Nodegroup\nmetadata:\n  name: gpu\nspec:\n  amiType: AL2023_x86_64_NVIDIA\n',
      errors: [{ line: 6, column: 12, endColumn: 32 }],
    },
    {
      code: 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: us-east-1}\nnodeGroups:\n  - name: gpu\n    ami: /aws/service/eks/optimized-ami/1.29/amazon-linux-2-gpu/recommended/image_id\n',
      errors: [{ line: 6, column: 10, endColumn: 85 }],
    },
  ],
});
