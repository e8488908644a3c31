output "key_arns" {
  description = "Key ARN by purpose (eks, rds, s3, logs...)."
  value       = { for purpose, key in aws_kms_key.this : purpose => key.arn }
}

output "key_ids" {
  description = "Key ID by purpose."
  value       = { for purpose, key in aws_kms_key.this : purpose => key.key_id }
}

output "aliases" {
  description = "Alias name by purpose."
  value       = { for purpose, alias in aws_kms_alias.this : purpose => alias.name }
}
