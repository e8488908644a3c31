variable "name" {
  description = "Name prefix of the topic and alarms."
  type        = string
}

variable "alarm_emails" {
  description = "E-mail addresses subscribed to the alarm topic."
  type        = list(string)
  default     = []
}

variable "pagerduty_endpoint" {
  description = "PagerDuty CloudWatch integration URL; null for none."
  type        = string
  default     = null
  sensitive   = true
}

variable "kms_key_arn" {
  description = "KMS key encrypting the SNS topic."
  type        = string
}

variable "db_instance_identifier" {
  description = "RDS instance watched for CPU, storage and connections."
  type        = string
}

variable "cluster_name" {
  description = "EKS cluster watched through Container Insights."
  type        = string
}

variable "thresholds" {
  description = "Alarm thresholds."
  type = object({
    db_cpu_percent        = optional(number, 80)
    db_free_storage_bytes = optional(number, 10737418240)
    node_cpu_percent      = optional(number, 85)
    failed_pods           = optional(number, 1)
  })
  default = {}
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
