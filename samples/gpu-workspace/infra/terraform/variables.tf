variable "gpu_type" {
  description = "Instance type of the batch training workers"
  type        = string
  default     = "g5.12xlarge"
}

variable "dlami_id" {
  type = string
}

variable "api_ami_id" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}
