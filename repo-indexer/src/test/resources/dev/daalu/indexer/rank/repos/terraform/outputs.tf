output "logs_bucket_arn" {
  value = module.logs.bucket_arn
}

output "vpc_id" {
  value = module.network.vpc_id
}
