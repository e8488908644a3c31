locals {
  name = "platform-${var.environment}"

  tags = {
    environment = var.environment
    team        = "platform"
    managed-by  = "terraform"
    repository  = "acme/platform-infra"
  }
}

module "kms" {
  source = "../../modules/kms"

  name            = local.name
  admin_role_arns = var.admin_role_arns
  keys = {
    eks  = { description = "EKS secrets envelope encryption (${var.environment})" }
    rds  = { description = "RDS storage and Performance Insights (${var.environment})", service_principals = ["rds.amazonaws.com"] }
    s3   = { description = "S3 buckets (${var.environment})", service_principals = ["s3.amazonaws.com"] }
    logs = { description = "CloudWatch Logs and SNS (${var.environment})", service_principals = ["logs.${var.region}.amazonaws.com", "sns.amazonaws.com"] }
  }
}

module "network" {
  source = "../../modules/network"

  name               = local.name
  vpc_cidr           = var.vpc_cidr
  availability_zones = var.availability_zones
  single_nat_gateway = var.environment != "prod"
  cluster_name       = local.name
}

module "eks" {
  source = "../../modules/eks-cluster"

  name                         = local.name
  kubernetes_version           = var.kubernetes_version
  vpc_id                       = module.network.vpc_id
  subnet_ids                   = module.network.private_subnet_ids
  kms_key_arn                  = module.kms.key_arns["eks"]
  node_groups                  = var.node_groups
  endpoint_public_access_cidrs = var.endpoint_public_access_cidrs
}

module "orders_db" {
  source = "../../modules/rds-postgres"

  identifier                 = "orders-${var.environment}"
  database_name              = "orders"
  instance_class             = var.db_instance_class
  multi_az                   = var.environment == "prod"
  deletion_protection        = var.environment != "dev"
  vpc_id                     = module.network.vpc_id
  subnet_ids                 = module.network.private_subnet_ids
  allowed_security_group_ids = [module.eks.cluster_security_group_id]
  kms_key_arn                = module.kms.key_arns["rds"]
}

module "artifacts" {
  source = "../../modules/s3-bucket"

  bucket_name    = "acme-${local.name}-artifacts"
  kms_key_arn    = module.kms.key_arns["s3"]
  access_logging = var.environment == "prod"
  force_destroy  = var.environment == "dev"
  allowed_principal_arns = [
    module.iam_roles.service_account_role_arns["orders-api"],
    module.iam_roles.service_account_role_arns["orders-worker"],
  ]

  lifecycle_rules = [
    { id = "ci-cache", prefix = "cache/", expiration_days = 14 },
    { id = "exports", prefix = "exports/", transition_days = 30, expiration_days = 365 },
  ]
}

module "iam_roles" {
  source = "../../modules/iam-roles"

  name_prefix         = local.name
  oidc_provider_arn   = module.eks.oidc_provider_arn
  oidc_issuer         = module.eks.oidc_issuer
  github_repositories = ["acme/orders", "acme/platform-infra"]

  service_account_roles = {
    orders-api = {
      namespace       = "orders"
      service_account = "orders-api"
    }
    orders-worker = {
      namespace       = "orders"
      service_account = "orders-worker"
    }
    external-dns = {
      namespace       = "kube-system"
      service_account = "external-dns"
      policy_arns     = [aws_iam_policy.external_dns.arn]
    }
  }
}

module "dns" {
  source = "../../modules/dns"

  zone_name = var.zone_name
}

module "observability" {
  source = "../../modules/observability"

  name                   = local.name
  alarm_emails           = var.alarm_emails
  kms_key_arn            = module.kms.key_arns["logs"]
  db_instance_identifier = module.orders_db.db_instance_identifier
  cluster_name           = module.eks.cluster_name
}

data "aws_iam_policy_document" "external_dns" {
  statement {
    actions   = ["route53:ChangeResourceRecordSets"]
    resources = ["arn:aws:route53:::hostedzone/${module.dns.zone_id}"]
  }
  statement {
    actions   = ["route53:ListHostedZones", "route53:ListResourceRecordSets", "route53:ListTagsForResource"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "external_dns" {
  name   = "${local.name}-external-dns"
  policy = data.aws_iam_policy_document.external_dns.json
}
