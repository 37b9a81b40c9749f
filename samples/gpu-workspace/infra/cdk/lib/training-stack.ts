import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';

/** GPU training and serving capacity for the recommender models. */
export class TrainingStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: cdk.StackProps & { cluster: eks.Cluster; vpc: ec2.IVpc }) {
    super(scope, id, { ...props, env: { region: 'us-west-2' } });

    // Single-node trainer used for experiments.
    new ec2.Instance(this, 'Trainer', {
      vpc: props.vpc,
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.P4D, ec2.InstanceSize.XLARGE24),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    });

    props.cluster.addNodegroupCapacity('gpu-inference', {
      instanceTypes: [new ec2.InstanceType('g5.2xlarge')],
      desiredSize: 2,
      amiType: eks.NodegroupAmiType.AL2_X86_64_GPU,
      labels: { workload: 'inference' },
    });

    new sagemaker.CfnEndpointConfig(this, 'RankerEndpointConfig', {
      productionVariants: [{ variantName: 'AllTraffic', modelName: 'ranker', instanceType: 'ml.g5.xlarge', initialInstanceCount: 2 }],
    });

    new lambda.Function(this, 'FeatureFn', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('lambda'),
      architecture: lambda.Architecture.X86_64,
      description: 'Feature lookup; the ranker runs on g5.xlarge endpoints',
    });
  }
}
