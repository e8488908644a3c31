output "bucket_id" {
  description = "Name of the bucket."
  value       = aws_s3_bucket.this.id
}

output "bucket_arn" {
  description = "ARN of the bucket."
  value       = aws_s3_bucket.this.arn
}

output "bucket_regional_domain_name" {
  description = "Regional domain name, for CloudFront origins."
  value       = aws_s3_bucket.this.bucket_regional_domain_name
}

output "logs_bucket_id" {
  description = "Name of the access-log bucket, or null without access_logging."
  value       = var.access_logging ? aws_s3_bucket.logs[0].id : null
}
