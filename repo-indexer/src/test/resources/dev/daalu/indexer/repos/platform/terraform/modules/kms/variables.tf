variable "name" {
  description = "Prefix of the key aliases (alias/<name>-<purpose>)."
  type        = string
}

variable "keys" {
  description = "Keys by purpose, with the AWS services allowed to use them."
  type = map(object({
    description      = string
    service_principals = optional(list(string), [])
    deletion_window_days = optional(number, 30)
  }))

  validation {
    condition     = alltrue([for key in values(var.keys) : key.deletion_window_days >= 7 && key.deletion_window_days <= 30])
    error_message = "deletion_window_days must be between 7 and 30."
  }
}

variable "admin_role_arns" {
  description = "Roles that may administer (but not use) the keys."
  type        = list(string)
}

variable "tags" {
  description = "Tags added to every key."
  type        = map(string)
  default     = {}
}
