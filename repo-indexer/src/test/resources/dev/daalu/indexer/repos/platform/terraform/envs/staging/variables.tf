variable "environment" {
  description = "Environment name: dev, staging or prod."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod."
  }
}

variable "account_id" {
  description = "AWS account the environment lives in."
  type        = string
}

variable "region" {
  description = "Primary AWS region."
  type        = string
  default     = "eu-west-1"
}

variable "vpc_cidr" {
  description = "CIDR of the environment's VPC (must not overlap the other environments)."
  type        = string
}

variable "availability_zones" {
  description = "Zones to spread across."
  type        = list(string)
}

variable "kubernetes_version" {
  description = "EKS minor version."
  type        = string
}

variable "node_groups" {
  description = "EKS managed node groups (see modules/eks-cluster)."
  type        = any
}

variable "db_instance_class" {
  description = "Instance class of the orders database."
  type        = string
}

variable "alarm_emails" {
  description = "Who gets alarm e-mails."
  type        = list(string)
  default     = []
}

variable "admin_role_arns" {
  description = "Roles administering the KMS keys."
  type        = list(string)
}

variable "zone_name" {
  description = "DNS zone of the environment."
  type        = string
}

variable "endpoint_public_access_cidrs" {
  description = "Office and VPN CIDRs allowed to reach the Kubernetes API."
  type        = list(string)
  default     = []
}
