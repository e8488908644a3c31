variable "identifier" {
  description = "DB instance identifier."
  type        = string
}

variable "engine_version" {
  description = "PostgreSQL major.minor version."
  type        = string
  default     = "16.2"

  validation {
    condition     = tonumber(split(".", var.engine_version)[0]) >= 14
    error_message = "PostgreSQL 14 or later is required."
  }
}

variable "instance_class" {
  description = "Instance class, e.g. db.r6g.large."
  type        = string
  default     = "db.t4g.medium"
}

variable "allocated_storage_gb" {
  description = "Initial storage in GiB; storage autoscaling goes up to max_allocated_storage_gb."
  type        = number
  default     = 50
}

variable "max_allocated_storage_gb" {
  description = "Upper bound for storage autoscaling in GiB."
  type        = number
  default     = 500
}

variable "database_name" {
  description = "Name of the initial database."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the database."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets of the DB subnet group."
  type        = list(string)
}

variable "allowed_security_group_ids" {
  description = "Security groups allowed to connect on 5432 (e.g. the EKS node security group)."
  type        = list(string)
  default     = []
}

variable "kms_key_arn" {
  description = "KMS key for storage encryption and Performance Insights."
  type        = string
}

variable "multi_az" {
  description = "Run a synchronous standby in another zone."
  type        = bool
  default     = true
}

variable "backup_retention_days" {
  description = "Days of automated backups."
  type        = number
  default     = 14

  validation {
    condition     = var.backup_retention_days >= 1 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be between 1 and 35."
  }
}

variable "deletion_protection" {
  description = "Refuse to delete the instance."
  type        = bool
  default     = true
}

variable "parameters" {
  description = "Extra DB parameter group settings."
  type = list(object({
    name         = string
    value        = string
    apply_method = optional(string, "pending-reboot")
  }))
  default = []
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
