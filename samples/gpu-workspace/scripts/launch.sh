#!/usr/bin/env bash
# Starts a dev box. Usage: launch.sh [--gpu]; the GPU box is a g5.4xlarge.
set -euo pipefail
TYPE="c5.2xlarge"
if [[ "${1:-}" == "--gpu" ]]; then
  aws ec2 run-instances --image-id "$AMI" --instance-type g5.4xlarge --count 1
else
  aws ec2 run-instances --image-id "$AMI" --instance-type "$TYPE" --count 1
fi
