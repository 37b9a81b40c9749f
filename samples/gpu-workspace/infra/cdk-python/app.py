"""CDK for Python app: a batch scoring fleet on c5 instances and a GPU notebook."""
import aws_cdk as cdk
from aws_cdk import aws_ec2 as ec2, aws_lambda as _lambda, aws_sagemaker as sagemaker
from constructs import Construct


class ScoringStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc.from_lookup(self, "Vpc", is_default=True)
        ec2.Instance(
            self,
            "ScoringHost",
            vpc=vpc,
            instance_type=ec2.InstanceType.of(ec2.InstanceClass.COMPUTE5, ec2.InstanceSize.XLARGE4),
            machine_image=ec2.MachineImage.latest_amazon_linux2023(),
        )
        sagemaker.CfnNotebookInstance(self, "ResearchNotebook", instance_type="ml.g4dn.xlarge", role_arn="arn:aws:iam::123456789012:role/nb")
        _lambda.Function(
            self,
            "Scorer",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="app.handler",
            code=_lambda.Code.from_asset("scorer"),
            architecture=_lambda.Architecture.X86_64,
        )


app = cdk.App()
ScoringStack(app, "Scoring", env=cdk.Environment(region="eu-west-1"))
app.synth()
