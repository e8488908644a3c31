variable "bucket_name" {
  description = "Globally unique bucket name."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.bucket_name))
    error_message = "bucket_name must be 3-63 lowercase letters, digits, dots or dashes."
  }
}

variable "versioning_enabled" {
  description = "Keep every version of every object."
  type        = bool
  default     = true
}

variable "kms_key_arn" {
  description = "KMS key for SSE-KMS; null uses SSE-S3 (AES256)."
  type        = string
  default     = null
}

variable "lifecycle_rules" {
  description = "Lifecycle rules: transitions to cheaper storage and expiry, per prefix."
  type = list(object({
    id                         = string
    prefix                     = optional(string, "")
    transition_days            = optional(number)
    transition_storage_class   = optional(string, "STANDARD_IA")
    expiration_days            = optional(number)
    noncurrent_expiration_days = optional(number, 90)
  }))
  default = []
}

variable "access_logging" {
  description = "Write S3 server access logs to a companion <bucket_name>-logs bucket."
  type        = bool
  default     = false
}

variable "allowed_principal_arns" {
  description = "IAM principals granted read/write on the bucket through its policy."
  type        = list(string)
  default     = []
}

variable "force_destroy" {
  description = "Allow terraform destroy to delete a non-empty bucket (never in prod)."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
