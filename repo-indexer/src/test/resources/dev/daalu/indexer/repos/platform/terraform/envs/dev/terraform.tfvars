environment        = "dev"
account_id         = "123456789012"
vpc_cidr           = "10.10.0.0/16"
availability_zones = ["eu-west-1a", "eu-west-1b"]
kubernetes_version = "1.29"
db_instance_class  = "db.t4g.medium"
zone_name          = "dev.acme.dev"
admin_role_arns    = ["arn:aws:iam::123456789012:role/platform-admin"]

node_groups = {
  general = {
    instance_types = ["t3.large"]
    capacity_type  = "SPOT"
    min_size       = 1
    max_size       = 4
    desired_size   = 2
  }
}
