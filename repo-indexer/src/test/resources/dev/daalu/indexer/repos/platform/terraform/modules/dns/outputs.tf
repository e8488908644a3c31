output "zone_id" {
  description = "Hosted zone ID."
  value       = local.zone_id
}

output "name_servers" {
  description = "Name servers to delegate to from the parent zone (empty for an existing zone)."
  value       = var.create_zone ? aws_route53_zone.this[0].name_servers : []
}

output "certificate_arn" {
  description = "ARN of the validated wildcard certificate."
  value       = aws_acm_certificate_validation.this.certificate_arn
}
