terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

provider "aws" {
  region = "us-east-1"
}

# Two A100 boxes for the nightly fine-tuning run.
# (An older setup used instance_type = "p3.16xlarge"; kept here as a note only.)
resource "aws_instance" "trainer" {
  count         = 2
  ami           = var.dlami_id
  instance_type = "p4d.24xlarge"

  tags = {
    Name        = "llm-trainer-${count.index}"
    Description = "fine-tunes on p4d.24xlarge"
  }
}

resource "aws_eks_node_group" "gpu_inference" {
  cluster_name    = aws_eks_cluster.main.name
  node_group_name = "gpu-inference"
  node_role_arn   = aws_iam_role.nodes.arn
  subnet_ids      = var.private_subnet_ids
  ami_type        = "AL2_x86_64_GPU"
  instance_types  = ["g5.2xlarge"]

  scaling_config {
    desired_size = 3
    min_size     = 1
    max_size     = 6
  }

  labels = {
    workload = "inference"
  }
}

resource "aws_sagemaker_endpoint_configuration" "chat" {
  name = "chat-endpoint-config"

  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.chat.name
    instance_type          = "ml.g5.xlarge"
    initial_instance_count = 2
  }
}

resource "aws_instance" "api" {
  ami           = var.api_ami_id
  instance_type = "m5.xlarge"
}

resource "aws_instance" "batch_worker" {
  ami           = var.api_ami_id
  instance_type = var.gpu_type
}

resource "aws_lambda_function" "preprocess" {
  function_name = "preprocess"
  role          = aws_iam_role.lambda.arn
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "preprocess.zip"
  architectures = ["x86_64"]
}
