output "vpc_id" {
  description = "VPC of the environment."
  value       = module.network.vpc_id
}

output "cluster_name" {
  description = "EKS cluster, for aws eks update-kubeconfig."
  value       = module.eks.cluster_name
}

output "cluster_endpoint" {
  description = "Kubernetes API endpoint."
  value       = module.eks.cluster_endpoint
}

output "orders_db_endpoint" {
  description = "Orders database endpoint (host:port)."
  value       = module.orders_db.endpoint
}

output "orders_db_secret_arn" {
  description = "Secrets Manager ARN of the orders database master credentials."
  value       = module.orders_db.master_user_secret_arn
}

output "artifacts_bucket" {
  description = "Artifacts bucket name."
  value       = module.artifacts.bucket_id
}

output "service_account_role_arns" {
  description = "IRSA role ARNs, for the charts' serviceAccount.annotations."
  value       = module.iam_roles.service_account_role_arns
}

output "github_deploy_role_arn" {
  description = "Role the deploy workflow assumes."
  value       = module.iam_roles.github_deploy_role_arn
}

output "alarm_topic_arn" {
  description = "SNS topic of the alarms."
  value       = module.observability.sns_topic_arn
}

output "name_servers" {
  description = "Delegate the zone to these from the parent zone."
  value       = module.dns.name_servers
}
