output "service_account_role_arns" {
  description = "Role ARN per service account role, for the eks.amazonaws.com/role-arn annotation."
  value       = { for name, role in aws_iam_role.service_account : name => role.arn }
}

output "github_deploy_role_arn" {
  description = "Role assumed by GitHub Actions deploy jobs, or null."
  value       = length(aws_iam_role.github_deploy) > 0 ? aws_iam_role.github_deploy[0].arn : null
}
