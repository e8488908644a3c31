variable "name_prefix" {
  description = "Prefix of every role name."
  type        = string
}

variable "oidc_provider_arn" {
  description = "ARN of the EKS cluster's OIDC provider (eks-cluster output oidc_provider_arn)."
  type        = string
}

variable "oidc_issuer" {
  description = "OIDC issuer host and path, without https:// (eks-cluster output oidc_issuer)."
  type        = string
}

variable "service_account_roles" {
  description = "IAM roles for Kubernetes service accounts, by role name suffix."
  type = map(object({
    namespace       = string
    service_account = string
    policy_arns     = optional(list(string), [])
    inline_policy   = optional(string)
  }))
  default = {}
}

variable "github_repositories" {
  description = "GitHub repositories (owner/name) whose workflows may assume the deploy role."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags added to every role."
  type        = map(string)
  default     = {}
}
