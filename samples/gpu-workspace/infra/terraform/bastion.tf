# Already on Graviton: reported for complete cost totals, nothing to migrate.
resource "aws_instance" "bastion" {
  ami           = var.api_ami_id
  instance_type = "t4g.small"
}
