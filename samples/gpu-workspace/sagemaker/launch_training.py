"""Launches the fine-tuning job on SageMaker (see README for the ml.p4d.24xlarge quota)."""
import argparse

import sagemaker
from sagemaker.huggingface import HuggingFace

TRAIN_INSTANCE = "ml.p4d.24xlarge"
NODES = 2


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--smoke-test", action="store_true", help="Run locally with instance type local_gpu instead of ml.p4d.24xlarge")
    args = parser.parse_args()
    estimator = HuggingFace(
        entry_point="train.py",
        source_dir="../training",
        role=sagemaker.get_execution_role(),
        instance_type="local_gpu" if args.smoke_test else TRAIN_INSTANCE,
        instance_count=1 if args.smoke_test else NODES,
        transformers_version="4.36",
        pytorch_version="2.1",
        py_version="py310",
        distribution={"torch_distributed": {"enabled": True}},
    )
    estimator.fit({"train": "s3://example-bucket/train"})


if __name__ == "__main__":
    main()
