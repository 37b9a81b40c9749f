# Production: bigger workers for the weekly retraining.
gpu_type           = "p4d.24xlarge"
dlami_id           = "ami-0123456789abcdef0"
api_ami_id         = "ami-0fedcba9876543210"
private_subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
