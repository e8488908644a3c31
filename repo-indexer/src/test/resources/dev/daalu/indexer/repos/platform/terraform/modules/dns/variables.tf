variable "zone_name" {
  description = "DNS zone, e.g. prod.acme.dev."
  type        = string
}

variable "create_zone" {
  description = "Create the hosted zone; false looks up an existing one."
  type        = bool
  default     = true
}

variable "records" {
  description = "Records by name relative to the zone: either alias (to a load balancer) or plain values."
  type = map(object({
    type    = optional(string, "A")
    ttl     = optional(number, 300)
    values  = optional(list(string), [])
    alias = optional(object({
      name    = string
      zone_id = string
    }))
  }))
  default = {}
}

variable "certificate_sans" {
  description = "Extra names on the ACM certificate besides the zone apex and wildcard."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags added to the zone and certificate."
  type        = map(string)
  default     = {}
}
